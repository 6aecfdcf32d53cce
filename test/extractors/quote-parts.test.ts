import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extractors/claims/index.js';

const TEXT = [
  'The mayor spoke at the harbour on Monday.',
  '“We will not raise fares this year,” Mayor Ana Ruiz said at the depot. “The budget is balanced and the buses are full.”',
  '“This is a good day,” she said, “for everyone who rides the bus.”',
  '“Ticket sales are up 12% on last spring,” said Tom Ekwueme, who runs the depot.',
].join('\n\n');

const attributed = (text: string) => extractClaims(text, { articleId: 'a1' }).claims.filter((claim) => claim.kind === 'attributed');

describe('a quotation split across sentences by its report', () => {
  it('makes one claim per quoted part, both credited to the speaker, with no "X said" inside', () => {
    const claims = attributed(TEXT);
    const ruiz = claims.filter((claim) => claim.speaker?.text === 'Mayor Ana Ruiz');
    expect(ruiz.map((claim) => claim.content?.text)).toEqual([
      '“We will not raise fares this year,”',
      '“The budget is balanced and the buses are full.”',
    ]);
    for (const claim of ruiz) {
      expect(claim.cue?.text).toBe('said');
      expect(claim.direct).toBe(true);
      expect(TEXT.slice(claim.content!.start, claim.content!.end)).toBe(claim.content!.text);
      expect(claim.sentence.start).toBeLessThanOrEqual(claim.content!.start);
      expect(claim.sentence.end).toBeGreaterThanOrEqual(claim.content!.end);
    }
    expect(new Set(ruiz.map((claim) => claim.id)).size).toBe(2);
  });

  it('splits a paraphrase from the quotation that goes on from it in the next sentence', () => {
    const text = 'Fares will stay low next year, Ruth Calder said. “The harbour budget is balanced.”';
    const claims = attributed(text);
    expect(claims.map((claim) => [claim.content?.text, claim.direct])).toEqual([
      ['Fares will stay low next year', false],
      ['“The harbour budget is balanced.”', true],
    ]);
    for (const claim of claims) expect(claim.speaker?.text).toBe('Ruth Calder');
  });

  it('keeps the attribution itself whole, both parts in one content span', () => {
    const { attributions } = extractClaims(TEXT, { articleId: 'a1' });
    const ruiz = attributions.find((attribution) => attribution.speaker?.text === 'Mayor Ana Ruiz');
    expect(ruiz?.content.text).toContain('said at the depot. “The budget');
  });

  it('keeps a quotation split inside one sentence as one claim, and an unsplit one as it was', () => {
    const claims = attributed(TEXT);
    expect(claims.find((claim) => claim.speaker?.text === 'she')?.content?.text).toBe('“This is a good day,” she said, “for everyone who rides the bus.”');
    const ekwueme = claims.filter((claim) => claim.speaker?.text.startsWith('Tom Ekwueme'));
    expect(ekwueme.map((claim) => claim.content?.text)).toEqual(['“Ticket sales are up 12% on last spring,”']);
    expect(ekwueme[0]?.figures.map((figure) => figure.text)).toEqual(['12%']);
  });
});
