import type { RecentItem, SourceRecord } from '../store/sources.js';
import { html, safeHttpUrl } from './escape.js';
import { layout } from './html.js';

export interface SourceRow {
  source: SourceRecord & { nextPollAt: string | null };
  recentItems: readonly RecentItem[];
}

/**
 * `/sources`: each followed feed or sitemap with its health, last poll and latest articles.
 * Names, titles and URLs come from feeds, so every one goes through `html` (escaped) and only
 * http(s) URLs are linked.
 */
export function renderSourcesPage(rows: readonly SourceRow[]): string {
  const cards = rows.map(({ source, recentItems }) => {
    const feedHref = safeHttpUrl(source.feedUrl);
    const health = !source.healthy ? 'unhealthy' : source.consecutiveFailures > 0 ? 'failing' : 'healthy';
    return html`<section class="source" data-source-id="${source.id}">
<h2>${source.name ?? source.feedUrl} <span class="status status-${health === 'healthy' ? 'done' : health === 'failing' ? 'queued' : 'failed'}">${health}</span></h2>
<div class="url">${feedHref === null ? source.feedUrl : html`<a href="${feedHref}" rel="noopener noreferrer">${source.feedUrl}</a>`} · ${source.format} · resolved by ${source.resolvedBy} · id <code>${source.id}</code></div>
<p class="when">Every ${Math.round(source.everyMs / 1000)} s · last poll ${source.lastPolledAt ?? 'never'} (${source.lastOutcome ?? 'none'}) · next ${source.nextPollAt ?? 'unscheduled'} · last new item ${source.lastNewItemAt ?? 'never'} · ${source.newItemsTotal} queued of ${source.itemsSeen} seen · ${source.errors} ${source.errors === 1 ? 'error' : 'errors'}</p>
${source.lastError && source.consecutiveFailures > 0 ? html`<div class="failure-line"><code>${source.lastError.code}</code> ${source.lastError.message}</div>` : null}
${
  recentItems.length === 0
    ? html`<p class="empty">No articles queued from this source yet.</p>`
    : html`<ul class="source-items">${recentItems.map((item) => {
        const href = safeHttpUrl(item.url);
        return html`<li><a href="/articles/${encodeURIComponent(item.articleId)}">${item.title ?? item.url}</a> ${href === null ? null : html`<span class="url">${item.url}</span>`} <span class="when">${item.publishedAt ?? item.queuedAt}</span></li>`;
      })}</ul>`
}
</section>`;
  });
  const body = html`<main class="index sources-page">
<h1>Sources</h1>
${rows.length === 0 ? html`<p class="empty">No sources followed. Add one with <code>claimfeed sources add URL</code>.</p>` : cards}
</main>`;
  return layout('Sources', body);
}
