// imprint check: every article's input errors and editorial warnings, without rendering anything.
import { prepareArticle } from '../article/article.js';
import type { InputLimits } from '../article/limits.js';
import { loadArticle } from '../article/load-article.js';
import { attributeTo } from '../errors.js';
import { findArticles } from '../find-articles.js';
import { checkArticle, errorDiagnostic } from './check-article.js';
import type { Diagnostic } from './diagnostic.js';

export async function checkFiles(paths: readonly string[], limits: InputLimits): Promise<Diagnostic[]> {
  const files = await findArticles(paths);
  const perFile = await Promise.all(
    files.map(async (file) => {
      let warnings: Diagnostic[] = [];
      try {
        const source = await loadArticle(file, limits);
        warnings = checkArticle(source);
        await prepareArticle(source, limits); // images and figures: the errors a build would stop on
        return warnings;
      } catch (error) {
        return [errorDiagnostic(file, attributeTo(file, error)), ...warnings];
      }
    }),
  );
  return perFile.flat();
}
