import type { Attribution, ClaimRecord, RejectedCandidate, Span } from '../../model/claim.js';
import { loadRuleTable, type RuleRow, type RuleTable } from '../../rules/table.js';
import type { Sentence } from '../text/tokens.js';

/**
 * Text that looks like a statement but is not a claim a reader could check: "declined to comment"
 * (a note on the article), photo credits, bylines, reader comments, promotions, identifiers,
 * headlines, fragments and instructions, and statements in the writer's own voice.
 * config/claims/not-claims.json holds one pattern per kind, tested on a sentence, on a whole short
 * paragraph (headlines) or on the speaker of an attributed claim; a match yields one rejected entry
 * and keeps the claims it covers out of the feed.
 */
export interface NotClaimRule extends RuleRow {
  /** What the extraction log says about a match. */
  note: string;
  pattern: RegExp;
  /** What the pattern is tested on. */
  target: NotClaimTarget;
  /** Only the claims whose cue lies inside the match are not claims, not every claim of the sentence. */
  matchOnly: boolean;
}

/** A sentence, a whole short paragraph (headlines) or the speaker of an attributed claim. */
export type NotClaimTarget = 'sentence' | 'paragraph' | 'speaker';
const TARGETS: readonly string[] = ['sentence', 'paragraph', 'speaker'];

/** Headlines are short: a longer paragraph is body text, whatever its capitals. */
const MAX_HEADLINE_WORDS = 16;

export function notClaimRules(): RuleTable<NotClaimRule> {
  return loadRuleTable<NotClaimRule>('claims/not-claims', (row, base) => {
    if (typeof row.note !== 'string' || row.note === '') throw new Error('"note" must be a non-empty string');
    if (typeof row.pattern !== 'string' || row.pattern === '') throw new Error('"pattern" must be a non-empty string');
    if (row.caseSensitive !== undefined && typeof row.caseSensitive !== 'boolean') throw new Error('"caseSensitive" must be a boolean');
    if (row.paragraph !== undefined && typeof row.paragraph !== 'boolean') throw new Error('"paragraph" must be a boolean');
    if (row.target !== undefined && (typeof row.target !== 'string' || !TARGETS.includes(row.target))) throw new Error(`"target" must be one of ${TARGETS.join(', ')}`);
    if (row.matchOnly !== undefined && typeof row.matchOnly !== 'boolean') throw new Error('"matchOnly" must be a boolean');
    const target = (row.target ?? (row.paragraph === true ? 'paragraph' : 'sentence')) as NotClaimTarget;
    if (row.matchOnly === true && target !== 'sentence') throw new Error('"matchOnly" applies to sentence rules only');
    const flags = row.caseSensitive === true ? 'u' : 'iu';
    return { ...base, note: row.note, pattern: new RegExp(row.pattern, flags), target, matchOnly: row.matchOnly === true };
  });
}

/** A not-claim span and whether it rules out every claim of its sentence or only the cues inside it. */
interface NotClaimSpan {
  entry: RejectedCandidate;
  matchOnly: boolean;
}

/** Spans of the text that are not claims, each with the rule that says so, in text order. */
function findNotClaimSpans(text: string, sentences: readonly Sentence[]): NotClaimSpan[] {
  const rules = notClaimRules().rules;
  const sentenceRules = rules.filter((rule) => rule.target === 'sentence');
  const paragraphRules = rules.filter((rule) => rule.target === 'paragraph');
  const found: NotClaimSpan[] = [];
  const add = (start: number, end: number, rule: NotClaimRule): void => {
    const entry: RejectedCandidate = { start, end, text: text.slice(start, end), layer: 'claim', reason: rule.note, ruleId: rule.id };
    found.push({ entry, matchOnly: rule.matchOnly });
  };
  let index = 0;
  while (index < sentences.length) {
    const first = sentences[index] as Sentence;
    let last = index;
    while (last + 1 < sentences.length && (sentences[last + 1] as Sentence).paragraph === first.paragraph) last++;
    const paragraphEnd = (sentences[last] as Sentence).end;
    // A headline rule tests the whole short paragraph; it applies unless one of its sentences
    // matches a rule listed before it (a byline is a byline, not a headline).
    const paragraphText = text.slice(first.start, paragraphEnd).trim();
    const headline = paragraphText.split(/\s+/).length <= MAX_HEADLINE_WORDS ? paragraphRules.find((rule) => rule.pattern.test(paragraphText)) : undefined;
    const headlineRank = headline ? rules.indexOf(headline) : Infinity;
    const matches: Array<{ sentence: Sentence; rule: NotClaimRule; at: number; length: number }> = [];
    for (let at = index; at <= last; at++) {
      const sentence = sentences[at] as Sentence;
      const raw = text.slice(sentence.start, sentence.end);
      const lead = raw.length - raw.trimStart().length;
      const sentenceText = raw.trim();
      for (const rule of sentenceRules) {
        const match = rule.pattern.exec(sentenceText);
        if (!match) continue;
        matches.push({ sentence, rule, at: sentence.start + lead + match.index, length: match[0].length });
        break;
      }
    }
    if (headline && !matches.some((match) => rules.indexOf(match.rule) < headlineRank)) {
      add(first.start, paragraphEnd, headline);
    } else {
      for (const { sentence, rule, at, length } of matches) {
        if (rule.matchOnly) add(at, at + length, rule);
        else add(sentence.start, sentence.end, rule);
      }
    }
    index = last + 1;
  }
  return found;
}

/**
 * The claims that are claims: those whose sentence no not-claim span covers (for a match-only
 * span, whose cue it does not hold); plus the log entries saying why the others are not, with
 * the entries for attributions ruled out by their speaker (`bySpeaker`) that no span explains
 * already, in text order.
 */
export function withoutNotClaims(text: string, sentences: readonly Sentence[], claims: ClaimRecord[], bySpeaker: readonly RejectedCandidate[]): { claims: ClaimRecord[]; rejected: RejectedCandidate[] } {
  const spans = findNotClaimSpans(text, sentences);
  const kept = claims.filter((claim) => !spans.some(({ entry, matchOnly }) => (matchOnly ? claim.cue !== null && entry.start <= claim.cue.start && claim.cue.end <= entry.end : overlaps(entry, claim.sentence))));
  const rejected = spans.map((span) => span.entry);
  for (const entry of bySpeaker) if (!spans.some((span) => overlaps(span.entry, entry))) rejected.push(entry);
  return { claims: kept, rejected: rejected.sort((a, b) => a.start - b.start) };
}

/**
 * Why an attribution makes no attributed claim, judged by its speaker ("I", no speaker at all),
 * or undefined when it does. The log entry spans the speaker, else the cue.
 */
export function speakerNotClaim(attribution: Attribution): RejectedCandidate | undefined {
  const speaker = attribution.speaker?.text.trim() ?? '';
  const rule = notClaimRules().rules.find((candidate) => candidate.target === 'speaker' && candidate.pattern.test(speaker));
  if (!rule) return undefined;
  const span = attribution.speaker ?? attribution.cue ?? attribution.content;
  return { start: span.start, end: span.end, text: span.text, layer: 'claim', reason: rule.note, ruleId: rule.id };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
