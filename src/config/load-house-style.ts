// Loads the house style from a checked imprint.yaml: its theme (css-tree and all, so only when there is a
// config) and the fingerprint the style adds to every article's.
import { createHash } from 'node:crypto';
import type { Config } from './config.js';
import { builtInStyle, type HouseStyle } from './house-style.js';

export async function loadHouseStyle(config: Config | undefined): Promise<HouseStyle> {
  if (!config) return builtInStyle;
  // Loaded only when there is a config: few commands need css-tree.
  const { loadTheme } = await import('../theme/theme.js');
  const theme = config.themeDir === undefined ? undefined : await loadTheme(config.themeDir);
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify({
        defaults: config.defaults,
        labels: config.labels,
        calendar: config.calendar,
        numerals: config.numerals,
        fields: config.fields,
        images: config.images,
        site: config.site,
      }),
    )
    .update(theme?.fingerprint ?? '')
    .digest('hex');
  const labels = [config.labels, ...(theme ? [theme.labels] : [])];
  const { calendar, numerals } = config;
  return {
    defaults: config.defaults,
    labels,
    ...(calendar && { calendar }),
    ...(numerals && { numerals }),
    theme,
    fields: config.fields,
    images: { ...config.images, projectDir: config.dir },
    site: config.site,
    imageHosts: config.imageHosts,
    imageCache: config.imageCache,
    fingerprint,
  };
}
