import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClaimfeedError, type ErrorCode } from '../errors.js';

/** HTTP status for each error code the API can answer with; anything else is a 500. */
const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  INVALID_URL: 400,
  USAGE: 400,
  UNAUTHORIZED: 401,
  HOST_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_STREAMS: 503,
  REDIS_UNAVAILABLE: 503,
};

export function statusForError(error: ClaimfeedError): number {
  return STATUS_BY_CODE[error.code] ?? 500;
}

const requestStarts = new WeakMap<ServerResponse, bigint>();

/** Remembers when handling began, so responses can carry a Server-Timing header. */
export function markRequestStart(res: ServerResponse): void {
  requestStarts.set(res, process.hrtime.bigint());
}

/** `Server-Timing: app;dur=<ms>`: the time spent in the server before the body was written. */
function serverTiming(res: ServerResponse): Record<string, string> {
  const started = requestStarts.get(res);
  if (started === undefined) return {};
  return { 'server-timing': `app;dur=${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(2)}` };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...serverTiming(res), 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), 'cache-control': 'no-store', ...headers });
  res.end(payload);
}

export function sendHtml(res: ServerResponse, status: number, page: string): void {
  res.writeHead(status, { ...serverTiming(res), 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page), 'cache-control': 'no-store' });
  res.end(page);
}

/** The API's one error shape: `{"error": {"code", "message"}}`. */
export function sendError(res: ServerResponse, error: ClaimfeedError, headers: Record<string, string> = {}): void {
  const status = statusForError(error);
  // Internal details stay in the server log; the client gets the code and a generic message.
  const message = status >= 500 && error.code === 'INTERNAL' ? 'Internal server error' : error.message;
  sendJson(res, status, { error: { code: error.code, message } }, headers);
}

export function badRequest(message: string): ClaimfeedError {
  return new ClaimfeedError('BAD_REQUEST', message);
}

/** Reads a request body up to `maxBytes`, refusing larger ones before buffering them. */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new ClaimfeedError('PAYLOAD_TOO_LARGE', `Request body is over ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw new ClaimfeedError('PAYLOAD_TOO_LARGE', `Request body is over ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A JSON body: the content type must say JSON (which also stops cross-site form posts). */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new ClaimfeedError('UNSUPPORTED_MEDIA_TYPE', `Expected Content-Type application/json, got ${type ? `"${type}"` : 'none'}`);
  const raw = (await readBody(req, maxBytes)).toString('utf8');
  if (raw.trim() === '') throw badRequest('Request body is empty; expected a JSON object');
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw badRequest(`Request body is not valid JSON: ${(error as Error).message}`);
  }
}

export async function readFormBody(req: IncomingMessage, maxBytes: number): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new ClaimfeedError('UNSUPPORTED_MEDIA_TYPE', `Expected a form post, got ${type ? `"${type}"` : 'no content type'}`);
  return new URLSearchParams((await readBody(req, maxBytes)).toString('utf8'));
}
