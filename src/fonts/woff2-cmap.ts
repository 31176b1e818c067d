// The characters a WOFF2 font maps to a glyph, read from its cmap table alone. fontkit reads the same, but it
// decompresses the whole font with a brotli decoder written in JavaScript (~30 ms a Latin slice here, and
// ~130 ms to import): a cold build's glyph check read a dozen slices before its first page. Node's own brotli
// unpacks the table data in well under a millisecond, and the cmap is never transformed by WOFF2, so only
// the table directory (W3C WOFF2 § 5) and the cmap's Unicode subtable (OpenType's cmap formats 4 and 12) are
// read here. tests/unit/fonts/woff2-cmap.test.ts checks the result against fontkit's for every kind of face.
import { brotliDecompressSync } from 'node:zlib';

/** Code points `woff2` maps to a glyph other than .notdef, from its best Unicode cmap subtable (as fontkit picks it). */
export function woff2CharacterSet(woff2: Uint8Array): Set<number> {
  const font = Buffer.from(woff2.buffer, woff2.byteOffset, woff2.byteLength);
  if (font.toString('latin1', 0, 4) !== 'wOF2') throw new Error('not a WOFF2 font');
  const cmap = tableData(font, 'cmap');
  const subtable = unicodeSubtable(cmap);
  if (subtable === undefined) return new Set();
  const format = cmap.readUInt16BE(subtable);
  if (format === 4) return format4(cmap, subtable);
  if (format === 12) return format12(cmap, subtable);
  throw new Error(`cmap format ${format} is not read`);
}

/** WOFF2's known table tags, by the index a directory entry's flags give (§ 5.1, Table 3). */
// biome-ignore format: the specification's table, in its order
const knownTags = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ',
  'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS',
  'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc',
  'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop',
  'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];

/** One table's bytes: the tables follow each other unpadded in the one brotli stream after the directory. */
function tableData(font: Buffer, wanted: string): Buffer {
  const tableCount = font.readUInt16BE(12);
  const compressedLength = font.readUInt32BE(20);
  let offset = 48;
  const base128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = font[offset++]!;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('a WOFF2 table directory with a malformed length');
  };
  let start = 0;
  let found: { start: number; length: number } | undefined;
  for (let i = 0; i < tableCount; i++) {
    const flags = font[offset++]!;
    const tag = (flags & 0x3f) === 0x3f ? font.toString('latin1', offset, (offset += 4)) : knownTags[flags & 0x3f]!;
    const length = base128();
    const version = flags >> 6;
    // glyf and loca are transformed at version 0, every other table at any version but 0.
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
    const stored = transformed ? base128() : length;
    if (tag === wanted) found = { start, length: stored };
    start += stored;
  }
  if (!found) throw new Error(`a WOFF2 font without a ${wanted} table`);
  if (font.toString('latin1', 4, 8) === 'ttcf') throw new Error('WOFF2 font collections are not read');
  const tables = brotliDecompressSync(font.subarray(offset, offset + compressedLength));
  return tables.subarray(found.start, found.start + found.length);
}

/** The offset of the subtable fontkit would use: 32-bit Unicode ones first, then 16-bit. */
function unicodeSubtable(cmap: Buffer): number | undefined {
  const records = new Map<string, number>();
  for (let i = 0, count = cmap.readUInt16BE(2); i < count; i++) {
    const record = 4 + i * 8;
    records.set(`${cmap.readUInt16BE(record)}.${cmap.readUInt16BE(record + 2)}`, cmap.readUInt32BE(record + 4));
  }
  for (const pair of ['3.10', '0.6', '0.4', '3.1', '0.3', '0.2', '0.1', '0.0']) {
    const offset = records.get(pair);
    if (offset !== undefined) return offset;
  }
  return undefined;
}

/** Segment mapping to delta values: 16-bit code points in segments, glyphs by delta or through an array. */
function format4(cmap: Buffer, at: number): Set<number> {
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const set = new Set<number>();
  for (let i = 0; i < segments; i++) {
    const end = cmap.readUInt16BE(ends + i * 2);
    const first = cmap.readUInt16BE(starts + i * 2);
    const delta = cmap.readInt16BE(deltas + i * 2);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + i * 2);
    for (let code = first; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const index = cmap.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (code - first) * 2);
        glyph = index === 0 ? 0 : (index + delta) & 0xffff;
      }
      if (glyph !== 0) set.add(code);
    }
  }
  return set;
}

/** Segmented coverage: groups of consecutive code points, each mapped to consecutive glyphs. */
function format12(cmap: Buffer, at: number): Set<number> {
  const set = new Set<number>();
  for (let i = 0, groups = cmap.readUInt32BE(at + 12); i < groups; i++) {
    const group = at + 16 + i * 12;
    const first = cmap.readUInt32BE(group);
    const last = cmap.readUInt32BE(group + 4);
    const glyph = cmap.readUInt32BE(group + 8);
    for (let code = first; code <= last; code++) if (glyph + (code - first) !== 0) set.add(code);
  }
  return set;
}
