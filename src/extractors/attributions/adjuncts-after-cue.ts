import { spanWords, takesAddressee } from './span-rules.js';
import type { Token } from '../text/tokens.js';
import { DETERMINERS, POSSESSIVE_MARKS, TIME_WORDS, DASHES, LY_ADVERB } from './word-lists.js';
import { opensAmountBound, opensReportedClause, startsClause } from './clause-boundaries.js';
import { isVerbWord } from './word-tests.js';
import { isCountWord } from './speaker-spans.js';
import type { Reading } from './reading.js';

// What may follow a cue that closes a report and say nothing of its own: adjuncts of time or place, a recipient, a dash.

/** A dash right after the cue ("— but …", " - and …"), outside quotations. */
export function dashAfter(ctx: Reading, cueEnd: number): boolean {
  const token = ctx.tokens[cueEnd] as Token | undefined;
  return token !== undefined && ctx.quotes.depth[cueEnd] === 0 && (DASHES.has(token.text) || (token.text === '-' && token.spaceBefore));
}

/** The last dash before `end` in the sentence, outside quotations. */
export function dashBefore(ctx: Reading, sentenceStart: number, end: number): number | undefined {
  for (let index = end - 1; index > sentenceStart; index--) if (dashAfter(ctx, index)) return index + 1 < end ? index : undefined;
  return undefined;
}

/** Words that open an adjunct of a speech verb rather than what was said ("said to a crowd", "said of the plan"). */
const SPEECH_ADJUNCT_LEADS: ReadonlySet<string> = new Set(['to', 'into', 'of', 'about', 'in', 'on', 'at', 'during', 'from', 'outside', 'by', 'afterward', 'later', 'then']);
/** Words that open a subordinate clause of time or manner after a speech verb ("he tweeted when the vote ended"). */
const SPEECH_SUBORDINATORS: ReadonlySet<string> = new Set(['when', 'while', 'as', 'after', 'before', 'until', 'with']);

/**
 * "“Why now?” | Roe said to a crowd of 300.": after a quotation closed by its own question or
 * exclamation mark, a cue followed only by an adjunct, a subordinate clause of time or a
 * participle ("Roe asked, turning to the crowd") says nothing of its own; the quotation before is
 * what was said. A "that", a quotation, a colon or a clause right after the cue is its own content.
 */
export function onlyAdjunctsAfterCue(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower, isOpenQuote } = ctx;
  if (cueEnd >= bodyEnd) return false;
  // "Roe said quietly into the phone": a manner adverb before the adjunct says how, not what.
  if (isMannerAdverb(ctx, cueEnd) && cueEnd + 1 < bodyEnd) return onlyAdjunctsAfterCue(ctx, cueEnd + 1, bodyEnd);
  // "reported at least six planes flew over": the bound counts the subject of the clause said, it opens no adjunct.
  if (opensAmountBound(ctx, cueEnd)) return false;
  const participle = (tokens[cueEnd] as Token).text === ',' && /ing$/.test(lower(cueEnd + 1));
  const subordinate = SPEECH_SUBORDINATORS.has(lower(cueEnd));
  if (!participle && !subordinate && (!SPEECH_ADJUNCT_LEADS.has(lower(cueEnd)) || opensReportedClause(ctx, cueEnd, bodyEnd))) return false;
  for (let index = cueEnd; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    if (token.lower === 'that' || token.text === ':' || isOpenQuote(index)) return false;
    // "Roe said on Monday the plan was late", "Roe said to Kim they would go": a clause right after a day or a name is what was said.
    // ("told reporters on Monday when asked …": a subordinator after the day opens one more adjunct.)
    if (!participle && !subordinate && index > cueEnd + 1 && !SPEECH_SUBORDINATORS.has(lower(index)) && (TIME_WORDS.has(lower(index - 1)) || (tokens[index - 1] as Token).capitalized) && startsClause(ctx, index, bodyEnd)) return false;
  }
  return true;
}

/**
 * "“All aboard!” | Roe shouted, a cry heard across the harbour.", "“Why?” | Roe asked, repeating a charge that …":
 * after a quotation that closed the sentence before, a comma right after the cue opens the writer's phrase (a
 * participle, a noun phrase summing up the cry), not what was said; only a quotation or a clause there would be.
 */
export function writerPhraseAfterCue(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower, isOpenQuote } = ctx;
  // "“Why?” | Roe asked as a pilot walked past, saying …": a clause of time after the cue is the writer's, whatever it holds.
  if (cueEnd + 1 < bodyEnd && SPEECH_SUBORDINATORS.has(lower(cueEnd)) && lower(cueEnd) !== 'with') return true;
  if (cueEnd + 1 >= bodyEnd || (tokens[cueEnd] as Token).text !== ',' || ctx.quotes.depth[cueEnd] !== 0) return false;
  const first = cueEnd + 1;
  if (isOpenQuote(first) || lower(first) === 'that' || (tokens[first] as Token).text === ':') return false;
  if (/ing$/.test(lower(first)) && !(tokens[first] as Token).capitalized) return true;
  return !startsClause(ctx, first, bodyEnd);
}

/**
 * "“Why now?” | Roe told Britain's ITV station in an interview aired Monday.": after "told", a
 * recipient named in capitals (with its possessives and the words of its name) and then only
 * adjuncts: nothing after the cue is what was said.
 */
export function onlyRecipientAndAdjuncts(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const index = recipientEnd(ctx, cueEnd, bodyEnd);
  return index !== undefined && (index >= bodyEnd || onlyAdjunctsAfterCue(ctx, index, bodyEnd));
}

/**
 * Where the recipient named right after "told" or "asked" ends: a name, or a determiner and the
 * words of a noun phrase ("told Reuters", "asked the harbour master", "told his closest advisers").
 */
function recipientEnd(ctx: Reading, cueEnd: number, bodyEnd: number): number | undefined {
  const { tokens } = ctx;
  if (cueEnd >= bodyEnd || !((tokens[cueEnd] as Token).capitalized || DETERMINERS.has(ctx.lower(cueEnd)))) return undefined;
  let index = cueEnd;
  for (; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    const word = token.lower;
    const recipientWord = token.kind === 'word' && (index > cueEnd || DETERMINERS.has(word)) && !SPEECH_ADJUNCT_LEADS.has(word) && !SPEECH_SUBORDINATORS.has(word) && !isVerbWord(ctx, word) && word !== 'that';
    if (!token.capitalized && !POSSESSIVE_MARKS.has(word) && !recipientWord) break;
  }
  return index;
}

/**
 * "…, Roe said during a visit to Ohio.", "…, he said after meeting the board.": after the cue, one
 * adjunct of time or place (a word of the span.adjunct-after-inverted-cue row opens it) runs to the
 * sentence end with no comma, "that", colon or quotation, so nothing after the cue is what was said.
 */
export function adjunctEndsSentence(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  // "…, Roe told his advisers as he worked on the speech.": who was told may stand before the adjunct.
  const recipient = takesAddressee(ctx.lower(cueEnd - 1)) ? recipientEnd(ctx, cueEnd, bodyEnd) : undefined;
  if (recipient !== undefined && recipient > cueEnd && recipient < bodyEnd) return adjunctEndsSentence(ctx, recipient, bodyEnd);
  if (cueEnd >= bodyEnd || !spanWords('span.adjunct-after-inverted-cue').has(ctx.lower(cueEnd))) return false;
  for (let index = cueEnd; index < bodyEnd; index++) if ((ctx.tokens[index] as Token).text === ',' && ctx.quotes.depth[index] === 0) return false;
  return onlyAdjunctsAfterCue(ctx, cueEnd, bodyEnd);
}

/** A lower-case "-ly" word the lexicon files as no noun or adjective: "quietly", "pleasantly", not "family" or "early". */
function isMannerAdverb(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token | undefined;
  if (!token || token.kind !== 'word' || token.capitalized || !LY_ADVERB.test(token.lower)) return false;
  const classes = ctx.state.lexicon.classes(token.lower);
  return !classes.has('noun') && !classes.has('adjective');
}

/** How far after the cue the comma or dash before the writer's comment may stand: "on Tuesday at a hearing in Leith". */
const MAX_ADJUNCT_TOKENS = 10;

/**
 * "…, the board reported on Tuesday -- a result that …", "…, the paper declared Thursday, two days
 * after …": after the cue's day or adjuncts, a comma or dash and a noun phrase opened by a word of
 * span.dash-apposition or a count are the writer's comment on the report; nothing after the cue is
 * what was said.
 */
export function commentAfterAdjunct(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, quotes, lower } = ctx;
  let from = cueEnd;
  while (from < bodyEnd && TIME_WORDS.has(lower(from))) from++;
  // ("vowed to repeal the levy, a …": an infinitive is what was said, not an adjunct.)
  if (lower(from) === 'to' && isVerbWord(ctx, lower(from + 1))) return false;
  for (let index = from; index < bodyEnd && index - cueEnd <= MAX_ADJUNCT_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] !== 0) return false;
    if (token.text !== ',' && token.text !== '--' && !DASHES.has(token.text) && !(token.text === '-' && token.spaceBefore)) continue;
    if (index === cueEnd || (index > from && !onlyAdjunctsAfterCue(ctx, from, index))) return false;
    // ("--" is read as two hyphens.)
    const after = token.text === '-' && lower(index + 1) === '-' ? index + 2 : index + 1;
    const next = tokens[after] as Token | undefined;
    return next !== undefined && !next.capitalized && (spanWords('span.dash-apposition').has(next.lower) || isCountWord(ctx, after));
  }
  return false;
}
