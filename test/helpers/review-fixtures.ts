import { readFileSync } from 'node:fs';
import { stripArticle } from '../../src/extractors/strip/index.js';
import type { Article } from '../../src/model/article.js';
import type { ClaimRecord, Figure, Span } from '../../src/model/claim.js';
import { bareClaimArticle } from '../../src/model/claim-article.js';
import type { ExtractionLog } from '../../src/model/extraction-log.js';
import { newExtractionLog } from '../../src/workers/extraction-log.js';

export const REVIEW_FIXTURES = new URL('../fixtures/review/', import.meta.url);

export function fixtureHtml(name: string): string {
  return readFileSync(new URL(name, REVIEW_FIXTURES), 'utf8');
}

/** A fixture page through the real stripper. */
export function strippedFixture(name: string, url = `https://news.example/${name}`): Article {
  return stripArticle(fixtureHtml(name), { url });
}

/** The span of the first occurrence of `phrase` in `text`; fails loudly when it is missing. */
export function spanOf(text: string, phrase: string, from = 0): Span {
  const start = text.indexOf(phrase, from);
  if (start === -1) throw new Error(`phrase not in article text: ${phrase}`);
  return { start, end: start + phrase.length, text: phrase };
}

export interface ClaimSketch {
  speaker?: string;
  cue?: string;
  content: string;
  figures?: string[];
}

/**
 * Claim records over phrases of a real stripped article, for exercising the renderers with
 * spans at real offsets (overlaps, nesting, payload text) independent of the extractors.
 */
export function claimsFor(articleId: string, text: string, sketches: readonly ClaimSketch[]): ClaimRecord[] {
  return sketches.map((sketch, index) => {
    const content = spanOf(text, sketch.content);
    const speaker = sketch.speaker === undefined ? null : spanOf(text, sketch.speaker);
    const figures: Figure[] = (sketch.figures ?? []).map((phrase) => ({
      ...spanOf(text, phrase),
      value: Number(phrase.replace(/[^0-9.]/g, '')) || null,
      unit: null,
      kind: 'count',
      ruleIds: [`fig.test-${index}`],
    }));
    return {
      schemaVersion: 2,
      id: `${articleId}-c${index}`,
      articleId,
      article: bareClaimArticle(articleId),
      kind: speaker === null ? 'figure' : 'attributed',
      sentence: content,
      speaker,
      speakerActor: speaker === null ? null : { actorId: `actor-${index}`, canonical: speaker.text, type: 'person' },
      cue: sketch.cue === undefined ? null : spanOf(text, sketch.cue),
      content,
      direct: null,
      figures,
      actors: speaker === null ? [] : [{ ...speaker, type: 'person', canonical: speaker.text, actorId: `actor-${index}`, ruleIds: ['actor.test'] }],
      ruleIds: [`attr.test-${index}`],
      extractorVersion: 'test',
    };
  });
}

/** An extraction log as the pipeline writes it, for seeding a store in server tests. */
export function extractionLogFor(articleId: string, url: string, article: Article, claims: readonly ClaimRecord[]): ExtractionLog {
  return {
    ...newExtractionLog(articleId, url, 1, 'url'),
    strip: { title: article.title, canonicalUrl: article.canonicalUrl, language: article.language.declared, textChars: article.text.length, blockCount: article.blocks.length, removed: article.removed, sources: article.sources },
    claims: claims.map((claim) => ({ id: claim.id, kind: claim.kind, ruleIds: claim.ruleIds, sentence: claim.sentence, speaker: claim.speaker?.text ?? null, figures: claim.figures })),
    figures: claims.flatMap((claim) => claim.figures),
    actors: claims.flatMap((claim) => claim.actors),
  };
}
