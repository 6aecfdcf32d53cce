import type { Article, ArticleBlock } from '../model/article.js';
import type { ClaimRecord, RejectedCandidate } from '../model/claim.js';
import { html, SafeHtml, safeHttpUrl } from './escape.js';
import { collectMarks, MARK_LAYERS, segmentText, type Mark } from './highlight.js';
import { describeLanguage, describeLog } from './log-summary.js';
import { isFinalStatus, type ArticleReview, type ArticleSummary } from './view.js';

/** Paths the page layout links to; the server serves them. */
export const ASSET_PATHS = { css: '/assets/review.css', js: '/assets/review.js' } as const;

export interface PageOptions {
  /** Show a token field on the queue form: the server is exposed and write requests need one. */
  tokenRequired: boolean;
}

export function layout(title: string, body: SafeHtml, bodyData: Record<string, string> = {}): string {
  const data = Object.entries(bodyData).map(([name, value]) => html` data-${name}="${value}"`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · claimfeed review</title>
<link rel="stylesheet" href="${ASSET_PATHS.css}">
<script src="${ASSET_PATHS.js}" defer></script>
</head>
<body${data}>
<header class="top"><a href="/" class="brand">claimfeed review</a> <a href="/sources">Sources</a></header>
${body}
</body>
</html>
`.value;
}

/** `/`: recent articles with status and claim counts, and the form that queues URLs. */
export function renderIndexPage(articles: readonly ArticleSummary[], options: PageOptions, notice: string | null = null): string {
  const pending = articles.some((article) => !isFinalStatus(article.status));
  const rows = articles.map(
    (article) => html`<tr data-article-id="${article.id}">
<td><span class="status status-${article.status}">${article.status}</span></td>
<td><a href="/articles/${encodeURIComponent(article.id)}">${article.title ?? article.url}</a><div class="url">${article.url}</div>${
  article.failure ? html`<div class="failure-line"><code>${article.failure.code}</code> ${article.failure.message}</div>` : null
}</td>
<td class="num">${article.claimCount}</td>
<td class="when">${article.updatedAt === null ? '' : shortTime(article.updatedAt)}</td>
</tr>`,
  );
  const body = html`<main class="index">
<section class="queue">
<h1>Queue articles</h1>
${notice === null ? null : html`<p class="notice" role="status">${notice}</p>`}
<form method="post" action="/articles" class="queue-form">
<label for="urls">Article URLs, one per line</label>
<textarea id="urls" name="urls" rows="4" required placeholder="https://example.com/news/story"></textarea>
${options.tokenRequired ? html`<label for="token">API token</label><input id="token" name="token" type="password" autocomplete="off" required>` : null}
<button type="submit">Queue</button>
</form>
</section>
<section class="find">
${renderSearchForm('')}
<p class="api-link"><a href="/api/openapi.json">API description (OpenAPI 3.1)</a></p>
</section>
<section class="recent">
<h2>Recent articles</h2>
${
  articles.length === 0
    ? html`<p class="empty">Nothing queued yet.</p>`
    : html`<table class="articles"><thead><tr><th>Status</th><th>Article</th><th class="num">Claims</th><th>Updated</th></tr></thead><tbody>${rows}</tbody></table>`
}
</section>
</main>`;
  return layout('Articles', body, pending ? { poll: '/api/articles?limit=1' } : {});
}

/** The search form, on the index page and above the results. */
export function renderSearchForm(q: string): SafeHtml {
  return html`<form method="get" action="/claims" class="search-form" role="search">
<label for="q">Search claims</label>
<input id="q" name="q" type="search" value="${q}" maxlength="200" placeholder="words in the claim or its speaker">
<button type="submit">Search</button>
</form>`;
}

/** `/articles/:id`: the cleaned text with every claim's spans marked, the claims, and the log. */
export function renderArticlePage(review: ArticleReview): string {
  const { article, claims } = review;
  const title = article?.title ?? review.url;
  const sourceHref = safeHttpUrl(review.url);
  const body = html`<main class="article-page">
<div class="main-col">
<article class="review">
<h1 class="article-title">${title}</h1>
<p class="meta">
<span class="status status-${review.status}" id="status">${review.status}</span>
${sourceHref === null ? html`<span class="url">${review.url}</span>` : html`<a class="url" href="${sourceHref}" rel="noopener noreferrer nofollow" target="_blank">${review.url}</a>`}
${article?.byline ? html`<span class="byline">${article.byline}</span>` : null}
${article?.publishedAt ? html`<span class="date">${article.publishedAt}</span>` : null}
${article ? html`<span class="language">${describeLanguage(article.language)}</span>` : null}
<span class="count">${claims.length} ${claims.length === 1 ? 'claim' : 'claims'}</span>
</p>
${review.failure === null ? null : html`<div class="failure" role="alert"><strong>${review.failure.code}</strong> ${review.failure.message}</div>`}
${review.duplicateOf ? html`<p class="duplicate" id="duplicate-of">Same story as article <a href="/articles/${encodeURIComponent(review.duplicateOf)}">${review.duplicateOf}</a>: its claims are there, not repeated here.</p>` : null}
${article === null ? html`<p class="empty">${isFinalStatus(review.status) ? 'No article text was produced.' : 'Not processed yet; this page refreshes when it is.'}</p>` : renderLegend()}
${article === null ? null : html`<div class="text" id="text">${renderArticleText(article, claims)}</div>`}
</article>
<section class="claims">
<h2>Claims (${claims.length})</h2>
${claims.length === 0 ? html`<p class="empty">No claims extracted${noClaimsReason(review.log)}</p>` : html`<ol class="claim-list">${claims.map(renderClaimItem)}</ol>`}
</section>
${article === null ? null : renderRemoved(article)}
${renderLog(review.log)}
</div>
<aside class="inspector" id="inspector" aria-live="polite">
<h2>Record</h2>
<p class="hint">Hover a mark to see its rules; click it to show its claim record here.</p>
<div id="inspector-body"></div>
</aside>
</main>`;
  return layout(String(title), body, isFinalStatus(review.status) ? {} : { poll: `/api/articles/${encodeURIComponent(review.id)}`, status: review.status });
}

function renderLegend(): SafeHtml {
  const names: Record<(typeof MARK_LAYERS)[number], string> = {
    content: 'claim content',
    speaker: 'speaker',
    cue: 'cue',
    actor: 'actor',
    figure: 'figure',
  };
  return html`<p class="legend">${MARK_LAYERS.map((layer) => html`<span class="m l-${layer}">${names[layer]}</span> `)}</p>`;
}

/** The text block by block, each block cut into segments that carry their marks as classes. */
function renderArticleText(article: Article, claims: readonly ClaimRecord[]): SafeHtml {
  const marks = collectMarks(claims, article.text.length);
  const blocks: ArticleBlock[] = article.blocks.length > 0 ? article.blocks : paragraphsOf(article.text);
  return html`${blocks.map((block) => {
    const inner = renderSegments(article.text, marks, block.start, block.end);
    switch (block.kind) {
      case 'heading':
        return html`<h3>${inner}</h3>`;
      case 'quote':
        return html`<blockquote>${inner}</blockquote>`;
      case 'list-item':
        return html`<p class="li">${inner}</p>`;
      case 'preformatted':
        return html`<pre>${inner}</pre>`;
      default:
        return html`<p>${inner}</p>`;
    }
  })}`;
}

function renderSegments(text: string, marks: readonly Mark[], start: number, end: number): SafeHtml {
  return html`${segmentText(marks, start, end).map((segment) => {
    const slice = text.slice(segment.start, segment.end);
    if (segment.marks.length === 0) return slice;
    const classes = [...new Set(segment.marks.map((mark) => `l-${mark.layer}`))].join(' ');
    const claimIds = [...new Set(segment.marks.flatMap((mark) => mark.claims))].sort((a, b) => a - b);
    const tip = segment.marks.map((mark) => `${mark.label}${mark.ruleIds.length > 0 ? ` · rules: ${mark.ruleIds.join(', ')}` : ''}`).join('\n');
    return html`<mark class="m ${classes}" data-claims="${claimIds.join(' ')}" title="${tip}" tabindex="0">${slice}</mark>`;
  })}`;
}

function paragraphsOf(text: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  const pattern = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    blocks.push({ kind: 'paragraph', text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return blocks;
}

function renderClaimItem(claim: ClaimRecord, index: number): SafeHtml {
  const summary = claim.kind === 'attributed'
    ? html`<span class="who">${claim.speakerActor?.canonical ?? claim.speaker?.text ?? 'unknown speaker'}</span> <span class="cue">${claim.cue?.text ?? ''}</span> <q>${claim.content?.text ?? claim.sentence.text}</q>`
    : html`<span class="figs">${claim.figures.map((figure) => figure.text).join('; ')}</span> <q>${claim.sentence.text}</q>`;
  return html`<li id="claim-${index}" class="claim" data-claim="${index}">
<details>
<summary><span class="kind kind-${claim.kind}">${claim.kind}</span> ${summary}</summary>
<p class="rules">rules: ${claim.ruleIds.map((id) => html`<code>${id}</code> `)}</p>
<pre class="record">${JSON.stringify(claim, null, 2)}</pre>
</details>
</li>`;
}

function renderRemoved(article: Article): SafeHtml {
  if (article.removed.length === 0) return html`<section class="removed"><h2>Removed blocks</h2><p class="empty">Nothing was removed.</p></section>`;
  return html`<section class="removed">
<h2>Removed blocks (${article.removed.length})</h2>
<table><thead><tr><th>Rule</th><th>Element</th><th>Text</th></tr></thead><tbody>
${article.removed.map((block) => html`<tr><td><code>${block.ruleId}</code></td><td><code>${block.tag}</code></td><td>${truncate(block.text, 300)}</td></tr>`)}
</tbody></table>
</section>`;
}

function renderLog(log: unknown): SafeHtml {
  if (log === null || log === undefined) return html`<section class="log"><h2>Extraction log</h2><p class="empty">No log stored for this article.</p></section>`;
  const summary = describeLog(log);
  return html`<section class="log">
<h2>Extraction log</h2>
${summary.fetch.length === 0 ? null : html`<dl class="fetch">${summary.fetch.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl>`}
${summary.rejected.length === 0 ? null : renderRejected(summary.rejected)}
<details><summary>Raw log (JSON)</summary><pre class="record">${JSON.stringify(log, null, 2)}</pre></details>
</section>`;
}

function renderRejected(rejected: readonly RejectedCandidate[]): SafeHtml {
  return html`<h3>Rejected candidates (${rejected.length})</h3>
<table class="rejected"><thead><tr><th>Layer</th><th>Text</th><th>Reason</th><th>Rule</th></tr></thead><tbody>
${rejected.map((candidate) => html`<tr><td>${candidate.layer}</td><td>${truncate(candidate.text, 200)}</td><td>${candidate.reason}</td><td><code>${candidate.ruleId}</code></td></tr>`)}
</tbody></table>`;
}

/** "2026-11-28T00:15:45.048Z" → "2026-11-28 00:15:45 UTC"; anything else as given. */
function shortTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A plain error page for browser requests; API clients get the JSON error instead. */
export function renderErrorPage(status: number, code: string, message: string): string {
  return layout(`${status}`, html`<main class="index"><section><h1>${status} ${code}</h1><p>${message}</p><p><a href="/">Back to the article list</a></p></section></main>`);
}

/** ": no claims: the text is in …" when the log says why, else "." */
function noClaimsReason(log: unknown): string {
  const reason = describeLog(log).noClaimsReason;
  return reason === null ? '.' : `: ${reason.replace(/^no claims: /, '')}.`;
}
