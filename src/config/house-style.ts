// A publication's house style, as the build uses it: the article defaults, the labels, the calendar and digits
// and the theme from imprint.yaml (and the theme's own labels.yaml). Loaded and checked once per build.
import { createHash } from 'node:crypto';
import type { ArticleDefaults } from '../article/front-matter.js';
import type { FieldRules } from '../article/site-generator.js';
import type { Calendar, Numerals } from '../labels/dates.js';
import type { LabelOverrides } from '../labels/labels.js';
import type { Theme } from '../theme/theme.js';
import type { Config } from './config.js';

export interface HouseStyle {
  defaults: ArticleDefaults;
  /** Label overrides in order of precedence: imprint.yaml's, then the theme's. */
  labels: LabelOverrides[];
  /**
   * imprint.yaml's `calendar:` and `numerals:`, for every date and page number; unset, Gregorian dates in each
   * language's usual digits. A HouseStyle is itself the settings of dates.ts: `displayDate(date, lang, style)`.
   */
  calendar?: Calendar;
  numerals?: Numerals;
  theme: Theme | undefined;
  /** Site-generator fields to map to imprint's or leave out (imprint.yaml `fields:`). */
  fields: FieldRules;
  /** What the style contributes to every article's fingerprint. */
  fingerprint: string;
}

/** No imprint.yaml: the built-in look, English labels for articles in languages imprint has no table for. */
export const builtInStyle: HouseStyle = { defaults: {}, labels: [], theme: undefined, fields: {}, fingerprint: '' };

export async function loadHouseStyle(config: Config | undefined): Promise<HouseStyle> {
  if (!config) return builtInStyle;
  // Loaded only when there is a config: every command imports this module (options.ts), few need css-tree.
  const { loadTheme } = await import('../theme/theme.js');
  const theme = config.themeDir === undefined ? undefined : await loadTheme(config.themeDir);
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ defaults: config.defaults, labels: config.labels, calendar: config.calendar, numerals: config.numerals, fields: config.fields }))
    .update(theme?.fingerprint ?? '')
    .digest('hex');
  const labels = [config.labels, ...(theme ? [theme.labels] : [])];
  const { calendar, numerals } = config;
  return { defaults: config.defaults, labels, ...(calendar && { calendar }), ...(numerals && { numerals }), theme, fields: config.fields, fingerprint };
}
