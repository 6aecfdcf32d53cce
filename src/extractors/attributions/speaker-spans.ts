import { isModifiedParticiple } from './attributive-participles.js';
import { occasionAdjunctStart, opensOccasionPhrase } from './occasion-adjuncts.js';
import type { Sentence, Token } from '../text/tokens.js';
import { CONTRACTION_HOSTS, NOUN_MARKERS, TIME_WORDS, AUXILIARIES, AUXILIARY_VERBS, PASSIVE_MARKERS, CLAUSE_WORDS, COORDINATORS, PRONOUNS, DETERMINERS, CLAUSE_CONTINUERS, SPEAKER_STARTS_NOT, SENTENCE_ADVERBIAL_STARTS, MAX_SPEAKER_TOKENS, PLURAL_HEADS, endsInSingleS, MAX_APPOSITIVE_TOKENS, DASHES, PERSON_RELATIVES, LY_ADVERB, ADJECTIVE_ENDINGS } from './word-lists.js';
import { isModifierPosition, isNounWord, isVerbWord, isUnknownOrVerb, carriesContractedVerb } from './word-tests.js';
import { isSentenceEndAfterCue } from './clause-boundaries.js';
import { quotationEndingBefore } from './quotes-across-sentences.js';
import { spanWords } from './span-rules.js';
import { findSetPhrase, type SetPhraseMatch } from './set-phrases.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import type { Reading, Range } from './reading.js';
import type { Attribution, Span } from '../../model/claim.js';

/** A speaker phrase and the row of config/attributions/spans.json that read it, if one did. */
export type SpeakerRange = Range & { ruleId?: string };

/** The noun phrase that ends at `end`, read leftwards to a clause boundary. */
export function readSpeakerBefore(ctx: Reading, sentenceStart: number, end: number): Range | undefined {
  const { tokens, text, state, lower } = ctx;
  // "Roe and Doe both said", "the council nevertheless called": a floating word before the cue is not the speaker.
  if (end - 1 > sentenceStart && spanWords('span.floating-before-cue').has(lower(end - 1))) {
    const before = readSpeakerBefore(ctx, sentenceStart, end - 1);
    if (before) return before;
  }
  let start = end;
  while (start > sentenceStart && end - start < MAX_SPEAKER_TOKENS) {
    const token = tokens[start - 1] as Token;
    if (token.text === ')') {
      // "Sen. Jane Roe (D-Ore.) said": a short bracket inside the speaker.
      let open = start - 2;
      while (open > sentenceStart && (tokens[open] as Token).text !== '(' && start - open < 8) open--;
      if ((tokens[open] as Token | undefined)?.text === '(' && open > sentenceStart) {
        start = open;
        continue;
      }
      break;
    }
    // "47% say": a percent sign after its number is part of the speaker.
    const percent = token.text === '%' && tokens[start - 2]?.kind === 'number';
    if (token.kind === 'punct' && token.text !== '.' && token.text !== '&' && token.text !== '-' && token.text !== "'" && !percent) break;
    // "she drew his ire - he said": a spaced hyphen is a dash, not part of a name like "R-NY".
    if (token.text === '-' && /\s/.test(text[token.start - 1] ?? '') && /\s/.test(text[token.end] ?? '')) break;
    // A capitalised "Will" or "May" inside the phrase is a name.
    if (!(token.capitalized && start < end) && (AUXILIARIES.has(token.lower) && PASSIVE_MARKERS.has(token.lower) || ['has', 'have', 'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do'].includes(token.lower))) break;
    // "…, saying he recalled it": a participle cue ends the speaker phrase ("a source speaking to Fox News" keeps its participle after a word for a person).
    if (start < end && !token.capitalized && /ing$/.test(token.lower) && state.cues.has(token.lower) && !DETERMINERS.has(lower(start - 2)) && !state.speakerHeads.has(lower(start - 2))) break;
    // "one of the authors of that report": "that" after "of" points at a noun, it opens no clause.
    const demonstrative = token.lower === 'that' && start < end && lower(start - 2) === 'of';
    if (CLAUSE_WORDS.has(token.lower) && !demonstrative && !(token.lower === 'and' && start < end && !PRONOUNS.has(lower(start)) && (!DETERMINERS.has(lower(start)) || joinsNamedSpeaker(ctx, sentenceStart, start - 2)))) break;
    if (start < end && token.kind === 'word' && !token.capitalized && isVerbWord(ctx, token.lower) && !state.speakerHeads.has(token.lower) && !DETERMINERS.has(token.lower) && !isModifierPosition(ctx, start - 2) && !isCoordinatedParticiple(ctx, start - 1)) break;
    start--;
  }
  // ", and three-quarters said": the coordinator joins clauses, it is not part of the speaker.
  if (start < end - 1 && COORDINATORS.has(lower(start))) start++;
  // "“…,” chairman, CEO and president Jo Roe said": a list of titles runs on past its first comma.
  if (start - 2 >= sentenceStart && tokens[start - 1]?.text === ',' && listsTitles(ctx, start, end) && isTitleAfterQuote(ctx, sentenceStart, start - 2)) start -= 2;
  // "Then Mr. Roe said", "Then she said": a connective opening the sentence without a comma is not part of the speaker.
  if (start === sentenceStart && start < end - 1 && opensWithBareConnective(ctx, start)) start++;
  // "In 2010 she said", "Last week they said": a subject pronoun takes no words before it; those open the sentence.
  if (start === sentenceStart && start < end - 2 && SUBJECT_PRONOUNS.has(lower(end - 1)) && opensWithTimeOrPlace(ctx, start)) start = end - 1;
  if (start === end) return undefined;
  return validSpeaker(ctx, start, end) ? { start, end } : undefined;
}

/**
 * "donors and elected officials", "pilots or retired skippers": a past participle after "and" or "or" that
 * joins it to a noun is an adjective of the second noun, not a verb that ends the speaker phrase.
 */
function isCoordinatedParticiple(ctx: Reading, index: number): boolean {
  const { tokens, lower, state } = ctx;
  const before = tokens[index - 2];
  if (!/ed$/.test(lower(index)) || (lower(index - 1) !== 'and' && lower(index - 1) !== 'or')) return false;
  if (before === undefined || before.kind !== 'word' || before.capitalized || isVerbWord(ctx, before.lower)) return false;
  // a plural the lexicon does not list ("donors", "skippers") is a noun too
  return isNounWord(ctx, before.lower) || (state.lexicon.classes(before.lower).size === 0 && /s$/.test(before.lower));
}

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
function opensWithTimeOrPlace(ctx: Reading, start: number): boolean {
  const token = ctx.tokens[start] as Token;
  return TIME_WORDS.has(token.lower) || spanWords('span.speaker-time-phrase').has(token.lower) || ctx.state.lexicon.classes(token.lower).has('preposition');
}

/** Pronouns that stand as a subject and take no modifier before them. */
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i']);

/** "CEO and president Jo Roe": titles joined by "and" before a name. */
function listsTitles(ctx: Reading, start: number, end: number): boolean {
  let joined = false;
  for (let index = start; index < end; index++) if (ctx.lower(index) === 'and') joined = true;
  return joined && ctx.state.speakerHeads.has(ctx.lower(start));
}

/** A lower-case title word right after a quotation (or opening the sentence): "“…,” chairman, …". */
function isTitleAfterQuote(ctx: Reading, sentenceStart: number, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  if (token.kind !== 'word' || token.capitalized || !ctx.state.speakerHeads.has(token.lower)) return false;
  return index === sentenceStart || ctx.isCloseQuote(index - 1);
}

/**
 * "Smith and her colleagues said", "the mayor and his aides said": a determiner phrase after "and"
 * is coordinated with the name or speaker noun before it, not a new clause's subject ("the plan
 * failed and the officials said").
 */
function joinsNamedSpeaker(ctx: Reading, sentenceStart: number, before: number): boolean {
  const token = ctx.tokens[before];
  return before >= sentenceStart && token !== undefined && token.kind === 'word' && (token.capitalized || ctx.state.speakerHeads.has(token.lower));
}

/** Relative pronouns that open a clause about a person named before them. */
const SPEAKER_RELATIVES: ReadonlySet<string> = new Set(['who', 'whose']);

/**
 * A noun phrase right after an inverted cue, running to the sentence end or a clause break.
 * After a quotation ("“…,” said X, who …") whatever follows the speaker's comma is more about the speaker.
 */
export function readSpeakerAfter(ctx: Reading, start: number, bodyEnd: number, afterQuote: boolean): Range | undefined {
  const { tokens, state, lower, isOpenQuote } = ctx;
  const first = tokens[start];
  if (!first) return undefined;
  // After a quotation, "said longtime activist Bob Klaus" may open with a lower-case modifier;
  // anywhere, so may a title before a name ("says political scientist Jo Roe", "said retired judge Jo Roe").
  const namedSoon = afterQuote && [1, 2, 3].some((offset) => start + offset < bodyEnd && (tokens[start + offset] as Token).capitalized);
  const titledName = [1, 2].some((offset) => start + offset + 1 < bodyEnd && state.speakerHeads.has(lower(start + offset)) && (tokens[start + offset + 1] as Token).capitalized);
  // "retired", "embattled": a participle before a title or a name modifies it; the phrase is checked from the word after it.
  const participleModifier = first.kind === 'word' && !first.capitalized && /ed$/.test(first.lower) && isVerbWord(ctx, first.lower);
  const modifier = first.kind === 'word' && (!isVerbWord(ctx, first.lower) || participleModifier);
  const ok = (DETERMINERS.has(first.lower) && first.lower !== 'that') || first.capitalized || PRONOUNS.has(first.lower) || state.speakerHeads.has(first.lower) || first.kind === 'number' || ((namedSoon || titledName) && modifier);
  if (!ok) return undefined;
  const valid = (end: number): boolean => validSpeaker(ctx, participleModifier && end > start + 1 ? start + 1 : start, end);
  // "…, reported it to the police": a pronoun after the verb is its object unless it stands alone ("…, said he.").
  const next = tokens[start + 1];
  if (PRONOUNS.has(first.lower) && start + 1 < bodyEnd && next !== undefined && next.text !== ',') return undefined;
  let end = start;
  while (end < bodyEnd && end - start < 20) {
    const token = tokens[end] as Token;
    if (token.text === ',' || token.text === ';' || token.text === ':' || isOpenQuote(end)) break;
    // "“…,” said a campaign adviser who has worked for two governors": the relative clause describes the speaker.
    if (afterQuote && end > start && SPEAKER_RELATIVES.has(token.lower)) return valid(end) ? { start, end } : undefined;
    if (!token.capitalized && token.kind === 'word' && PASSIVE_MARKERS.has(token.lower)) return undefined;
    // "…, say Trump’s aides pushed her": a verb after the cue starts a clause, not a speaker.
    if (!afterQuote && !token.capitalized && token.kind === 'word' && /ed$/.test(token.lower) && isVerbWord(ctx, token.lower) && !isModifiedParticiple(ctx, end)) return undefined;
    if (!token.capitalized && token.kind === 'word' && AUXILIARIES.has(token.lower) && !DETERMINERS.has(token.lower) && !(token.lower === "'s" && !PRONOUNS.has(lower(end - 1)))) return undefined;
    end++;
  }
  if (end < bodyEnd) {
    const stop = tokens[end] as Token;
    if (stop.text !== ',') return undefined;
    if (afterQuote) return valid(end) ? { start, end } : undefined;
    // "…, said Jo Roe, whose group backs the bill.": a relative clause describing the speaker may follow.
    // "…, said Jo Roe, executive director of the fund, whose …": a title opens a description of the speaker too.
    const continues = CLAUSE_CONTINUERS.has(lower(end + 1)) || SPEAKER_RELATIVES.has(lower(end + 1)) || DETERMINERS.has(lower(end + 1)) || (tokens[end + 1] as Token | undefined)?.capitalized === true || state.speakerHeads.get(lower(end + 1)) === 'speaker.person-description';
    if (!continues && !isAppositiveToEnd(ctx, end + 1, bodyEnd)) return undefined;
  }
  // "…, said Jo Roe in an email to staff": the occasion of the words is no part of who spoke.
  const adjunct = occasionAdjunctStart(ctx, start, end);
  if (adjunct) end = adjunct.index;
  return valid(end) ? { start, end } : undefined;
}

/** Comma-separated pieces of a speaker chain ("Jo Roe, 30, of Dover, …, said"). */
const MAX_APPOSITIVE_CHUNKS = 4;
/** Right after a quotation the chain may run longer: age, home town, state and a relative clause ("“…,” Jo Roe, 30, of Dover, Del., who was polled, said"). */
const MAX_APPOSITIVE_CHUNKS_AFTER_QUOTE = 6;

/**
 * "Name, appositive, [appositive,] said": the whole chain when it starts the clause. With
 * `objectFollows` the cue takes a noun-phrase object ("Roe, a senator, praised Lee."), so a name
 * after it is what it reports, not a day or an addressee ("Roe, a senator, said Tuesday.").
 */
export function readAppositiveSpeaker(ctx: Reading, sentenceStart: number, comma: number, cueEnd: number, bodyEnd: number, objectFollows = false): SpeakerRange | undefined {
  const { tokens, isCloseQuote } = ctx;
  let chunkEnd = comma;
  let chunks = 0;
  // Where each chunk after a comma starts, nearest the cue first.
  const laterChunks: number[] = [];
  while (chunkEnd > sentenceStart && comma - chunkEnd < MAX_APPOSITIVE_TOKENS && chunks < MAX_APPOSITIVE_CHUNKS_AFTER_QUOTE) {
    let open = chunkEnd - 1;
    while (open >= sentenceStart && (tokens[open] as Token).text !== ',' && !isCloseQuote(open) && chunkEnd - open <= MAX_APPOSITIVE_TOKENS) open--;
    const chunkStart = open + 1;
    chunks++;
    const afterClause = chunks >= 2 && open >= sentenceStart ? headAfterClause(ctx, chunkStart, chunkEnd, laterChunks) : undefined;
    if (afterClause !== undefined) return { start: afterClause, end: comma + 1, ruleId: 'span.apposition-after-clause' };
    const quoteBoundary = open >= sentenceStart && (isCloseQuote(open) || ((tokens[open] as Token).text === ',' && isCloseQuote(open - 1)));
    if (open < sentenceStart || (tokens[open] as Token).text !== ',' || quoteBoundary) {
      // Reached the sentence start: this chunk is the head noun phrase.
      const head = readSpeakerBefore(ctx, chunkStart, chunkStart + Math.min(MAX_SPEAKER_TOKENS, firstCommaOrEnd(ctx, chunkStart, chunkEnd) - chunkStart));
      // "But Jo Roe, a party veteran, said …", "Even Jo Roe, who backed the plan, said …": a conjunction or a
      // connective opening the sentence is no part of the speaker, nor is the "as" of a clause that reports the main one
      // ("As Jo Roe, a historian, noted, …").
      const headStart = head && head.start === chunkStart + 1 && chunkStart === sentenceStart && (opensBeforeSubject(ctx, chunkStart) || (ctx.lower(chunkStart) === 'as' && (tokens[chunkStart + 1] as Token).capitalized)) ? head.start : chunkStart;
      const headFirst = tokens[headStart] as Token;
      if (chunks < 2 || (chunks > MAX_APPOSITIVE_CHUNKS && !quoteBoundary)) return undefined;
      if (!head || head.start !== headStart || (!headFirst.capitalized && !DETERMINERS.has(headFirst.lower)) || startsAdverbial(ctx, headStart, chunkEnd)) {
        // The chunk opening the sentence names no one: an opening phrase or a reported clause may come before the chain.
        return quoteBoundary ? undefined : chainAfterOpening(ctx, chunkStart, laterChunks, comma, cueEnd, bodyEnd);
      }
      // "Roe, a senator, said." alone is a subject and a cue with nothing said, unless a quotation closed the sentence before ("“Stop!” | Roe, a senator, said.").
      const nothingSaid = objectFollows ? cueEnd >= bodyEnd : isSentenceEndAfterCue(ctx, cueEnd, bodyEnd) && !hasContentAfter(ctx, cueEnd, bodyEnd);
      if (!quoteBoundary && chunkStart === sentenceStart && nothingSaid && !quotationEndingBefore(ctx, ctx.currentSentence)) return undefined;
      return { start: headStart, end: comma + 1 };
    }
    laterChunks.push(chunkStart);
    chunkEnd = open;
  }
  return undefined;
}

/**
 * "Roe won the county, but the state's senator, Jo Lee, had endorsed her": a chunk opened by a
 * word of the span.apposition-after-clause row after a clause's comma holds the speaker's head
 * after that word, when every chunk after it describes the head. Returns where the head starts.
 */
function headAfterClause(ctx: Reading, chunkStart: number, chunkEnd: number, laterChunks: readonly number[]): number | undefined {
  if (!spanWords('span.apposition-after-clause').has(ctx.lower(chunkStart)) || chunkStart + 1 >= chunkEnd) return undefined;
  const headStart = chunkStart + 1;
  const first = ctx.tokens[headStart] as Token;
  if (!first.capitalized && !DETERMINERS.has(first.lower)) return undefined;
  const head = readSpeakerBefore(ctx, headStart, chunkEnd);
  if (!head || head.start !== headStart || startsAdverbial(ctx, headStart, chunkEnd)) return undefined;
  return laterChunks.every((start) => opensDescription(ctx, start)) ? headStart : undefined;
}

/** A conjunction or a connective ("Even", "Then") right before the subject at the sentence start. */
function opensBeforeSubject(ctx: Reading, index: number): boolean {
  const word = ctx.lower(index);
  return COORDINATORS.has(word) || spanWords('span.opening-connective').has(word);
}

/**
 * "Still, Jo Roe, a party veteran, said on Monday that …", "The pier is unsafe, Jo Roe, the city
 * engineer, said.": the chunks after the sentence's first comma hold a name and its apposition,
 * and what comes before them is an opening phrase (the report follows the cue) or the reported
 * clause itself (the cue ends the sentence). `chunkStarts` lists the chunks nearest the cue first.
 * The chain is a head and one description ("Jo Roe, the city engineer", "the city engineer, Jo
 * Roe"), or a head alone, either followed by relative clauses ("…, who led the inquiry,").
 */
function chainAfterOpening(ctx: Reading, sentenceStart: number, chunkStarts: readonly number[], comma: number, cueEnd: number, bodyEnd: number): SpeakerRange | undefined {
  const { tokens } = ctx;
  let description = 0;
  while (description < chunkStarts.length && PERSON_RELATIVES.has(ctx.lower(chunkStarts[description] as number))) description++;
  const reportEndsSentence = isSentenceEndAfterCue(ctx, cueEnd, bodyEnd);
  for (const index of [description + 1, description]) {
    // A head needs something after it: a description or a relative clause.
    if (index === 0 || index >= chunkStarts.length) continue;
    const headStart = chunkStarts[index] as number;
    const headEnd = (chunkStarts[index - 1] as number) - 1;
    if (headEnd - headStart > MAX_SPEAKER_TOKENS) continue;
    const headFirst = tokens[headStart] as Token;
    if (!headFirst.capitalized && !DETERMINERS.has(headFirst.lower)) continue;
    const head = readSpeakerBefore(ctx, headStart, headEnd);
    if (!head || head.start !== headStart || startsAdverbial(ctx, headStart, headEnd)) continue;
    if (!chunkStarts.slice(0, index).every((start) => opensDescription(ctx, start))) continue;
    const prefixEnd = headStart - 1;
    const fitsPrefix = reportEndsSentence ? hasVerb(ctx, sentenceStart, prefixEnd) && !hasContentAfter(ctx, cueEnd, bodyEnd) : opensWithOpeningPhrase(ctx, sentenceStart, prefixEnd);
    if (!fitsPrefix) return undefined;
    return { start: headStart, end: comma + 1, ruleId: 'span.apposition-after-opening' };
  }
  return undefined;
}

/**
 * Whether the words before `comma` are a speaker and what describes it ("Roe, who has led the
 * council since May,", "Still, Jo Roe, the city engineer,"): every chunk after the head opens an
 * apposition or a relative clause, so the verb after the comma is the speaker's own. `chain` is
 * what `readAppositiveSpeaker` read before that comma.
 */
export function isDescribedSpeaker(ctx: Reading, chain: SpeakerRange | undefined, comma: number): boolean {
  if (!chain) return false;
  // "Texas, leading a coalition of states, asked …": a participle phrase set off after the name describes it too.
  for (let index = chain.start; index < comma; index++) if ((ctx.tokens[index] as Token).text === ',' && !opensDescription(ctx, index + 1) && !opensParticiplePhrase(ctx, index + 1)) return false;
  return true;
}


/** "leading a coalition", "citing the costs": a lowercase "-ing" verb that is no noun, with words after it. */
function opensParticiplePhrase(ctx: Reading, start: number): boolean {
  const token = ctx.tokens[start] as Token | undefined;
  if (!token || token.kind !== 'word' || token.capitalized || !/^[a-z]{3,}ing$/.test(token.lower)) return false;
  const classes = ctx.state.lexicon.classes(token.lower);
  return !classes.has('noun') && (ctx.tokens[start + 1] as Token | undefined)?.kind === 'word';
}

/** An apposition chunk: a noun phrase ("a party veteran", "former mayor of Hull", "83") or a relative clause ("who led the inquiry"). */
function opensDescription(ctx: Reading, start: number): boolean {
  const token = ctx.tokens[start] as Token;
  return token.capitalized || token.kind === 'number' || DETERMINERS.has(token.lower) || ctx.state.speakerHeads.has(token.lower) || PERSON_RELATIVES.has(token.lower) || spanWords('span.apposition-after-opening').has(token.lower);
}

/** Whether the words from `start` to the comma at `end` are an adverbial phrase opening the sentence ("Still,", "In an email,", "After the vote,", "When asked,"). */
function opensWithOpeningPhrase(ctx: Reading, start: number, end: number): boolean {
  if (end <= start) return false;
  const first = ctx.lower(start);
  if (SENTENCE_ADVERBIAL_STARTS.has(first) || CLAUSE_WORDS.has(first)) return true;
  if (afterOpeningConnective(ctx, start, end + 2) > start) return true;
  return opensWithPhrase(ctx, start, end);
}

/** "Democrats — and some Republicans —", "Mr. Coffman, who represents a swing district,": a noun phrase, then an insert set off by dashes or commas, ending at `end`. */
export function speakerAroundInsert(ctx: Reading, sentenceStart: number, end: number): Range | undefined {
  const { tokens } = ctx;
  const closer = (tokens[end - 1] as Token | undefined)?.text;
  const dash = isInsertDash(ctx, end - 1);
  if (closer !== ',' && !dash) return undefined;
  // " -- said": the first half of a closing double hyphen opens nothing.
  let open = dash && (tokens[end - 1] as Token).text === '-' && (tokens[end - 2] as Token | undefined)?.text === '-' ? end - 3 : end - 2;
  while (open >= sentenceStart && !(dash ? isInsertDash(ctx, open) : (tokens[open] as Token).text === closer) && end - open <= MAX_APPOSITIVE_TOKENS) open--;
  if (open <= sentenceStart || !(dash ? isInsertDash(ctx, open) : (tokens[open] as Token).text === closer)) return undefined;
  // "“… say it,” said Jo Roe, asked …": a quotation mark between the commas ends a quotation, it sets off no insert.
  for (let index = open + 1; index < end - 1; index++) if (ctx.isCloseQuote(index) || ctx.isOpenQuote(index)) return undefined;
  // "-- and others --": a double hyphen is two tokens.
  if (dash && open - 1 > sentenceStart && (tokens[open - 1] as Token).text === '-' && (tokens[open] as Token).text === '-') open--;
  const head = readSpeakerBefore(ctx, sentenceStart, open);
  if (!head || startsAdverbial(ctx, head.start, open)) return undefined;
  return { start: head.start, end };
}

/** A dash setting off an insert: "—", "–", or a hyphen with a space or another hyphen beside it (" - ", " -- "). */
function isInsertDash(ctx: Reading, index: number): boolean {
  const { tokens, text } = ctx;
  const token = tokens[index];
  if (!token) return false;
  if (DASHES.has(token.text)) return true;
  if (token.text !== '-') return false;
  const spacedBefore = /\s/.test(text[token.start - 1] ?? '') || tokens[index - 1]?.text === '-';
  const spacedAfter = /\s/.test(text[token.end] ?? '') || tokens[index + 1]?.text === '-';
  return spacedBefore && spacedAfter;
}

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
    // ("before you’ve had a chance to …": a subject that carries its verb names no one by itself.)
    if (subject && carriesContractedVerb(ctx.lower(subject.end - 1).replace('’', "'"))) return undefined;
    const verb = subject && tokens[subject.end];
    if (!subject || !verb || verb.kind !== 'word' || verb.capitalized || !(isVerbWord(ctx, verb.lower) || AUXILIARY_VERBS.has(verb.lower) || /ed$/.test(verb.lower))) return undefined;
    // ("… after it begins to raise rates, will return …, implying": a lone "it" names no one who acts.)
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

/**
 * "Following a swiftly called, late-afternoon meeting, the council …": the subject follows the
 * comma after which a noun phrase and a verb come.
 */
function subjectAfterOpeningPhrase(ctx: Reading, start: number, limit: number): Range | undefined {
  const { tokens } = ctx;
  let comma = start;
  for (;;) {
    while (comma < limit && (tokens[comma] as Token).text !== ',' && comma - start < 24) comma++;
    if (comma >= limit || (tokens[comma] as Token).text !== ',') return undefined;
    const subject = subjectAt(ctx, comma + 1, limit, true);
    if (subject) return subject;
    comma++;
  }
}

/**
 * Whether the sentence opens with an adverbial phrase other than those of SENTENCE_ADVERBIAL_STARTS:
 * a preposition or adverb of the span.opening-phrase row, an "-ly" adverb before one ("Shortly
 * after"), a participle ("Facing …", "Burdened by …"), or a time phrase running into "after",
 * "before" or "since" ("One month after …", "The day before, …").
 */
function opensWithPhrase(ctx: Reading, start: number, limit: number): boolean {
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
function opensWithBareConnective(ctx: Reading, index: number): boolean {
  const { lower } = ctx;
  const next = ctx.tokens[index + 1] as Token;
  return spanWords('span.opening-connective').has(lower(index)) && lower(index + 1) !== 'that' && (next.capitalized || DETERMINERS.has(lower(index + 1)) || PRONOUNS.has(lower(index + 1)));
}

/** "Most recently, …", "More importantly, …": a degree word, an "-ly" adverb and its comma. */
function opensWithDegreeAdverb(ctx: Reading, index: number): boolean {
  return spanWords('span.opening-degree-adverb').has(ctx.lower(index)) && LY_ADVERB.test(ctx.lower(index + 1)) && (ctx.tokens[index + 2] as Token).text === ',';
}

/**
 * "Minutes later, the campaign …", "Back in 1999, Roe …", "A few days later they …": a time
 * phrase opening the sentence is not its subject. Returns where the subject starts.
 */
function afterOpeningTimePhrase(ctx: Reading, start: number, limit: number): number {
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
    // "he rose to the defense of …": a subject pronoun is the whole subject, so the word after it is the verb, even one the lexicon files as a noun.
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

/** A speaker phrase must end in something noun-like and not open with a preposition. */
export function validSpeaker(ctx: Reading, start: number, end: number): boolean {
  const { tokens, state } = ctx;
  const first = tokens[start] as Token;
  const last = tokens[end - 1] as Token;
  if (end - start === 1 && isLoneAdverb(ctx, start)) {
    ctx.rejected.push({ ...(ctx.spanOf(start, end) as Span), layer: 'attribution', reason: 'an adverb standing alone before the verb, not its subject', ruleId: LONE_ADVERB_RULE });
    return false;
  }
  // "About 9 percent said", "Most said", "Another said": a share of people is a speaker.
  // "About three in 10 said": a proportion of people is a share too.
  const proportion = last.kind === 'number' && end - start >= 3 && ctx.lower(end - 2) === 'in' && tokens[end - 3]?.kind !== 'punct';
  const share = (proportion || state.speakerHeads.get(last.lower) === 'speaker.share') && (end - start === 1 || tokens[start + 1]?.kind === 'number' || !SPEAKER_STARTS_NOT.has(first.lower) || proportion);
  if (share) return true;
  // "About four in 10 voters say", "about half of Democrats said": an approximate count of people.
  if (spanWords('span.approximate-share').has(first.lower) && end - start > 1 && isCountWord(ctx, start + 1) && validSpeaker(ctx, start + 1, end)) return true;
  if (SPEAKER_STARTS_NOT.has(first.lower) && !first.capitalized) return false;
  if (!first.capitalized && first.kind === 'word' && isVerbWord(ctx, first.lower) && !state.speakerHeads.has(first.lower) && !DETERMINERS.has(first.lower) && !PRONOUNS.has(first.lower)) return false;
  if (SPEAKER_STARTS_NOT.has(first.lower) && end - start > 1 && !['following'].includes(first.lower) && first.lower !== 'as') return false;
  if (last.kind === 'punct' && last.text !== '.' && last.text !== ')' && last.text !== '%') return false;
  if (['which', 'that', 'this', 'there', 'what', 'who', 'here', 'so', 'too', 'to'].includes(last.lower)) return false;
  if (DETERMINERS.has(last.lower) && !['others', 'both', 'all', 'several', 'many', 'few', 'some', 'one', 'two', 'three', 'four', 'five', 'six'].includes(last.lower)) return false;
  if (!last.capitalized && last.kind === 'word' && !PRONOUNS.has(last.lower) && !state.speakerHeads.has(last.lower)) {
    const classes = state.lexicon.classes(last.lower);
    // "One employee at a firm": a word right after an article that closes the phrase is its noun, whatever else the lexicon files it as.
    // ("Using a crude expression": a noun right after the word is the head it describes.)
    const next = tokens[end] as Token | undefined;
    const nounNext = next !== undefined && next.kind === 'word' && !next.capitalized && (isNounWord(ctx, next.lower) || state.lexicon.classes(next.lower).size === 0) && !isVerbWord(ctx, next.lower);
    const afterInnerArticle = end - 2 > start && ARTICLES.has(ctx.lower(end - 2)) && !nounNext;
    if ((classes.has('adjective') && !isNounCompoundHead(ctx, start, end) && !afterInnerArticle) || classes.has('preposition') || (classes.has('verb') && !classes.has('common'))) return false;
    if (/ly$/.test(last.lower)) return false;
  }
  return true;
}

/** Row of config/attributions/spans.json listing adverbs that never stand alone as a subject. */
const LONE_ADVERB_RULE = 'span.lone-adverb';

/**
 * "But it can sometimes feel like …", "Simply assuming that … is a cop-out": a word of the row, or an
 * -ly word made from an adjective ("Eagerly", "Sparsely"), read alone before the verb is an adverb, not
 * whoever says or thinks it. Names ending in -ly ("Kelly", "Skelly") have no adjective inside them.
 */
function isLoneAdverb(ctx: Reading, index: number): boolean {
  const word = ctx.lower(index);
  if (spanWords(LONE_ADVERB_RULE).has(word)) return true;
  if (!/^[a-z]{4,}ly$/.test(word)) return false;
  const stem = word.slice(0, -2);
  const lexicon = ctx.state.lexicon;
  return lexicon.classes(word).size === 0 && (lexicon.classes(stem).has('adjective') || lexicon.classes(`${stem}e`).has('adjective'));
}

/** The rules of config/attributions/spans.json that shaped a speaker phrase read before its cue. */
export function speakerReadingRules(ctx: Reading, speaker: Range): string[] {
  const rules: string[] = [];
  if (spanWords('span.approximate-share').has(ctx.lower(speaker.start)) && isCountWord(ctx, speaker.start + 1)) rules.push('span.approximate-share');
  // "Most riders surveyed": the poll's participle closes the speaker.
  if (speaker.end - speaker.start > 1 && spanWords('span.polled-group').has(ctx.lower(speaker.end - 1))) rules.push('span.polled-group');
  return rules;
}

const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** Number words that count people: "four in 10", "half of", "a dozen". */
const COUNT_WORDS = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|dozen|dozens|hundreds|thousands)$/;

/** A number or a number word counting people: "four" (in 10), "half", "a dozen". */
export function isCountWord(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (token === undefined) return false;
  // "three-quarters", "two-thirds": a count joined to its share names a share.
  const share = token.lower.slice(token.lower.lastIndexOf('-') + 1);
  return token.kind === 'number' || COUNT_WORDS.test(token.lower) || ctx.state.speakerHeads.get(share) === 'speaker.share';
}

/**
 * "a software firm", "the campaign official": a word the lexicon also lists as an adjective ends a
 * noun phrase when an article opens the phrase and a plain noun modifier (no adjective, adverb or
 * degree word) stands right before it.
 */
export function isNounCompoundHead(ctx: Reading, start: number, end: number): boolean {
  const { tokens, state, lower } = ctx;
  // ("One employee at a software firm": the article may open the phrase inside the speaker's that the word ends.)
  if (end - start < 3 || !(ARTICLES.has(lower(start)) || (end - 3 > start && ARTICLES.has(lower(end - 3)))) || !state.lexicon.classes(lower(end - 1)).has('adjective')) return false;
  const modifier = tokens[end - 2] as Token;
  if (modifier.kind !== 'word' || modifier.capitalized || /ly$/.test(modifier.lower) || spanWords('span.noun-compound-head').has(modifier.lower)) return false;
  const classes = state.lexicon.classes(modifier.lower);
  return !classes.has('adjective') && !classes.has('verb') && !classes.has('preposition');
}

/** ", executive director of the Arms Control Association." — a verbless phrase to the sentence end. */
function isAppositiveToEnd(ctx: Reading, start: number, bodyEnd: number): boolean {
  const { tokens, state, isOpenQuote } = ctx;
  if (bodyEnd - start > 24 || start >= bodyEnd) return false;
  for (let index = start; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    // "director of Virginia's Center for Politics": a possessive "'s" is no verb.
    // A capitalised word is part of a name ("the Civic Engagement Project"), not a verb.
    if (isOpenQuote(index) || (AUXILIARIES.has(token.lower) && !isPossessiveS(ctx, index)) || (state.cues.has(token.lower) && !token.capitalized)) return false;
  }
  return true;
}

function firstCommaOrEnd(ctx: Reading, start: number, end: number): number {
  const { tokens } = ctx;
  for (let index = start; index < end; index++) if ((tokens[index] as Token).text === ',') return index;
  return end;
}

function hasContentAfter(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, isOpenQuote } = ctx;
  const next = tokens[cueEnd];
  return next !== undefined && cueEnd < bodyEnd && (next.lower === 'that' || isOpenQuote(cueEnd));
}

/** The last attribution read in this sentence that has a speaker in it. */
export function earlierReportOfSentence(ctx: Reading, sentence: Sentence): Attribution | undefined {
  let index = ctx.attributions.length - 1;
  // "sent out a fundraising call …, asking …", "pushed back against Roe's attack, calling it …": a noun
  // cue inside the clause's object is not what the participle continues; the report before it is.
  while (index >= 0 && (ctx.attributions[index]?.cue?.start ?? -1) >= sentence.start && ctx.attributions[index]?.ruleIds.includes('attribution.noun-cue')) index--;
  const last = ctx.attributions[index];
  if (!last?.speaker || last.speaker.start < sentence.start || (last.cue?.start ?? -1) < sentence.start) return undefined;
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

export function speakerHasHead(ctx: Reading, speaker: Range, ruleId: string): boolean {
  const { state, lower } = ctx;
  for (let index = speaker.start; index < speaker.end; index++) if (state.speakerHeads.get(lower(index)) === ruleId) return true;
  return false;
}

export function startsAdverbial(ctx: Reading, start: number, end: number): boolean {
  const { lower } = ctx;
  if (end <= start || !SENTENCE_ADVERBIAL_STARTS.has(lower(start))) return false;
  // "This week, …" opens with a time phrase; "This, …" and "This plan, …" with a subject.
  return lower(start) !== 'this' || TIME_WORDS.has(lower(start + 1));
}

/** "'s" after a noun is mostly the possessive ("the city's mayor"); after "it" or "that" it is a verb. */
function isPossessiveS(ctx: Reading, index: number): boolean {
  return ctx.lower(index) === "'s" && !CONTRACTION_HOSTS.has(ctx.lower(index - 1));
}

export function hasVerb(ctx: Reading, start: number, end: number, possessiveIsVerb = true): boolean {
  const { tokens } = ctx;
  for (let index = start; index < end; index++) {
    const token = tokens[index] as Token;
    if (!possessiveIsVerb && isPossessiveS(ctx, index)) continue;
    if (!token.capitalized && (isVerbWord(ctx, token.lower) || AUXILIARIES.has(token.lower))) return true;
    if (carriesContractedVerb(token.lower)) return true;
    // "factors impact the cost": a word that may be a verb, between a plural noun and a determiner.
    if (!token.capitalized && index > start && index + 1 < end && DETERMINERS.has(ctx.lower(index + 1)) && ctx.state.lexicon.classes(token.lower).has('verb-reading') && isPluralNoun(ctx, ctx.lower(index - 1))) return true;
  }
  return false;
}

/** "factors", "people": a plural common noun, which a present verb may follow. */
function isPluralNoun(ctx: Reading, lowerWord: string): boolean {
  if (PLURAL_HEADS.has(lowerWord)) return true;
  const { lexicon } = ctx.state;
  // compromise lists few plurals, and not every singular ("factors"): an s-plural it does not
  // know, or knows only as a noun, is taken as one.
  const classes = lexicon.classes(lowerWord);
  return endsInSingleS(lowerWord) && !DETERMINERS.has(lowerWord) && !PRONOUNS.has(lowerWord) && (classes.size === 0 || (classes.has('noun') && !classes.has('verb')));
}

/** ", a spokeswoman for the city." after a speaker: the end of the apposition (the sentence body's end), if one follows. */
export function appositionToEnd(ctx: Reading, speakerEnd: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  if ((tokens[speakerEnd] as Token | undefined)?.text !== ',' || speakerEnd + 2 > bodyEnd) return undefined;
  const first = tokens[speakerEnd + 1] as Token;
  const describes = DETERMINERS.has(first.lower) || ctx.state.speakerHeads.has(first.lower) || first.capitalized;
  if (!describes || CLAUSE_WORDS.has(first.lower) || CLAUSE_CONTINUERS.has(first.lower) || lower(speakerEnd + 1) === 'who') return undefined;
  // "…, said the union on Tuesday, November 19.": a date after the comma describes no one.
  if (TIME_WORDS.has(first.lower) || spanWords('span.speaker-time-phrase').has(first.lower)) return undefined;
  for (let index = speakerEnd + 1; index < bodyEnd; index++) if (ctx.isOpenQuote(index) || (tokens[index] as Token).text === ';') return undefined;
  // "…, said Jo Roe, a pilot, in a statement.": the occasion after the apposition's comma is not part of who spoke.
  let end = bodyEnd;
  for (let index = speakerEnd + 2; index < bodyEnd; index++) {
    if ((tokens[index] as Token).text === ',' && opensOccasionPhrase(ctx, index + 1, bodyEnd)) {
      end = index;
      break;
    }
  }
  return isAppositiveToEnd(ctx, speakerEnd + 1, end) ? end : undefined;
}

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
 * "Roe seemed to mock …", "she appears to imply …": an appearance verb of span.hedged-cue right
 * before "to" and a speech or belief cue hedges that cue; the cue's own subject is its speaker.
 */
export function hedgesCue(ctx: Reading, cueStart: number, cueEnd: number): boolean {
  const { lower, state } = ctx;
  if (cueEnd - cueStart !== 1 || !spanWords('span.hedged-cue').has(lower(cueStart)) || lower(cueEnd) !== 'to') return false;
  // "seems to show that …": a verb of finding is read as one only before its "that".
  return (state.cues.get(lower(cueEnd + 1)) ?? []).some((form) => form.frame === 'speech' || form.frame === 'belief' || (form.frame === 'finding' && lower(cueEnd + 2) === 'that'));
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
