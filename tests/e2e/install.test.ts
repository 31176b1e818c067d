// imprint as an installed command: the package packed as npm would publish it, installed into an empty
// folder, and run from another folder: init makes a project, build builds it with no flags.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    expect(files).toEqual(expect.arrayContaining(['dist/src/cli.js', 'templates/print/print.css', 'templates/starter/imprint.yaml', 'README.md']));
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
    const editions = async (folder: string) => (JSON.parse(await readFile(join(folder, 'output/manifest.json'), 'utf8')) as Manifest).articles['harbour-reopens']!.editions;
    const installedEditions = await editions(site);
    expect([...new Set(installedEditions.map((edition) => edition.edition))].sort()).toEqual(['archival', 'epub', 'html', 'pdf', 'press']);
    expect(await editions(again)).toEqual(installedEditions);
  }, 120_000);
});
