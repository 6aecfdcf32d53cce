import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Origin, articlePage, startOrigin } from './origin.js';

/** A document the origin serves at one path; `etag` makes it answer conditional GETs with 304. */
export interface Served {
  body: string | Buffer;
  type: string;
  etag?: string;
  status?: number;
  headers?: Record<string, string>;
  /** Answer after this long (a slow site). */
  delayMs?: number;
}

export interface NewsOrigin extends Origin {
  /** What each path serves; tests change it between polls. Unknown /story/* paths serve an article page. */
  docs: Map<string, Served>;
  /** Requests per path (any address), 304s included. */
  count(path: string): number;
  /** Of those, answered 304 Not Modified. */
  notModified(path: string): number;
}

/** A loopback news site: feeds and sitemaps from `docs`, article pages under /story/, a permissive robots.txt. */
export async function startNewsOrigin(addresses: readonly string[] = ['127.0.0.1']): Promise<NewsOrigin> {
  const docs = new Map<string, Served>();
  const counts = new Map<string, number>();
  const notModified = new Map<string, number>();
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = request.url ?? '/';
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const doc = docs.get(path);
    if (doc?.delayMs) {
      setTimeout(() => respond(request, response, path, { ...doc, delayMs: 0 }), doc.delayMs);
      return;
    }
    respond(request, response, path, doc);
  };
  const respond = (request: IncomingMessage, response: ServerResponse, path: string, doc: Served | undefined): void => {
    if (doc) {
      if (doc.etag !== undefined && request.headers['if-none-match'] === doc.etag) {
        notModified.set(path, (notModified.get(path) ?? 0) + 1);
        response.writeHead(304, { etag: doc.etag });
        response.end();
        return;
      }
      response.writeHead(doc.status ?? 200, { 'content-type': doc.type, ...(doc.etag === undefined ? {} : { etag: doc.etag }), ...doc.headers });
      response.end(doc.body);
    } else if (path === '/robots.txt') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('User-agent: *\nDisallow: /private/\n');
    } else if (path.startsWith('/story/')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(articlePage(path.slice(7)));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  };
  const origin = await startOrigin(addresses, handle);
  return { ...origin, docs, count: (path) => counts.get(path) ?? 0, notModified: (path) => notModified.get(path) ?? 0 };
}
