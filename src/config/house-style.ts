// A publication's house style, as the build uses it: the article defaults, the labels, the calendar and digits
// and the theme from imprint.yaml (and the theme's own labels.yaml). Loaded and checked once per build.
import type { ArticleDefaults } from '../article/front-matter.js';
import type { FieldRules } from '../article/site-generator.js';
import type { Calendar, Numerals } from '../labels/dates.js';
import type { LabelOverrides } from '../labels/labels.js';
import type { Theme } from '../theme/theme.js';

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
  /** How photos are published (imprint.yaml `images:`), and the project folder whose .imprint-cache/ keeps their copies. */
  images: { keepLocation: boolean; projectDir: string };
  /** imprint.yaml's `site:`: the address site paths in links resolve against. */
  site?: string | undefined;
  /** imprint.yaml's images.fetch, and the cache beside it (without a config, .imprint-cache/images here). */
  imageHosts?: string[];
  imageCache?: string;
  /** What the style contributes to every article's fingerprint. */
  fingerprint: string;
}

/** No imprint.yaml: the built-in look, English labels for articles in languages imprint has no table for. */
export const builtInStyle: HouseStyle = {
  defaults: {},
  labels: [],
  theme: undefined,
  fields: {},
  images: { keepLocation: false, projectDir: '.' },
  fingerprint: '',
};
