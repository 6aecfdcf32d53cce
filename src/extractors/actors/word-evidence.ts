import type { Token } from '../text/tokens.js';
import { lookupName, type ActorEngine } from './engine.js';

/** What single words say about a name: everyday words, pronouns, capitals, places. */

/** Compass and region words that make a part of a place: "Southern Senegal", "East Prussia". */
export const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'northeast', 'northwest', 'southeast', 'southwest', 'central', 'upper', 'lower', 'greater', 'inner', 'outer', 'new', 'old']);
/** Before a capitalised everyday word these make it a common noun used as a title ("the Act", "my Lords"). */
export const DETERMINERS = new Set(['the', 'a', 'an', 'my', 'your', 'his', 'her', 'its', 'our', 'their', 'this', 'that', 'these', 'those']);
export const ALL_CAPS = /^[\p{Lu}\d&.'’-]+$/u;

export function isAllCaps(tokens: Token[], start: number, end: number): boolean {
  for (let position = start; position < end; position++) {
    const word = tokens[position] as Token;
    if (word.kind === 'word' && !ALL_CAPS.test(word.text)) return false;
  }
  return true;
}

/** Whether the run holds a pronoun ("Why Taylor Swift Left Her Label"): a title-case clause. */
export function hasClauseWord(state: ActorEngine, tokens: Token[], start: number, end: number): boolean {
  for (let position = start; position < end; position++) if (isClauseWord(state, tokens[position] as Token)) return true;
  return false;
}

function isClauseWord(state: ActorEngine, word: Token): boolean {
  const classes = state.lexicon.classes(word.lower);
  return classes.has('pronoun') && word.lower !== 'i' && !ALL_CAPS.test(word.text) && !classes.has('first-name') && !classes.has('last-name');
}

export function isPlaceAt(state: ActorEngine, tokens: Token[], position: number): boolean {
  const word = tokens[position] as Token;
  return state.lexicon.classes(word.lower).has('place') || lookupName(state, tokens, position, position + 1)?.type === 'place';
}

export function isCommonWord(state: ActorEngine, word: Token): boolean {
  return commonWordEvidence(state, word) !== undefined;
}

/** Why a word is an everyday word: compromise lists it, or (unlisted) it has an everyday ending. */
export function commonWordEvidence(state: ActorEngine, word: Token): string | undefined {
  if (word.kind !== 'word') return 'not-actor.common-words';
  if (isListedCommonWord(state, word)) return 'not-actor.common-words';
  if (state.lexicon.classes(word.lower).size > 0) return undefined;
  if (isNameOnlyWord(state, word)) return undefined;
  const suffix = word.lower.length > 5 ? state.commonSuffixes.find(({ suffix: ending }) => word.lower.endsWith(ending)) : undefined;
  if (suffix) return suffix.ruleId;
  return isDictionaryWord(state, word) ? state.everydayWords.ruleId : undefined;
}

export function isListedCommonWord(state: ActorEngine, word: Token): boolean {
  const isCommon = (lower: string): boolean => {
    const classes = state.lexicon.classes(lower);
    return classes.has('common') && !classes.has('first-name') && !classes.has('last-name') && !classes.has('place') && !classes.has('organization');
  };
  if (isCommon(word.lower)) return true;
  // The lexicon lists base forms: "directions" → "direction", "policies" → "policy".
  if (!word.lower.endsWith('s') || state.lexicon.classes(word.lower).size > 0) return false;
  return isRegularPluralOf(word.lower, isCommon);
}

/** "Taylor", "Baxter": a known part of people's names that no lexicon class and no dictionary lists as an everyday word. */
export function isNameOnlyWord(state: ActorEngine, word: Token): boolean {
  if (!state.peopleNames.words.has(word.text) || state.everydayNameParts.words.has(word.text) || state.lexicon.classes(word.lower).size > 0) return false;
  // A table row that types the word alone ("English", a language) outranks the name list.
  return !state.names.get(word.text)?.some((entry) => entry.tokens.length === 1);
}

/** In the everyday-words table (base form or a plural of one) and not a part of people's names ("Bush"). */
export function isDictionaryWord(state: ActorEngine, word: Token): boolean {
  if (state.peopleNames.words.has(word.text)) return false;
  const { words } = state.everydayWords;
  const lower = word.lower;
  if (words.has(lower)) return true;
  if (!lower.endsWith('s')) return false;
  return isRegularPluralOf(lower, (base) => words.has(base));
}

/**
 * Whether a word ending in "s" is the plural of a base form `isBase` accepts, trying each regular
 * ending ("directions", "boxes", "policies"). Unlike the figures' singularise it tries all of them,
 * so "shoes" and "ties" find "shoe" and "tie".
 */
function isRegularPluralOf(lower: string, isBase: (base: string) => boolean): boolean {
  return isBase(lower.slice(0, -1)) || (lower.endsWith('es') && isBase(lower.slice(0, -2))) || (lower.endsWith('ies') && isBase(`${lower.slice(0, -3)}y`));
}
