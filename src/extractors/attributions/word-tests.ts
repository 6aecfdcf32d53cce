import { AUXILIARY_VERBS, AUXILIARIES, CLAUSE_WORDS, OBJECT_PRONOUNS, PRONOUNS, DETERMINERS, ADJECTIVE_ENDINGS, CONTRACTION_HOSTS } from './word-lists.js';
import type { Reading } from './reading.js';
import type { Token } from '../text/tokens.js';

/** Punctuation that breaks a phrase; a stop, an apostrophe, a slash, an ampersand or a hyphen inside a name ("U.S.", "CBS/ORC", "AT&T") does not. */
export function isPhraseBreak(token: Token): boolean {
  return token.kind === 'punct' && !/^[.'’/&-]$/.test(token.text);
}

export function isFiniteVerbBefore(ctx: Reading, index: number): boolean {
  const { tokens, state } = ctx;
  const token = tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || AUXILIARIES.has(token.lower) || PRONOUNS.has(token.lower) || token.lower === 'to') return false;
  if (state.speakerHeads.has(token.lower)) return false;
  return /ed$/.test(token.lower) && isVerbWord(ctx, token.lower);
}

export function isVerbAfter(ctx: Reading, index: number): boolean {
  const { tokens } = ctx;
  const token = tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || AUXILIARY_VERBS.has(token.lower) || PRONOUNS.has(token.lower)) return false;
  return /ed$/.test(token.lower) && isVerbWord(ctx, token.lower) && !isNounWord(ctx, token.lower);
}

/** "ambitious asks": an adjective right before a cue word makes it a noun. */
export function looksAdjective(ctx: Reading, index: number): boolean {
  const { tokens, state } = ctx;
  const token = tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || state.speakerHeads.has(token.lower)) return false;
  return state.lexicon.classes(token.lower).has('adjective') || ADJECTIVE_ENDINGS.test(token.lower);
}

/** "a senior transport official": after a determiner or adjective a verb-looking word is a noun modifier. */
export function isModifierPosition(ctx: Reading, index: number): boolean {
  const { tokens, state } = ctx;
  const token = tokens[index];
  if (!token || token.kind !== 'word') return false;
  return DETERMINERS.has(token.lower) || (!token.capitalized && state.lexicon.classes(token.lower).has('adjective'));
}

export function isVerbWord(ctx: Reading, lowerWord: string): boolean {
  const { state } = ctx;
  return state.lexicon.classes(lowerWord).has('verb');
}

/** "we're", "they've", "don't", "it's": a word that carries its verb in a contraction (a name's "'s" is a possessive, not a verb). */
export function carriesContractedVerb(lowerWord: string): boolean {
  if (/(?:'re|'ve|'ll|'m|n't)$/.test(lowerWord)) return true;
  return lowerWord.endsWith("'s") && CONTRACTION_HOSTS.has(lowerWord.slice(0, -2));
}

/** A word the lexicon files as a verb or reads as one ("addresses", "turns", "run"). */
export function mayBeVerbWord(ctx: Reading, lowerWord: string): boolean {
  const classes = ctx.state.lexicon.classes(lowerWord);
  return classes.has('verb') || classes.has('verb-reading');
}

/** No "-ed", "-ing" or "-s" ending: a verb's base form or a bare noun ("state", "county"), never an inflected verb. */
export function hasNoInflection(lowerWord: string): boolean {
  return !/(?:ed|ing|s)$/.test(lowerWord);
}

const CONTRACTED_BE_PRONOUN = /^(?:we|you|they)['’]re$|^i['’]m$/;
/** "they're", "we’re", "I'm": a pronoun with its form of "be" in one word. */
export function isPronounWithBe(lowerWord: string): boolean {
  return CONTRACTED_BE_PRONOUN.test(lowerWord);
}

export function isUnknownOrVerb(ctx: Reading, lowerWord: string): boolean {
  const { state } = ctx;
  const classes = state.lexicon.classes(lowerWord);
  return classes.size === 0 || (classes.has('verb') && !classes.has('noun') && !classes.has('adjective'));
}

export function isNounWord(ctx: Reading, lowerWord: string): boolean {
  const { state } = ctx;
  return state.lexicon.classes(lowerWord).has('noun');
}

export function isNounLike(ctx: Reading, index: number): boolean {
  const { tokens, state } = ctx;
  const token = tokens[index];
  if (!token) return false;
  if (token.capitalized || state.speakerHeads.has(token.lower) || token.kind === 'number') return true;
  const classes = state.lexicon.classes(token.lower);
  return !(classes.has('verb') || classes.has('adjective') || classes.has('preposition') || DETERMINERS.has(token.lower) || AUXILIARIES.has(token.lower));
}

export function isAdjectiveAt(ctx: Reading, index: number): boolean {
  const { tokens, state } = ctx;
  const token = tokens[index];
  return token !== undefined && !token.capitalized && state.lexicon.classes(token.lower).has('adjective');
}

/**
 * "similarly bigoted", "diplomatic", "the ferry’s": a lower-case word that opens no phrase or clause of its own
 * (no preposition, clause word, auxiliary or pronoun), such as a describing word or a noun the lexicon does not list.
 */
export function opensNoPhrase(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  return token.kind === 'word' && !token.capitalized && !CLAUSE_WORDS.has(token.lower) && !AUXILIARIES.has(token.lower) && !PRONOUNS.has(token.lower) && !OBJECT_PRONOUNS.has(token.lower) && !ctx.state.lexicon.classes(token.lower).has('preposition');
}
