// src/'s shape (issue 21): no import cycle between files, and no folder importing from a layer above it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = resolve(import.meta.dirname, '../../src');

/** Top first: a unit may import from itself and from the units below it, never from one above. */
const layers: readonly (readonly string[])[] = [
  ['cli.ts'],
  ['index.ts'],
  ['commands'],
  ['build'],
  ['check'],
  ['collection'],
  ['editions'],
  ['render'],
  ['output'],
  ['config'],
  ['theme'],
  ['article'],
  ['images'],
  ['fonts'],
  ['labels'],
  ['data'],
  // The shared root files and types, at the bottom.
  ['edition.ts', 'errors.ts', 'paths.ts', 'format-size.ts', 'lazy-require.ts', 'types'],
];

/** The unit a file belongs to: its top-level folder under src/, or its own name for a root file. */
const unitOf = (file: string) => relative(srcDir, file).split(/[\\/]/)[0]!;
const rankOf = (unit: string) => layers.findIndex((names) => names.includes(unit));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `./x.js` → the .ts file it names (or its .d.ts, or the folder's index.ts). */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.js$/, '');
  return [`${stem}.ts`, `${stem}.d.ts`, base, join(base, 'index.ts')].find(
    (path) => path.endsWith('.ts') && existsSync(path),
  );
}

/**
 * The relative specifiers a file imports: `import … from`, `export … from` and `import '…'` statements (at the
 * start of a line, so comments do not count), and literal dynamic `import('…')` anywhere.
 */
function relativeImports(text: string): string[] {
  const patterns = [
    /^[ \t]*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^[ \t]*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns
    .flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!))
    .filter((specifier) => specifier.startsWith('.'));
}

const files = sourceFiles(srcDir).sort();
const imports = new Map(files.map((file) => [file, relativeImports(readFileSync(file, 'utf8'))]));
const name = (file: string) => relative(srcDir, file);

/** Every cycle a depth-first walk meets, as "a → b → a". */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const target of graph.get(node) ?? []) {
      if (state.get(target) === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target].join(' → '));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('src/ layers', () => {
  it('reads the source tree (a scanner that found nothing would pass everything)', () => {
    expect(files.length).toBeGreaterThan(50);
    const total = [...imports.values()].reduce((sum, list) => sum + list.length, 0);
    expect(total).toBeGreaterThan(100);
  });

  it('finds every form of import, across lines, and no import statement inside a comment or a string', () => {
    const text = [
      "import { a,\n  b } from './a.js';",
      "import type { T } from '../t.js';",
      "export { c } from './c.js';",
      "export * from './d.js';",
      "import './side-effect.js';",
      "const m = await import('./lazy.js');",
      "import fs from 'node:fs';",
      "// import x from './commented.js';",
      " * import y from './in-doc.js';",
      'const s = \'import z from "./string.js"\';',
    ].join('\n');
    expect(relativeImports(text).sort()).toEqual([
      '../t.js',
      './a.js',
      './c.js',
      './d.js',
      './lazy.js',
      './side-effect.js',
    ]);
  });

  it('has every relative import resolve to a file in src/', () => {
    const broken = files.flatMap((file) =>
      imports
        .get(file)!
        .filter((spec) => !resolveSpecifier(file, spec))
        .map((spec) => `${name(file)} imports ${spec}`),
    );
    expect(broken, 'imports that name no file').toEqual([]);
  });

  it('places every top-level folder and root file in the layer order', () => {
    const units = [...new Set(files.map(unitOf))];
    const unplaced = units
      .filter((unit) => rankOf(unit) < 0)
      .map((unit) => `src/${unit} is in no layer: add it to the order in tests/unit/layers.test.ts`);
    expect(unplaced).toEqual([]);
  });

  it('has no import pointing up the layers', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = unitOf(file);
      for (const spec of imports.get(file)!) {
        const target = resolveSpecifier(file, spec);
        if (!target) continue;
        const to = unitOf(target);
        if (to === from) continue; // within one folder: free
        if (rankOf(to) < rankOf(from)) upward.push(`${name(file)} (${from}) imports ${spec} (${to}, a layer above)`);
      }
    }
    expect(upward, 'imports from a layer above').toEqual([]);
  });

  it('has no import cycle between files', () => {
    const graph = new Map(
      files.map((file) => [
        name(file),
        imports
          .get(file)!
          .map((spec) => resolveSpecifier(file, spec))
          .filter((target) => target !== undefined)
          .map(name),
      ]),
    );
    expect(findCycles(graph), 'import cycles').toEqual([]);
  });

  it('would see a cycle, however long', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(findCycles(graph)).toEqual(['a → b → c → a', 'e → e']);
    expect(
      findCycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});
