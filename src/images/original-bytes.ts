// The photo's own compressed pixels, with what could locate a source taken out: a JPEG's EXIF, IPTC, XMP,
// comments and maker segments and a PNG's text, EXIF and time chunks are dropped without re-encoding, and
// the credit XMP is put in their place. Colour (ICC profile, Adobe marker, PNG colour chunks) is kept.
import { crc32 } from 'node:zlib';

/** JPEG segments that say how to decode the pixels or their colours: JFIF (APP0), ICC (APP2), Adobe (APP14). */
const keptJpegApps = new Set([0xe0, 0xe2, 0xee]);

export function jpegWithOnlyCredit(jpeg: Uint8Array, xmp: string): Buffer | undefined {
  const bytes = Buffer.from(jpeg);
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const parts: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  let wroteXmp = false;
  const xmpSegment = app1Xmp(xmp);
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xda) {
      if (!wroteXmp) parts.push(xmpSegment);
      parts.push(bytes.subarray(at)); // start of scan: the compressed pixels and everything after, as they are
      return Buffer.concat(parts);
    }
    const length = bytes.readUInt16BE(at + 2);
    const segment = bytes.subarray(at, at + 2 + length);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const dropped = marker === 0xfe || (isApp && !keptJpegApps.has(marker));
    // The XMP goes after JFIF and before the tables, where readers look for APP1.
    if (!wroteXmp && marker !== 0xe0) {
      parts.push(xmpSegment);
      wroteXmp = true;
    }
    if (!dropped) parts.push(segment);
    at += 2 + length;
  }
  return undefined;
}

function app1Xmp(xmp: string): Buffer {
  const body = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmp, 'utf8')]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunks that can carry words, times or positions: dropped. Everything else describes the pixels. */
const droppedPngChunks = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

export function pngWithOnlyCredit(png: Uint8Array, xmp: string): Buffer | undefined {
  const bytes = Buffer.from(png);
  if (!bytes.subarray(0, 8).equals(pngSignature)) return undefined;
  const parts: Buffer[] = [pngSignature];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const chunk = bytes.subarray(at, at + 12 + length);
    if (type === 'IEND') return Buffer.concat([...parts, chunk]);
    if (!droppedPngChunks.has(type)) parts.push(chunk);
    // Right after the header, where readers look for it before the pixels.
    if (type === 'IHDR') parts.push(xmpChunk(xmp));
    at += 12 + length;
  }
  return undefined;
}

function xmpChunk(xmp: string): Buffer {
  // iTXt: keyword, NUL, compression flag and method, empty language and translated keyword, the text.
  const data = Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(xmp, 'utf8')]);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write('iTXt', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}
