// The faces a Fontsource stylesheet declares (family, weight, style, unicode-range, file), and the
// characters each face's file really has (its cmap, see woff2-cmap.ts): a unicode-range says which slice
// Chromium loads for a character, the cmap whether the slice draws it. Both are read once per process.
// A face's stylesheet is parsed only when a character reaches it (see font-stack.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { woff2CharacterSet } from './woff2-cmap.js';

const require = createRequire(import.meta.url);

export interface FontFace {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** The WOFF2 file. */
  path: string;
  /** Inclusive code point ranges; undefined means every character. */
  ranges: [number, number][] | undefined;
}

const facesByStylesheet = new Map<string, FontFace[]>();

/** The @font-face rules of a Fontsource stylesheet such as `@fontsource/noto-sans-sc/400.css`. */
export function facesOf(stylesheet: string): FontFace[] {
  let faces = facesByStylesheet.get(stylesheet);
  if (!faces) {
    const path = require.resolve(stylesheet);
    faces = [...readFileSync(path, 'utf8').matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) =>
      parseFace(body!, dirname(path)),
    );
    facesByStylesheet.set(stylesheet, faces);
  }
  return faces;
}

const descriptor = /([a-z-]+)\s*:\s*([^;]+);/g;

function parseFace(body: string, dir: string): FontFace {
  const values = new Map([...body.matchAll(descriptor)].map(([, name, value]) => [name!, value!.trim()]));
  const value = (name: string) => values.get(name);
  const file = /url\(\.?\/?([^)]+\.woff2)\)/.exec(value('src') ?? '')?.[1];
  if (!file) throw new Error(`a font face without a WOFF2 file in ${dir}`);
  const range = value('unicode-range');
  return {
    family: (value('font-family') ?? '').replace(/^['"]|['"]$/g, ''),
    weight: Number(value('font-weight') ?? 400),
    style: value('font-style') === 'italic' ? 'italic' : 'normal',
    path: join(dir, file),
    ranges: range?.split(',').map((part) => {
      const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to!, 16)] as [number, number];
    }),
  };
}

export function inRanges(codePoint: number, ranges: FontFace['ranges']): boolean {
  return ranges === undefined || ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

const cmaps = new Map<string, ReadonlySet<number>>();

/** The characters a face's file has glyphs for. */
export function characterSet(face: Pick<FontFace, 'path'>): ReadonlySet<number> {
  let set = cmaps.get(face.path);
  if (!set) {
    set = woff2CharacterSet(readFileSync(face.path));
    cmaps.set(face.path, set);
  }
  return set;
}

/** Whether `face` draws `codePoint`: in its unicode-range, and in its file. */
export function draws(face: FontFace, codePoint: number): boolean {
  return inRanges(codePoint, face.ranges) && characterSet(face).has(codePoint);
}
