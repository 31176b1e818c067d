// A collection file: a day's edition or a weekly digest, one YAML file naming its articles in reading order
// (optionally in sections). Checked like front matter, with file:line:col and a did-you-mean.
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import * as v from 'valibot';
import { frontMatterSchema } from '../article/front-matter.js';
import { parseYamlData } from '../data/yaml-data.js';
import { ImprintError } from '../errors.js';

const { entries: field } = frontMatterSchema;
const articlePaths = v.pipe(
  v.array(
    v.pipe(v.string('articles lists Markdown files'), v.nonEmpty('an article path is empty')),
    'articles lists Markdown files, relative to this file',
  ),
  v.minLength(1, 'articles needs at least one article'),
);

export const collectionSchema = v.strictObject({
  collection: v.strictObject({
    title: field.title,
    date: field.date,
    publication: field.publication,
    subtitle: field.subtitle,
    description: field.description,
    lang: field.lang,
    rights: field.rights,
    slug: field.slug,
    /** A photo for the title page and the EPUB cover, relative to this file. */
    cover: v.optional(v.pipe(v.string('cover is the path of a photo'), v.nonEmpty('cover is the path of a photo'))),
    articles: v.optional(articlePaths),
    sections: v.optional(
      v.pipe(
        v.array(v.strictObject({ title: field.title, articles: articlePaths })),
        v.minLength(1, 'sections needs at least one section'),
      ),
    ),
  }),
});

export interface CollectionSection {
  /** Undefined for a collection without sections. */
  title: string | undefined;
  /** Paths as the user would type them (relative to the working folder when shorter). */
  articles: string[];
}

export interface Collection {
  file: string;
  dir: string;
  title: string;
  date: string;
  publication: string;
  subtitle: string | undefined;
  description: string | undefined;
  lang: string;
  rights: string | undefined;
  slug: string;
  cover: string | undefined;
  sections: CollectionSection[];
  sourceBytes: Buffer;
}

const collectionExtensions = new Set(['.yaml', '.yml']);

/** On the command line, a .yaml file is a collection. */
export function isCollectionFile(path: string): boolean {
  return collectionExtensions.has(extname(path).toLowerCase());
}

export async function loadCollection(file: string): Promise<Collection> {
  const sourceBytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new ImprintError(`cannot read the collection: ${error.message}`, { file });
  });
  const { collection } = parseYamlData(
    { text: sourceBytes.toString('utf8'), file, what: 'collection' },
    collectionSchema,
  );
  if (!collection.articles === !collection.sections) {
    throw new ImprintError(
      'a collection lists its articles either under articles: or under sections:, one of the two',
      { file, line: 1 },
      'Write articles: [a.md, b.md], or sections: [{ title: …, articles: [...] }].',
    );
  }
  const dir = dirname(resolve(file));
  const fromFile = (path: string) => resolve(dir, path);
  const sections = collection.sections
    ? collection.sections.map((section) => ({ title: section.title, articles: section.articles.map(fromFile) }))
    : [{ title: undefined, articles: collection.articles!.map(fromFile) }];
  return {
    file,
    dir,
    title: collection.title,
    date: collection.date,
    publication: collection.publication,
    subtitle: collection.subtitle,
    description: collection.description,
    lang: collection.lang ?? 'en',
    rights: collection.rights,
    slug: collection.slug ?? basename(file, extname(file)),
    cover: collection.cover && fromFile(collection.cover),
    sections,
    sourceBytes,
  };
}
