// A project's settings for one command: imprint.yaml (if any) and its house style, with the caller's settings
// over them, checked by the build options' schema. Shared by the CLI and the library API, so a flag and an
// API setting mean the same thing and are refused with the same words.
import * as v from 'valibot';
import { type BuildOptions, buildOptionsSchema } from '../config/options.js';
import type { Edition } from '../edition.js';
import { ImprintError } from '../errors.js';

/** What a caller may set; each overrides imprint.yaml's `build:` setting of the same name. */
export interface ProjectSettings {
  /** The project's imprint.yaml (default: imprint.yaml in the working folder, if there is one). */
  config?: string;
  /** The output folder (default `output`). */
  out?: string;
  formats?: readonly Edition[] | readonly string[];
  /** `a4`, `letter` or a trim size such as `6in x 9in`, for every article. */
  page?: string;
  jobs?: number;
  strict?: boolean;
  force?: boolean;
  html?: boolean;
  /** Download remote photos from any public host into the project's cache (imprint.yaml's images.fetch names hosts). */
  fetchImages?: boolean;
  /** Seconds, for each article's page in the browser and every call to it. */
  timeout?: number;
  maxArticleMb?: number;
  maxImageMb?: number;
  /** A photo with more pixels than this many million is refused from its header. */
  maxImageMegapixels?: number;
  queue?: string;
  root?: string;
  /** `I/N`: build only this machine's part of the articles. */
  shard?: string;
}

export interface Project {
  /** The articles and collections to work on: the caller's, else imprint.yaml's `build.paths`, else `content`. */
  paths: string[];
  options: BuildOptions;
  configFile: string | undefined;
}

/**
 * A setting that cannot work (a bad flag, an unreadable or wrong imprint.yaml): the command is used wrongly,
 * rather than an article failing. The CLI exits 2 for it.
 */
export class UsageError extends ImprintError {
  override name = 'UsageError';
}

export async function loadProject(given: readonly string[], settings: ProjectSettings): Promise<Project> {
  const { loadConfig } = await import('../config/config.js');
  const { loadHouseStyle } = await import('../config/load-house-style.js');
  let config: Awaited<ReturnType<typeof loadConfig>>;
  let style: Awaited<ReturnType<typeof loadHouseStyle>>;
  try {
    config = await loadConfig(settings.config);
    style = await loadHouseStyle(config);
  } catch (error) {
    if (!(error instanceof ImprintError)) throw error;
    throw new UsageError(error.message, error.location, error.hint, { cause: error, rule: error.rule });
  }
  const fromConfig = config?.build ?? {};
  const parsed = v.safeParse(buildOptionsSchema, {
    ...defined({
      outDir: fromConfig.out,
      formats: fromConfig.formats,
      page: fromConfig.page,
      jobs: fromConfig.jobs,
      strict: fromConfig.strict,
      html: fromConfig.html,
      timeoutMs: fromConfig.timeout === undefined ? undefined : fromConfig.timeout * 1000,
      maxArticleMb: fromConfig['max-article-mb'],
      maxImageMb: fromConfig['max-image-mb'],
      maxImageMegapixels: fromConfig['max-image-megapixels'],
    }),
    ...defined({
      outDir: settings.out,
      formats: settings.formats && [...settings.formats],
      page: settings.page,
      jobs: settings.jobs,
      strict: settings.strict,
      force: settings.force,
      html: settings.html,
      fetchImages: settings.fetchImages,
      timeoutMs: settings.timeout === undefined ? undefined : settings.timeout * 1000,
      maxArticleMb: settings.maxArticleMb,
      maxImageMb: settings.maxImageMb,
      maxImageMegapixels: settings.maxImageMegapixels,
      queue: settings.queue,
      root: settings.root,
      shard: settings.shard,
    }),
    style,
  });
  if (!parsed.success) throw new UsageError(parsed.issues[0].message);
  const paths = given.length > 0 ? [...given] : (fromConfig.paths ?? ['content']);
  return { paths, options: parsed.output, configFile: config?.file };
}

function defined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
