// sharp as every part of imprint uses it: libvips on one thread. sharp picks its thread count from the
// machine (its cores; one under glibc's default malloc, the cores again once MALLOC_ARENA_MAX is set, as
// bin/imprint sets it), and the AVIF encoder writes different bytes with different thread counts: pinned, a
// build writes the same web copies on every machine. Photos are many, so they still use every core at once.
// libvips keeps the results of recent operations (up to 50 MB and 20 open files, by default) for a call that
// repeats one; a batch's photos and covers are each made once, so the cache only held memory: off.
import sharp from 'sharp';

sharp.concurrency(1);
sharp.cache(false);

export default sharp;
export type { Metadata, OverlayOptions, Sharp } from 'sharp';
