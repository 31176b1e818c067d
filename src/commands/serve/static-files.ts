// The output folder over HTTP, for `imprint serve`: the right content types, folders answered by their
// index.html, nothing outside the folder (a path that climbs out is "not found"), and HTML pages given the
// live-reload script on the way out: the files on disk never carry it. Every answer carries a
// Content-Security-Policy under which no script runs but that reload script (named by its hash): an image
// opened by itself (an SVG) runs nothing, and nothing loads from another origin.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { isOutside } from '../../paths.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Answers GET and HEAD for files under `root`; `beforeBodyEnd` is inserted into every HTML page served. */
export function staticFiles(root: string, beforeBodyEnd: string) {
  const base = resolve(root);
  const policies = contentSecurityPolicies(beforeBodyEnd);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(response, 405, 'only GET and HEAD');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return answer(response, 400, 'bad path');
    }
    let path = resolve(base, `.${pathname}`);
    if (pathname.includes('\0') || isOutside(base, path)) return answer(response, 404, 'not found');
    let info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      path = join(path, 'index.html');
      info = await stat(path).catch(() => undefined);
    }
    if (!info?.isFile()) return answer(response, 404, 'not found');
    const type = contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const isHtml = type.startsWith('text/html');
    const headers = {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': isHtml ? policies.page : type === 'image/svg+xml' ? policies.image : policies.file,
    };
    if (isHtml) {
      const html = (await readFile(path, 'utf8')).replace(/<\/body>(?![\s\S]*<\/body>)/i, `${beforeBodyEnd}</body>`);
      response.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(html) });
      response.end(request.method === 'HEAD' ? undefined : html);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': info.size });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(path).pipe(response);
  };
}

/** The page's policy allows only the inserted scripts, by hash, and their connection back to the server. */
export function contentSecurityPolicies(inserted: string): { page: string; file: string; image: string } {
  const base =
    "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
  const hashes = [...inserted.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, code]) => `'sha256-${createHash('sha256').update(code!).digest('base64')}'`,
  );
  return {
    page: `${base}; script-src ${hashes.length > 0 ? hashes.join(' ') : "'none'"}; connect-src 'self'`,
    // A file opened by itself runs no script; an SVG, a document that could, is also sandboxed.
    file: `${base}; script-src 'none'`,
    image: `${base}; script-src 'none'; sandbox`,
  };
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}
