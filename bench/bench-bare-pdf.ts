// Baseline for the benchmark: what any Puppeteer tool pays at least, a bare launch (Puppeteer's defaults, plus
// --no-sandbox because we run as root) and one page.pdf() of the same page.
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumPath } from '../src/render/browser.js';

const [htmlPath, pdfPath] = process.argv.slice(2);
if (!htmlPath || !pdfPath) throw new Error('usage: bench-bare-pdf <page.html> <out.pdf>');
const browser = await puppeteer.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
await browser.close();
