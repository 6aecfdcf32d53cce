import type { Sentence, Token } from '../text/tokens.js';
import type { Attribution } from '../../model/claim.js';
import { TIME_WORDS, AUXILIARIES, PASSIVE_MARKERS, CLAUSE_WORDS, COORDINATORS, PRONOUNS, DETERMINERS, SPEAKER_STARTS_NOT, SENTENCE_ADVERBIAL_STARTS, MAX_SPEAKER_TOKENS, LY_ADVERB } from './word-lists.js';
import { isVerbWord } from './word-tests.js';
import { spanWords } from './span-rules.js';
import { clauseStartBefore, earlierReportOfSentence, sentenceSubject, speakerOfEarlierCue, speakerOfReport, subjectAt, subordinateClauseSubject } from './sentence-subjects.js';
import { validSpeaker, type SpeakerRange } from './speaker-spans.js';
import type { Reading, Range } from './reading.js';

// Who does a participle cue ("…, saying …", "a group backing …", "… and vowing …"): read from the phrase before it or the cue it follows.

/**
 * Whose participle a cue is. "“…,” McCain said, citing …": after a comma it shares the speaker of
 * the sentence's earlier cue, else the subject of its own clause ("…, and the governor pressed
 * on, calling …"), never a time phrase or adverbial opening the sentence.
 */
export function participleSubject(ctx: Reading, sentence: Sentence, cueStart: number, left: number): { subject: SpeakerRange; ruleId?: string } | undefined {
  const { tokens } = ctx;
  // "Roe said …, before taking aim at …", "Roe told reporters after hinting that …": a participle
  // after such a preposition is what the earlier cue's speaker did.
  if (spanWords('span.participle-after-preposition').has(ctx.lower(left))) {
    const shared = subjectAfterEarlierReport(ctx, sentence, left, 'span.participle-after-preposition');
    if (shared) return shared;
  }
  if (COORDINATORS.has(ctx.lower(left))) return coordinatedParticipleSubject(ctx, sentence, left);
  // "“… overblown,” adding that …": a comma closed inside the quotation sets the participle off all the same.
  const setOff = (tokens[left] as Token).text === ',' || (ctx.isCloseQuote(left) && (tokens[left - 1] as Token | undefined)?.text === ',');
  if (!setOff) {
    // "with Roe repeatedly calling …": an adverb before the participle is no part of who does it.
    let end = cueStart;
    // ("a Rochester rally blasting …": an "-ly" word the lexicon knows as anything is a noun or adjective, the phrase's own.)
    while (end - 1 > left && LY_ADVERB.test(ctx.lower(end - 1)) && !(tokens[end - 1] as Token).capitalized && ctx.state.lexicon.classes(ctx.lower(end - 1)).size === 0) end--;
    const named = nounPhraseBeforeParticiple(ctx, sentence, end);
    return named ? { subject: { start: named.start, end: named.end }, ruleId: named.ruleId ?? 'span.participle-after-noun' } : undefined;
  }
  const shared = subjectAfterEarlierReport(ctx, sentence, left, 'span.participle-shares-speaker');
  if (shared) return shared;
  const subject = participleClauseSubject(ctx, sentence, cueStart);
  return subject ? { subject } : undefined;
}

/** The speaker of the sentence's earlier report (under `sharedRuleId`), or the subject of a clause standing between that report and the participle. */
function subjectAfterEarlierReport(ctx: Reading, sentence: Sentence, left: number, sharedRuleId: string): { subject: SpeakerRange; ruleId: string } | undefined {
  const report = earlierReportOfSentence(ctx, sentence);
  const earlier = report && speakerOfReport(ctx, report);
  if (!report || !earlier) return undefined;
  const later = subjectOfClauseAfterReport(ctx, sentence, report, left);
  return later ? { subject: later, ruleId: 'span.participle-clause-after-report' } : { subject: earlier, ruleId: sharedRuleId };
}

/**
 * "Critics say the fee is too high, and the council has sued the city, saying …": a clause with its
 * own subject and verb between the sentence's earlier report and the participle is the one the
 * participle goes on from, so its subject does it, not the report's speaker. The clause opens after
 * a comma, a semicolon or a coordinator outside quotations; the nearest one to the participle counts.
 */
function subjectOfClauseAfterReport(ctx: Reading, sentence: Sentence, report: Attribution, before: number): Range | undefined {
  const { tokens, lower, quotes } = ctx;
  const reportEnd = Math.max(report.content.end, report.cue?.end ?? 0, report.speaker?.end ?? 0);
  for (let index = before - 1; index >= sentence.tokenStart && (tokens[index] as Token).start >= reportEnd; index--) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] !== 0 || (token.text !== ',' && token.text !== ';' && !COORDINATORS.has(token.lower))) continue;
    const start = COORDINATORS.has(lower(index + 1)) ? index + 2 : index + 1;
    const subject = subjectAt(ctx, start, before, true);
    if (subject && !startsFinitePredicate(ctx, subject.start, before) && startsFinitePredicate(ctx, subject.end, before)) return subject;
  }
  return undefined;
}

/**
 * Whether a finite verb (after any "-ly" adverbs) opens the words at `index`: "has sued", "strongly
 * denied", "brought". An "'s" may as well end a possessive ("the chairman for Colorado's county").
 */
function startsFinitePredicate(ctx: Reading, index: number, limit: number): boolean {
  const { tokens, lower } = ctx;
  let at = index;
  while (at < limit && LY_ADVERB.test(lower(at))) at++;
  const token = tokens[at] as Token | undefined;
  if (!token || at >= limit || token.kind !== 'word' || token.capitalized || /ing$/.test(token.lower) || token.lower === "'s") return false;
  return AUXILIARIES.has(token.lower) || isVerbWord(ctx, token.lower);
}

/**
 * "Roe spoke first, and the governor closed by calling …": a participle with no subject of its own
 * is done by the subject of the coordinated clause it stands in, when that clause has its own
 * subject and verb ("Roe, Lee, and the mayor, all of them, backed …" coordinates no clause), else
 * by the sentence's subject.
 */
export function participleClauseSubject(ctx: Reading, sentence: Sentence, cueStart: number): SpeakerRange | undefined {
  const clauseStart = clauseStartBefore(ctx, sentence, cueStart);
  if (clauseStart > sentence.tokenStart) {
    const subject = sentenceSubject(ctx, sentence, cueStart, clauseStart);
    // "… and a second charging device": a phrase running into the participle has no verb of its own.
    if (subject && subject.end < cueStart && ctx.tokens[subject.end]?.text !== ',') return { ...subject, ruleId: subject.ruleId ?? 'span.participle-clause-subject' };
  }
  // "The row began after the mayor entered the race, calling the port a disgrace": a participle after a
  // clause that a subordinator opens later in the sentence is done by that clause's subject.
  return subordinateClauseSubject(ctx, sentence, cueStart, true) ?? sentenceSubject(ctx, sentence, cueStart);
}

/**
 * "with officials underlining … and vowing …": a participle after "and" or "or" shares the subject
 * of the participle before it in the clause, if there is one.
 */
function coordinatedParticipleSubject(ctx: Reading, sentence: Sentence, coordinator: number): { subject: SpeakerRange; ruleId?: string } | undefined {
  const { tokens, lower, state } = ctx;
  for (let index = coordinator - 1; index > sentence.tokenStart && coordinator - index <= 20; index--) {
    const token = tokens[index] as Token;
    if (token.text === ';' || ctx.quotes.depth[index] !== 0) return undefined;
    if (token.capitalized || !/^[a-z]{3,}ing$/.test(token.lower) || (state.lexicon.classes(token.lower).has('noun') && !state.cues.has(token.lower))) continue;
    let left = index - 1;
    while (left > sentence.tokenStart && (AUXILIARIES.has(lower(left)) || (/ly$/.test(lower(left)) && !(tokens[left] as Token).capitalized))) left--;
    // "… is raising money and asking …": a progressive verb is not a participle of its own.
    if (PASSIVE_MARKERS.has(lower(left)) || lower(left) === "'s" || lower(left) === "'re") return undefined;
    const found = participleSubject(ctx, sentence, index, left);
    return found && { subject: found.subject, ruleId: 'span.coordinated-participle' };
  }
  return undefined;
}

/** Row of config/attributions/spans.json: pronouns standing for people ("those", "others") that do a participle after them. */
const PEOPLE_PRONOUN_ROW = 'span.participle-after-people-pronoun';

/**
 * "with 23 percent of riders saying …", "an outside group backing …", "ads attacking …": a noun
 * phrase right before the participle is who does it. One after another preposition ("heard on a
 * microphone telling …") or a time phrase ("spent the week attacking …") is not. The phrase ends at
 * `phraseEnd`, the participle or an adverb before it.
 */
function nounPhraseBeforeParticiple(ctx: Reading, sentence: Sentence, phraseEnd: number): SpeakerRange | undefined {
  const { tokens, state, lower } = ctx;
  const head = tokens[phraseEnd - 1] as Token | undefined;
  if (!head || phraseEnd - 1 < sentence.tokenStart || head.kind === 'punct' || PRONOUNS.has(head.lower) || SPEAKER_STARTS_NOT.has(head.lower) || SENTENCE_ADVERBIAL_STARTS.has(head.lower)) return undefined;
  // "leads among those describing themselves as …": a pronoun standing for people is the phrase on its own, after a
  // preposition ("Those backing the plan include …" is the subject of a clause whose verb the content would run into).
  if (spanWords(PEOPLE_PRONOUN_ROW).has(head.lower)) return phraseEnd - 2 >= sentence.tokenStart && (state.lexicon.classes(lower(phraseEnd - 2)).has('preposition') || lower(phraseEnd - 2) === 'like') ? { start: phraseEnd - 1, end: phraseEnd, ruleId: PEOPLE_PRONOUN_ROW } : undefined;
  if (spanWords('span.participle-after-noun').has(head.lower) || TIME_WORDS.has(head.lower) || spanWords('span.speaker-time-phrase').has(head.lower)) return undefined;
  // "…, with about three in 10 saying …": a proportion of people after "with" does the participle.
  if (head.kind === 'number' && lower(phraseEnd - 2) === 'in' && phraseEnd - 3 > sentence.tokenStart) {
    const start = spanWords('span.approximate-share').has(lower(phraseEnd - 4)) ? phraseEnd - 4 : phraseEnd - 3;
    return lower(start - 1) === 'with' && validSpeaker(ctx, start, phraseEnd) ? { start, end: phraseEnd, ruleId: 'span.participle-after-noun' } : undefined;
  }
  const headClasses = state.lexicon.classes(head.lower);
  // "placards supporting …": a plural the lexicon does not know is a noun too.
  if (!head.capitalized && !headClasses.has('noun') && !state.speakerHeads.has(head.lower) && !(headClasses.size === 0 && /[^s]s$/.test(head.lower))) return undefined;
  // "issued a statement saying …", "issued statements condemning …": the statement speaks for whoever issued it.
  const document = state.speakerHeads.get(head.lower) === 'speaker.document' || state.speakerHeads.get(head.lower.replace(/s$/, '')) === 'speaker.document';
  let start = phraseEnd - 1;
  while (start > sentence.tokenStart && phraseEnd - start < MAX_SPEAKER_TOKENS) {
    const token = tokens[start - 1] as Token;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'" && token.text !== '&') break;
    if (token.lower === 'of' || token.lower === "'s" || DETERMINERS.has(token.lower) || token.kind === 'number' || token.capitalized) {
      start--;
      continue;
    }
    if (CLAUSE_WORDS.has(token.lower) || AUXILIARIES.has(token.lower) || SPEAKER_STARTS_NOT.has(token.lower) || isVerbWord(ctx, token.lower) || /(?:ing|ed)$/.test(token.lower)) break;
    start--;
  }
  // "with some reports suggesting …": after "with" (or opening the sentence) the document is the one speaking.
  if (document && start > sentence.tokenStart && lower(start - 1) !== 'with') return undefined;
  // "spent the run-up to the vote portraying …": what one spends time or money on doing is one's own act.
  for (let index = start - 1; index >= sentence.tokenStart && start - index <= 8; index--) if (/^(?:spend|spends|spent|spending)$/.test(lower(index))) return undefined;
  return validSpeaker(ctx, start, phraseEnd) ? { start, end: phraseEnd } : undefined;
}
