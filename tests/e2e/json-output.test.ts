// imprint in CI: build, check and verify with --json print one JSON document that the published schemas
// (schema/*.schema.json) accept, with each article's result, its diagnostics at path:line:col and its files'
// sizes and hashes, and the command's exit code in it.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { imprint, type Run } from '../helpers/imprint.js';

const ajv = new Ajv({ allErrors: true, strict: false });
async function matchesSchema(name: string, document: unknown): Promise<void> {
  const validate = ajv.compile(JSON.parse(await readFile(`schema/${name}`, 'utf8')));
  expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
}

interface BuildJson {
  ok: boolean;
  exitCode: number;
  summary: { built: number; unchanged: number; failed: number };
  articles: {
    file: string;
    status: string;
    slug?: string;
    files: { edition: string; path: string; bytes: number; sha256: string; pages?: number }[];
    error?: { at?: string; rule?: string; message: string; hint?: string };
  }[];
}

describe('imprint build --json', () => {
  let dir: string;
  let run: Run;
  let report: BuildJson;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'imprint-json-'));
    await cp('content', join(dir, 'content'), { recursive: true });
    await cp('tests/fixtures/world-refused/mixed-missing-glyph.md', join(dir, 'content/mixed-missing-glyph.md'));
    run = await imprint(['build', '--json', '--formats', 'pdf,epub', '-o', 'out'], dir);
    report = JSON.parse(run.stdout) as BuildJson;
  }, 180_000);

  it('prints one JSON document the published schema accepts, and nothing else on stdout', async () => {
    await matchesSchema('build-report.schema.json', report);
    expect(run.stdout.trim().startsWith('{') && run.stdout.trim().endsWith('}')).toBe(true);
  });

  it('exits 1 with a failed article, says so in the document, and names where and why it failed', () => {
    expect(run.code).toBe(1);
    expect(report).toMatchObject({ ok: false, exitCode: 1, summary: { built: 1, unchanged: 0, failed: 1 } });
    const failed = report.articles.find((article) => article.status === 'failed')!;
    expect(failed.file).toBe('content/mixed-missing-glyph.md');
    expect(failed.error).toMatchObject({ at: 'content/mixed-missing-glyph.md:16:80', rule: 'missing-glyph' });
    expect(failed.error!.message).toContain('"ສ" (U+0EAA)');
    expect(failed.error).toHaveProperty('hint');
  });

  it('lists each built file with its size, pages and hash, as they are on disk', async () => {
    const built = report.articles.find((article) => article.status === 'built')!;
    expect(built.files.map((file) => file.edition).sort()).toEqual(['epub', 'pdf']);
    for (const file of built.files) {
      const bytes = await readFile(join(dir, file.path));
      expect(file.bytes).toBe(bytes.byteLength);
      expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(built.files.find((file) => file.edition === 'pdf')!.pages).toBeGreaterThanOrEqual(1);
  });

  it('verify --json and check --json print documents their schemas accept, with their exit codes', async () => {
    const good = await imprint(['verify', '--json', 'out'], dir);
    expect(good.code).toBe(0);
    await matchesSchema('verify-report.schema.json', JSON.parse(good.stdout));
    const pdf = report.articles
      .find((article) => article.status === 'built')!
      .files.find((file) => file.edition === 'pdf')!;
    await writeFile(join(dir, pdf.path), 'tampered');
    const bad = await imprint(['verify', '--json', 'out'], dir);
    expect(bad.code).toBe(1);
    const verified = JSON.parse(bad.stdout) as { ok: boolean; problems: { path: string; problem: string }[] };
    await matchesSchema('verify-report.schema.json', verified);
    expect(verified).toMatchObject({ ok: false, problems: [{ path: pdf.path, problem: 'changed' }] });

    const checked = await imprint(['check', '--json', resolve('tests/fixtures/unedited')], dir);
    expect(checked.code).toBe(0);
    const findings = JSON.parse(checked.stdout) as {
      summary: { warnings: number };
      diagnostics: { at: string; rule: string }[];
    };
    await matchesSchema('check-report.schema.json', findings);
    expect(findings.summary.warnings).toBe(7);
    expect(findings.diagnostics[0]!.at).toMatch(/peacekeepers-as-extracted\.md:12:13$/);
  });

  it('exits 2 on a wrong flag, with the reason on stderr', async () => {
    const wrong = await imprint(['build', '--json', '--jobs', 'many'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('imprint: --jobs takes a whole number');
  });
});
