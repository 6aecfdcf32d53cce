import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extractors/claims/index.js';
import type { Span } from '../../src/model/claim.js';
import { readSharedJson } from '../helpers/shared.js';

interface GoldAttribution {
  speaker: Span | null;
  cue: Span | null;
  content: Span;
}

interface GoldDocument {
  text: string;
  attributions: GoldAttribution[];
}

function isGoldDocument(value: unknown): value is GoldDocument {
  return typeof value === 'object' && value !== null && 'text' in value && 'attributions' in value && Array.isArray(value.attributions);
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Token-overlap F1 of two spans, tokens identified by position (as the claims scorer does). */
function tokenF1(text: string, a: Span, b: Span): number {
  const tokens = (span: Span): Set<number> => {
    const found = new Set<number>();
    for (const match of text.slice(span.start, span.end).matchAll(/[\p{L}\p{N}]+/gu)) found.add(span.start + match.index);
    return found;
  };
  const left = tokens(a);
  const right = tokens(b);
  let common = 0;
  for (const token of left) if (right.has(token)) common++;
  if (common === 0) return 0;
  const precision = common / right.size;
  const recall = common / left.size;
  return (2 * precision * recall) / (precision + recall);
}

describe('seed article (shared gold)', () => {
  const gold = readSharedJson('examples', 'seed-article.gold.json');
  if (!isGoldDocument(gold)) throw new Error('seed-article.gold.json has an unexpected shape');
  const result = extractClaims(gold.text, { articleId: 'seed-article' });

  it('resolves "AMLO" and "López Obrador" to Andrés Manuel López Obrador', () => {
    for (const surface of ['AMLO', 'López Obrador']) {
      const mentions = result.actors.filter((actor) => actor.text === surface);
      expect(mentions.length, surface).toBeGreaterThan(0);
      for (const mention of mentions) expect(mention.canonical, surface).toBe('Andrés Manuel López Obrador');
    }
  });

  it('gets speaker and cue right for at least 12 of the 14 gold attributions', () => {
    const used = new Set<number>();
    let right = 0;
    for (const expected of gold.attributions) {
      let best = -1;
      let bestScore = 0.5;
      result.attributions.forEach((predicted, index) => {
        if (used.has(index)) return;
        const score = tokenF1(gold.text, expected.content, predicted.content);
        if (score >= bestScore) {
          best = index;
          bestScore = score;
        }
      });
      if (best === -1) continue;
      used.add(best);
      const predicted = result.attributions[best];
      if (!predicted) continue;
      const speakerRight = expected.speaker === null ? predicted.speaker === null : predicted.speaker !== null && overlaps(expected.speaker, predicted.speaker);
      const cueRight = expected.cue === null ? predicted.cue === null : predicted.cue !== null && overlaps(expected.cue, predicted.cue);
      if (speakerRight && cueRight) right++;
    }
    expect(gold.attributions).toHaveLength(14);
    expect(right).toBeGreaterThanOrEqual(12);
  });

  it('links pronoun and description speakers to actors and every span to the text', () => {
    for (const attribution of result.attributions) {
      for (const span of [attribution.speaker, attribution.cue, attribution.content]) {
        if (span) expect(gold.text.slice(span.start, span.end)).toBe(span.text);
      }
    }
    for (const actor of result.actors) expect(gold.text.slice(actor.start, actor.end)).toBe(actor.text);
  });
});
