import type { Reading } from './reading.js';

/** A set phrase of config/attributions/non-cues.json found in the text: its tokens and its row. */
export type SetPhraseMatch = { start: number; end: number; ruleId: string };

/**
 * The first set phrase filed under the word at `position` ("told" of "all told", "want" of "may
 * want to") whose words all stand in the text there and that `accept` takes.
 */
export function findSetPhrase(ctx: Reading, position: number, accept: (match: SetPhraseMatch) => boolean = () => true): SetPhraseMatch | undefined {
  const { lower } = ctx;
  for (const phrase of ctx.state.nonCues.get(lower(position)) ?? []) {
    const start = position - phrase.offset;
    if (start < 0 || !phrase.words.every((word, offset) => lower(start + offset) === word)) continue;
    const match = { start, end: start + phrase.words.length, ruleId: phrase.ruleId };
    if (accept(match)) return match;
  }
  return undefined;
}
