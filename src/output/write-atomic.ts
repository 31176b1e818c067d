// A file appears under its name only when complete: written under a temporary name, then renamed. The
// temporary file is staged outside the output folder (in this process's folder in the system's temporary
// directory) when that is on the same file system, so that a build killed with SIGKILL mid-write leaves
// nothing in the output; otherwise beside the file, as the rename must not cross file systems. There, a
// temporary file is removed when the process exits before renaming it (a second Ctrl-C, the stop deadline),
// and what a killed build left beside its files (NAME.tmp-PID-…, PID no longer running) is removed when a
// later build first writes into that folder.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { removeOnExit } from './left-behind.js';

export interface FileToWrite {
  path: string;
  /** The bytes, or text in parts (writeAtomicParts). */
  bytes: Uint8Array | Iterable<string>;
}

export async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await writeAllAtomic([{ path, bytes }]);
}

/**
 * A file written from its parts in order, as they are made: a manifest or download page of 10,000 articles
 * never exists as one 20 MB string (and its copy as bytes) at once.
 */
export async function writeAtomicParts(path: string, parts: Iterable<string>): Promise<void> {
  await writeAllAtomic([{ path, bytes: parts }]);
}

/** The parts written one chunk at a time into a new file. */
async function writeParts(path: string, parts: Iterable<string>): Promise<void> {
  const file = await open(path, 'w');
  try {
    let chunk = '';
    for (const part of parts) {
      chunk += part;
      if (chunk.length >= partsChunk) {
        await writeAll(file, chunk);
        chunk = '';
      }
    }
    await writeAll(file, chunk);
  } finally {
    await file.close();
  }
}

/** All of `text`: one write may take fewer bytes than given (a nearly full disk) without an error. */
async function writeAll(file: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) at += (await file.write(bytes, at)).bytesWritten;
}

/** How much of a file writeAtomicParts gathers before writing it: few writes, little held. */
const partsChunk = 256 * 1024;

/**
 * Every file written in full under a temporary name before any is renamed into place: a write that fails (a
 * full disk) changes nothing in the output. `beforeReplace` runs between the two (the manifest forgets files
 * about to change). The error's `target` is the file that could not be written.
 */
export async function writeAllAtomic(
  files: readonly FileToWrite[],
  beforeReplace?: () => Promise<void>,
): Promise<void> {
  const staged: { path: string; temporary: string; forget: () => void }[] = [];
  try {
    for (const { path, bytes } of files) {
      try {
        await mkdir(dirname(path), { recursive: true });
        const { temporary, forget } = await temporaryFor(path);
        staged.push({ path, temporary, forget });
        await (bytes instanceof Uint8Array ? writeFile(temporary, bytes) : writeParts(temporary, bytes));
      } catch (error) {
        throw Object.assign(error as Error, { target: path });
      }
    }
    await beforeReplace?.();
    for (const { path, temporary, forget } of staged) {
      await rename(temporary, path);
      forget();
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    for (const { forget } of staged) forget();
    throw error;
  }
}

const staging = { dir: undefined as string | undefined, device: undefined as number | undefined };

/**
 * Where `path` is written before its rename, and what forgets it once renamed or removed: one in the staging
 * folder goes with that folder; one beside the file is removed on its own if the process exits first.
 */
async function temporaryFor(path: string): Promise<{ temporary: string; forget: () => void }> {
  const name = `${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  if (staging.dir === undefined) {
    staging.dir = join(tmpdir(), `imprint-staging-${process.pid}`);
    mkdirSync(staging.dir, { recursive: true });
    removeOnExit(staging.dir);
    staging.device = statSync(staging.dir).dev;
    removeStagingOfDeadBuilds();
  }
  await mkdir(staging.dir, { recursive: true });
  const folder = dirname(path);
  if ((await stat(folder)).dev === staging.device) return { temporary: join(staging.dir, name), forget: () => {} };
  if (!swept.has(folder)) {
    swept.add(folder);
    await removeTemporariesOfDeadBuilds(folder);
  }
  const temporary = join(folder, name);
  return { temporary, forget: removeOnExit(temporary) };
}

/** Folders outside the staging folder's file system whose dead builds' temporary files are already removed. */
const swept = new Set<string>();

async function removeTemporariesOfDeadBuilds(folder: string): Promise<void> {
  for (const entry of await readdir(folder))
    if (leftByDeadBuild(/\.tmp-(\d+)-[0-9a-f]{8}$/.exec(entry)?.[1])) await rm(join(folder, entry), { force: true });
}

/** What builds killed before they could clean up staged: their process is gone. */
function removeStagingOfDeadBuilds(): void {
  for (const entry of readdirSync(tmpdir())) {
    if (leftByDeadBuild(/^imprint-(?:staging|work)-(\d+)(?:-|$)/.exec(entry)?.[1]))
      rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
}

/** Whether `pid`, read from a name a build gave a file or folder, is another build's that no longer runs. */
function leftByDeadBuild(pid: string | undefined): boolean {
  return pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
