import type { Token } from '../text/tokens.js';
import { AUXILIARY_VERBS, PRONOUNS, DETERMINERS, CUE_ADJUNCT_STARTS, CLAUSE_CONTINUERS, OBJECT_PRONOUNS, TIME_WORDS, TELL_FORMS } from './word-lists.js';
import { isVerbWord, isNounLike } from './word-tests.js';
import type { Reading } from './reading.js';

/** A short noun phrase followed by a finite verb or auxiliary: "Trump had", "the plan would", "160 have". */
export function startsClause(ctx: Reading, subjectStart: number, bodyEnd: number): boolean {
  const { tokens, state } = ctx;
  let index = subjectStart;
  while (index < bodyEnd && index - subjectStart < 6) {
    const token = tokens[index] as Token;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'") return false;
    if (!token.capitalized && !DETERMINERS.has(token.lower) && !PRONOUNS.has(token.lower) && !isNounLike(ctx, index)) break;
    if (TIME_WORDS.has(token.lower)) return false;
    index++;
  }
  if (index === subjectStart || index >= bodyEnd) return false;
  const verb = tokens[index] as Token;
  return !verb.capitalized && verb.lower !== "'s" && (AUXILIARY_VERBS.has(verb.lower) || (isVerbWord(ctx, verb.lower) && !state.lexicon.classes(verb.lower).has('preposition')));
}

/** "said Trump had lied", "told CNN the plan would work": a noun phrase and then a verb is a clause, not an adjunct. */
export function clauseFollows(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower } = ctx;
  let index = cueEnd;
  if (TELL_FORMS.has(lower(cueEnd - 1)) && index < bodyEnd && ((tokens[index] as Token).capitalized || OBJECT_PRONOUNS.has(lower(index)))) index++;
  return startsClause(ctx, index, bodyEnd);
}

/** "that …", a quotation or a subject and its verb: what a speech verb reports. */
export function opensReportedClause(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower, isOpenQuote } = ctx;
  if (cueEnd >= bodyEnd) return false;
  return lower(cueEnd) === 'that' || isOpenQuote(cueEnd) || (tokens[cueEnd] as Token).text === ':' || startsClause(ctx, cueEnd, bodyEnd) || (PRONOUNS.has(lower(cueEnd)) && lower(cueEnd) !== 'it');
}

/** "…, he said." / "…, three officials told NBC News." / "…, she said in a statement." */
export function isSentenceEndAfterCue(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower, isOpenQuote, isCloseQuote } = ctx;
  if (cueEnd >= bodyEnd) return true;
  if (isCloseQuote(cueEnd) && cueEnd + 1 >= bodyEnd) return true;
  if ((tokens[cueEnd] as Token).text === ',' && CLAUSE_CONTINUERS.has(lower(cueEnd + 1))) return true;
  const next = tokens[cueEnd] as Token;
  const tellLike = TELL_FORMS.has(lower(cueEnd - 1));
  if (CUE_ADJUNCT_STARTS.has(next.lower) || next.capitalized || next.lower === 'reporters' || (tellLike && (DETERMINERS.has(next.lower) || OBJECT_PRONOUNS.has(next.lower)))) {
    if (clauseFollows(ctx, cueEnd, bodyEnd)) return false;
    for (let index = cueEnd; index < bodyEnd; index++) {
      const token = tokens[index] as Token;
      if (token.text === ',') return index === bodyEnd - 1 || CLAUSE_CONTINUERS.has(lower(index + 1));
      if (token.lower === 'that' || isOpenQuote(index) || token.text === ':') return false;
    }
    return bodyEnd - cueEnd <= 8;
  }
  return false;
}

/** After "told": skip the recipient (a name, an object pronoun or a short noun phrase) to a clause with its own subject and verb. */
export function clauseAfterRecipient(ctx: Reading, start: number, bodyEnd: number): number | undefined {
  const { tokens } = ctx;
  for (let split = start + 1; split < bodyEnd && split - start <= 5; split++) {
    const recipient = tokens[split - 1] as Token;
    if (recipient.kind === 'punct' && recipient.text !== '.') return undefined;
    if (!recipient.capitalized && !OBJECT_PRONOUNS.has(recipient.lower) && !isNounLike(ctx, split - 1) && !DETERMINERS.has(recipient.lower)) return undefined;
    const next = tokens[split] as Token;
    if ((PRONOUNS.has(next.lower) && next.lower !== 'it' && next.lower !== 'you') || ((next.capitalized || DETERMINERS.has(next.lower)) && startsClause(ctx, split, bodyEnd))) return split;
  }
  return undefined;
}
