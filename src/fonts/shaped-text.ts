// Text set in the bundled fonts without a browser, for pictures imprint draws itself (the EPUB cover): each
// character goes to the first face that has it, in the order the print page's font-family lists them
// (font-stack.ts); the faces are loaded whole into HarfBuzz (WOFF2 → sfnt by wawoff2), the text is
// split into runs by the Unicode Bidirectional Algorithm (bidi-js) and by face, each run shaped with HarfBuzz
// (harfbuzzjs: joining, reordering, marks, ligatures, mirroring) and the runs put in visual order. What comes
// out is glyph outlines as SVG paths, so the picture needs no font renderer of its own and no system font.
import { readFile } from 'node:fs/promises';
import bidiModule from 'bidi-js';
import woff2 from 'wawoff2';
import { draws, type FontFace, facesOf } from './font-faces.js';
import { baseFonts, candidateSystems, type FontPackage, ownSystem } from './writing-systems.js';

type HarfBuzz = typeof import('harfbuzzjs');
type HbFont = InstanceType<HarfBuzz['Font']>;

export interface TextStyle {
  role: 'text' | 'sans';
  weight: number;
  italic: boolean;
}

/** One glyph placed on a line: its outline (font units, y up), where its origin is, and the scale to pixels. */
export interface PlacedGlyph {
  /** Its glyph ID in its face: 0 is .notdef, the empty box of a character the face lacks. */
  id: number;
  path: string;
  x: number;
  y: number;
  scale: number;
}

/** A set of faces for one style of one text: measure and draw any line of that text's characters. */
export interface ShapedFaces {
  /** The advance width of `line` at `size` pixels. */
  width(line: string, size: number): number;
  /** `line`'s glyphs, left to right as seen, starting at x = 0 on the baseline. */
  glyphs(line: string, size: number): PlacedGlyph[];
}

interface LoadedFace {
  font: HbFont;
  upem: number;
}

// bidi-js is CommonJS: Node gives its module.exports, the factory, as the default (its types say `.default`).
const bidi = (bidiModule as unknown as typeof bidiModule.default)();
let harfbuzz: Promise<HarfBuzz> | undefined;

/** Splits into grapheme clusters, so that a mark always goes with its base to the base's face. */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The faces that set `text` in `lang` and `style`. A character no bundled
 * face has is drawn as the first face's empty box (the article's words were checked when it was loaded).
 */
export async function shapedFaces(
  text: string,
  lang: string,
  dir: 'ltr' | 'rtl',
  style: TextStyle,
): Promise<ShapedFaces> {
  const hb = await (harfbuzz ??= import('harfbuzzjs'));
  const order = faceOrder(lang, style);
  const faceOf = new Map<string, number>();
  for (const { segment } of graphemes.segment(text)) {
    const base = segment.codePointAt(0)!;
    let index = order.find(base);
    if (index < 0) index = order.find(0x20);
    faceOf.set(segment, index);
  }
  const loaded = new Map<number, LoadedFace>();
  for (const index of [...new Set(faceOf.values())].sort((a, b) => a - b))
    loaded.set(index, await loadFace(hb, order.at(index).path));
  const fallback = [...loaded.keys()][0]!;
  const shape = (line: string, size: number, withPaths: boolean): PlacedGlyph[] => {
    const runs = visualRuns(line, dir, (segment) => faceOf.get(segment) ?? fallback);
    const placed: PlacedGlyph[] = [];
    let x = 0;
    for (const run of runs) {
      const face = loaded.get(run.face) ?? loaded.get(fallback)!;
      const scale = size / face.upem;
      const buffer = new hb.Buffer();
      buffer.addText(run.text);
      buffer.setDirection(run.rtl ? hb.Direction.RTL : hb.Direction.LTR);
      buffer.setLanguage(lang);
      buffer.guessSegmentProperties();
      hb.shape(face.font, buffer);
      const infos = buffer.getGlyphInfos();
      const positions = buffer.getGlyphPositions();
      infos.forEach((info, i) => {
        const position = positions[i]!;
        placed.push({
          id: info.codepoint,
          path: withPaths ? face.font.glyphToPath(info.codepoint) : '',
          x: x + position.xOffset * scale,
          y: -position.yOffset * scale,
          scale,
        });
        x += position.xAdvance * scale;
      });
      placed.push({ id: -1, path: '', x, y: 0, scale });
    }
    return placed;
  };
  // Line breaking measures the same candidates at each size again and again: each width is shaped once.
  const widths = new Map<string, number>();
  return {
    width: (line, size) => {
      const key = `${size}\u0000${line}`;
      let width = widths.get(key);
      if (width === undefined) widths.set(key, (width = shape(line, size, false).at(-1)?.x ?? 0));
      return width;
    },
    glyphs: (line, size) => shape(line, size, true).filter((glyph) => glyph.id >= 0),
  };
}

/**
 * Faces loaded into HarfBuzz in this process, by file: each WOFF2 slice is unpacked to sfnt (wawoff2) once and
 * kept whole, so a batch's covers reuse them (subsetting each to a title's characters cost a WOFF2 unpacking
 * and a subset per face per cover). A build touches a few dozen slices at most, each tens of kilobytes.
 */
const faces = new Map<string, Promise<LoadedFace>>();

function loadFace(hb: HarfBuzz, path: string): Promise<LoadedFace> {
  let face = faces.get(path);
  if (!face) {
    face = (async () => {
      const sfnt = await woff2.decompress(await readFile(path));
      const hbFace = new hb.Face(new hb.Blob(sfnt));
      return { font: new hb.Font(hbFace), upem: hbFace.upem };
    })();
    face.catch(() => faces.delete(path));
    faces.set(path, face);
  }
  return face;
}

/** Faces in the order they are tried; each package's stylesheet is read only when a character gets that far. */
interface FaceOrder {
  /** The index of the first face that draws `codePoint`, or -1. */
  find(codePoint: number): number;
  at(index: number): FontFace;
}

/** The faces tried for each character, as font-stack.ts orders them: the language's own script, the base face, the others. */
function faceOrder(lang: string, style: TextStyle): FaceOrder {
  const own = ownSystem(lang);
  const pick = (font: { text: FontPackage; sans: FontPackage }) => (style.role === 'text' ? font.text : font.sans);
  const systems = candidateSystems(lang).filter((system) => system.id !== 'emoji');
  const packages = [
    ...(own ? [pick(own)] : []),
    pick(baseFonts),
    ...systems.filter((system) => system !== own).map(pick),
  ];
  const pending = [...new Set(packages)];
  const faces: FontFace[] = [];
  return {
    find: (codePoint) => {
      for (let index = 0; ; index++) {
        while (index >= faces.length && pending.length > 0) faces.push(...facesAt(pending.shift()!, style));
        if (index >= faces.length) return -1;
        if (draws(faces[index]!, codePoint)) return index;
      }
    },
    at: (index) => faces[index]!,
  };
}

/** A package's faces at the weight nearest below the one asked for (else its lightest), italic where it has italics. */
function facesAt(font: FontPackage, { weight, italic }: TextStyle): FontFace[] {
  const weights = [...font.weights].sort((a, b) => a - b);
  const chosen = weights.filter((w) => w <= weight).at(-1) ?? weights[0]!;
  const slanted = italic && font.italic === true;
  return facesOf(`${font.module}/${chosen}${slanted ? '-italic' : ''}.css`).filter(
    (face) => face.style === (slanted ? 'italic' : 'normal'),
  );
}

interface Run {
  text: string;
  face: number;
  rtl: boolean;
  level: number;
}

/** `line` split into runs of one bidi level and one face, in the order they are seen (rule L2 of UAX #9). */
function visualRuns(line: string, dir: 'ltr' | 'rtl', faceOf: (segment: string) => number): Run[] {
  const { levels } = bidi.getEmbeddingLevels(line, dir);
  const runs: Run[] = [];
  let offset = 0;
  for (const { segment } of graphemes.segment(line)) {
    const level = levels[offset] ?? 0;
    // Spaces and other characters that draw nothing stay with the run they are in.
    const face = /^\s$/u.test(segment) && runs.at(-1) ? runs.at(-1)!.face : faceOf(segment);
    const last = runs.at(-1);
    if (last && last.level === level && last.face === face) last.text += segment;
    else runs.push({ text: segment, face, level, rtl: level % 2 === 1 });
    offset += segment.length;
  }
  const highest = Math.max(0, ...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < runs.length; start++) {
      if (runs[start]!.level < level) continue;
      let end = start;
      while (end + 1 < runs.length && runs[end + 1]!.level >= level) end++;
      runs.splice(start, end - start + 1, ...runs.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return runs;
}
