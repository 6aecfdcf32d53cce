import type { ClaimRecord } from '../model/claim.js';
import { html } from './escape.js';
import { layout, renderSearchForm } from './html.js';

/** `/claims?q=`: the newest claims whose words match, each with its speaker and article. */
export function renderSearchPage(q: string, results: ReadonlyArray<{ streamId: string; claim: ClaimRecord }>, next: string | null): string {
  const items = results.map(({ streamId, claim }) => {
    const who = claim.speakerActor?.canonical ?? claim.speaker?.text ?? null;
    return html`<li data-claim-id="${claim.id}" data-stream-id="${streamId}">
<span class="kind">${claim.kind}</span>${who === null ? null : html` <strong class="speaker">${who}</strong>`}
<q>${claim.content?.text ?? claim.sentence.text}</q>
<div class="source"><a href="/articles/${encodeURIComponent(claim.articleId)}">${claim.article?.title ?? claim.articleId}</a>${claim.article?.siteName ? html` · ${claim.article.siteName}` : null}</div>
</li>`;
  });
  const more = next === null ? null : html`<p class="more"><a href="/claims?q=${encodeURIComponent(q)}&amp;cursor=${encodeURIComponent(next)}">Older matches</a></p>`;
  const body = html`<main class="search">
<p><a href="/">All articles</a> · <a href="/api/openapi.json">API description (OpenAPI)</a></p>
${renderSearchForm(q)}
${q === '' ? null : results.length === 0 ? html`<p class="empty">No claim matches “${q}”.</p>` : html`<ol class="claim-results">${items}</ol>`}
${more}
</main>`;
  return layout(q === '' ? 'Search claims' : `Claims matching ${q}`, body);
}
