import { createHash } from 'node:crypto';

/** Short stable id: the first 16 hex digits of SHA-256 over the parts joined by NUL. */
export function stableId(prefix: string, ...parts: Array<string | number>): string {
  return `${prefix}${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;
}
