// npm run bench -- --photos: the image pipeline's cost per photo, cold (every copy made) and cached (the
// project cache's entry found), for a 24-megapixel agency-size JPEG, against decoding that JPEG once with
// libvips (the floor: no pipeline can be cheaper than reading the pixels).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { photoBox } from '../src/article/page-size.js';
import { imageSettings } from '../src/images/image-settings.js';
import { photoCopies, readPhotoFacts } from '../src/images/process-photo.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function photosBench(runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'imprint-bench-photos-'));
  try {
    const path = join(dir, 'agency.jpg');
    writeFileSync(path, await agencySizeJpeg());
    const where = { file: 'bench.md', line: 1 };
    const times = { decode: [] as number[], cold: [] as number[], cached: [] as number[] };
    for (let run = 0; run < runs; run++) {
      const settings = imageSettings(join(dir, `project-${run}`));
      let start = performance.now();
      await sharp(path).raw().toBuffer();
      times.decode.push(performance.now() - start);
      for (const kind of ['cold', 'cached'] as const) {
        start = performance.now();
        const facts = await readPhotoFacts(path, where, 'agency.jpg', settings, photoBox('a4'));
        await photoCopies(facts, { credit: 'AFP' }, settings, where, 'agency.jpg');
        times[kind].push(performance.now() - start);
      }
    }
    const floor = median(times.decode);
    console.log(
      `one 6000 × 4000 JPEG, ${runs} runs, medians; floor: libvips decodes it once in ${(floor / 1000).toFixed(2)} s`,
    );
    for (const kind of ['cold', 'cached'] as const) {
      console.log(
        `pipeline, ${kind.padEnd(6)} (print, EPUB, 3 web widths × JPEG + AVIF)   ${(median(times[kind]) / 1000).toFixed(2)} s   ${(median(times[kind]) / floor).toFixed(2)} × floor`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Grain over gradients, at JPEG quality 92: about 6 MB, as agencies send them. */
async function agencySizeJpeg(): Promise<Buffer> {
  const [width, height] = [1500, 1000];
  const grain = Buffer.alloc(width * height * 3);
  for (let i = 0; i < grain.length; i++) grain[i] = 60 + ((i / 3) % width) * (120 / width) + ((i * 2654435761) % 50);
  return sharp(grain, { raw: { width, height, channels: 3 } })
    .resize(6000, 4000, { kernel: 'cubic' })
    .jpeg({ quality: 92 })
    .toBuffer();
}
