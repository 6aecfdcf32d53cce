import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimId, extractClaims } from '../../src/extractors/claims/index.js';
import { stripArticle } from '../../src/extractors/strip/index.js';
import { stableId } from '../../src/extractors/text/hash.js';
import type { Span } from '../../src/model/claim.js';

const PAGES = new URL('../fixtures/pages/', import.meta.url);

function span(text: string, phrase: string): Span {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" not in the text`);
  return { start, end: start + phrase.length, text: phrase };
}

const TEXT = 'Rents rose 9% this year, the housing minister said, according to the tenants union.';

describe('claim ids', () => {
  it('two speakers credited with the same words get two ids, where article + content + kind gave one', () => {
    const content = span(TEXT, 'Rents rose 9% this year');
    const minister = { speaker: span(TEXT, 'the housing minister'), cue: span(TEXT, 'said') };
    const union = { speaker: span(TEXT, 'the tenants union'), cue: span(TEXT, 'according to') };
    // The former id (article, content span, kind) could not tell the two apart.
    const oldId = stableId('claim-', 'article-1', content.start, content.end, 'attributed');
    const first = claimId('article-1', 'attributed', content, minister.speaker, minister.cue);
    const second = claimId('article-1', 'attributed', content, union.speaker, union.cue);
    expect(first).not.toBe(second);
    expect([first, second]).not.toContain(oldId);
    expect(claimId('article-1', 'attributed', content, minister.speaker, union.cue)).not.toBe(first);
    expect(claimId('article-2', 'attributed', content, minister.speaker, minister.cue)).not.toBe(first);
    expect(claimId('article-1', 'figure', content, null, null)).not.toBe(claimId('article-1', 'attributed', content, null, null));
  });

  it('the same claim gets the same id on every run', () => {
    const first = extractClaims(TEXT, { articleId: 'article-1' }).claims.map((claim) => claim.id);
    const second = extractClaims(TEXT, { articleId: 'article-1' }).claims.map((claim) => claim.id);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });

  it('no two claims of a fixture page share an id, and each id names its own speaker, cue and content', () => {
    let claims = 0;
    for (const slug of readdirSync(PAGES)) {
      const article = stripArticle(readFileSync(new URL(`${slug}/source.html`, PAGES), 'utf8'), { url: `https://news.example/${slug}` });
      const extraction = extractClaims(article.text, { articleId: slug });
      const ids = new Set(extraction.claims.map((claim) => claim.id));
      expect(ids.size, slug).toBe(extraction.claims.length);
      for (const claim of extraction.claims) {
        expect(claim.id).toBe(claimId(slug, claim.kind, claim.content ?? claim.sentence, claim.speaker, claim.cue));
      }
      claims += extraction.claims.length;
    }
    expect(claims).toBeGreaterThan(50);
  });
});
