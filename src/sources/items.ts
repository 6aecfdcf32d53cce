import type { RawItem } from './feed-formats.js';
import type { ItemIssues, SourceItem } from './types.js';

/**
 * Raw items to usable ones: links resolved against the document's URL, non-http(s) links and
 * items without a link left out, repeats of one URL kept once, and at most `maxItems` kept,
 * the newest when the items are dated (document order otherwise: feeds list newest first).
 */
export function normalizeItems(raw: readonly RawItem[], documentUrl: string, maxItems: number): { items: SourceItem[]; issues: ItemIssues } {
  const issues: ItemIssues = {};
  const count = (code: keyof ItemIssues): void => void (issues[code] = (issues[code] ?? 0) + 1);
  const seen = new Set<string>();
  let items: SourceItem[] = [];
  for (const item of raw) {
    const url = resolveHttpUrl(item.link, documentUrl);
    if (url === 'missing') count('SOURCE_ITEM_NO_LINK');
    else if (url === 'bad-scheme') count('SOURCE_ITEM_BAD_SCHEME');
    else if (seen.has(url)) count('SOURCE_ITEM_DUPLICATE');
    else {
      seen.add(url);
      items.push({ url, title: item.title, publishedAt: parseDate(item.date) });
    }
  }
  if (items.length > maxItems) {
    issues.SOURCE_TOO_MANY_ITEMS = items.length - maxItems;
    if (items.every((item) => item.publishedAt !== null)) {
      items = items
        .map((item, index) => ({ item, index }))
        .sort((a, b) => Date.parse(b.item.publishedAt ?? '') - Date.parse(a.item.publishedAt ?? '') || a.index - b.index)
        .slice(0, maxItems)
        .map(({ item }) => item);
    } else items = items.slice(0, maxItems);
  }
  return { items, issues };
}

/** An absolute http(s) URL without fragment, or why there is none. */
export function resolveHttpUrl(link: string | null, base: string): string | 'missing' | 'bad-scheme' {
  if (link === null || link.trim() === '') return 'missing';
  let url: URL;
  try {
    url = new URL(link.trim(), base);
  } catch {
    return 'missing';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'bad-scheme';
  url.hash = '';
  return url.href;
}

/** RFC 822 (RSS), RFC 3339 / W3C datetime (Atom, sitemaps, JSON Feed) → ISO 8601; else null. */
function parseDate(text: string | null): string | null {
  if (text === null) return null;
  const trimmed = text.trim();
  // Date-only W3C dates are midnight UTC (Date.parse would agree; a bare year would not parse as one).
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? Date.parse(`${trimmed}T00:00:00Z`) : Date.parse(trimmed.replace(/\b(UT|Z)$/, 'GMT'));
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString();
}
