// Rendering is an offline sandbox: no script from the content runs, nothing is fetched from the network,
// and raw HTML (only with --html) is sanitised for both editions.

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { buildOptionsSchema } from '../../src/config/options.js';
import { ImprintError } from '../../src/errors.js';
import { launchBrowser } from '../../src/render/browser.js';
import { withPage } from '../../src/render/sandboxed-page.js';
import { TabPool } from '../../src/render/tab-pool.js';
import { epubFiles } from '../helpers/epub.js';
import { pdfPageTexts } from '../helpers/pdf.js';

let server: Server;
let requests: string[];
let origin: string;

beforeAll(async () => {
  requests = [];
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end('served');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
});

const hostile = () => `---
title: Hostile Input
date: 2024-04-17
publication: P
---

Before the script.

<script>document.body.textContent = 'PWNED'</script>
<img src="${origin}/tracker.png" alt="tracker">
<iframe src="${origin}/frame"></iframe>
<link rel="stylesheet" href="${origin}/style.css">

<p onclick="steal()">Clickable paragraph.</p>

<div style="display:none">Hidden text stays visible.</div>

A <a href="javascript:alert(1)">script link</a> and a [normal link](${origin}/page).
`;

async function buildHostile(html: boolean) {
  const dir = await mkdtemp(join(tmpdir(), 'imprint-sandbox-'));
  await writeFile(join(dir, 'hostile.md'), hostile());
  const outDir = join(dir, 'out');
  const [result] = await build([join(dir, 'hostile.md')], v.parse(buildOptionsSchema, { outDir, html }));
  expect(result).toMatchObject({ ok: true });
  const pdfText = (await pdfPageTexts(await readFile(join(outDir, 'hostile', 'hostile.pdf')))).join('\n');
  const files = await epubFiles(await readFile(join(outDir, 'hostile', 'hostile.epub')));
  const xhtml = [...files]
    .filter(([name]) => name.endsWith('.xhtml'))
    .map(([, text]) => text)
    .join('\n');
  return { pdfText, xhtml };
}

describe('raw HTML turned on (--html)', () => {
  it('is sanitised: the script never runs, nothing is fetched, and hidden text is not hidden', async () => {
    const { pdfText, xhtml } = await buildHostile(true);
    expect(requests).toEqual([]);
    expect(pdfText).not.toContain('PWNED');
    expect(pdfText).toContain('Before the script.');
    expect(pdfText).toContain('Clickable paragraph.');
    expect(pdfText).toContain('Hidden text stays visible.');
    for (const banned of [
      '<script',
      'onclick',
      '<iframe',
      'javascript:',
      'tracker',
      'display:none',
      '<link rel="stylesheet" href="http',
    ]) {
      expect(xhtml).not.toContain(banned);
    }
  });
});

describe('raw HTML off (the default)', () => {
  it('prints the markup as text and fetches nothing', async () => {
    const { pdfText, xhtml } = await buildHostile(false);
    expect(requests).toEqual([]);
    expect(pdfText).toContain('<script>document.body.textContent = ‘PWNED’</script>');
    expect(pdfText).toContain('Before the script.');
    expect(xhtml).not.toMatch(/<script[\s>]/);
    expect(xhtml).toContain('&lt;script&gt;');
  });
});

describe('the page sandbox itself', () => {
  it('refuses network and out-of-bounds file requests, naming them, and runs no script', async () => {
    const browser = await launchBrowser();
    const tabs = new TabPool(browser, 1, 20_000);
    const workDir = await mkdtemp(join(tmpdir(), 'imprint-page-'));
    const readable = [await mkdtemp(join(tmpdir(), 'imprint-readable-'))];
    try {
      const page = `<title>untouched</title><script>document.title = 'ran'</script><img src="${origin}/direct.png"><link rel="stylesheet" href="file:///etc/hostname">`;
      const error = await withPage(
        { tabs, html: page, workDir, name: 'hostile', readable },
        async () => 'rendered',
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImprintError);
      expect((error as ImprintError).message).toContain(`${origin}/direct.png`);
      expect((error as ImprintError).message).toContain('file:///etc/hostname');
      expect(requests).toEqual([]);

      const title = await withPage(
        {
          tabs,
          html: '<title>untouched</title><script>document.title = "ran"</script>',
          workDir,
          name: 'script',
          readable,
        },
        (p) => p.title(),
      );
      expect(title).toBe('untouched');

      // The next pages are taken into the document the tab has loaded: the same rules hold there.
      const taken = await withPage(
        {
          tabs,
          html: `<title>taken</title><script>document.title = 'ran'</script><p>x</p>`,
          workDir,
          name: 'taken',
          readable,
        },
        (p) => p.title(),
      );
      expect(taken).toBe('taken');
      const hostileTaken = await withPage(
        {
          tabs,
          html: `<title>t</title><img src="${origin}/taken.png"><img src="file:///etc/hostname">`,
          workDir,
          name: 'hostile-taken',
          readable,
        },
        async () => 'rendered',
      ).catch((e: unknown) => e);
      expect(hostileTaken).toBeInstanceOf(ImprintError);
      expect((hostileTaken as ImprintError).message).toContain(`${origin}/taken.png`);
      expect((hostileTaken as ImprintError).message).toContain('file:///etc/hostname');
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('does not let a page keep a stylesheet that its own folders do not include', async () => {
    const browser = await launchBrowser();
    const tabs = new TabPool(browser, 1, 20_000);
    const workDir = await mkdtemp(join(tmpdir(), 'imprint-page-'));
    const styles = await mkdtemp(join(tmpdir(), 'imprint-styles-'));
    await writeFile(join(styles, 'red.css'), 'p { color: red }');
    const page = `<html><head><link rel="stylesheet" href="file://${styles}/red.css"></head><body><p>x</p></body></html>`;
    try {
      expect(
        await withPage({ tabs, html: page, workDir, name: 'allowed', readable: [styles] }, async () => 'rendered'),
      ).toBe('rendered');
      const error = await withPage(
        { tabs, html: page, workDir, name: 'not-allowed', readable: [] },
        async () => 'rendered',
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImprintError);
      expect((error as ImprintError).message).toContain(`file://${styles}/red.css`);
    } finally {
      await browser.close();
    }
  });
});
