import { ClaimfeedError } from '../errors.js';
import { isRecord } from '../rules/table.js';
import type { RawFeed } from './feed-formats.js';

/** JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1): `items[].url`, `title`, `date_published`. */
export function readJsonFeed(text: string, url: string): RawFeed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ClaimfeedError('SOURCE_MALFORMED', `Malformed JSON feed (${(error as Error).message}): ${url}`, { cause: error });
  }
  if (!isRecord(parsed) || typeof parsed.version !== 'string' || !parsed.version.startsWith('https://jsonfeed.org/version/') || !Array.isArray(parsed.items)) {
    throw new ClaimfeedError('SOURCE_UNRECOGNIZED', `JSON that is not a JSON Feed (no "version" of jsonfeed.org and "items"): ${url}`);
  }
  return {
    format: 'json-feed',
    title: stringOrNull(parsed.title),
    items: parsed.items.map((item) => {
      const record = isRecord(item) ? item : {};
      const id = stringOrNull(record.id);
      return {
        link: stringOrNull(record.url) ?? (id !== null && /^https?:\/\//i.test(id) ? id : null),
        title: stringOrNull(record.title),
        date: stringOrNull(record.date_published) ?? stringOrNull(record.date_modified),
      };
    }),
  };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
