import type { Token } from '../text/tokens.js';
import { endsInSingleS, AUXILIARIES, AUXILIARY_VERBS, COORDINATORS, CUE_ADVERBS, PRONOUNS, DETERMINERS, CLAUSE_CONTINUERS, CONTRAST_OPENERS, OBJECT_STOPS, DASHES, LY_ADVERB } from './word-lists.js';
import { isFiniteVerbAt, isPastForm, startsClause } from './clause-boundaries.js';
import { isNounWord, isVerbWord } from './word-tests.js';
import type { Reading } from './reading.js';

// Commas, coordinators, dashes and "as" that carry what was said on rather than end it: series, correlative pairs, comparisons, second complements, inserts.

/** "told Reuters that although flights are few, both countries expect …": the first comma after an opening subordinate clause leads to its main clause, which is still the content. */
export function opensWithSubordinateClause(ctx: Reading, start: number, comma: number): boolean {
  let first = start;
  if (ctx.lower(first) === 'that') first++;
  if (!OBJECT_STOPS.has(ctx.lower(first)) && !CONTRAST_OPENERS.has(ctx.lower(first))) return false;
  for (let index = first; index < comma; index++) if ((ctx.tokens[index] as Token).text === ',' && ctx.quotes.depth[index] === 0) return false;
  return true;
}

/**
 * ", and that the towns had …", ", but that sometimes …": a coordinator and "that" opening a clause
 * (a subject, an adverb or an aside comes next) add a second clause to what was reported; "and that
 * decision angered …" is a noun phrase of the writer's own.
 */
export function opensSecondComplement(ctx: Reading, coordinator: number): boolean {
  if (!COORDINATORS.has(ctx.lower(coordinator)) || ctx.lower(coordinator + 1) !== 'that') return false;
  const next = ctx.tokens[coordinator + 2];
  if (!next) return false;
  // ("that sometimes the lesser evil will do": a word before a subject and its verb is an adverb.)
  return next.kind !== 'word' || next.capitalized || PRONOUNS.has(next.lower) || DETERMINERS.has(next.lower) || CUE_ADVERBS.has(next.lower) || LY_ADVERB.test(next.text) || startsClause(ctx, coordinator + 3, ctx.tokens.length);
}

/** How far back the first "as" of "as many cases as they reported" may stand. */
const MAX_COMPARISON_TOKENS = 5;

/** "as many crates as they had landed": an "as" that closes an "as … as" comparison opens no clause of its own. */
export function closesComparison(ctx: Reading, start: number, index: number): boolean {
  if (ctx.lower(index) !== 'as') return false;
  for (let at = index - 2; at >= start && index - at <= MAX_COMPARISON_TOKENS; at--) if (ctx.lower(at) === 'as') return true;
  return false;
}

/** A dash at or after `from`: the second of a pair that sets a phrase off ("the plan — and the vote — would pass"). */
export function dashFollows(ctx: Reading, from: number, bodyEnd: number): boolean {
  for (let index = from; index < bodyEnd; index++) {
    const text = (ctx.tokens[index] as Token).text;
    if (DASHES.has(text) || text === '-') return true;
  }
  return false;
}

/** How many words an item of a series may have: "French, German, and Dutch", "covering up, delaying, and withholding". */
const MAX_SERIES_ITEM_WORDS = 3;

/** The words after "not" that open the first half of a correlative pair: "not only … but …". */
const CORRELATIVE_FIRST_HALVES: ReadonlySet<string> = new Set(['only', 'just', 'merely', 'simply', 'solely']);
/** How far back from ", but" the "not only" of its pair may stand. */
const MAX_CORRELATIVE_SPAN = 25;

/**
 * "would not only cover her show, but the show of her rival", "is not only cheap but also lasts":
 * the "but" after a "not only" of the content, with no "but" between, is the second half of the pair
 * and belongs to the same clause.
 */
export function closesCorrelative(ctx: Reading, start: number, but: number): boolean {
  const { lower, quotes } = ctx;
  if (lower(but) !== 'but') return false;
  for (let index = but - 1; index > start && but - index <= MAX_CORRELATIVE_SPAN; index--) {
    if (lower(index) === 'but' || quotes.depth[index] !== quotes.depth[but]) return false;
    if (lower(index) === 'not' && CORRELATIVE_FIRST_HALVES.has(lower(index + 1))) return true;
  }
  return false;
}

/**
 * "talked with French, German, and Dutch leaders", "attacked voters, lawmakers, and thinkers": the
 * comma at `comma`, before "and" or "or", closes a series when the item before it is a few words
 * without a verb that follow another comma of the content.
 */
export function closesSeries(ctx: Reading, start: number, comma: number, bodyEnd: number): boolean {
  const { tokens, lower, quotes } = ctx;
  // ", and he urged …", ", and his symptoms did …": a subject and its verb after the coordinator open a clause, not a last item.
  if (!['and', 'or'].includes(lower(comma + 1)) || PRONOUNS.has(lower(comma + 2)) || startsClause(ctx, comma + 2, bodyEnd)) return false;
  let index = comma - 1;
  // ", if at all,": an item has no verb and opens no clause.
  while (index > start && comma - index <= MAX_SERIES_ITEM_WORDS && (tokens[index] as Token).kind === 'word' && !AUXILIARIES.has(lower(index)) && !CLAUSE_CONTINUERS.has(lower(index)) && !OBJECT_STOPS.has(lower(index))) index--;
  return index > start && index < comma - 1 && (tokens[index] as Token).text === ',' && quotes.depth[index] === 0;
}

/** "that the levy, …": from the content's start to `comma` no finite verb has come, so the clause's subject still waits for its verb. */
export function subjectAwaitsVerb(ctx: Reading, start: number, comma: number): boolean {
  for (let index = start; index < comma; index++) if (isFiniteVerbAt(ctx, index) || ctx.quotes.depth[index] !== 0 || (ctx.tokens[index] as Token).kind === 'punct') return false;
  return comma > start + 1;
}

/**
 * "believed that a pledge from China, which was struggling with smog, would help": the phrase the
 * comma at `comma` opens is closed by a second comma right before a finite verb, so it is an insert
 * inside the subject of the reported clause, not the end of it.
 */
export function insertBeforeVerb(ctx: Reading, comma: number, bodyEnd: number): boolean {
  const { tokens, quotes } = ctx;
  for (let index = comma + 2; index < bodyEnd; index++) {
    const text = (tokens[index] as Token).text;
    if (quotes.depth[index] !== 0) continue;
    if (text === ',') return isFiniteVerbAt(ctx, index + 1);
    if ((tokens[index] as Token).kind === 'punct' && text !== '.' && text !== "'" && text !== '-') return false;
  }
  return false;
}

/**
 * "stressed economic fairness, and a need to raise the minimum wage", "expressed frustration, and even a little
 * trepidation, about …": after ", and" a phrase that runs to the sentence's end with no verb showing its tense is one
 * more thing named, not a clause of the writer's.
 */
export function lastItemWithoutVerb(ctx: Reading, from: number, bodyEnd: number): boolean {
  const { tokens, quotes } = ctx;
  if (from >= bodyEnd) return false;
  for (let index = from; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] !== 0) continue;
    if (token.text === ';' || token.text === ':' || DASHES.has(token.text)) return false;
    if (token.kind !== 'word') continue;
    // A subject pronoun or an auxiliary: a clause of its own.
    if (AUXILIARY_VERBS.has(token.lower) || PRONOUNS.has(token.lower)) return false;
    // ("a need", "higher wages": after a determiner, an adjective or a preposition a verb-looking word is a noun; "still" is an adverb here.)
    const previous = ctx.lower(index - 1);
    const before = ctx.state.lexicon.classes(previous);
    if (DETERMINERS.has(previous) || (before.has('adjective') && !CUE_ADVERBS.has(previous)) || before.has('preposition') || token.capitalized) continue;
    // "and Lee released the video": a past form; "the town needs …": a present form that is no noun.
    if (isFiniteVerbAt(ctx, index) || isPastForm(ctx, token.lower) || ctx.state.lexicon.classes(token.lower).has('past-reading')) return false;
    if (endsInSingleS(token.lower) && isVerbWord(ctx, token.lower.slice(0, -1)) && !isNounWord(ctx, token.lower)) return false;
  }
  return true;
}
