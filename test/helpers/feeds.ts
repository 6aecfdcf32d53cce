/** Feed and sitemap documents for tests, written from item lists (our own text, no fixtures copied). */
export interface FeedEntry {
  link: string | null;
  title?: string;
  /** Epoch ms. */
  date?: number;
}

const xmlEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function rss2(entries: readonly FeedEntry[], title = 'Harbour Ledger'): string {
  const items = entries
    .map(
      (entry) =>
        `<item><title>${xmlEscape(entry.title ?? 'untitled')}</title>${entry.link === null ? '' : `<link>${xmlEscape(entry.link)}</link>`}${
          entry.date === undefined ? '' : `<pubDate>${new Date(entry.date).toUTCString()}</pubDate>`
        }<description><![CDATA[<p>Summary & more</p>]]></description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${xmlEscape(title)}</title><link>https://example.org/</link>\n${items}\n</channel></rss>`;
}

export function rdf(entries: readonly FeedEntry[]): string {
  const items = entries
    .map(
      (entry) =>
        `<item rdf:about="${xmlEscape(entry.link ?? '')}"><title>${xmlEscape(entry.title ?? 'untitled')}</title>${entry.link === null ? '' : `<link>${xmlEscape(entry.link)}</link>`}${
          entry.date === undefined ? '' : `<dc:date>${new Date(entry.date).toISOString()}</dc:date>`
        }</item>`,
    )
    .join('\n');
  return `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://example.org/"><title>Ledger RDF</title></channel>\n${items}\n</rdf:RDF>`;
}

export function atom(entries: readonly FeedEntry[]): string {
  const items = entries
    .map(
      (entry) =>
        `<entry><title type="html">${xmlEscape(entry.title ?? 'untitled')}</title><id>tag:example.org,2026:${xmlEscape(entry.link ?? 'none')}</id><link rel="replies" href="https://example.org/comments"/>${
          entry.link === null ? '' : `<link rel="alternate" type="text/html" href="${xmlEscape(entry.link)}"/>`
        }${entry.date === undefined ? '' : `<published>${new Date(entry.date).toISOString()}</published><updated>${new Date(entry.date + 3600_000).toISOString()}</updated>`}</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger Atom</title><id>urn:ledger</id>\n${items}\n</feed>`;
}

export function jsonFeed(entries: readonly FeedEntry[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Ledger JSON',
    items: entries.map((entry, index) => ({
      id: String(index),
      ...(entry.link === null ? {} : { url: entry.link }),
      title: entry.title ?? 'untitled',
      ...(entry.date === undefined ? {} : { date_published: new Date(entry.date).toISOString() }),
    })),
  });
}

export function sitemap(entries: readonly FeedEntry[]): string {
  const urls = entries
    .map((entry) => `<url><loc>${xmlEscape(entry.link ?? '')}</loc>${entry.date === undefined ? '' : `<lastmod>${new Date(entry.date).toISOString()}</lastmod>`}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>`;
}

export function newsSitemap(entries: readonly FeedEntry[]): string {
  const urls = entries
    .map(
      (entry) =>
        `<url><loc>${xmlEscape(entry.link ?? '')}</loc><lastmod>2020-01-01</lastmod><news:news><news:publication><news:name>The Ledger</news:name><news:language>en</news:language></news:publication>${
          entry.date === undefined ? '' : `<news:publication_date>${new Date(entry.date).toISOString()}</news:publication_date>`
        }<news:title>${xmlEscape(entry.title ?? 'untitled')}</news:title></news:news></url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls}\n</urlset>`;
}

export function sitemapIndex(children: ReadonlyArray<{ loc: string; lastmod?: number }>): string {
  const entries = children.map((child) => `<sitemap><loc>${xmlEscape(child.loc)}</loc>${child.lastmod === undefined ? '' : `<lastmod>${new Date(child.lastmod).toISOString()}</lastmod>`}</sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>`;
}
