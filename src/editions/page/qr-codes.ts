// A QR code beside each video block in the print editions: paper cannot play a video, but a phone can open
// its address. Drawn as inline SVG squares (vector, so it prints sharp at any size) from qrcode's matrix.
import type QRCode from 'qrcode';
import { lazyRequire } from '../../lazy-require.js';

const loadQRCode = lazyRequire<typeof QRCode>('qrcode');

const videoBlock = /<div class="video" data-url="([^"]+)">([\s\S]*?)<\/div>/g;

/** The body HTML with a QR code to the address of every `<div class="video">` (see article/aside-rule.ts). */
export function withQrCodes(html: string): string {
  return html.replace(videoBlock, (_block, escapedUrl: string, inner: string) => {
    const url = escapedUrl
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
    return `<div class="video" data-url="${escapedUrl}">${qrSvg(url, escapedUrl)}${inner}</div>`;
  });
}

function qrSvg(url: string, label: string): string {
  const { modules } = loadQRCode().create(url, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const squares: string[] = [];
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) if (modules.get(row, col)) squares.push(`M${col + 4} ${row + 4}h1v1h-1z`);
  // A quiet zone of four modules on every side, as readers need.
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size + 8} ${size + 8}" role="img" aria-label="QR code: ${label}"><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="${squares.join('')}"/></svg>`;
}
