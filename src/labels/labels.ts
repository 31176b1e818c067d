// The words imprint itself puts on the page ("By", "Page 1 of 2", "Contents"), in the article's language.
// Built in for the languages below, English for any other; a theme's labels.yaml and imprint.yaml's
// `labels:` may override any of them, per language. Dates and lists come from Intl, not from here.
import * as v from 'valibot';

/** Each label, and the placeholder it must contain (where the names, numbers or link go). */
export const labelPlaceholders = {
  /** Before the authors' names in the dateline. */
  byline: ['{names}'],
  /** The print footer; {pages} (the page count) is optional. */
  page: ['{page}'],
  /** The line at the end that links the original. */
  source: ['{link}'],
  /** The photo credit on the EPUB cover. */
  photo: ['{credit}'],
  /** The EPUB's table of contents. */
  contents: [],
  /** The EPUB's landmarks (the reading system's "go to" menu). */
  landmarks: [],
  /** The cover, in the landmarks and the cover image's description. */
  cover: [],
  /** The web edition's download block: its heading, each edition's name and use, and the page count. */
  downloads: [],
  pdfEdition: [],
  epubEdition: [],
  pressEdition: [],
  archivalEdition: [],
  pageCount: ['{pages}'],
  /** The link from an article's web page to the download page of every article. */
  allArticles: [],
} as const satisfies Record<string, readonly string[]>;

export type LabelName = keyof typeof labelPlaceholders;
export type Labels = Record<LabelName, string>;
/** Overrides, per language tag (`ru`, `pt-BR`): any subset of the labels. */
export type LabelOverrides = Record<string, Partial<Labels>>;

export const labelNames = Object.keys(labelPlaceholders) as LabelName[];

const builtIn: Record<string, Labels> = {
  en: { byline: 'By {names}', page: 'Page {page} of {pages}', source: 'Originally published at {link}', photo: 'Photo: {credit}', contents: 'Contents', landmarks: 'Landmarks', cover: 'Cover',
    downloads: 'Download', pdfEdition: 'PDF to read and print', epubEdition: 'EPUB for e-readers', pressEdition: 'Press PDF for print shops (PDF/X-4, bleed and crop marks)', archivalEdition: 'Archival PDF for libraries (PDF/A-2u)', pageCount: 'Pages: {pages}', allArticles: 'All articles' },
  de: { byline: 'Von {names}', page: 'Seite {page} von {pages}', source: 'Zuerst erschienen bei {link}', photo: 'Foto: {credit}', contents: 'Inhalt', landmarks: 'Orientierungspunkte', cover: 'Titelbild',
    downloads: 'Herunterladen', pdfEdition: 'PDF zum Lesen und Drucken', epubEdition: 'EPUB für E-Reader', pressEdition: 'Druck-PDF für Druckereien (PDF/X-4, Beschnitt und Schnittmarken)', archivalEdition: 'Archiv-PDF für Bibliotheken (PDF/A-2u)', pageCount: 'Seiten: {pages}', allArticles: 'Alle Artikel' },
  fr: { byline: 'Par {names}', page: 'Page {page} sur {pages}', source: 'Publié initialement sur {link}', photo: 'Photo\u00A0: {credit}', contents: 'Sommaire', landmarks: 'Repères', cover: 'Couverture',
    downloads: 'Télécharger', pdfEdition: 'PDF à lire et à imprimer', epubEdition: 'EPUB pour liseuses', pressEdition: 'PDF imprimeur (PDF/X-4, fond perdu et traits de coupe)', archivalEdition: 'PDF d’archivage pour les bibliothèques (PDF/A-2u)', pageCount: 'Pages : {pages}', allArticles: 'Tous les articles' },
  es: { byline: 'Por {names}', page: 'Página {page} de {pages}', source: 'Publicado originalmente en {link}', photo: 'Foto: {credit}', contents: 'Índice', landmarks: 'Puntos de referencia', cover: 'Portada',
    downloads: 'Descargar', pdfEdition: 'PDF para leer e imprimir', epubEdition: 'EPUB para lectores electrónicos', pressEdition: 'PDF de imprenta (PDF/X-4, sangrado y marcas de corte)', archivalEdition: 'PDF de archivo para bibliotecas (PDF/A-2u)', pageCount: 'Páginas: {pages}', allArticles: 'Todos los artículos' },
  it: { byline: 'Di {names}', page: 'Pagina {page} di {pages}', source: 'Pubblicato originariamente su {link}', photo: 'Foto: {credit}', contents: 'Indice', landmarks: 'Punti di riferimento', cover: 'Copertina',
    downloads: 'Scarica', pdfEdition: 'PDF da leggere e stampare', epubEdition: 'EPUB per e-reader', pressEdition: 'PDF per la tipografia (PDF/X-4, abbondanza e segni di taglio)', archivalEdition: 'PDF d’archivio per le biblioteche (PDF/A-2u)', pageCount: 'Pagine: {pages}', allArticles: 'Tutti gli articoli' },
  pt: { byline: 'Por {names}', page: 'Página {page} de {pages}', source: 'Publicado originalmente em {link}', photo: 'Foto: {credit}', contents: 'Índice', landmarks: 'Pontos de referência', cover: 'Capa',
    downloads: 'Baixar', pdfEdition: 'PDF para ler e imprimir', epubEdition: 'EPUB para leitores digitais', pressEdition: 'PDF para gráfica (PDF/X-4, sangria e marcas de corte)', archivalEdition: 'PDF de arquivo para bibliotecas (PDF/A-2u)', pageCount: 'Páginas: {pages}', allArticles: 'Todos os artigos' },
  ru: { byline: 'Автор: {names}', page: 'Страница {page} из {pages}', source: 'Впервые опубликовано: {link}', photo: 'Фото: {credit}', contents: 'Содержание', landmarks: 'Ориентиры', cover: 'Обложка',
    downloads: 'Скачать', pdfEdition: 'PDF для чтения и печати', epubEdition: 'EPUB для электронных книг', pressEdition: 'PDF для типографии (PDF/X-4, вылеты и метки обреза)', archivalEdition: 'Архивный PDF для библиотек (PDF/A-2u)', pageCount: 'Страниц: {pages}', allArticles: 'Все статьи' },
  uk: { byline: 'Автор: {names}', page: 'Сторінка {page} з {pages}', source: 'Уперше опубліковано: {link}', photo: 'Фото: {credit}', contents: 'Зміст', landmarks: 'Орієнтири', cover: 'Обкладинка',
    downloads: 'Завантажити', pdfEdition: 'PDF для читання й друку', epubEdition: 'EPUB для електронних книжок', pressEdition: 'PDF для друкарні (PDF/X-4, випуски під обріз і мітки)', archivalEdition: 'Архівний PDF для бібліотек (PDF/A-2u)', pageCount: 'Сторінок: {pages}', allArticles: 'Усі статті' },
  pl: { byline: 'Autor: {names}', page: 'Strona {page} z {pages}', source: 'Pierwotnie opublikowano: {link}', photo: 'Fot. {credit}', contents: 'Spis treści', landmarks: 'Punkty orientacyjne', cover: 'Okładka',
    downloads: 'Pobierz', pdfEdition: 'PDF do czytania i druku', epubEdition: 'EPUB na czytniki', pressEdition: 'PDF dla drukarni (PDF/X-4, spady i znaczniki cięcia)', archivalEdition: 'Archiwalny PDF dla bibliotek (PDF/A-2u)', pageCount: 'Liczba stron: {pages}', allArticles: 'Wszystkie artykuły' },
  el: { byline: 'Κείμενο: {names}', page: 'Σελίδα {page} από {pages}', source: 'Πρώτη δημοσίευση: {link}', photo: 'Φωτογραφία: {credit}', contents: 'Περιεχόμενα', landmarks: 'Ορόσημα', cover: 'Εξώφυλλο',
    downloads: 'Λήψη', pdfEdition: 'PDF για ανάγνωση και εκτύπωση', epubEdition: 'EPUB για ηλεκτρονικούς αναγνώστες', pressEdition: 'PDF τυπογραφείου (PDF/X-4, περιθώριο κοπής και σημάδια κοπής)', archivalEdition: 'PDF αρχειοθέτησης για βιβλιοθήκες (PDF/A-2u)', pageCount: 'Σελίδες: {pages}', allArticles: 'Όλα τα άρθρα' },
  hy: { byline: 'Հեղինակ՝ {names}', page: 'Էջ {page} / {pages}', source: 'Առաջին անգամ հրապարակվել է՝ {link}', photo: 'Լուսանկարը՝ {credit}', contents: 'Բովանդակություն', landmarks: 'Ուղենիշներ', cover: 'Շապիկ',
    downloads: 'Ներբեռնել', pdfEdition: 'PDF՝ կարդալու և տպելու համար', epubEdition: 'EPUB՝ էլեկտրոնային ընթերցիչների համար', pressEdition: 'PDF՝ տպարանի համար (PDF/X-4, եզրեր և կտրման նշաններ)', archivalEdition: 'Արխիվային PDF՝ գրադարանների համար (PDF/A-2u)', pageCount: 'Էջեր՝ {pages}', allArticles: 'Բոլոր հոդվածները' },
};

export const builtInLanguages = Object.keys(builtIn);

/**
 * The labels for a language tag: the most specific override first (pt-BR, then pt), then the built-in table
 * for the tag's language, then English. `overrides` are in order of precedence (imprint.yaml before the theme).
 */
export function labelsFor(lang: string, overrides: readonly LabelOverrides[] = []): Labels {
  const tags = languageFallbacks(lang);
  const base = tags.map((tag) => builtIn[tag]).find(Boolean) ?? builtIn.en!;
  const labels = { ...base };
  for (const name of labelNames) {
    for (const override of overrides) {
      const found = tags.map((tag) => findTag(override, tag)?.[name]).find((value) => value !== undefined);
      if (found !== undefined) {
        labels[name] = found;
        break;
      }
    }
  }
  return labels;
}

/** "pt-BR" → ["pt-br", "pt"]. */
function languageFallbacks(lang: string): string[] {
  const parts = lang.toLowerCase().split('-');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('-'));
}

function findTag(overrides: LabelOverrides, tag: string): Partial<Labels> | undefined {
  return Object.entries(overrides).find(([key]) => key.toLowerCase() === tag)?.[1];
}

/** A label with its placeholders filled in, as plain text. */
export function fillLabel(label: string, values: Record<string, string>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The text before and after a label's one placeholder, for templates that put markup in its place. */
export function splitLabel(label: string, placeholder: string): { before: string; after: string } {
  const at = label.indexOf(placeholder);
  return { before: label.slice(0, at), after: label.slice(at + placeholder.length) };
}

/** The schema for overrides in imprint.yaml and a theme's labels.yaml: each label must keep its placeholders. */
export const labelOverridesSchema = v.record(
  v.pipe(v.string(), v.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'labels are grouped by language tag, such as en or pt-BR')),
  v.strictObject(
    Object.fromEntries(
      labelNames.map((name) => [
        name,
        v.optional(
          v.pipe(
            v.string(`label "${name}" must be text`),
            v.check((text) => labelPlaceholders[name].every((placeholder) => text.includes(placeholder)), `label "${name}" must contain ${labelPlaceholders[name].join(' and ') || 'text'}`),
          ),
        ),
      ]),
    ) as Record<LabelName, v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<string>, v.CheckAction<string, string>]>, undefined>>,
  ),
);
