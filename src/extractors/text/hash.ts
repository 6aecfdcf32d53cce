import * as crypto from 'node:crypto';

/** SHA-256 of a string's UTF-8 bytes in hex; the one-shot `crypto.hash` (Node 20.12+) spares a Hash object per id. */
const sha256Hex: (data: string) => string =
  typeof crypto.hash === 'function' ? (data) => crypto.hash('sha256', data, 'hex') : (data) => crypto.createHash('sha256').update(data).digest('hex');

/** Short stable id: the first 16 hex digits of SHA-256 over the parts joined by NUL. */
export function stableId(prefix: string, ...parts: Array<string | number>): string {
  return `${prefix}${sha256Hex(parts.join('\u0000')).slice(0, 16)}`;
}
