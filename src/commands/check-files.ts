// imprint check: every article's input errors and editorial warnings, without rendering anything.

import { findArticles } from '../article/find-articles.js';
import type { InputLimits } from '../article/limits.js';
import { type DraftArticle, loadOne } from '../build/load-articles.js';
import { errorDiagnostic } from '../check/check-article.js';
import type { Diagnostic } from '../check/diagnostic.js';
import type { BuildOptions } from '../config/options.js';

export async function checkFiles(
  paths: readonly string[],
  limits: InputLimits,
  { html, style }: Pick<BuildOptions, 'html' | 'style'>,
  onNote: (note: string) => void = () => undefined,
): Promise<Diagnostic[]> {
  const { files, notes } = await findArticles(paths);
  for (const note of notes) onNote(note);
  const loaded = await Promise.all(files.map((file) => loadOne(file, limits, { strict: false, html, style })));
  for (const { file } of loaded.filter((item) => 'draft' in item)) onNote(`${file}: left out (a draft)`);
  // What was read in a way the author may not expect: a caption from the photo, a photo's position.
  for (const item of loaded) if ('article' in item) item.article.notes.forEach(onNote);
  const perFile = loaded.filter((item): item is Exclude<typeof item, DraftArticle> => !('draft' in item));
  // Images and figures are prepared too: the errors a build would stop on come before the warnings.
  return perFile.flatMap((item) =>
    'article' in item ? item.warnings : [errorDiagnostic(item.file, item.error), ...item.warnings],
  );
}
