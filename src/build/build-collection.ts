// One collection through the build: its file and every article it names loaded and checked (the first bad
// or missing article stops the collection, named with its file and line), skipped when a previous build made
// the same editions from the same inputs, else rendered, written atomically and reported like an article.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCollection } from '../collection/collection-file.js';
import { collectionPublication } from '../collection/collection-publication.js';
import type { CollectedArticle } from '../collection/collection-view.js';
import { type Edition, needsBrowser } from '../edition.js';
import { articleView } from '../editions/page/article-view.js';
import { renderEditions } from '../editions/render.js';
import { ImprintError } from '../errors.js';
import { articleFingerprint } from '../output/fingerprint.js';
import { type Manifest, sha256 } from '../output/manifest.js';
import { isUpToDate } from '../output/verify.js';
import { type ArticleResult, type BuildContext, writeRendered } from './build-result.js';
import { failure, loadOne } from './load-articles.js';

export interface CollectionContext extends BuildContext {
  buildPrint: string;
  previous: Manifest | undefined;
  /** Slugs the batch's articles already use. */
  taken: ReadonlySet<string>;
}

export async function publishCollection(file: string, context: CollectionContext): Promise<ArticleResult> {
  const { options, limits, browsers, workDir, buildPrint, previous, taken } = context;
  try {
    const collection = await loadCollection(file);
    if (taken.has(collection.slug)) {
      throw new ImprintError(
        `slug "${collection.slug}" is already used by an article of this build`,
        { file },
        'Give the collection another "slug:", or rename its file.',
      );
    }
    const editions = options.formats;
    const collected: CollectedArticle[] = [];
    const fingerprint = createHash('sha256').update(buildPrint).update(collection.sourceBytes);
    const text = collection.sourceBytes.toString('utf8');
    for (const section of collection.sections) {
      for (const path of section.articles) {
        const shown = relative(process.cwd(), path);
        if (!existsSync(path)) {
          throw new ImprintError(
            `the article ${shown} does not exist`,
            { file, line: lineOf(text, relative(collection.dir, path)) },
            'Paths in a collection are relative to the collection file.',
          );
        }
        const loaded = await loadOne(shown, limits, options, 'copy');
        if ('draft' in loaded)
          throw new ImprintError(
            `the article ${shown} is a draft`,
            { file, line: lineOf(text, relative(collection.dir, path)) },
            'Publish it (draft: false) or take it out of the collection.',
          );
        if (!('article' in loaded)) return failure(file, loaded.error, loaded.warnings);
        collected.push({
          article: loaded.article,
          view: articleView(loaded.article, options.style),
          section: section.title,
        });
        fingerprint.update(await articleFingerprint(loaded.article, buildPrint, editions));
      }
    }
    const inputs = fingerprint.update(editions.join(',')).digest('hex');
    const publication = collectionPublication(collection, collected, options.style);
    const { meta } = publication;
    const summary = {
      title: collection.title,
      date: collection.date,
      byline: meta.byline,
      description: meta.description,
      publication: collection.publication,
      lang: collection.lang,
    };
    const members = collected.map(({ article }) => ({ slug: article.slug, title: article.meta.title }));
    const base = {
      file,
      ok: true as const,
      slug: collection.slug,
      sourceSha256: sha256(collection.sourceBytes),
      fingerprint: inputs,
      summary,
      warnings: [],
      members,
    };
    const entry = previous?.articles[collection.slug];
    if (!options.force && entry && (await isUpToDate(entry, inputs, editions, options.outDir))) {
      return {
        ...base,
        status: 'unchanged',
        written: entry.editions.map((edition) => ({
          ...edition,
          edition: edition.edition as Edition,
          path: join(options.outDir, edition.path),
        })),
      };
    }
    const held = needsBrowser(editions) ? browsers.hold() : undefined;
    const rendered = await renderEditions(publication, editions, {
      tabs: held?.tabs,
      doneWithTabs: held?.release,
      workDir,
      page: options.page ?? 'a4',
      style: options.style,
    }).finally(() => held?.release());
    return {
      ...base,
      status: 'built',
      written: await writeRendered(
        rendered,
        join(options.outDir, collection.slug),
        context.recorder?.beforeReplacing(collection.slug),
      ),
    };
  } catch (error) {
    return failure(file, error);
  }
}

/** The line of the collection file that names `path` (1 when it cannot be found). */
function lineOf(text: string, path: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(path));
  return index < 0 ? 1 : index + 1;
}
