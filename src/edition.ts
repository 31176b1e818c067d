// The editions imprint makes of every publication, and what each file edition is called after the slug.
export const editions = ['pdf', 'epub', 'press', 'archival', 'html'] as const;
export type Edition = (typeof editions)[number];

/** What each file edition is called after the slug (the web edition is the folder's index.html and its images). */
export const editionSuffix: Record<Exclude<Edition, 'html'>, string> = {
  pdf: '.pdf',
  epub: '.epub',
  press: '.press.pdf',
  archival: '.archival.pdf',
};

/** Whether making these editions needs Chromium: every edition but the EPUB does (its cover is drawn without it). */
export function needsBrowser(wanted: readonly Edition[]): boolean {
  return wanted.some((edition) => edition !== 'epub');
}
