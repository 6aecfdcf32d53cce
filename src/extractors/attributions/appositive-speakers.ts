import type { Token } from '../text/tokens.js';
import { CLAUSE_WORDS, COORDINATORS, DETERMINERS, SENTENCE_ADVERBIAL_STARTS, MAX_SPEAKER_TOKENS, MAX_APPOSITIVE_TOKENS, DASHES, PERSON_RELATIVES } from './word-lists.js';
import { isSentenceEndAfterCue } from './clause-boundaries.js';
import { quotationEndingBefore } from './quotes-across-sentences.js';
import { spanWords } from './span-rules.js';
import type { Reading, Range } from './reading.js';
import { opensWithPhrase, afterOpeningConnective } from './opening-phrases.js';
import { type SpeakerRange, readSpeakerBefore, startsAdverbial } from './speaker-spans.js';
import { hasVerbWordBetween } from './verb-ranges.js';
import { subjectBeforeRelative } from './relative-heads.js';

// A speaker with an apposition or an insert before its cue ("Roe, a senator, said …", "Pilots — and some deckhands — say …").

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
  let titled = false;
  while (chunkEnd > sentenceStart && comma - chunkEnd < MAX_APPOSITIVE_TOKENS && chunks < MAX_APPOSITIVE_CHUNKS_AFTER_QUOTE) {
    // ("Roe, star of “Harbour Lights,” said": a chain may end at a title's closing mark, its comma inside.)
    let open = chunkEnd === comma && isCloseQuote(comma) ? comma : chunkEnd - 1;
    while (open >= sentenceStart && chunkEnd - open <= MAX_APPOSITIVE_TOKENS) {
      const title = isCloseQuote(open) ? quotedTitleOpening(ctx, sentenceStart, open) : undefined;
      if (title !== undefined) {
        titled = true;
        open = title - 1;
        continue;
      }
      if ((tokens[open] as Token).text === ',' || isCloseQuote(open)) break;
      open--;
    }
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
      if (chunks < 2 || (chunks > MAX_APPOSITIVE_CHUNKS && !quoteBoundary)) return undefined;
      if (!head || head.start !== headStart || !opensHeadPhrase(ctx, headStart) || startsAdverbial(ctx, headStart, chunkEnd)) {
        // The chunk opening the sentence names no one: an opening phrase or a reported clause may come before the chain.
        return quoteBoundary ? undefined : chainAfterOpening(ctx, chunkStart, laterChunks, comma, cueEnd, bodyEnd);
      }
      // "Roe, a senator, said." alone is a subject and a cue with nothing said, unless a quotation closed the sentence before ("“Stop!” | Roe, a senator, said.").
      const nothingSaid = objectFollows ? cueEnd >= bodyEnd : isSentenceEndAfterCue(ctx, cueEnd, bodyEnd) && !hasContentAfter(ctx, cueEnd, bodyEnd);
      if (!quoteBoundary && chunkStart === sentenceStart && nothingSaid && !quotationEndingBefore(ctx, ctx.currentSentence)) return undefined;
      return titled ? { start: headStart, end: comma + 1, ruleId: QUOTED_TITLE_ROW } : { start: headStart, end: comma + 1 };
    }
    laterChunks.push(chunkStart);
    chunkEnd = open;
  }
  return undefined;
}

/**
 * "Roe, star of “Harbour Lights,” said": the closing mark of a title whose comma, inside it, ends a
 * speaker's chain, the title named in a noun phrase describing the speaker. ("Roe, who starred in
 * “Harbour Lights,” posted the clip": after a relative clause the verb may be the clause's own.)
 */
export function closesTitleWithComma(ctx: Reading, sentenceStart: number, index: number): boolean {
  const open = ctx.isCloseQuote(index) && ctx.tokens[index - 1]?.text === ',' ? quotedTitleOpening(ctx, sentenceStart, index) : undefined;
  if (open === undefined) return false;
  for (let before = open - 1; before >= sentenceStart && ctx.tokens[before]?.text !== ','; before--) if (PERSON_RELATIVES.has(ctx.lower(before)) || ctx.lower(before) === 'which') return false;
  return true;
}

/** Rule row of config/attributions/spans.json for a quoted title inside a description of the speaker. */
export const QUOTED_TITLE_ROW = 'span.quoted-title-in-speaker';
/** Most words of a quoted title inside a description of the speaker ("star of “Harbour Lights,”"). */
const MAX_QUOTED_TITLE_TOKENS = 8;

/**
 * "Roe, star of “Harbour Lights,” said", "Roe, wearing “Ferry First” pins, said": a short quotation
 * opened right after a word of the phrase, its first word capitalised and nothing but a closing
 * comma inside it for punctuation, is a title the description names, not a quotation the chain
 * starts after. Returns the index of its opening mark, or undefined.
 */
export function quotedTitleOpening(ctx: Reading, sentenceStart: number, close: number): number | undefined {
  const { tokens, quotes } = ctx;
  const open = quotes.openOf[close] ?? -1;
  const before = tokens[open - 1];
  if (open <= sentenceStart || !before || before.kind !== 'word' || close - open - 1 < 1 || close - open - 1 > MAX_QUOTED_TITLE_TOKENS) return undefined;
  if (!(tokens[open + 1] as Token).capitalized) return undefined;
  for (let index = open + 1; index < close; index++) {
    const token = tokens[index] as Token;
    const closingComma = token.text === ',' && index === close - 1;
    if (token.kind === 'punct' && token.text !== "'" && token.text !== '-' && token.text !== '&' && !closingComma) return undefined;
  }
  return open;
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

/**
 * The first word of a chain's head: a name, a determiner, or a number joined by a hyphen to the word after it,
 * which describes the person named after it ("76-year-old Jo Lee, founder of the pier club, said …").
 */
function opensHeadPhrase(ctx: Reading, index: number): boolean {
  const first = ctx.tokens[index] as Token;
  if (first.capitalized || DETERMINERS.has(first.lower)) return true;
  const hyphen = ctx.tokens[index + 1];
  return first.kind === 'number' && hyphen?.text === '-' && !hyphen.spaceBefore && ctx.tokens[index + 2]?.spaceBefore === false;
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
    if (!opensHeadPhrase(ctx, headStart)) continue;
    const head = readSpeakerBefore(ctx, headStart, headEnd);
    if (!head || head.start !== headStart || startsAdverbial(ctx, headStart, headEnd)) continue;
    if (!chunkStarts.slice(0, index).every((start) => opensDescription(ctx, start))) continue;
    const prefixEnd = headStart - 1;
    const fitsPrefix = reportEndsSentence ? hasVerbWordBetween(ctx, sentenceStart, prefixEnd) && !hasContentAfter(ctx, cueEnd, bodyEnd) : opensWithOpeningPhrase(ctx, sentenceStart, prefixEnd);
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
  // "Texas, leading a coalition of states, asked …": a participle phrase set off after the name describes it too;
  // "The Gazette, which keeps its sales secret, denied …" a relative clause of a thing, and "Roe, by contrast, wrote …"
  // the writer's aside, both of which leave the name the subject of the verb after them.
  for (let index = chain.start; index < comma; index++) if ((ctx.tokens[index] as Token).text === ',' && !opensDescription(ctx, index + 1) && !opensParticiplePhrase(ctx, index + 1) && ctx.lower(index + 1) !== 'which' && !isAsideBetweenCommas(ctx, index, comma)) return false;
  return true;
}

/** Longest writer's aside set off by commas ("for her part", "on the other hand"). */
const MAX_ASIDE_TOKENS = 5;

/** "…, by contrast,", "…, for her part,": the words after the comma at `open`, up to the next comma (at most `end`), are all words of a writer's aside (span.speaker-aside). */
function isAsideBetweenCommas(ctx: Reading, open: number, end: number): boolean {
  const asideWords = spanWords('span.speaker-aside');
  for (let index = open + 1; index <= end && index - open <= MAX_ASIDE_TOKENS + 1; index++) {
    if ((ctx.tokens[index] as Token).text === ',') return index > open + 1;
    if (!asideWords.has(ctx.lower(index))) return false;
  }
  return false;
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

/** "Pilots — and some deckhands —", "Ms. Calder, who represents the harbour ward,": a noun phrase, then an insert set off by dashes or commas, ending at `end`. */
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
  // "The firm that owns the pier, Harbour Holdings, denies …": before the insert ends a relative clause; its head speaks.
  const relativeHead = dash ? undefined : subjectBeforeRelative(ctx, sentenceStart, open);
  if (relativeHead !== undefined) return { start: relativeHead, end };
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
