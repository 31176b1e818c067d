// Remote photos, when the publisher allows them (imprint.yaml `images.fetch:` host patterns, or --fetch-images):
// each is downloaded once into the project's cache, named by its URL's hash, and every later build reads the
// cached file, offline, so it is byte-identical. A download is bounded (size, time), must say it is a photo
// (content type, then the existing checks of its bytes), and may not be led by a redirect or a DNS answer to a
// loopback or private address unless that host is itself listed (a test's local server is listed explicitly).
import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { type ErrorLocation, ImprintError } from '../errors.js';

export interface RemoteImagePolicy {
  /** Host patterns (`images.example.org`, `*.cdn.example.net`, `127.0.0.1:8080`); `*` allows every public host. */
  hosts: readonly string[];
  /** The project's cache folder (.imprint-cache/images beside imprint.yaml). */
  cacheDir: string;
  maxBytes: number;
  timeoutMs: number;
}

export interface CachedImage {
  url: string;
  path: string;
  sha256: string;
}

const extensions: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'image/gif': '.gif',
};
const maxRedirects = 3;

/** Whether the URL's host is one the policy lists (exactly, by a `*.` suffix pattern, or by `*`). */
export function hostAllowed(url: URL, hosts: readonly string[]): boolean {
  return hosts.some(
    (pattern) =>
      pattern === '*' ||
      listedExactly(url, [pattern]) ||
      (pattern.startsWith('*.') && url.hostname.endsWith(pattern.slice(1))),
  );
}

function listedExactly(url: URL, hosts: readonly string[]): boolean {
  return hosts.includes(url.host) || hosts.includes(url.hostname);
}

/** Loopback, private, link-local and unspecified addresses (IPv4 and IPv6): never reached unless listed by name. */
export function isPrivateAddress(address: string): boolean {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.\d+\.\d+$/i.exec(address);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const v6 = address.toLowerCase();
  return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}

function cacheName(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 32);
}

/** The cached copy of a photo, if an earlier build downloaded it (no network). */
export async function cachedImage(url: string, cacheDir: string): Promise<CachedImage | undefined> {
  const record = join(cacheDir, `${cacheName(url)}.json`);
  if (!existsSync(record)) return undefined;
  const { file, sha256 } = JSON.parse(await readFile(record, 'utf8')) as { file: string; sha256: string };
  const path = join(cacheDir, file);
  return existsSync(path) ? { url, path, sha256 } : undefined;
}

/** The photo at `url` as a local file: from the cache, else downloaded into it under the policy. */
export async function fetchRemoteImage(
  url: string,
  policy: RemoteImagePolicy,
  where: ErrorLocation,
): Promise<CachedImage> {
  const cached = await cachedImage(url, policy.cacheDir);
  if (cached) return cached;
  const refuse = (
    why: string,
    hint = "Download the photo into the article's folder and refer to it by a relative path.",
  ) => new ImprintError(`image "${url}" ${why}`, where, hint);
  let target = new URL(url);
  let response: Response | undefined;
  const signal = AbortSignal.timeout(policy.timeoutMs);
  for (let hop = 0; hop <= maxRedirects; hop++) {
    if (target.protocol !== 'https:' && target.protocol !== 'http:')
      throw refuse(`leads to ${target.protocol} addresses, which are never fetched`);
    if (!hostAllowed(target, policy.hosts))
      throw refuse(
        `${hop > 0 ? `redirects to ${target.host}, which` : `is on ${target.host}, which`} imprint.yaml's images.fetch does not list`,
        `Add "${target.hostname}" to images.fetch in imprint.yaml to allow its photos.`,
      );
    // A private address is reached only when its host is listed by name, never through a pattern or a redirect's DNS.
    if (!listedExactly(target, policy.hosts)) {
      const host = target.hostname.replace(/^\[|\]$/g, '');
      const addresses = isIP(host)
        ? [host]
        : (await lookup(host, { all: true }).catch(() => [])).map((found) => found.address);
      if (addresses.length === 0) throw refuse(`cannot be fetched: no address for ${host}`);
      if (addresses.some(isPrivateAddress))
        throw refuse(
          `leads to a private or loopback address (${host}), which is fetched only when listed in images.fetch`,
        );
    }
    try {
      response = await fetch(target, {
        redirect: 'manual',
        signal,
        headers: { accept: 'image/jpeg,image/png,image/webp,image/gif' },
      });
    } catch (error) {
      throw refuse(
        `could not be fetched: ${signal.aborted ? `no answer within ${policy.timeoutMs / 1000} s` : (error as Error).message}`,
      );
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      target = new URL(location, target);
      continue;
    }
    break;
  }
  if (!response || (response.status >= 300 && response.status < 400))
    throw refuse(`redirects more than ${maxRedirects} times`);
  if (!response.ok) throw refuse(`could not be fetched: the server answered ${response.status}`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const extension = extensions[type];
  if (!extension) throw refuse(`is served as "${type || 'no type'}", not as a JPEG, PNG, WebP or GIF photo`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > policy.maxBytes)
    throw refuse(
      `is ${declared} bytes, over the limit for an image`,
      'Raise the limit with --max-image-mb, or use a smaller copy.',
    );
  const bytes = await readBounded(response, policy.maxBytes, signal).catch((error: Error) => {
    throw refuse(error.message, 'Raise the limit with --max-image-mb, or use a smaller copy.');
  });
  const name = cacheName(url);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await mkdir(policy.cacheDir, { recursive: true });
  const file = `${name}${extension}`;
  // Written whole, then renamed: a build that stops half-way leaves no half photo for the next to trust.
  await writeFile(join(policy.cacheDir, `${file}.part`), bytes);
  await rename(join(policy.cacheDir, `${file}.part`), join(policy.cacheDir, file));
  await writeFile(
    join(policy.cacheDir, `${name}.json`),
    `${JSON.stringify({ url, file, sha256, contentType: type }, null, 2)}\n`,
  );
  return { url, path: join(policy.cacheDir, file), sha256 };
}

async function readBounded(response: Response, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    if (signal.aborted) throw new Error('could not be fetched in time');
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`is over the ${maxBytes}-byte limit for an image`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
