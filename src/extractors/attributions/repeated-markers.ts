import type { Token } from '../text/tokens.js';
import { CLAUSE_WORDS, CUE_ADVERBS, DETERMINERS, LY_ADVERB, PRONOUNS } from './word-lists.js';
import { isVerbWord, mayBeVerbWord } from './word-tests.js';
import { spanWords } from './span-rules.js';
import type { Reading } from './reading.js';

// "to boast that … and to rail against …", "by suggesting that … and by dismissing …": a marker of the cue's own verb form, repeated after "and", joins the speaker's next act.

/** Row of config/attributions/spans.json: "and" and the marker of the cue's infinitive or of its "by" participle, repeated, open the speaker's next act. */
export const REPEATED_MARKER_ROW = 'span.repeated-verb-marker';

/** Skips "once again", "then", "also", "-ly" adverbs from `index` onwards, up to two of them. */
function afterAdverbs(ctx: Reading, index: number): number {
  let at = index;
  while (at - index < 2 && (CUE_ADVERBS.has(ctx.lower(at)) || LY_ADVERB.test((ctx.tokens[at] as Token | undefined)?.text ?? ''))) at++;
  return at;
}

/** Skips adverbs backwards from `index`, up to two of them. */
function beforeAdverbs(ctx: Reading, index: number): number {
  let at = index;
  while (index - at < 2 && at > 0 && (CUE_ADVERBS.has(ctx.lower(at)) || LY_ADVERB.test((ctx.tokens[at] as Token).text))) at--;
  return at;
}

/**
 * The verb a marker governs at `index`: an -ing form after "by" ("by dismissing"; not a noun such as "morning"), a
 * lower-case word after "to" that opens no noun phrase ("to rail"; not "to the board", "to Roe", "to voters", "to whom").
 */
function markedVerbAt(ctx: Reading, marker: string, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || DETERMINERS.has(token.lower) || PRONOUNS.has(token.lower) || CLAUSE_WORDS.has(token.lower)) return false;
  const classes = ctx.state.lexicon.classes(token.lower);
  if (marker === 'by') return /^[a-z]{3,}ing$/.test(token.text) && !(classes.has('noun') && !classes.has('gerund') && !classes.has('verb'));
  if (classes.has('preposition') || /(?:ing|ed)$/.test(token.lower)) return false;
  // ("to voters": a plural no verb reading knows is a noun.)
  return mayBeVerbWord(ctx, token.lower) || !/[^su']s$/.test(token.lower);
}

/**
 * The marker ("to" or "by") that the cue at `cueStart` stands after: "to brag that …", "to once again say …", "by suggesting …",
 * or a verb and its noun cue after "to" ("to sow doubts about …").
 */
function markerOfCue(ctx: Reading, cueStart: number): string | undefined {
  const before = beforeAdverbs(ctx, cueStart - 1);
  const word = ctx.lower(before);
  const markers = spanWords(REPEATED_MARKER_ROW);
  if (markers.has(word) && (word !== 'by' || /ing$/.test(ctx.lower(cueStart)))) return word;
  return ctx.lower(before - 1) === 'to' && markers.has('to') && isVerbWord(ctx, word) && !(ctx.tokens[before] as Token).capitalized ? 'to' : undefined;
}

/**
 * "used the briefing to brag that fares had fallen and to rail against the board", "hurt the board by suggesting that the
 * pilots erred and by dismissing their views": when the cue stands after "to" or "by", "and" at `index` followed by the same
 * marker and its verb joins a second act to the cue's, so what was said ends before "and". Not when the content holds that
 * marker and a verb of its own before, which the second may join ("urged Roe to cut fares and to raise wages").
 */
export function repeatsCueMarker(ctx: Reading, start: number, cueStart: number, index: number): boolean {
  const { lower, quotes } = ctx;
  if (lower(index) !== 'and' || quotes.depth[index] !== 0 || index <= start + 1) return false;
  const marker = markerOfCue(ctx, cueStart);
  if (!marker) return false;
  const second = afterAdverbs(ctx, index + 1);
  if (lower(second) !== marker || !markedVerbAt(ctx, marker, afterAdverbs(ctx, second + 1))) return false;
  for (let at = start; at < index; at++) if (lower(at) === marker && markedVerbAt(ctx, marker, afterAdverbs(ctx, at + 1))) return false;
  return true;
}
