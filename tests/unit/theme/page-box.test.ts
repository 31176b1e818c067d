// Which theme @page rules make the press edition print at bleed size: those that paint the page box or move it.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssStylesPageBox, stylesPageBox } from '../../../src/theme/page-box.js';

describe('cssStylesPageBox', () => {
  it.each([
    ['a page background', '@page { background: #ffe08a; }'],
    ['a first page’s background image', '@page :first { background-image: url("paper.png"); }'],
    ['a background inside @media print', '@media print { @page { background-color: red; } }'],
    ['a margin box’s background', '@page { @top-center { background: black; color: white; } }'],
    ['a margin box’s border', '@page { @bottom-center { border-top: 1pt solid; } }'],
    ['other page margins', '@page { margin: 0; }'],
    ['another page size', '@page { size: A5; }'],
    ['a border round the page area', '@page { border: 2mm solid red; }'],
  ])('says yes to %s', (_, css) => {
    expect(cssStylesPageBox(css)).toBe(true);
  });

  it.each([
    ['no @page rule', 'html { background: #ffe08a; } .headline { color: #0b5394; margin-inline: -40mm; }'],
    [
      'the running head’s type',
      '@page { @top-center { font: 600 8pt/1 "Ledger Sans"; color: #0b5394; letter-spacing: 0.1em; } }',
    ],
    [
      'where a margin box sets its text',
      '@page { @bottom-center { content: "x"; vertical-align: top; padding-top: 4mm; } }',
    ],
    ['custom properties', '@page { --accent: red; }'],
  ])('says no to %s', (_, css) => {
    expect(cssStylesPageBox(css)).toBe(false);
  });

  it('asks about each imported sheet', () => {
    const asked: string[] = [];
    const answer = (url: string) => {
      asked.push(url);
      return url === 'pages.css';
    };
    expect(cssStylesPageBox('@import url("type.css");', answer)).toBe(false);
    expect(cssStylesPageBox('@import "pages.css" print;', answer)).toBe(true);
    expect(asked).toEqual(['type.css', 'pages.css']);
  });
});

describe('stylesPageBox', () => {
  it('follows the imports inside the theme folder, once each', async () => {
    const root = await mkdtemp(join(tmpdir(), 'imprint-page-box-'));
    await writeFile(join(root, 'print.css'), '@import url("type.css");\n.headline { color: red; }\n');
    await writeFile(join(root, 'type.css'), '@import url("print.css");\n@import url("pages/paper.css");\n');
    expect(stylesPageBox(join(root, 'print.css'), root)).toBe(false);
    await writeFile(join(root, 'type.css'), '@import url("print.css");\n@page { background: #fffbe6; }\n');
    expect(stylesPageBox(join(root, 'print.css'), root)).toBe(true);
  });
});
