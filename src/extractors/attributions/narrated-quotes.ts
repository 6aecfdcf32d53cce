import type { Token } from '../text/tokens.js';
import type { CueForm } from './engine.js';
import type { Reading } from './reading.js';
import { spanWords } from './span-rules.js';
import { AUXILIARIES, DETERMINERS, endsInSingleS, IRREGULAR_PAST, PAST_FORM, TIME_WORDS } from './word-lists.js';

/** Rule row of config/attributions/spans.json for a verb that narrates the quotation before its subject. */
export const NARRATED_QUOTE_RULE = 'span.narrated-quote-verb';
/** Longest speaker between a quotation and the verb narrating it: "the Republican vice-presidential nominee". */
const MAX_NARRATOR_TOKENS = 5;
/** Pronouns that can say a quotation; "it" cannot. */
const NARRATOR_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);
/** Rule row of config/attributions/spans.json for the prepositions of a phrase describing a quotation's speaker. */
const NARRATOR_PHRASE_ROW = 'span.narrator-phrase';
/** Rule row of config/attributions/spans.json for a verb that narrates the quotation before it, its speaker after it. */
const INVERTED_NARRATOR_ROW = 'span.inverted-narrating-verb';

/**
 * "“…,” Roe fumed.", "“Would it be negotiable?” Hannity pressed.", "“…,” the nominee riffed on
 * the answer": a finite verb right after the quotation's speaker narrates the quotation, whatever
 * the verb (news prose varies it: fumed, riffed, mocked, surmised). Read only when the quotation
 * closes a clause of its own (a comma, question or exclamation mark inside it, or a comma after
 * it), the speaker is a name, a personal pronoun or a short noun phrase, and the verb takes no
 * object: the sentence ends, or a comma, a preposition, a time word or a new quotation follows.
 * The form returned reads like a verb of saying with a quotation.
 */
export function matchNarratingVerb(ctx: Reading, position: number, end: number): CueForm | undefined {
  const { tokens, state } = ctx;
  const token = tokens[position] as Token;
  if (token.kind !== 'word' || token.capitalized || AUXILIARIES.has(token.lower)) return undefined;
  if (!PAST_FORM.test(token.lower) && !IRREGULAR_PAST.test(token.lower) && !endsInSingleS(token.lower)) return undefined;
  // The lexicon knows few inflected verbs ("fumed", "riffed" are unknown); a word it knows only as a noun or a function word is none.
  const classes = state.lexicon.classes(token.lower);
  if (classes.size > 0 && !classes.has('verb') && !classes.has('verb-reading') && !(classes.has('adjective') && PAST_FORM.test(token.lower))) return undefined;
  if (spanWords(NARRATED_QUOTE_RULE).has(token.lower)) return undefined;
  if (closesQuotedClause(ctx, position - 1)) return invertedNarratorFollows(ctx, position + 1, end) ? { words: [token.lower], frame: 'speech', ruleId: INVERTED_NARRATOR_ROW, nounForm: false, complement: 'quote' } : undefined;
  const plainStart = narratorStart(ctx, position);
  // "“…,” a voice-over in the ad states.": the noun phrase before a describing phrase.
  const describedStart = plainStart !== undefined && !closesQuotedClause(ctx, plainStart - 1) ? headedBefore(ctx, plainStart) : undefined;
  const speakerStart = describedStart ?? plainStart;
  if (speakerStart === undefined || !closesQuotedClause(ctx, speakerStart - 1)) return undefined;
  if (!takesNoObject(ctx, position + 1, end)) return undefined;
  return { words: [token.lower], frame: 'speech', ruleId: describedStart === undefined ? NARRATED_QUOTE_RULE : NARRATOR_PHRASE_ROW, nounForm: false, complement: 'quote' };
}

/**
 * "“…,” remembered Jo Roe, the former harbour master.", "“…?” reacted the mayor.": after the verb, a
 * name or a determiner and a few words, then the sentence's end or a comma: the verb's subject,
 * put after it as after "said", and no object (not "“…,” thanked Roe for the help").
 */
function invertedNarratorFollows(ctx: Reading, start: number, end: number): boolean {
  const { tokens, state } = ctx;
  const first = tokens[start];
  if (!first || first.kind !== 'word' || !(first.capitalized || (DETERMINERS.has(first.lower) && first.lower !== 'that'))) return false;
  for (let index = start + 1; index <= end && index - start <= MAX_NARRATOR_TOKENS; index++) {
    if (index === end) return true;
    const token = tokens[index] as Token;
    if (token.text === ',' || token.text === '.') return true;
    if (token.kind === 'punct') return false;
    // ("Roe 's introducer": a possessive leads on to the head; a preposition or a verb ends any speaker.)
    const classes = state.lexicon.classes(token.lower);
    if (!token.capitalized && (classes.has('preposition') || classes.has('verb'))) return false;
  }
  return false;
}

/** Where the speaker before the verb at `verb` starts: a personal pronoun, a capitalised name or a determiner and a few words. */
function narratorStart(ctx: Reading, verb: number): number | undefined {
  const { tokens, lower } = ctx;
  if (NARRATOR_PRONOUNS.has(lower(verb - 1))) return verb - 1;
  let start = verb;
  while (start > ctx.currentSentenceStart && verb - start < MAX_NARRATOR_TOKENS) {
    const token = tokens[start - 1] as Token;
    if (token.kind === 'word' || (token.text === '.' && start - 2 >= 0 && (tokens[start - 2] as Token).capitalized)) {
      if (DETERMINERS.has(token.lower)) return start === verb ? undefined : start - 1;
      start--;
      continue;
    }
    break;
  }
  if (start === verb) return undefined;
  // Without a determiner the speaker is a name: every word capitalised ("Jo Roe", "Sen. Roe").
  for (let index = start; index < verb; index++) {
    const token = tokens[index] as Token;
    if (token.kind === 'word' && !token.capitalized) return undefined;
  }
  return start;
}

/**
 * "“…,” a voice-over in the ad states.": a determiner after a preposition of place or belonging
 * opens the object of a phrase that describes the noun phrase before it; the speaker starts at
 * that noun phrase's own determiner, a few words back. Undefined when no such phrase stands there.
 */
function headedBefore(ctx: Reading, determiner: number): number | undefined {
  const { tokens, lower } = ctx;
  if (!spanWords(NARRATOR_PHRASE_ROW).has(lower(determiner - 1))) return undefined;
  for (let start = determiner - 2; start > ctx.currentSentenceStart && determiner - 1 - start <= MAX_NARRATOR_TOKENS; start--) {
    const token = tokens[start - 1] as Token;
    if (token.kind !== 'word' || token.capitalized) return undefined;
    if (DETERMINERS.has(token.lower)) return start < determiner - 1 ? start - 1 : undefined;
  }
  return undefined;
}

/** A closing quotation mark ends at `index` (or a comma after one), with a comma, question or exclamation mark inside it. */
function closesQuotedClause(ctx: Reading, index: number): boolean {
  const { tokens, isCloseQuote } = ctx;
  const token = tokens[index];
  if (!token) return false;
  if (token.text === ',') return isCloseQuote(index - 1);
  if (!isCloseQuote(index)) return false;
  const inside = tokens[index - 1];
  return inside !== undefined && (inside.text === ',' || inside.text === '?' || inside.text === '!');
}

/** The verb takes no object: the sentence ends, or a comma, a preposition, a time word or a quotation comes next. */
function takesNoObject(ctx: Reading, next: number, end: number): boolean {
  const { tokens, lower, state, isOpenQuote } = ctx;
  if (next >= end) return true;
  const token = tokens[next] as Token;
  if (token.kind === 'punct') return token.text === ',' || token.text === '.' || token.text === ';' || isOpenQuote(next);
  if (token.capitalized) return false;
  return state.lexicon.classes(token.lower).has('preposition') || TIME_WORDS.has(token.lower) || /ly$/.test(token.lower);
}
