import type { Sentence, Token } from '../text/tokens.js';
import { NOUN_MARKERS, AUXILIARIES, AUXILIARY_VERBS, CLAUSE_WORDS, COORDINATORS, PRONOUNS, DETERMINERS, SENTENCE_ADVERBIAL_STARTS, MAX_SPEAKER_TOKENS, endsInSingleS, ADJECTIVE_ENDINGS } from './word-lists.js';
import { isModifierPosition, isVerbWord, isUnknownOrVerb, carriesContractedVerb } from './word-tests.js';
import { spanWords } from './span-rules.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import type { Reading, Range } from './reading.js';
import type { Attribution } from '../../model/claim.js';
import { subjectAfterOpeningPhrase, opensWithPhrase, afterOpeningConnective, opensWithDegreeAdverb, afterOpeningTimePhrase } from './opening-phrases.js';
import { type SpeakerRange, SUBJECT_PRONOUNS, validSpeaker, isPluralNoun } from './speaker-spans.js';

// The subject of a sentence or of one of its clauses, and the speaker of a report read earlier in the sentence, for a cue that names none of its own.

/** How far back from an infinitive cue the subordinator of its clause may stand: "before Roe took the stage on Tuesday night to thank". */
const MAX_SUBORDINATE_CLAUSE_TOKENS = 16;
/** How far back from a participle cue after a comma the subordinator of its clause may stand: "after the mayor entered the race with harsh words about the port, calling". */
const MAX_TRAILING_CLAUSE_TOKENS = 24;

/**
 * "The pier filled up before Roe took the stage to thank …": the infinitive after the verb of a
 * subordinate clause (a word of the span.subordinate-clause-subject row, then a subject and its
 * verb, with no punctuation up to the cue's "to" at `limit`) takes that clause's subject, not the
 * sentence's.
 */
export function subordinateClauseSubject(ctx: Reading, sentence: Sentence, limit: number, acrossCommas = false): SpeakerRange | undefined {
  const { tokens, quotes } = ctx;
  const subordinators = spanWords('span.subordinate-clause-subject');
  // A clause that opens the sentence ("When Roe arrived, the mayor spoke, calling …") ends at its comma.
  let opening = sentence.tokenStart;
  while (acrossCommas && opening < limit && (COORDINATORS.has(ctx.lower(opening)) || spanWords('span.opening-connective').has(ctx.lower(opening)) || tokens[opening]?.text === ',')) opening++;
  const reach = acrossCommas ? MAX_TRAILING_CLAUSE_TOKENS : MAX_SUBORDINATE_CLAUSE_TOKENS;
  for (let index = limit - 1; index > opening && limit - index <= reach; index--) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] !== 0 || (token.kind === 'punct' && !/^[.'’&-]$/.test(token.text) && !(acrossCommas && token.text === ','))) return undefined;
    if (!subordinators.has(token.lower)) continue;
    const subject = subjectAt(ctx, index + 1, limit, true);
    // ("before you’ve got round to …": a subject that carries its verb names no one by itself.)
    if (subject && carriesContractedVerb(ctx.lower(subject.end - 1).replace('’', "'"))) return undefined;
    const verb = subject && tokens[subject.end];
    if (!subject || !verb || verb.kind !== 'word' || verb.capitalized || !(isVerbWord(ctx, verb.lower) || AUXILIARY_VERBS.has(verb.lower) || /ed$/.test(verb.lower))) return undefined;
    // ("… after it starts to lift fees, will come back …, implying": a lone "it" names no one who acts.)
    if (acrossCommas && subject.end - subject.start === 1 && ctx.lower(subject.start) === 'it') return undefined;
    return { ...subject, ruleId: 'span.subordinate-clause-subject' };
  }
  return undefined;
}

/** The subject of the sentence: the noun phrase before its first verb, after an opening adverbial. */
export function sentenceSubject(ctx: Reading, sentence: Sentence, limit: number, from: number = sentence.tokenStart): SpeakerRange | undefined {
  const { tokens, lower, isOpenQuote } = ctx;
  let start = from;
  while (start < limit && (isOpenQuote(start) || (tokens[start] as Token).kind === 'punct')) {
    // "“Everything is open,” Roe said …": a quotation opening the sentence is what was said, not who said it.
    const close = ctx.quotes.closeOf[start] ?? -1;
    start = isOpenQuote(start) && close > start && close < limit ? close + 1 : start + 1;
  }
  // "But the court overruled and said …": a conjunction opening the sentence is not an adverbial phrase.
  if (COORDINATORS.has(lower(start)) && (tokens[start + 1] as Token | undefined)?.text !== ',') start++;
  const opening = start;
  start = afterOpeningConnective(ctx, start, limit);
  // Only the degree-adverb opening moves the start by three tokens.
  if (start === opening + 3 && opensWithDegreeAdverb(ctx, opening)) {
    const subject = subjectAt(ctx, start, limit);
    if (subject) return { ...subject, ruleId: 'span.opening-degree-adverb' };
  }
  if (SENTENCE_ADVERBIAL_STARTS.has(lower(start))) return subjectAfterOpeningPhrase(ctx, start, limit);
  // "Outside the arena, …", "Shortly after the vote, …", "Facing criticism, …", "One month after
  // the vote, …": other opening phrases, when a subject and its verb follow one of their commas.
  if (opensWithPhrase(ctx, start, limit)) {
    const subject = subjectAfterOpeningPhrase(ctx, start, limit);
    if (subject) return { ...subject, ruleId: 'span.opening-phrase' };
  }
  return subjectAt(ctx, afterOpeningTimePhrase(ctx, start, limit), limit);
}

/** The ")" closing a bracket of at most six tokens opened at `open` ("(D-N.Y.)", "(R-Texas)"), if there is one before `limit`. */
function shortBracketEnd(ctx: Reading, open: number, limit: number): number | undefined {
  for (let index = open + 1; index < limit && index - open <= 6; index++) if ((ctx.tokens[index] as Token).text === ')') return index;
  return undefined;
}

export function subjectAt(ctx: Reading, start: number, limit: number, verbMustFollow = false): Range | undefined {
  const { tokens, state } = ctx;
  let end = start;
  while (end < limit && end - start < MAX_SPEAKER_TOKENS) {
    const token = tokens[end] as Token;
    // "Rep. Jo Roe (D-N.Y.) said": a short bracket after a name is part of the subject.
    const bracketEnd = token.text === '(' && end > start && (tokens[end - 1] as Token).capitalized ? shortBracketEnd(ctx, end, limit) : undefined;
    if (bracketEnd !== undefined) {
      end = bracketEnd + 1;
      continue;
    }
    if (token.kind === 'punct' && token.text !== '.' && token.text !== '&' && token.text !== "'") break;
    // "he leapt to the aid of …": a subject pronoun is the whole subject, so the word after it is the verb, even one the lexicon files as a noun.
    if (end > start && SUBJECT_PRONOUNS.has(ctx.lower(start))) break;
    if (!token.capitalized && (isVerbWord(ctx, token.lower) || AUXILIARIES.has(token.lower) || state.cues.has(token.lower)) && !state.speakerHeads.has(token.lower) && !DETERMINERS.has(token.lower) && end > start && !isPossessiveEnding(ctx, end) && !isPluralAfterAdjective(ctx, start, end)) break;
    if (CLAUSE_WORDS.has(token.lower) && token.lower !== 'and') break;
    if (!token.capitalized && /ly$/.test(token.lower) && end > start) break;
    if (isVerbAfterName(ctx, end)) break;
    // "the court overruled and said": an "-ed" word the lexicon does not know as a noun or adjective is the verb.
    // "the mayor released a report": after a noun (not a determiner, adjective or possessive) an "-ed" word is the verb too.
    if (!token.capitalized && /ed$/.test(token.lower) && end > start && !state.speakerHeads.has(token.lower) && (isUnknownOrVerb(ctx, token.lower) || (!isModifierPosition(ctx, end - 1) && ctx.lower(end - 1) !== "'s"))) break;
    end++;
  }
  if (end === start || end >= limit) return end === start ? undefined : validSpeaker(ctx, start, end) ? { start, end } : undefined;
  const stop = tokens[end] as Token;
  if (stop.kind === 'punct' && (verbMustFollow || (stop.text !== '(' && stop.text !== ','))) return undefined;
  return validSpeaker(ctx, start, end) ? { start, end } : undefined;
}

/**
 * "Preliminary tests by the lab reveal …", "Recent polls in Ohio show …": a word in "-s" right after an adjective
 * is the plural head of the subject, not its verb. Cue words and auxiliaries keep their verb reading.
 */
function isPluralAfterAdjective(ctx: Reading, start: number, index: number): boolean {
  const { tokens, state } = ctx;
  const word = (tokens[index] as Token).lower;
  if (index === start || !/[^s]s$/.test(word) || state.cues.has(word) || AUXILIARIES.has(word)) return false;
  const before = tokens[index - 1] as Token;
  if (before.kind !== 'word' || DETERMINERS.has(before.lower)) return false;
  const classes = state.lexicon.classes(before.lower);
  // A capitalised word is an adjective only where the sentence makes every word capitalised: at the subject's start.
  if (before.capitalized && (index - 1 !== start || classes.has('first-name') || classes.has('last-name'))) return false;
  // "preliminary", "temporary": an "-ary" word the lexicon does not file as a noun ("secretary", "library") is an adjective.
  return (classes.has('adjective') || ADJECTIVE_ENDINGS.test(before.lower) || (/ary$/.test(before.lower) && !classes.has('noun'))) && !state.speakerHeads.has(before.lower);
}

/**
 * "Roe left the room", "Roe set the date", "Roe cut the budget": a word that is a verb only in some
 * positions ("left", "set") is the verb between a name and a determiner.
 */
function isVerbAfterName(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  const before = ctx.tokens[index - 1];
  const next = ctx.lower(index + 1);
  if (token.capitalized || !before || before.kind !== 'word' || !NOUN_MARKERS.has(next) || next === "'s") return false;
  const { lexicon } = ctx.state;
  // "she left the room", "the mayor left the room": after a subject pronoun or a word for a speaker too.
  const pronounOrHead = PRONOUNS.has(before.lower) || (!before.capitalized && ctx.state.speakerHeads.has(before.lower));
  if (!before.capitalized && !pronounOrHead) return false;
  // a sentence's first word is capitalised whatever it is: "Just grind the herbs" opens with no name
  const beforeClasses = lexicon.classes(before.lower);
  if (!pronounOrHead && index - 1 === ctx.currentSentenceStart && beforeClasses.has('common') && !beforeClasses.has('first-name') && !beforeClasses.has('last-name')) return false;
  const classes = lexicon.classes(token.lower);
  return classes.has('verb-reading') || classes.has('past-reading');
}

/**
 * "Some of Trump’s defenders", "the mayor's aides": an "'s" before a noun ends a possessive, not
 * "is" or "has" ("the mayor's been told", "Roe's not sure", "it's a plan", "Roe's leaving").
 */
function isPossessiveEnding(ctx: Reading, index: number): boolean {
  if (ctx.lower(index) !== "'s") return false;
  const next = ctx.tokens[index + 1];
  if (!next || next.kind !== 'word' || next.capitalized) return false;
  const word = next.lower;
  return word !== 'not' && !/(?:ly|ing)$/.test(word) && !DETERMINERS.has(word) && !AUXILIARIES.has(word) && !isVerbWord(ctx, word) && !ctx.state.cues.has(word);
}

/** Where the last coordinated clause before `limit` starts: after "; " or ", and|but" plus a new subject or adverbial. */
export function clauseStartBefore(ctx: Reading, sentence: Sentence, limit: number): number {
  const { tokens, quotes, lower } = ctx;
  for (let index = limit - 1; index > sentence.tokenStart; index--) {
    if (quotes.depth[index] !== 0) continue;
    const token = tokens[index] as Token;
    if (token.text === ';') return index + 1;
    if (token.text !== ',' || !COORDINATORS.has(lower(index + 1))) continue;
    const next = tokens[index + 2];
    if (next && (next.capitalized || DETERMINERS.has(next.lower) || PRONOUNS.has(next.lower) || SENTENCE_ADVERBIAL_STARTS.has(next.lower) || opensBarePluralClause(ctx, index + 2))) return index + 2;
  }
  return sentence.tokenStart;
}

/** ", but voters keep asking …": a bare plural noun and a plural verb after it open a clause of their own. */
function opensBarePluralClause(ctx: Reading, index: number): boolean {
  const verb = ctx.lower(index + 1);
  return isPluralNoun(ctx, ctx.lower(index)) && (AUXILIARIES.has(verb) || (isVerbWord(ctx, verb) && !endsInSingleS(verb) && !/(?:ing|ed)$/.test(verb)));
}

/** Rows of config/attributions/spans.json for reports inside a clause or phrase that opens the sentence before its main clause. */
const FRONTED_CLAUSE_ROWS: ReadonlySet<string> = new Set(['span.fronted-clause', 'span.modified-fronted-clause', 'span.fronted-time-clause', 'span.fronted-phrase']);

/** The last attribution read in this sentence that has a speaker in it (none when it stands in a fronted clause). */
export function earlierReportOfSentence(ctx: Reading, sentence: Sentence): Attribution | undefined {
  let index = ctx.attributions.length - 1;
  // "sent out a fundraising call …, asking …", "pushed back against Roe's attack, calling it …": a noun
  // cue inside the clause's object is not what the participle continues; the report before it is.
  while (index >= 0 && (ctx.attributions[index]?.cue?.start ?? -1) >= sentence.start && ctx.attributions[index]?.ruleIds.includes('attribution.noun-cue')) index--;
  const last = ctx.attributions[index];
  if (!last?.speaker || last.speaker.start < sentence.start || (last.cue?.start ?? -1) < sentence.start) return undefined;
  // "At the moment the mayor announced the fares, the pilot was at the quay and told …": a report in a clause
  // fronted before the main one is no act of the main clause's subject, so nothing after it shares its speaker.
  if (last.ruleIds.some((ruleId) => FRONTED_CLAUSE_ROWS.has(ruleId))) return undefined;
  return last;
}

/** The speaker of the last attribution read in this sentence, as a token range. */
export function speakerOfEarlierCue(ctx: Reading, sentence: Sentence): Range | undefined {
  const last = earlierReportOfSentence(ctx, sentence);
  return last && speakerOfReport(ctx, last);
}

/** A report's speaker as a token range. */
export function speakerOfReport(ctx: Reading, report: Attribution): Range | undefined {
  if (!report.speaker) return undefined;
  const start = firstStartingAtOrAfter(ctx.tokens, report.speaker.start);
  const end = firstStartingAtOrAfter(ctx.tokens, report.speaker.end);
  return end > start ? { start, end } : undefined;
}
