import type { Token } from '../text/tokens.js';
import { TIME_WORDS, AUXILIARIES, PRONOUNS, DETERMINERS, SENTENCE_ADVERBIAL_STARTS, LY_ADVERB, COORDINATORS } from './word-lists.js';
import { isVerbWord } from './word-tests.js';
import { spanWords } from './span-rules.js';
import { findSetPhrase, type SetPhraseMatch } from './set-phrases.js';
import type { Reading, Range } from './reading.js';
import { subjectAt } from './sentence-subjects.js';
import { validSpeaker } from './speaker-spans.js';
import { hasFiniteVerbBetween } from './verb-ranges.js';

// Words opening a sentence before its subject: connectives, set phrases, time phrases and other adverbial phrases ("Still, …", "Back in 2009 she …").

/** How many tokens a time phrase opening the sentence without a comma may run: "Back in the summer of 2009". */
const MAX_OPENING_TIME_TOKENS = 6;

/**
 * "Back in 2009 she said", "Earlier this year the company said", "Later that day the mayor said": a time phrase
 * opening the sentence, with no comma after it, before the subject that ends at `end`. Returns that subject.
 */
export function subjectAfterOpeningTimePhrase(ctx: Reading, sentenceStart: number, end: number): Range | undefined {
  const { tokens, lower, state } = ctx;
  const speakerTime = spanWords('span.speaker-time-phrase');
  const openingTime = spanWords('span.opening-time-phrase');
  const isTimeWord = (index: number): boolean => (tokens[index] as Token).kind === 'number' || TIME_WORDS.has(lower(index)) || speakerTime.has(lower(index)) || openingTime.has(lower(index));
  const start = afterOpeningConnective(ctx, sentenceStart, end);
  let index = start;
  let timed = false;
  while (index < end && index - start < MAX_OPENING_TIME_TOKENS) {
    if (isTimeWord(index)) timed = true;
    // "that day", "the past week", "two years ago": a determiner inside the time phrase.
    else if (!(DETERMINERS.has(lower(index)) && index + 1 < end && isTimeWord(index + 1)) && !state.lexicon.classes(lower(index)).has('preposition')) break;
    index++;
  }
  if (!timed || index === start || index >= end) return undefined;
  // The subject opens with a pronoun, a determiner or a name ("Back in 2009 she", "Last May Roe").
  const first = tokens[index] as Token;
  // "Last year's report" is one noun phrase: a possessive ends no time phrase.
  if (first.kind !== 'word' || first.lower === "'s" || !(PRONOUNS.has(first.lower) || DETERMINERS.has(first.lower) || first.capitalized)) return undefined;
  return validSpeaker(ctx, index, end) ? { start: index, end } : undefined;
}

/** "In 2010", "Last week", "On Friday": a sentence opening with a preposition or a word of time. */
export function opensWithTimeOrPlace(ctx: Reading, start: number): boolean {
  const token = ctx.tokens[start] as Token;
  return TIME_WORDS.has(token.lower) || spanWords('span.speaker-time-phrase').has(token.lower) || ctx.state.lexicon.classes(token.lower).has('preposition');
}

/**
 * "After a hastily called, late-evening meeting, the council …": the subject follows the
 * comma after which a noun phrase and a verb come.
 */
export function subjectAfterOpeningPhrase(ctx: Reading, start: number, limit: number): Range | undefined {
  const { tokens } = ctx;
  let comma = start;
  let firstComma = true;
  for (;;) {
    while (comma < limit && (tokens[comma] as Token).text !== ',' && comma - start < 24) comma++;
    if (comma >= limit || (tokens[comma] as Token).text !== ',') return undefined;
    // (Only the opening phrase's own comma, after no verb, may stand before a subject cut short by an insert: "By noon she had
    // cancelled the rally in Green Bay, Wis., citing …" names no subject there.)
    const subject = subjectAt(ctx, comma + 1, limit, true) ?? (firstComma && !hasFiniteVerbBetween(ctx, start, comma) ? subjectBeforeParticipleInsert(ctx, comma + 1, limit) : undefined);
    firstComma = false;
    if (subject) return subject;
    comma++;
  }
}

/**
 * "On Monday, the pilots, citing the storm, cancelled …": the words after the opening phrase's comma up to
 * the comma that sets off a participle at `limit` are the whole subject, whose verb comes after the insert.
 */
function subjectBeforeParticipleInsert(ctx: Reading, start: number, limit: number): Range | undefined {
  const comma = limit - 1;
  if (comma <= start || (ctx.tokens[comma] as Token).text !== ',' || !/^[a-z]{3,}ing$/.test((ctx.tokens[limit] as Token | undefined)?.text ?? '')) return undefined;
  const subject = subjectAt(ctx, start, comma);
  return subject && subject.end === comma ? subject : undefined;
}

/**
 * Whether the sentence opens with an adverbial phrase other than those of SENTENCE_ADVERBIAL_STARTS:
 * a preposition or adverb of the span.opening-phrase row, an "-ly" adverb before one ("Shortly
 * after"), a participle ("Facing …", "Burdened by …"), or a time phrase running into "after",
 * "before" or "since" ("One month after …", "The day before, …").
 */
export function opensWithPhrase(ctx: Reading, start: number, limit: number): boolean {
  const { tokens, lower, state } = ctx;
  const openers = spanWords('span.opening-phrase');
  const first = lower(start);
  if (openers.has(first)) return true;
  if (LY_ADVERB.test(first) && (openers.has(lower(start + 1)) || SENTENCE_ADVERBIAL_STARTS.has(lower(start + 1)))) return true;
  if (/^[a-z]{3,}(?:ing|ed)$/.test(first) && !state.speakerHeads.has(first) && !state.lexicon.classes(first).has('noun') && (tokens[start + 1] as Token | undefined)?.kind === 'word') return true;
  const timeWords = spanWords('span.speaker-time-phrase');
  for (let index = start; index < limit && index - start < 5; index++) {
    const word = lower(index);
    if (!TIME_WORDS.has(word) && !timeWords.has(word) && (tokens[index] as Token).kind !== 'number' && !DETERMINERS.has(word) && !['day', 'days', 'weeks', 'hours', 'moments', 'minutes'].includes(word)) return false;
    if (index > start && ['after', 'before', 'since'].includes(lower(index + 1))) return true;
  }
  return false;
}

/**
 * "Indeed, the council …", "Recently, Roe …", "Most recently, Roe …": a connective or an "-ly"
 * adverb (after a degree word) set off by a comma opens the sentence before its subject. Returns
 * where the subject starts.
 */
export function afterOpeningConnective(ctx: Reading, start: number, limit: number): number {
  const { tokens, lower } = ctx;
  const connectives = spanWords('span.opening-connective');
  let index = start;
  // "Most recently, Roe …", "More importantly, the council …": a degree word before the "-ly" adverb opens with it.
  if (index + 3 < limit && opensWithDegreeAdverb(ctx, index)) index++;
  // "Obviously, it is up to …": an "it" or "there" after the comma is often a dummy subject; the opening is kept as it was.
  while (index + 2 < limit && (tokens[index + 1] as Token).text === ',' && lower(index + 2) !== 'it' && lower(index + 2) !== 'there' && (connectives.has(lower(index)) || (LY_ADVERB.test(lower(index)) && !ctx.state.speakerHeads.has(lower(index))))) index += 2;
  // "Then Roe went on the attack, …": a connective without its comma, before a name, a determiner or a pronoun.
  if (index === start && index + 2 < limit && opensWithBareConnective(ctx, index)) index++;
  // "All told, the union …", "To be sure, Roe …": a set phrase of config/attributions/non-cues.json and its comma.
  if (index === start) index = afterOpeningSetPhrase(ctx, index, limit) ?? index;
  return index;
}

/** How many words into an opening set phrase its cue word may stand: "truth be told", "needless to say". */
const MAX_SET_PHRASE_OFFSET = 4;

/** The index after a non-cue set phrase that opens at `start` and is set off by a comma ("All told, …"); undefined when there is none. */
function afterOpeningSetPhrase(ctx: Reading, start: number, limit: number): number | undefined {
  const { tokens } = ctx;
  const setOff = (match: SetPhraseMatch): boolean => match.start === start && (tokens[match.end - 1]?.text === ',' || tokens[match.end]?.text === ',');
  for (let position = start; position < Math.min(limit, start + MAX_SET_PHRASE_OFFSET); position++) {
    const phrase = findSetPhrase(ctx, position, setOff);
    if (!phrase) continue;
    const end = tokens[phrase.end - 1]?.text === ',' ? phrase.end : phrase.end + 1;
    return end < limit ? end : undefined;
  }
  return undefined;
}

/** "Then Roe …", "Then the council …", "Then she …": a connective with no comma before a name, a determiner or a pronoun. */
export function opensWithBareConnective(ctx: Reading, index: number): boolean {
  const { lower } = ctx;
  const next = ctx.tokens[index + 1] as Token;
  return spanWords('span.opening-connective').has(lower(index)) && lower(index + 1) !== 'that' && (next.capitalized || DETERMINERS.has(lower(index + 1)) || PRONOUNS.has(lower(index + 1)));
}

/** "Most recently, …", "More importantly, …": a degree word, an "-ly" adverb and its comma. */
export function opensWithDegreeAdverb(ctx: Reading, index: number): boolean {
  return spanWords('span.opening-degree-adverb').has(ctx.lower(index)) && LY_ADVERB.test(ctx.lower(index + 1)) && (ctx.tokens[index + 2] as Token).text === ',';
}

/**
 * "Minutes later, the campaign …", "Back in 1999, Roe …", "A few days later they …": a time
 * phrase opening the sentence is not its subject. Returns where the subject starts.
 */
export function afterOpeningTimePhrase(ctx: Reading, start: number, limit: number): number {
  const { tokens, lower } = ctx;
  const timeWords = spanWords('span.speaker-time-phrase');
  let timed = false;
  for (let index = start; index < limit && index - start < 8; index++) {
    const token = tokens[index] as Token;
    if (token.text === ',') return timed && index + 1 < limit ? index + 1 : start;
    if (token.kind === 'punct') return start;
    if (TIME_WORDS.has(token.lower) || timeWords.has(token.lower)) {
      timed = true;
      // "A few days later they …": a subject follows the time phrase without a comma.
      if ((token.lower === 'later' || token.lower === 'ago') && PRONOUNS.has(lower(index + 1))) return index + 1;
      continue;
    }
    if (!token.capitalized && (isVerbWord(ctx, token.lower) || AUXILIARIES.has(token.lower))) return start;
  }
  return start;
}

/** Words inside a noun phrase before another noun phrase: "a letter to the council", "the wake of the storm", "Roe's speech". */
const PHRASE_LINKS: ReadonlySet<string> = new Set(['to', 'of', "'s", 'and', 'or']);
/** Words that open the subject noun phrase after an opening phrase: articles, demonstratives and possessives (a capital or a pronoun opens one too). */
const SUBJECT_OPENERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my']);
/** How many words the noun phrase of an opening preposition may run: "to the council's harbour committee". */
const MAX_OPENING_OBJECT_TOKENS = 7;

/**
 * "After the storm the harbour board said", "Prior to launch the firm promised", "And once the pilot
 * mentioned …": a speaker phrase read back from the cue, or the words from the sentence's start
 * (past a connective or a coordinator), that open with a word of the span.opening-preposition-phrase
 * row hold that word's phrase before the subject. The subject is the second noun phrase: it opens with
 * an article, a possessive, a pronoun or a capital right after a word that ends the first one (not a
 * preposition, an article, a title before a name or a capital of the same name). After a subordinator of
 * span.fronted-clause the subject comes at once. Neither phrase may hold a verb form that no noun
 * shares (a past form, an auxiliary, a participle): then the words are a clause. Returns the subject.
 */
export function subjectAfterOpeningPreposition(ctx: Reading, sentenceStart: number, speaker: Range): Range | undefined {
  const { tokens, lower, state } = ctx;
  const prepositions = spanWords('span.opening-preposition-phrase');
  const subordinators = spanWords('span.fronted-clause');
  const opening = afterOpeningConnective(ctx, sentenceStart, speaker.end);
  const opener = COORDINATORS.has(lower(opening)) || spanWords('span.opening-connective').has(lower(opening)) ? opening + 1 : opening;
  if (speaker.start > opener + 1 || (!prepositions.has(lower(opener)) && !subordinators.has(lower(opener)))) return undefined;
  const isVerbForm = (index: number): boolean => {
    const token = tokens[index] as Token;
    if (token.kind === 'punct') return token.text !== '.' && token.text !== '&' && token.text !== "'" && token.text !== '-';
    if (token.kind !== 'word' || token.capitalized) return false;
    const classes = state.lexicon.classes(token.lower);
    return AUXILIARIES.has(token.lower) || classes.has('past-tense') || (/ing$/.test(token.lower) && !classes.has('noun'));
  };
  for (let index = opener + 1; index < speaker.end; index++) if (isVerbForm(index)) return undefined;
  // ("after", "before", "since" are prepositions as well: their noun phrase comes first, as after "in".)
  if (!prepositions.has(lower(opener))) return validSpeaker(ctx, opener + 1, speaker.end) ? { start: opener + 1, end: speaker.end } : undefined;
  for (let index = opener + 2; index < speaker.end && index - opener <= MAX_OPENING_OBJECT_TOKENS; index++) {
    const token = tokens[index] as Token;
    const before = tokens[index - 1] as Token;
    if (token.kind !== 'word' || !(SUBJECT_OPENERS.has(token.lower) || PRONOUNS.has(token.lower) || token.capitalized)) continue;
    if (before.kind !== 'word' || (before.capitalized && token.capitalized) || DETERMINERS.has(before.lower) || PHRASE_LINKS.has(before.lower)) continue;
    if (state.lexicon.classes(before.lower).has('preposition') || (token.capitalized && state.speakerHeads.has(before.lower))) continue;
    return validSpeaker(ctx, index, speaker.end) ? { start: index, end: speaker.end } : undefined;
  }
  return undefined;
}
