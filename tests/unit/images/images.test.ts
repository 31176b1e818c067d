// The image pipeline's pure parts: metadata dropped without touching a pixel, the SVG allow-list, printed size
// and density, the responsive widths, and how a figure's credit is compared with the photo's.

import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { photoBox } from '../../../src/article/page-size.js';
import { photoFindings } from '../../../src/images/article-photos.js';
import { readEmbeddedFacts } from '../../../src/images/embedded-credit.js';
import { jpegWithOnlyCredit, pngWithOnlyCredit } from '../../../src/images/original-bytes.js';
import { responsiveWidths } from '../../../src/images/photo-copies.js';
import { printedSize } from '../../../src/images/print-size.js';
import type { PhotoFacts } from '../../../src/images/process-photo.js';
import { cleanSvg } from '../../../src/images/svg-clean.js';
import { creditXmp } from '../../../src/images/xmp-credit.js';
import { agencyJpeg } from '../../helpers/photos.js';

const where = { file: 'a.md', line: 9 };

describe('original bytes', () => {
  it('a JPEG keeps its compressed pixels and loses EXIF, IPTC and XMP for the credit XMP', async () => {
    const jpeg = await agencyJpeg(300, 200, { caption: 'A caption', credit: 'AFP', creator: 'Jane Doe' });
    const stripped = jpegWithOnlyCredit(jpeg, creditXmp({ credit: 'AFP', creator: 'Jane Doe' }))!;
    const [before, after] = await Promise.all([jpeg, stripped].map((bytes) => sharp(bytes).raw().toBuffer()));
    expect(after!.equals(before!)).toBe(true);
    const tags = (await exifr.parse(stripped, { tiff: true, exif: true, gps: true, iptc: true, xmp: true })) as Record<
      string,
      unknown
    >;
    expect([tags.latitude, tags.Make, tags.SerialNumber, tags.Caption, tags.Credit]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'AFP',
    ]);
  });

  it('a PNG keeps its pixels, 16 bits and profile, loses text chunks, and gains the credit XMP', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
      .toColourspace('rgb16')
      .withIccProfile('p3')
      .withExif({ IFD0: { Software: 'Photoshop' } })
      .png()
      .toBuffer();
    const stripped = pngWithOnlyCredit(png, creditXmp({ credit: 'Reuters' }))!;
    const [meta, raw, rawBefore] = await Promise.all([
      sharp(stripped).metadata(),
      sharp(stripped).raw().toBuffer(),
      sharp(png).raw().toBuffer(),
    ]);
    expect([meta.depth, meta.hasProfile, meta.exif, raw.equals(rawBefore)]).toEqual(['ushort', true, undefined, true]);
    expect(meta.xmp?.toString()).toContain('<photoshop:Credit>Reuters</photoshop:Credit>');
  });
});

describe('SVG cleaning', () => {
  const clean = (svg: string) => cleanSvg(Buffer.from(svg), where, 'chart.svg').toString();

  it('keeps shapes, gradients and internal references', () => {
    const out = clean(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>',
    );
    expect(out).toContain('viewBox="0 0 10 10"');
    expect(out).toContain('<linearGradient id="g"><stop offset="0" stop-color="red" /></linearGradient>');
    expect(out).toContain('fill="url(#g)"');
    expect(out).toContain('<use href="#g" />');
  });

  it.each([
    ['<script>alert(1)</script>', 'alert'],
    ['<rect onload="alert(1)"/>', 'onload'],
    ['<image href="https://evil.example/a.png"/>', 'evil'],
    ['<image xlink:href="file:///etc/passwd"/>', 'passwd'],
    ['<foreignObject><iframe src="https://evil.example/"/></foreignObject>', 'iframe'],
    ['<a href="javascript:alert(1)"><rect/></a>', 'javascript'],
    ['<rect style="fill:url(https://evil.example/p.svg#a)"/>', 'evil'],
    ['<rect fill="url(&quot;https://evil.example/p#a&quot;)"/>', 'evil'],
    ['<style>@import url(https://evil.example/a.css);</style>', 'import'],
    ['<animate attributeName="href" to="javascript:alert(1)"/>', 'javascript'],
    ['<image href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+"/>', 'data:'],
  ])('drops %s', (inner, word) => {
    const out = clean(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${inner}</svg>`,
    );
    expect(out.toLowerCase()).not.toContain(word);
  });

  it('refuses what is not an SVG once cleaned, and XML entities', () => {
    expect(() => clean('<svg><rect/></svg>')).toThrow(/no <svg> root in the SVG namespace/);
    expect(() => clean('<!DOCTYPE svg [<!ENTITY a "x">]><svg xmlns="http://www.w3.org/2000/svg"/>')).toThrow(
      /declares XML entities/,
    );
  });
});

describe('print size', () => {
  it('a 6000 × 4000 photo fills the A4 photo box at well over 300 ppi; the print copy is 300 ppi', () => {
    const size = printedSize(6000, 4000, photoBox('a4'));
    expect(size.ppi).toBeGreaterThan(900);
    expect(size.targetWidth / (size.widthMm / 25.4)).toBeCloseTo(300, 0);
  });

  it('a 400 × 300 photo prints at its natural size, 96 ppi, and needs about 150 ppi at the box width', () => {
    const size = printedSize(400, 300, photoBox('a4'));
    expect(Math.round(size.ppi)).toBe(96);
    expect(size.targetWidth).toBe(400);
    expect(size.needed.width).toBeGreaterThan(800);
  });
});

it('responsive widths: 480, 960, 1600 where the photo has the pixels, else its own width last', () => {
  expect([responsiveWidths(6000), responsiveWidths(1067), responsiveWidths(300)]).toEqual([
    [480, 960, 1600],
    [480, 960, 1067],
    [300],
  ]);
});

describe('embedded credit', () => {
  it('reads IPTC and XMP fields, XMP first, and UTF-8 IPTC read as Latin-1', async () => {
    const jpeg = await agencyJpeg(64, 64, {
      caption: 'Ёлки в Москве',
      credit: 'TASS',
      creator: 'Иван Петров',
      copyright: '© TASS',
      source: 'TASS',
    });
    const facts = await readEmbeddedFacts(jpeg);
    expect(facts.credit).toEqual({
      caption: 'Ёлки в Москве',
      credit: 'TASS',
      creator: 'Иван Петров',
      copyright: '© TASS',
      source: 'TASS',
    });
    expect(facts.location?.latitude).toBeCloseTo(55.75, 2);
  });

  it('a figure credit agrees with the photo when one names the other, and is a credit-mismatch when not', () => {
    const facts = {
      embedded: { credit: { credit: 'TASS', creator: 'Valery Sharifulin' }, location: undefined },
      header: undefined,
      printed: undefined,
      bytes: Buffer.alloc(0),
    } as PhotoFacts;
    const place = { path: '/x.jpg', written: 'x.jpg', where };
    expect(photoFindings([place], [facts], ['Valery Sharifulin / TASS'])).toEqual([]);
    expect(photoFindings([place], [facts], ['Reuters']).map((finding) => finding.rule)).toEqual(['credit-mismatch']);
  });
});
