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
  /** Speaker rules: the rule applies only when the cue also matches this ("called" in "a protein called"). */
  cue?: RegExp;
  /** Speaker rules: the rule applies only to a speaker that names no actor and no known speaker head. */
  unnamedOnly: boolean;
  /** Adjacent matches of the rule are one log entry (a list of short lines is one note, not one per line). */
  groupRuns: boolean;
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
    for (const flag of ['matchOnly', 'unnamedOnly', 'groupRuns']) {
      if (row[flag] !== undefined && typeof row[flag] !== 'boolean') throw new Error(`"${flag}" must be a boolean`);
    }
    if (row.cue !== undefined && (typeof row.cue !== 'string' || row.cue === '')) throw new Error('"cue" must be a non-empty string');
    const target = (row.target ?? (row.paragraph === true ? 'paragraph' : 'sentence')) as NotClaimTarget;
    if (row.matchOnly === true && target !== 'sentence') throw new Error('"matchOnly" applies to sentence rules only');
    if (row.groupRuns === true && target !== 'sentence') throw new Error('"groupRuns" applies to sentence rules only');
    if ((row.cue !== undefined || row.unnamedOnly === true) && target !== 'speaker') throw new Error('"cue" and "unnamedOnly" apply to speaker rules only');
    const flags = row.caseSensitive === true ? 'u' : 'iu';
    return {
      ...base,
      note: row.note,
      pattern: new RegExp(row.pattern, flags),
      target,
      matchOnly: row.matchOnly === true,
      ...(typeof row.cue === 'string' ? { cue: new RegExp(row.cue, 'iu') } : {}),
      unnamedOnly: row.unnamedOnly === true,
      groupRuns: row.groupRuns === true,
    };
  });
}

/** A not-claim span, whether it rules out every claim of its sentences or only the cues inside it, and the sentences it spans. */
interface NotClaimSpan {
  entry: RejectedCandidate;
  matchOnly: boolean;
  rule: NotClaimRule;
  firstSentence: number;
  lastSentence: number;
}

/** Spans of the text that are not claims, each with the rule that says so, in text order. */
function findNotClaimSpans(text: string, sentences: readonly Sentence[]): NotClaimSpan[] {
  const rules = notClaimRules().rules;
  const sentenceRules = rules.filter((rule) => rule.target === 'sentence');
  const paragraphRules = rules.filter((rule) => rule.target === 'paragraph');
  const found: NotClaimSpan[] = [];
  const add = (start: number, end: number, rule: NotClaimRule, firstSentence: number, lastSentence: number): void => {
    const entry: RejectedCandidate = { start, end, text: text.slice(start, end), layer: 'claim', reason: rule.note, ruleId: rule.id };
    found.push({ entry, matchOnly: rule.matchOnly, rule, firstSentence, lastSentence });
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
    const matches: Array<{ sentenceIndex: number; rule: NotClaimRule; at: number; length: number }> = [];
    for (let at = index; at <= last; at++) {
      const sentence = sentences[at] as Sentence;
      const raw = text.slice(sentence.start, sentence.end);
      const lead = raw.length - raw.trimStart().length;
      const sentenceText = raw.trim();
      for (const rule of sentenceRules) {
        const match = rule.pattern.exec(sentenceText);
        if (!match) continue;
        matches.push({ sentenceIndex: at, rule, at: sentence.start + lead + match.index, length: match[0].length });
        break;
      }
    }
    if (headline && !matches.some((match) => rules.indexOf(match.rule) < headlineRank)) {
      add(first.start, paragraphEnd, headline, index, last);
    } else {
      for (const { sentenceIndex, rule, at, length } of matches) {
        const sentence = sentences[sentenceIndex] as Sentence;
        if (rule.matchOnly) add(at, at + length, rule, sentenceIndex, sentenceIndex);
        else add(sentence.start, sentence.end, rule, sentenceIndex, sentenceIndex);
      }
    }
    index = last + 1;
  }
  return groupRuns(text, found);
}

/**
 * One log entry for each run of adjacent sentences that a `groupRuns` rule ruled out (a product
 * page's spec list, a list of teasers), saying how many lines it holds; the others stay as found.
 */
function groupRuns(text: string, found: NotClaimSpan[]): NotClaimSpan[] {
  const grouped: NotClaimSpan[] = [];
  const lines = new Map<NotClaimSpan, number>();
  for (const span of found) {
    const previous = grouped[grouped.length - 1];
    if (previous && span.rule.groupRuns && previous.rule === span.rule && previous.lastSentence + 1 === span.firstSentence) {
      previous.lastSentence = span.lastSentence;
      previous.entry = { ...previous.entry, end: span.entry.end, text: text.slice(previous.entry.start, span.entry.end) };
      lines.set(previous, (lines.get(previous) ?? 1) + 1);
      continue;
    }
    grouped.push({ ...span });
  }
  for (const [span, count] of lines) span.entry.reason = `${span.rule.note} (${count} lines in a row)`;
  return grouped;
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
  const cue = attribution.cue?.text.trim() ?? '';
  const unnamed = attribution.speakerActorId === undefined && !attribution.ruleIds.some((id) => id.startsWith('speaker.'));
  const rule = notClaimRules().rules.find(
    (candidate) => candidate.target === 'speaker' && (!candidate.unnamedOnly || unnamed) && (candidate.cue === undefined || candidate.cue.test(cue)) && candidate.pattern.test(speaker),
  );
  if (!rule) return undefined;
  const span = attribution.speaker ?? attribution.cue ?? attribution.content;
  return { start: span.start, end: span.end, text: span.text, layer: 'claim', reason: rule.note, ruleId: rule.id };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
