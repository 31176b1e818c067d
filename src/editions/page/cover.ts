// The EPUB cover image (and the web page's cover.jpg): a 1000 × 1600 JPEG, the 5:8 portrait e-reader stores
// ask for, drawn without a browser so that an EPUB needs no Chromium. The publication's name (or the theme's
// logo), title, subtitle and date are set in the bundled fonts by fonts/shaped-text.ts (HarfBuzz shaping,
// bidi), broken into lines by line-breaks.ts, drawn as glyph outlines in an SVG; sharp lays them over the
// background colour and the lead photo (cropped to fill the space left, as object-fit: cover did) and
// writes the JPEG. The layout is the one templates/cover/cover.css described, at 1.25 px per CSS pixel.
import pLimit from 'p-limit';
import { type PlacedGlyph, type ShapedFaces, shapedFaces, type TextStyle } from '../../fonts/shaped-text.js';
import sharp, { type OverlayOptions } from '../../images/sharp.js';
import { type CoverColours, coverColours } from './cover-colours.js';
import { balancedWrap, breakPieces, cutWithEllipsis, wrap } from './line-breaks.js';

export const coverSize = { width: 1000, height: 1600 };

/** What a cover shows: an article's or a collection's head and lead photo. */
export interface CoverContent {
  lang: string;
  dir: 'ltr' | 'rtl';
  publication: string;
  /** The theme's logo (SVG or PNG), shown instead of the publication's name. */
  logoPath: string | undefined;
  title: string;
  subtitle: string | undefined;
  displayDate: string;
  photoPath: string | undefined;
  /** "Photo: …", in the publication's language. */
  photoCredit: string | undefined;
}

const side = 80;
export const lineWidth = coverSize.width - 2 * side;
/** With a photo, the head keeps at most this much of the height: the photo keeps the rest but the credit. */
const headLimitWithPhoto = 860;
const title = { largest: 80, smallest: 48, lineHeight: 1.12 };

interface Block {
  lines: string[];
  faces: ShapedFaces;
  size: number;
  lineHeight: number;
  colour: string;
  /** Where the block's first line box begins. */
  top: number;
  align: 'start' | 'end';
  spacing: number;
}

/**
 * How many covers the process draws at once. libvips draws each on one thread (images/sharp.ts): without a
 * browser, two keep both of a small machine's cores busy (an EPUB-only batch of 100: 11.5–12.8 s one at a
 * time, 9.6–9.8 s two at a time, here); beside Chromium, whose renderers take the other core, a second cover
 * only adds memory (HarfBuzz's WebAssembly memory never shrinks; 100 PDF + EPUB peaked 274 → 296 MiB).
 */
const atOnce = { alone: pLimit(2), besideBrowser: pLimit(1) };

export function drawCover(
  content: CoverContent,
  themeCoverCss: string | undefined,
  { besideBrowser = false }: { besideBrowser?: boolean } = {},
): Promise<Uint8Array> {
  return atOnce[besideBrowser ? 'besideBrowser' : 'alone'](() => composeCover(content, themeCoverCss));
}

async function composeCover(content: CoverContent, themeCoverCss: string | undefined): Promise<Uint8Array> {
  const colours = await coverColours(themeCoverCss);
  // With the ellipsis, which any block may end with when cut.
  const faces = (text: string, style: TextStyle) => shapedFaces(`${text}…`, content.lang, content.dir, style);
  const upper = (text: string) => text.toLocaleUpperCase(content.lang);
  const publication = upper(content.publication);
  // Letter-spacing (as cover.css had it) only for alphabets whose letters stand apart: spacing joined or
  // clustered scripts (Arabic, Indic, Thai…) would tear their letters and marks apart.
  const standsApart =
    /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Common}\s]*$/u;
  const spacingOf = (text: string, em: number) => (standsApart.test(text) ? em : 0);

  const blocks: Block[] = [];
  let y = 90;
  let logo: { png: Buffer; top: number; left: number; width: number; height: number } | undefined;
  if (content.logoPath) {
    const { data, info } = await sharp(content.logoPath, { density: 300 })
      .resize({ width: Math.round(lineWidth * 0.7), height: 120, fit: 'inside' })
      .png()
      .toBuffer({ resolveWithObject: true });
    const left = content.dir === 'rtl' ? coverSize.width - side - info.width : side;
    logo = { png: data, top: y, left, width: info.width, height: info.height };
    y += info.height;
  } else {
    const size = 32.5;
    const sans600 = await faces(publication, { role: 'sans', weight: 600, italic: false });
    const spacing = spacingOf(publication, size * 0.14);
    const measure = (line: string) => sans600.width(line, size) + spacing * [...line].length;
    const lines = cutWithEllipsis(
      wrap(breakPieces(publication, content.lang), lineWidth, measure),
      2,
      lineWidth,
      measure,
    );
    blocks.push(block(lines, sans600, size, 1.2, colours.publication, y, spacing));
    y += lines.length * size * 1.2;
  }
  y += 20;
  const rule = { top: y, height: 7.5 };
  y += rule.height + 50;

  // The date and subtitle first: the title gets what is left of the head.
  const date = await faces(content.displayDate, { role: 'sans', weight: 400, italic: false });
  const subtitleText = content.subtitle ?? '';
  const subtitleFaces = subtitleText
    ? await faces(subtitleText, { role: 'text', weight: 400, italic: true })
    : undefined;
  const subtitleSize = 37.5;
  const subtitleLines = subtitleFaces
    ? cutWithEllipsis(
        wrap(breakPieces(subtitleText, content.lang), lineWidth, (line) => subtitleFaces.width(line, subtitleSize)),
        3,
        lineWidth,
        (line) => subtitleFaces.width(line, subtitleSize),
      )
    : [];
  const subtitleHeight = subtitleLines.length > 0 ? subtitleLines.length * subtitleSize * 1.3 + 30 : 0;
  const dateHeight = 32.5 * 1.2;
  const headLimit = content.photoPath ? headLimitWithPhoto : coverSize.height - 90;
  const titleRoom = headLimit - y - subtitleHeight - dateHeight - 35;

  const titleFaces = await faces(content.title, { role: 'text', weight: 700, italic: false });
  const titleLines = fitTitle(content.title, content.lang, titleFaces, titleRoom);
  blocks.push(block(titleLines.lines, titleFaces, titleLines.size, title.lineHeight, colours.title, y, 0));
  y += titleLines.lines.length * titleLines.size * title.lineHeight + 35;
  if (subtitleFaces && subtitleLines.length > 0) {
    blocks.push(block(subtitleLines, subtitleFaces, subtitleSize, 1.3, colours.subtitle, y, 0));
    y += subtitleHeight;
  }
  blocks.push(block([content.displayDate], date, 32.5, 1.2, colours.date, y, 0));
  y += dateHeight + 60;

  // The cover is three bands stacked: the head (an SVG of the logo and the text's outlines on the
  // background), the photo and the credit line; only the whole is encoded.
  let photo: { height: number; path: string } | undefined;
  if (content.photoPath) {
    const credit = content.photoCredit ? upper(content.photoCredit) : undefined;
    const creditHeight = credit ? Math.round(12.5 + 22.5 * 1.2 + 17.5) : 0;
    y = Math.round(y);
    photo = { height: coverSize.height - y - creditHeight, path: content.photoPath };
    if (credit) {
      const creditFaces = await faces(credit, { role: 'sans', weight: 400, italic: false });
      const spacing = spacingOf(credit, 22.5 * 0.04);
      const measure = (line: string) => creditFaces.width(line, 22.5) + spacing * [...line].length;
      const line = measure(credit) <= lineWidth ? credit : cutWithEllipsis([credit, ''], 1, lineWidth, measure)[0]!;
      const creditBlock = block([line], creditFaces, 22.5, 1.2, colours.credit, y + photo.height + 12.5, spacing);
      blocks.push({ ...creditBlock, align: 'end' });
    }
  } else {
    // No photo: the head is centred on the cover, as the flex column centred it.
    const shift = Math.max(0, (coverSize.height - (y - 60) - 90) / 2);
    for (const each of blocks) each.top += shift;
    rule.top += shift;
    if (logo) logo.top += shift;
    y = coverSize.height;
  }

  const drawing = textSvg(blocks, rule, colours, content.dir, logo);
  // Laid over the background by libvips, which renders the SVG bands and encodes the whole in its own memory:
  // no raw RGB of the bands or of the whole cover passes through JavaScript (about 10 MB per cover, garbage
  // that V8 lets pile up to its 64 MB external-memory limit before it collects; a batch's RSS rose with it).
  const band = (top: number, height: number) => ({ input: Buffer.from(drawing(top, height)), top, left: 0 });
  const layers: OverlayOptions[] = [band(0, y)];
  if (photo) {
    const { data, info } = await sharp(photo.path)
      .rotate()
      .resize({ width: coverSize.width, height: photo.height, fit: 'cover' })
      .flatten({ background: colours.background })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    layers.push({
      input: data,
      raw: { width: info.width, height: info.height, channels: info.channels },
      top: y,
      left: 0,
    });
    const below = coverSize.height - y - photo.height;
    if (below > 0) layers.push(band(y + photo.height, below));
  }
  const jpeg = await sharp({ create: { ...coverSize, channels: 3, background: colours.background } })
    .composite(layers)
    .jpeg({ quality: 85 })
    .toBuffer();
  return new Uint8Array(jpeg);
}

function block(
  lines: string[],
  faces: ShapedFaces,
  size: number,
  lineHeight: number,
  colour: string,
  top: number,
  spacing: number,
): Block {
  return { lines, faces, size, lineHeight: size * lineHeight, colour, top, align: 'start', spacing };
}

/** The title's lines at the largest size whose lines fit `room`; at the smallest, cut with an ellipsis. */
export function fitTitle(
  text: string,
  lang: string,
  faces: ShapedFaces,
  room: number,
): { lines: string[]; size: number } {
  const pieces = breakPieces(text, lang);
  for (let size = title.largest; size >= title.smallest; size -= 4) {
    const lines = balancedWrap(pieces, lineWidth, (line) => faces.width(line, size));
    if (lines.length * size * title.lineHeight <= room) return { lines, size };
  }
  const size = title.smallest;
  const measure = (line: string) => faces.width(line, size);
  const count = Math.max(1, Math.floor(room / (size * title.lineHeight)));
  return { lines: cutWithEllipsis(wrap(pieces, lineWidth, measure), count, lineWidth, measure), size };
}

/** Every line's glyphs as filled paths, aligned to the start (or end) of the line in the cover's direction, and the rule. */
function textSvg(
  blocks: readonly Block[],
  rule: { top: number; height: number },
  colours: CoverColours,
  dir: 'ltr' | 'rtl',
  logo: { png: Buffer; top: number; left: number; width: number; height: number } | undefined,
): (top: number, height: number) => string {
  const paths: string[] = [];
  for (const each of blocks) {
    each.lines.forEach((line, index) => {
      const glyphs = spaced(each.faces.glyphs(line, each.size), each.spacing);
      const width = each.faces.width(line, each.size) + each.spacing * [...line].length;
      const toRight = (dir === 'rtl') === (each.align === 'start');
      const x0 = toRight ? coverSize.width - side - width : side;
      // The baseline sits where CSS puts it for Noto's metrics: half the leading, then the ascender.
      const baseline =
        each.top + index * each.lineHeight + (each.lineHeight - 1.362 * each.size) / 2 + 1.069 * each.size;
      const d = glyphs
        .map(
          (glyph) =>
            `<path transform="translate(${n(x0 + glyph.x)} ${n(baseline + glyph.y)}) scale(${n(glyph.scale, 5)} ${n(-glyph.scale, 5)})" d="${glyph.path}"/>`,
        )
        .join('');
      paths.push(`<g fill="${each.colour}">${d}</g>`);
    });
  }
  const ruleRect = `<rect x="${side}" y="${n(rule.top)}" width="${lineWidth}" height="${rule.height}" fill="${colours.rule}"/>`;
  const { width, height } = coverSize;
  const background = `<rect width="${width}" height="${height}" fill="${colours.background}"/>`;
  const logoImage = logo
    ? `<image x="${logo.left}" y="${n(logo.top)}" width="${logo.width}" height="${logo.height}" href="data:image/png;base64,${logo.png.toString('base64')}"/>`
    : '';
  // One band of the cover: the same drawing, seen through a window `height` pixels tall from `top`.
  return (top: number, bandHeight: number) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${bandHeight}" viewBox="0 ${top} ${width} ${bandHeight}">${background}${logoImage}${ruleRect}${paths.join('')}</svg>`;
}

/** Letter-spacing after every glyph, as CSS adds it after every character (0 for cursive scripts). */
function spaced(glyphs: PlacedGlyph[], spacing: number): PlacedGlyph[] {
  return spacing === 0 ? glyphs : glyphs.map((glyph, index) => ({ ...glyph, x: glyph.x + spacing * index }));
}

const n = (value: number, digits = 2) => Number(value.toFixed(digits)).toString();
