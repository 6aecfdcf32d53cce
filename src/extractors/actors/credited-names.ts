import type { Token } from '../text/tokens.js';
import type { Span } from './candidate.js';
import { lookupName } from './engine.js';
import { isCitation } from './lone-words.js';
import { spanText, type ActorScan } from './scan.js';

/**
 * Names a document credits rather than tells about: the makers after a picture or video credit
 * ("Image: Snbehnke.", "Video: Miharris & Acphillips.") and authors cited by year
 * ("(Dye & Bavelier, 2010)"). Both are people; "&" joins two of them, not one firm's name.
 */

/** Labels of a credit line in news and wiki articles, read before a colon or semicolon at a line start. */
const CREDIT_LABELS = new Set(['image', 'images', 'photo', 'photos', 'photograph', 'photographs', 'picture', 'pictures', 'video', 'videos', 'credit', 'illustration', 'footage']);
const CREDIT_MARKS = new Set([':', ';']);
const CREDIT_ENDS = new Set(['.', ',', ';', ')']);

function opensCreditLine(scan: ActorScan, start: number): boolean {
  const { tokens, sentenceStarts } = scan;
  const mark = tokens[start - 1];
  const label = tokens[start - 2];
  if (!mark || !label || !CREDIT_MARKS.has(mark.text) || label.kind !== 'word' || !CREDIT_LABELS.has(label.lower)) return false;
  return start - 2 === 0 || label.newlineBefore || sentenceStarts.has(start - 2);
}

/** The single words of a run joined by "&" or "and" ("Miharris & Acphillips"), or undefined for any other shape. */
function joinedSingleWords(tokens: Token[], start: number, end: number): Span[] | undefined {
  const parts: Span[] = [];
  for (let position = start; position < end; position += 2) {
    const word = tokens[position] as Token;
    if (word.kind !== 'word' || !word.capitalized) return undefined;
    parts.push({ start: position, end: position + 1 });
    const joiner = tokens[position + 1];
    if (position + 1 < end && joiner?.text !== '&' && joiner?.lower !== 'and') return undefined;
  }
  return parts;
}

/**
 * The people a credit line or a citation names in this span, each with its own mention, or
 * undefined when the span is not one. Words a table knows keep their reading ("Image: NASA").
 */
export function creditedPeople(scan: ActorScan, start: number, end: number): Array<Span & { ruleId: string }> | undefined {
  const { state, tokens } = scan;
  const parts = joinedSingleWords(tokens, start, end);
  if (!parts) return undefined;
  let ruleId: string;
  if (opensCreditLine(scan, start) && (tokens[end] === undefined || tokens[end]?.newlineBefore || CREDIT_ENDS.has((tokens[end] as Token).text))) ruleId = 'person.media-credit';
  else if (parts.length > 1 && isCitation(tokens, end)) ruleId = 'person.cited-author';
  else return undefined;
  const people: Array<Span & { ruleId: string }> = [];
  for (const part of parts) {
    const word = tokens[part.start] as Token;
    const known = lookupName(state, tokens, part.start, part.end);
    const classes = state.lexicon.classes(word.lower);
    // A known body or place, or an everyday word ("Image: Reuters", "Photo: Courtesy"), is read as usual.
    if (known || classes.has('organization') || classes.has('place') || (classes.has('common') && !classes.has('first-name') && !classes.has('last-name'))) return undefined;
    if (word.text.length < 3 || /^\p{Lu}+$/u.test(word.text)) return undefined;
    people.push({ ...part, ruleId });
  }
  return people;
}

export function pushCreditedPeople(scan: ActorScan, people: Array<Span & { ruleId: string }>): void {
  for (const person of people) scan.candidates.push({ start: person.start, end: person.end, type: 'person', canonical: spanText(scan, person.start, person.end), ruleIds: [person.ruleId] });
}
