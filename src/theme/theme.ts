// A theme: a folder with any of print.css, epub.css and cover.css (loaded after the built-in styles), a
// logo (logo.svg or logo.png), fonts/ (font files its @font-face rules name, and their licence) and
// labels.yaml. Everything is read and checked once per build: CSS that does not parse, or that asks for a
// file outside the theme folder or for anything on the network, is refused here with its file and line,
// before any page loads (the render sandbox refuses it again if it ever got that far). Whether print.css
// styles the page box (page-box.ts) is read here too: the press edition needs a bleed print only then.
import { createHash } from 'node:crypto';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { parseYamlData } from '../data/yaml-data.js';
import { ImprintError } from '../errors.js';
import { type LabelOverrides, labelOverridesSchema } from '../labels/labels.js';
import { isOutside } from '../paths.js';
import { stylesPageBox } from './page-box.js';
import { checkCss, epubCss, fontExtensions, type ThemeFont } from './theme-css.js';

export type { ThemeFont };

export interface Theme {
  /** Absolute, symlinks resolved: the one folder of the theme's that pages may read. */
  root: string;
  /** Stylesheets for the print page (print media) and the cover (screen media), as absolute paths. */
  printCss: string | undefined;
  coverCss: string | undefined;
  /** print.css styles the page box beyond type (a page background, borders, margins): see page-box.ts. */
  stylesPageBox: boolean;
  /** epub.css, its font URLs rewritten to the EPUB's fonts/ folder, and the fonts it names. */
  epub: { css: string; fonts: ThemeFont[] } | undefined;
  /** The licence beside the fonts, travelling with them in the EPUB. */
  fontLicence: ThemeFont | undefined;
  logo: { path: string; mediaType: string } | undefined;
  labels: LabelOverrides;
  /** SHA-256 over every file of the theme: part of each article's fingerprint. */
  fingerprint: string;
}

const logoNames = { 'logo.svg': 'image/svg+xml', 'logo.png': 'image/png' } as const;
const licenceName = /^(licen[cs]e|ofl|copying)/i;

export async function loadTheme(dir: string): Promise<Theme> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new ImprintError(
      'the theme folder does not exist',
      { file: dir },
      'Point theme: in imprint.yaml at a folder with print.css, epub.css, cover.css, a logo or fonts/ (imprint init writes one).',
    );
  }
  const root = await realpath(dir);
  const files = await themeFiles(root);
  const has = (name: string) => files.includes(name);
  const shown = (name: string) => join(dir, name);

  const cssFile = async (name: string) => {
    if (!has(name)) return undefined;
    const text = await readFile(join(root, name), 'utf8');
    checkCss(text, { file: shown(name), path: join(root, name), root, forEpub: false });
    return join(root, name);
  };
  const [printCss, coverCss] = await Promise.all([cssFile('print.css'), cssFile('cover.css')]);

  const fonts = files.filter((name) => name.startsWith('fonts/') && fontExtensions.has(extname(name).toLowerCase()));
  const licence = files.find((name) => dirname(name) === 'fonts' && licenceName.test(basename(name)));
  let epub: Theme['epub'];
  if (has('epub.css')) {
    const text = await readFile(join(root, 'epub.css'), 'utf8');
    epub = epubCss(text, { file: shown('epub.css'), path: join(root, 'epub.css'), root, forEpub: true });
  }

  const logoName = (Object.keys(logoNames) as (keyof typeof logoNames)[]).find(has);
  if (logoName === 'logo.svg') checkSvgLogo(await readFile(join(root, logoName), 'utf8'), shown(logoName));

  let labels: LabelOverrides = {};
  if (has('labels.yaml'))
    labels = parseYamlData(
      { text: await readFile(join(root, 'labels.yaml'), 'utf8'), file: shown('labels.yaml'), what: 'labels.yaml' },
      labelOverridesSchema,
    );

  const hash = createHash('sha256');
  for (const name of files) hash.update(`${name}\n`).update(await readFile(join(root, name)));
  return {
    root,
    printCss,
    coverCss,
    stylesPageBox: printCss !== undefined && stylesPageBox(printCss, root),
    epub,
    fontLicence:
      licence && fonts.length > 0 ? { path: join(root, licence), filename: `theme-${basename(licence)}` } : undefined,
    logo: logoName && { path: join(root, logoName), mediaType: logoNames[logoName] },
    labels,
    fingerprint: hash.digest('hex'),
  };
}

/** Every file in the theme folder, as sorted paths relative to it; links that leave the folder are refused. */
async function themeFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink() && isOutside(root, await realpath(path).catch(() => path))) {
      throw new ImprintError(
        'the theme links to a file outside its folder',
        { file: path },
        'Copy the file into the theme folder instead of linking it.',
      );
    }
    if (entry.isFile() || entry.isSymbolicLink()) files.push(relative(root, path));
  }
  return files.sort();
}

/** An SVG logo is drawn as an image in print and in the EPUB: it must not need scripts or the network. */
function checkSvgLogo(text: string, file: string): void {
  const lines = text.split('\n');
  const problem = [/<script\b/i, /\son[a-z]+\s*=/i, /(?:href|src)\s*=\s*["']\s*(?:https?:|\/\/|file:)/i]
    .flatMap((pattern) => lines.flatMap((line, i) => (pattern.test(line) ? [i + 1] : [])))
    .sort((a, b) => a - b)[0];
  if (problem !== undefined) {
    throw new ImprintError(
      'the logo has a script or refers to another file',
      { file, line: problem },
      'Export the logo as a plain SVG (shapes and text only), or use logo.png.',
    );
  }
}
