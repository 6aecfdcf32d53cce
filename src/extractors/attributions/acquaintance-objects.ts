import type { Token } from '../text/tokens.js';
import { verbForms } from '../nlp.js';
import { spanWords } from './span-rules.js';
import { OBJECT_PRONOUNS, PRONOUNS } from './word-lists.js';
import type { Reading } from './reading.js';

/** Words after a person that say how long or how well someone is known: "for years", "since 1990", "well", "personally". */
const ACQUAINTANCE_ENDINGS: ReadonlySet<string> = new Set(['for', 'since', 'well', 'personally', 'casually', 'intimately', 'only', 'from', 'better', 'and']);

/** "Mr", "Mrs", "Sen", "Gov": a capitalised word this short before a stop and a name is a title. */
const MAX_TITLE_LENGTH = 4;

let acquaintanceForms: ReadonlySet<string> | undefined;

/** Every form of the verbs of span.acquaintance-object ("know" → "knows", "knew", "known", "knowing"). */
function acquaintanceVerbs(): ReadonlySet<string> {
  acquaintanceForms ??= new Set([...spanWords('span.acquaintance-object')].flatMap((verb) => {
    const forms = verbForms(verb);
    return [verb, forms.present, forms.past, forms.gerund, forms.participle ?? verb];
  }));
  return acquaintanceForms;
}

/**
 * "has known Roe for years", "did not know him", "I know Jo Park personally": a person as the
 * whole object, with nothing after it but how long or how well, is someone the subject is acquainted
 * with, not a view the subject holds. A clause after the name ("knew Roe was lying") keeps the cue.
 */
export function knowsPerson(ctx: Reading, position: number): boolean {
  const { tokens, lower } = ctx;
  if (!acquaintanceVerbs().has(lower(position))) return false;
  let after = position + 1;
  const object = tokens[after];
  // "her" may be a possessive ("knew her drinking was a danger"), so only the other object pronouns count.
  if (object && OBJECT_PRONOUNS.has(object.lower) && object.lower !== 'her') after++;
  else {
    if (lower(after) === 'the' && tokens[after + 1]?.capitalized === true) after++;
    // "Mr. Roe", "Sen. Park": a title's stop stays inside the name.
    while ((tokens[after]?.capitalized === true && !PRONOUNS.has(lower(after))) || (lower(after) === '.' && (tokens[after - 1]?.text.length ?? 9) <= MAX_TITLE_LENGTH && tokens[after + 1]?.capitalized === true)) after++;
    if (after === position + 1 || (after === position + 2 && lower(position + 1) === 'the')) return false;
  }
  const next = tokens[after] as Token | undefined;
  return next === undefined || ACQUAINTANCE_ENDINGS.has(next.lower) || (next.kind === 'punct' && next.text !== ':' && !ctx.isOpenQuote(after));
}
