import type { Token } from '../text/tokens.js';
import { TIME_WORDS, AUXILIARIES, AUXILIARY_VERBS, PAST_FORM, IRREGULAR_PAST, PRONOUNS, OBJECT_PRONOUNS } from './word-lists.js';
import { isVerbWord } from './word-tests.js';
import { spanWords } from './span-rules.js';
import type { Reading, Range } from './reading.js';
import { readAppositiveSpeaker, speakerAroundInsert } from './appositive-speakers.js';
import { readSpeakerBefore } from './speaker-spans.js';
import { SPEAKER_RELATIVES } from './speakers-after-cue.js';

// The speaker when the phrase read before the cue is none: a time phrase, a floating word, or a noun cue's article and adjectives ("Police had last month charged …").

/**
 * A speaker read as only a time phrase ("last month", "Wednesday", "twice") or as words floating
 * off the subject ("both", "always"): the subject before it and its auxiliary or participle, if
 * there is one ("Police had last month charged", "the two leaders have both urged"); across the
 * comma of an apposition, the apposition chain ("Roe, the party chairman, this past week announced").
 */
export function speakerBeyondTimePhrase(ctx: Reading, sentenceStart: number, speaker: Range, cueEnd: number, bodyEnd: number): (Range & { ruleId: string }) | undefined {
  const { tokens, lower } = ctx;
  const timeWords = spanWords('span.speaker-time-phrase');
  const floating = spanWords('span.floating-before-cue');
  let onlyTime = true;
  for (let index = speaker.start; index < speaker.end; index++) {
    const token = tokens[index] as Token;
    const time = token.kind === 'number' || TIME_WORDS.has(token.lower) || timeWords.has(token.lower);
    if (!time && !floating.has(token.lower)) return undefined;
    if (!time) onlyTime = false;
  }
  const ruleId = onlyTime ? 'span.speaker-time-phrase' : 'span.floating-before-cue';
  let end = speaker.start;
  // "had last month charged", "published Wednesday said", "have both urged": an auxiliary or a participle before the phrase.
  while (end > sentenceStart && speaker.start - end < 2 && (AUXILIARIES.has(lower(end - 1)) || floating.has(lower(end - 1)) || (onlyTime && /ed$/.test(lower(end - 1)) && !(tokens[end - 1] as Token).capitalized))) end--;
  if (end <= sentenceStart) return undefined;
  // "Roe, who has both endorsed …": the relative pronoun is the subject the word floats off.
  if (end < speaker.start && SPEAKER_RELATIVES.has(lower(end - 1))) return { start: end - 1, end, ruleId };
  if ((tokens[end - 1] as Token).text === ',' && end - 1 > sentenceStart) {
    const described = readAppositiveSpeaker(ctx, sentenceStart, end - 1, cueEnd, bodyEnd) ?? speakerAroundInsert(ctx, sentenceStart, end);
    return described && !speakerBeyondTimePhraseIsTime(ctx, described, timeWords) ? { ...described, ruleId } : undefined;
  }
  if (end === speaker.start) return undefined;
  const subject = readSpeakerBefore(ctx, sentenceStart, end);
  return subject && !speakerBeyondTimePhraseIsTime(ctx, subject, timeWords) ? { ...subject, ruleId } : undefined;
}

function speakerBeyondTimePhraseIsTime(ctx: Reading, range: Range, timeWords: ReadonlySet<string>): boolean {
  for (let index = range.start; index < range.end; index++) if (!timeWords.has(ctx.lower(index)) && !TIME_WORDS.has(ctx.lower(index))) return false;
  return true;
}

/**
 * "Roe sounded a cautious note about …", "Roe unleashed withering attacks on …", "Roe is raising
 * questions about …": a cue word that is the object of another verb is a noun, and the phrase read
 * before it (an article and adjectives, or the verb itself) is no speaker: the verb's subject is.
 */
export function nounCueSubject(ctx: Reading, sentenceStart: number, speaker: Range, cueEnd: number, bodyEnd: number): (Range & { ruleId: string }) | undefined {
  const { tokens, lower, state } = ctx;
  const first = tokens[speaker.start] as Token;
  let verb: number;
  if (speaker.end - speaker.start === 1 && !first.capitalized && /^[a-z]{3,}ing$/.test(first.lower) && !state.speakerHeads.has(first.lower) && AUXILIARIES.has(lower(speaker.start - 1))) {
    verb = speaker.start;
  } else {
    // Only an article and modifiers: no noun of its own.
    if (!['a', 'an', 'the'].includes(first.lower) && !state.lexicon.classes(first.lower).has('adjective') && !/^[a-z]{3,}ing$/.test(first.lower)) return undefined;
    for (let index = speaker.start + 1; index < speaker.end; index++) {
      const token = tokens[index] as Token;
      if (token.capitalized || token.kind !== 'word' || state.speakerHeads.has(token.lower) || (!state.lexicon.classes(token.lower).has('adjective') && !/(?:ing|ful|ous|ive|al|ic|ed)$/.test(token.lower))) return undefined;
    }
    verb = speaker.start - 1;
    const token = tokens[verb];
    if (!token || verb < sentenceStart || token.capitalized || token.kind !== 'word' || AUXILIARIES.has(token.lower) || !(isVerbWord(ctx, token.lower) || /ed$/.test(token.lower))) return undefined;
  }
  const subject = subjectOfVerb(ctx, sentenceStart, verb, cueEnd, bodyEnd);
  return subject ? { ...subject, ruleId: 'span.noun-cue-object' } : undefined;
}

/** The subject of the verb at `verb`, read back past its auxiliaries ("the union has used"), and past an apposition set off by commas ("Roe, a senator, used"). */
export function subjectOfVerb(ctx: Reading, sentenceStart: number, verb: number, cueEnd: number, bodyEnd: number): Range | undefined {
  let end = verb;
  while (end > sentenceStart && AUXILIARIES.has(ctx.lower(end - 1))) end--;
  if (end <= sentenceStart) return undefined;
  return (ctx.tokens[end - 1] as Token).text === ',' ? readAppositiveSpeaker(ctx, sentenceStart, end - 1, cueEnd, bodyEnd) : readSpeakerBefore(ctx, sentenceStart, end);
}

/** Row of config/attributions/spans.json: a cue word ending the object of a participle that the phrase read before it opens. */
export const PARTICIPLE_OBJECT_ROW = 'span.participle-object-cue';

/**
 * "…, stoking fears about the ferry", "After casting doubt on the audit", "are ditching the personal insults
 * that …": the phrase read before a present-form cue opens with a participle set off by a comma, or after a
 * preposition or an auxiliary, so the cue word is a noun ending that participle's object, not a verb of the
 * phrase. 'alone' when the participle is the whole phrase (the noun then reports, but names no holder);
 * 'object' when other words of the object stand between (the noun is a plain object, reporting nothing).
 * A participle opening the sentence or after a coordinator may be an adjective ("Rising fares support …").
 */
export function participleTakingCue(ctx: Reading, sentenceStart: number, speaker: Range, cueStart: number, cueEnd: number): 'alone' | 'object' | undefined {
  const { tokens, lower, state } = ctx;
  const first = tokens[speaker.start] as Token;
  if (cueEnd - cueStart !== 1 || speaker.end !== cueStart || first.capitalized || !/^[a-z]{3,}ing$/.test(first.lower) || state.speakerHeads.has(first.lower) || spanWords(PARTICIPLE_OBJECT_ROW).has(first.lower)) return undefined;
  // A present form ("fears", "support"), not a past form or participle, which would be the phrase's own verb.
  const cueWord = lower(cueStart);
  if (/ing$/.test(cueWord) || PAST_FORM.test(cueWord) || IRREGULAR_PAST.test(cueWord)) return undefined;
  // "nothing", "leading": a word the lexicon files as a noun or an adjective is no participle.
  const classes = state.lexicon.classes(first.lower);
  if (classes.has('noun') || classes.has('adjective')) return undefined;
  // "…, fundraising documents show": a word for a speaker or a subject pronoun inside the phrase makes it a subject.
  for (let index = speaker.start + 1; index < speaker.end; index++) if ((PRONOUNS.has(lower(index)) && !OBJECT_PRONOUNS.has(lower(index))) || state.speakerHeads.has(lower(index))) return undefined;
  const before = speaker.start - 1;
  if (before < sentenceStart) return undefined;
  const beforeToken = tokens[before] as Token;
  const setOff = beforeToken.text === ',' || AUXILIARY_VERBS.has(beforeToken.lower) || (beforeToken.kind === 'word' && !beforeToken.capitalized && state.lexicon.classes(beforeToken.lower).has('preposition') && beforeToken.lower !== 'as');
  if (!setOff) return undefined;
  return speaker.end - speaker.start === 1 ? 'alone' : 'object';
}
