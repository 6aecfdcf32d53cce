import type { RejectedCandidate, Span } from '../../model/claim.js';
import { loadRuleTable, type RuleRow, type RuleTable } from '../../rules/table.js';
import type { Sentence } from '../text/tokens.js';

/**
 * Text that looks like a statement but is not a claim a reader could check: "declined to comment"
 * (a note on the article), photo credits, bylines, reader comments, promotions, identifiers and
 * headlines. config/claims/not-claims.json holds one pattern per kind; a sentence (or, for
 * headlines, a whole short paragraph) that matches yields no claim and one rejected entry.
 */
export interface NotClaimRule extends RuleRow {
  /** What the extraction log says about a match. */
  note: string;
  pattern: RegExp;
  /** Test the whole paragraph (headlines), not each sentence. */
  paragraph: boolean;
}

/** Headlines are short: a longer paragraph is body text, whatever its capitals. */
const MAX_HEADLINE_WORDS = 16;

export function notClaimRules(): RuleTable<NotClaimRule> {
  return loadRuleTable<NotClaimRule>('claims/not-claims', (row, base) => {
    if (typeof row.note !== 'string' || row.note === '') throw new Error('"note" must be a non-empty string');
    if (typeof row.pattern !== 'string' || row.pattern === '') throw new Error('"pattern" must be a non-empty string');
    if (row.caseSensitive !== undefined && typeof row.caseSensitive !== 'boolean') throw new Error('"caseSensitive" must be a boolean');
    if (row.paragraph !== undefined && typeof row.paragraph !== 'boolean') throw new Error('"paragraph" must be a boolean');
    return { ...base, note: row.note, pattern: new RegExp(row.pattern, row.caseSensitive === true ? 'u' : 'iu'), paragraph: row.paragraph === true };
  });
}

/** Spans of the text that are not claims, each with the rule that says so, in text order. */
export function findNotClaims(text: string, sentences: readonly Sentence[]): RejectedCandidate[] {
  const rules = notClaimRules().rules;
  const found: RejectedCandidate[] = [];
  const add = (start: number, end: number, rule: NotClaimRule): void => {
    const span: Span = { start, end, text: text.slice(start, end) };
    found.push({ ...span, layer: 'claim', reason: rule.note, ruleId: rule.id });
  };
  let index = 0;
  while (index < sentences.length) {
    const first = sentences[index] as Sentence;
    let last = index;
    while (last + 1 < sentences.length && (sentences[last + 1] as Sentence).paragraph === first.paragraph) last++;
    const paragraphEnd = (sentences[last] as Sentence).end;
    const before = found.length;
    for (let at = index; at <= last; at++) {
      const sentence = sentences[at] as Sentence;
      const sentenceText = text.slice(sentence.start, sentence.end).trim();
      const rule = rules.find((candidate) => !candidate.paragraph && candidate.pattern.test(sentenceText));
      if (rule) add(sentence.start, sentence.end, rule);
    }
    if (found.length === before) {
      const paragraphText = text.slice(first.start, paragraphEnd).trim();
      const short = paragraphText.split(/\s+/).length <= MAX_HEADLINE_WORDS;
      const headline = short ? rules.find((rule) => rule.paragraph && rule.pattern.test(paragraphText)) : undefined;
      if (headline) add(first.start, paragraphEnd, headline);
    }
    index = last + 1;
  }
  return found;
}

/** The claims whose sentence overlaps none of the not-claim spans. */
export function outsideNotClaims<Claim extends { sentence: Span }>(claims: Claim[], notClaims: readonly Span[]): Claim[] {
  if (notClaims.length === 0) return claims;
  return claims.filter((claim) => !notClaims.some((span) => span.start < claim.sentence.end && claim.sentence.start < span.end));
}
