// The bundled font packages (Fontsource's static Noto faces, SIL Open Font License 1.1): every one a page may
// load, whose folders the sandboxed page may read and whose versions are part of every article's fingerprint.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { baseFonts, writingSystems } from './writing-systems.js';

const require = createRequire(import.meta.url);

/** The font packages themselves (@fontsource/…). */
export const fontPackages = [
  ...new Set([
    baseFonts.text.module,
    baseFonts.sans.module,
    ...writingSystems.flatMap((system) => [system.text.module, system.sans.module]),
  ]),
];

/** The folders of the font packages, which rendered pages may read. */
export function fontPackageDirs(): string[] {
  return fontPackages.map((module) => dirname(require.resolve(`${module}/package.json`)));
}
