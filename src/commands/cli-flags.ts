// The command line's flags, as commander gives them, turned into the library's settings (ProjectSettings):
// a flag and an API setting then mean the same thing and are refused with the same words.
import type { ProjectSettings } from './project-settings.js';

export interface Flags {
  config?: string;
  queue?: string;
  root?: string;
  shard?: string;
  out?: string;
  formats?: string;
  page?: string;
  jobs?: string;
  strict?: boolean;
  force?: boolean;
  timeout?: string;
  html?: boolean;
  fetchImages?: boolean;
  maxArticleMb?: string;
  maxImageMb?: string;
  maxImageMegapixels?: string;
}

/** The command line's flags as the library's settings (numbers are checked by the options' schema). */
export function settingsFrom(flags: Flags): ProjectSettings {
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const settings: ProjectSettings = {
    config: flags.config,
    out: flags.out,
    formats: flags.formats
      ?.split(',')
      .map((format) => format.trim())
      .filter(Boolean),
    page: flags.page,
    jobs: number(flags.jobs),
    strict: flags.strict,
    force: flags.force,
    html: flags.html,
    fetchImages: flags.fetchImages,
    timeout: number(flags.timeout),
    maxArticleMb: number(flags.maxArticleMb),
    maxImageMb: number(flags.maxImageMb),
    maxImageMegapixels: number(flags.maxImageMegapixels),
    queue: flags.queue,
    root: flags.root,
    shard: flags.shard,
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}
