import { wordsStandAt, type Reading } from './reading.js';
import { passiveAuxiliaryBefore } from './cue-matching.js';
import { isPassiveComplement } from './rules.js';

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
    if (start < 0 || !wordsStandAt(ctx, phrase.words, start)) continue;
    const match = { start, end: start + phrase.words.length, ruleId: phrase.ruleId };
    if (accept(match)) return match;
  }
  return undefined;
}

/**
 * "The quay is known as the Long Pier", "Roe was best known for her lamps": after a form of "be" a
 * naming participle is a passive of reputation, which a passive row of config/attributions/cues.json
 * reads as what people say of the subject; the set phrase is left for the participle that only
 * names a noun ("the quay, known as the Long Pier, …").
 */
export function holdsPassiveCue(ctx: Reading, match: SetPhraseMatch): boolean {
  const { lower } = ctx;
  for (let index = match.start; index < match.end; index++) {
    const options = ctx.state.cues.get(lower(index)) ?? [];
    const passive = options.some((option) => isPassiveComplement(option.complement) && option.words.every((word, offset) => lower(index + offset) === word));
    if (passive && passiveAuxiliaryBefore(ctx, index) !== undefined) return true;
  }
  return false;
}
