import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { ClaimfeedError } from '../errors.js';

/** True for hosts that only this machine can reach: 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  return mapped !== null && (mapped[1] as string).startsWith('127.');
}

/**
 * Bound beyond loopback, anyone who can reach the port could queue fetches and drive the
 * queues, so the server refuses to start without a token there.
 */
export function checkBindSecurity(host: string, token: string | null): void {
  if (!isLoopbackHost(host) && (token === null || token.length === 0)) {
    throw new ClaimfeedError(
      'SERVER_TOKEN_REQUIRED',
      `Refusing to listen on ${host} without a token: set server.token (CLAIMFEED_SERVER_TOKEN) or bind 127.0.0.1`,
    );
  }
}

/** Compares digests so neither the token's length nor its prefix leaks through timing. */
function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? (match[1] as string) : null;
}

/** Throws UNAUTHORIZED unless `given` is the expected token; a null `expected` means open. */
export function requireToken(given: string | null, expected: string | null): void {
  if (expected === null) return;
  if (given === null) throw new ClaimfeedError('UNAUTHORIZED', 'This endpoint needs a bearer token: send "Authorization: Bearer <token>"');
  if (!tokenMatches(given, expected)) throw new ClaimfeedError('UNAUTHORIZED', 'The bearer token is not valid');
}
