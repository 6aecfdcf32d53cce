/**
 * Reads a JSON value kept in Redis. A missing key or a value that does not parse (written by an
 * older version, or cut short) reads as `undefined`, so callers treat it as absent and go on.
 */
export function readStoredJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
