import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeHttpUrl } from '../../src/review/escape.js';
import { collectMarks, figureAmount, segmentText } from '../../src/review/highlight.js';
import { renderArticlePage, renderIndexPage } from '../../src/review/html.js';
import { renderReviewForTerminal } from '../../src/review/terminal.js';
import type { ArticleReview } from '../../src/review/view.js';
import { claimsFor, strippedFixture } from '../helpers/review-fixtures.js';

function hostileReview(): ArticleReview {
  const article = strippedFixture('hostile.html', 'javascript:window.__pwned=20');
  const claims = claimsFor('hostile', article.text, [
    { speaker: 'The finance minister', cue: 'said', content: 'the deficit would reach $40 billion <img src=x onerror="window.__pwned=7;alert(7)"> by next year', figures: ['$40 billion'] },
    { speaker: 'the minister', cue: 'said', content: 'Nobody should panic </mark><script>window.__pwned=8</script>,' },
  ]);
  return {
    id: 'hostile',
    url: 'javascript:window.__pwned=20',
    status: 'failed',
    article,
    claims,
    log: { fetch: { status: 200, finalUrl: '<script>alert(21)</script>' }, rejected: [{ layer: 'figure', reason: '<b onmouseover=alert(22)>', ruleId: 'x"><script>', start: 0, end: 1, text: '<svg onload=alert(23)>' }] },
    failure: { code: 'NOT_AN_ARTICLE', message: '<img src=x onerror=alert(24)>' },
  };
}

/** Every element, attribute and URL a browser could execute, found by parsing the page. */
function activeContent(page: string): string[] {
  const $ = cheerio.load(page);
  const found: string[] = [];
  $('*').each((_, node) => {
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const element = node;
    const name = element.tagName.toLowerCase();
    // The page's own forms: the queue form and the claim search.
    const ownForm = name === 'form' && ['/articles', '/claims'].includes($(element).attr('action') ?? '');
    if (['iframe', 'svg', 'img', 'object', 'embed', 'base', 'form'].includes(name) && !ownForm) found.push(`<${name}>`);
    if (name === 'script' && $(element).attr('src') !== '/assets/review.js') found.push('inline <script>');
    for (const [attribute, value] of Object.entries(element.attribs)) {
      if (attribute.toLowerCase().startsWith('on')) found.push(`${name}[${attribute}]`);
      if (/^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${name}[${attribute}=${value}]`);
    }
  });
  return found;
}

describe('review page escaping', () => {
  it('renders a hostile page with no executable content, and its payloads as visible text', () => {
    const review = hostileReview();
    const page = renderArticlePage(review);
    expect(activeContent(page)).toEqual([]);
    const $ = cheerio.load(page);
    expect($('h1.article-title').text()).toContain('<script>window.__pwned=1;alert(1)</script>');
    expect($('#text').text()).toContain('<img src=x onerror="window.__pwned=7;alert(7)">');
    expect($('.failure').text()).toContain('<img src=x onerror=alert(24)>');
    // Removed boilerplate is page text too, shown in its own table.
    expect(review.article?.removed.length).toBeGreaterThan(0);
    expect($('section.removed').text()).toContain('javascript:window.__pwned=');
    // The javascript: source URL is shown, never linked.
    expect($('a.url').length).toBe(0);
    expect($('span.url').text()).toBe('javascript:window.__pwned=20');
    expect($('mark.m').length).toBeGreaterThan(0);
  });

  it('keeps the hostile title out of the index page markup too', () => {
    const review = hostileReview();
    const page = renderIndexPage([{ id: 'x"><script>', url: review.url, status: 'done', title: review.article?.title ?? null, claimCount: 3, updatedAt: null }], { tokenRequired: true });
    expect(activeContent(page)).toEqual([]);
    expect(cheerio.load(page)('td a').attr('href')).toBe('/articles/x%22%3E%3Cscript%3E');
  });

  it('escapes every interpolation in the html tag and allows only http(s) links', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;');
    expect(html`<p title="${'" onmouseover="x'}">${'<b>'}</p>`.value).toBe('<p title="&quot; onmouseover=&quot;x">&lt;b&gt;</p>');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl(' JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>')).toBeNull();
    expect(safeHttpUrl('https://ok.example/a b')).toBe('https://ok.example/a%20b');
  });
});

describe('highlight segments', () => {
  it('cuts overlapping and nested marks into flat segments that cover the text exactly', () => {
    const article = strippedFixture('harbour-budget.html');
    const claims = claimsFor('harbour', article.text, [
      { speaker: 'Mayor Elena Ruiz', cue: 'said', content: 'This wall is cheaper than the next flood.' },
      { content: 'approved a $12 million plan to raise the sea wall', figures: ['$12 million', 'more than 400 homes'] },
      { content: 'should cut the flood risk by about 60 percent', figures: ['about 60 percent'] },
    ]);
    const marks = collectMarks(claims, article.text.length);
    const segments = segmentText(marks, 0, article.text.length);
    expect(segments.map((segment) => article.text.slice(segment.start, segment.end)).join('')).toBe(article.text);
    const figure = segments.find((segment) => article.text.slice(segment.start, segment.end) === '$12 million');
    expect(figure?.marks.map((mark) => mark.layer).sort()).toEqual(['content', 'figure']);
    for (const segment of segments) for (const mark of segment.marks) expect(mark.start <= segment.start && mark.end >= segment.end).toBe(true);
  });

  it('drops spans that fall outside the text instead of failing', () => {
    const article = strippedFixture('harbour-budget.html');
    const [claim] = claimsFor('harbour', article.text, [{ content: 'approved a $12 million plan' }]);
    const broken = { ...claim!, content: { start: article.text.length - 2, end: article.text.length + 50, text: 'x' } };
    expect(collectMarks([broken], article.text.length)).toEqual([]);
  });

  it('shows a range by its two ends, not by the midpoint its value holds', () => {
    const span = { start: 0, end: 17, text: 'one-to-seven days' };
    expect(figureAmount({ ...span, value: 4, unit: 'day', kind: 'quantity', low: 1, high: 7, ruleIds: [] })).toBe('1–7');
    expect(figureAmount({ ...span, text: '4 days', value: 4, unit: 'day', kind: 'quantity', ruleIds: [] })).toBe('4');
  });
});

describe('terminal review', () => {
  const article = strippedFixture('harbour-budget.html');
  const claims = claimsFor('harbour', article.text, [{ speaker: 'Mayor Elena Ruiz', cue: 'said', content: 'This wall is cheaper than the next flood.', figures: [] }, { content: 'approved a $12 million plan', figures: ['$12 million'] }]);
  const review: ArticleReview = { id: 'harbour', url: 'https://ledger.example/news/harbour-flood-plan', status: 'done', article, claims, log: null, failure: null };

  it('marks spans with plain brackets when colour is off', () => {
    const out = renderReviewForTerminal(review, { color: false });
    expect(out).not.toContain('\u001b');
    expect(out).toContain('<<{{Mayor Elena Ruiz}}>> ((said))');
    expect(out).toContain('[approved a ##$12 million## plan]');
    expect(out).toContain('rules: attr.test-1');
  });

  it('colours spans with ANSI codes and never passes control characters from the page', () => {
    const hostile = { ...review, article: { ...article, title: 'Title\u001b]0;owned\u0007 here' } };
    const out = renderReviewForTerminal(hostile, { color: true });
    expect(out).toMatch(/\u001b\[[0-9;]*32;1m\$12 million\u001b\[0m/);
    expect(out).not.toContain('\u0007');
    expect(out).toContain('Title]0;owned here');
  });
});
