// imprint as an installed command and library: the package packed as npm would publish it, installed into an
// empty folder, and run from another folder: init makes a project, build builds it with no flags, and a script
// of the user's (JavaScript, and TypeScript type-checked against the package's types) builds through the API.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { imprint as imprintFromCheckout } from '../helpers/imprint.js';
import { pdfPageTexts } from '../helpers/pdf.js';

const run = promisify(execFile);

interface Manifest {
  articles: Record<string, { editions: { edition: string; sha256: string }[] }>;
}

describe('the packed package, installed', () => {
  let dir: string;
  let bin: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'imprint-install-'));
    const { stdout } = await run('npm', ['pack', '--pack-destination', dir], { cwd: process.cwd() });
    const tarball = join(dir, stdout.trim().split('\n').at(-1)!);
    await run('npm', ['install', '--prefix', join(dir, 'app'), '--no-audit', '--no-fund', '--prefer-offline', tarball]);
    bin = join(dir, 'app/node_modules/.bin/imprint');
    await mkdir(join(dir, 'work'));
  }, 180_000);

  it('carries the command, the templates and the starter, and nothing of the tests', async () => {
    const installed = join(dir, 'app/node_modules/imprint');
    const files = (await readdir(installed, { recursive: true })).map(String);
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/imprint',
        'dist/cli/cli.js',
        'dist/src/cli.js',
        'dist/src/index.js',
        'dist/src/index.d.ts',
        'schema/imprint.schema.json',
        'templates/print/print.css',
        'templates/starter/imprint.yaml',
        'README.md',
      ]),
    );
    expect(files.filter((file) => file.startsWith('tests') || file.startsWith('src/'))).toEqual([]);
    expect((await run(bin, ['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('makes a project with init that builds with plain "imprint build", as the checkout builds it', async () => {
    const init = await run(bin, ['init', 'site'], { cwd: join(dir, 'work') });
    expect(init.stdout).toContain('wrote site/imprint.yaml');
    const site = join(dir, 'work/site');
    const build = await run(bin, ['build'], { cwd: site });
    expect(build.stdout).toContain('1 built, 0 unchanged.');
    const pdf = await readFile(join(site, 'output/harbour-reopens/harbour-reopens.pdf'));
    const text = (await pdfPageTexts(pdf)).join('\n');
    expect(text).toContain('The first cargo ship to berth since the storm');
    expect(text).toMatch(/Illustration: imprint/i);
    expect(text).toContain('Agencies contributed reporting.');
    expect(text).toContain('Page 1 of 2');

    // The same project built from the checkout gives the same files, byte for byte.
    const again = join(dir, 'work/again');
    expect((await imprintFromCheckout(['init', 'again'], join(dir, 'work'))).code).toBe(0);
    expect((await imprintFromCheckout(['build'], again)).code).toBe(0);
    const editions = async (folder: string) =>
      (JSON.parse(await readFile(join(folder, 'output/manifest.json'), 'utf8')) as Manifest).articles[
        'harbour-reopens'
      ]!.editions;
    const installedEditions = await editions(site);
    expect([...new Set(installedEditions.map((edition) => edition.edition))].sort()).toEqual([
      'archival',
      'epub',
      'html',
      'pdf',
      'press',
    ]);
    expect(await editions(again)).toEqual(installedEditions);
  }, 120_000);

  it('builds, checks and verifies an article from a script outside the repository, through the API', async () => {
    const work = join(dir, 'work/api');
    await mkdir(join(work, 'content'), { recursive: true });
    await writeFile(
      join(work, 'content/harbour.md'),
      '---\ntitle: The harbour reopens\npublication: The Coastal Ledger\ndate: 2025-03-01\nbyline: A. Writer\n---\n\nThe first ship berthed at dawn.\n',
    );
    // In the app folder, so that `imprint` resolves as an installed dependency would; run from the work folder.
    const script = join(dir, 'app/use-imprint.mjs');
    await writeFile(
      script,
      [
        "import { build, check, verify } from 'imprint';",
        "const built = await build(['content/harbour.md'], { out: 'output', formats: ['pdf', 'epub'] });",
        "const checked = await check(['content']);",
        "const verified = await verify('output');",
        'console.log(JSON.stringify({ built, checked, verified }));',
      ].join('\n'),
    );
    const { stdout } = await run('node', [script], { cwd: work });
    const { built, checked, verified } = JSON.parse(stdout) as {
      built: { ok: boolean; articles: { slug: string; files: { edition: string; path: string }[] }[] };
      checked: { ok: boolean };
      verified: { ok: boolean; checked: number };
    };
    expect(built.ok).toBe(true);
    expect(built.articles[0]!.files.map((file) => file.path).sort()).toEqual([
      'output/harbour/harbour.epub',
      'output/harbour/harbour.pdf',
    ]);
    expect((await pdfPageTexts(await readFile(join(work, 'output/harbour/harbour.pdf')))).join('\n')).toContain(
      'The first ship berthed at dawn.',
    );
    expect(checked.ok).toBe(true);
    expect(verified).toMatchObject({ ok: true, checked: 2 });

    // The package's types: a TypeScript user's script type-checks against them, and a wrong setting does not.
    const typed = join(dir, 'app/use-imprint.mts');
    await writeFile(
      typed,
      "import { build, type BuildReport } from 'imprint';\nconst report: BuildReport = await build(['a.md'], { formats: ['pdf'], jobs: 2 });\nconsole.log(report.summary.built);\n",
    );
    const tsc = resolve('node_modules/typescript/bin/tsc');
    const flags = [
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--skipLibCheck',
      '--types',
      'node',
      '--typeRoots',
      resolve('node_modules/@types'),
    ];
    await run('node', [tsc, ...flags, typed], { cwd: join(dir, 'app') });
    await writeFile(typed, "import { build } from 'imprint';\nawait build(['a.md'], { jobs: 'two' });\n");
    const wrong = await run('node', [tsc, ...flags, typed], { cwd: join(dir, 'app') }).catch(
      (error: { stdout: string }) => error,
    );
    expect('stdout' in wrong ? wrong.stdout : '').toMatch(
      /error TS2322: Type 'string' is not assignable to type 'number'/,
    );
  }, 120_000);
});
