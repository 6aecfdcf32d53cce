import type { Token } from '../text/tokens.js';
import type { Candidate } from './candidate.js';
import { lookupName } from './engine.js';
import { spanText, type ActorScan } from './scan.js';

/** Rules that read a whole name as one ("South Korea", "Lake Erie", "U.S."): their words are not separate mentions. */
const NAMES_WITHOUT_PARTS = new Set(['actor.lexicon-place', 'place.leading-head', 'place.direction-and-place', 'actor.role-mention']);

/**
 * "the Pittsburgh Pirates", "Auckland Castle", "Leiden University Libraries": the place or person
 * a body or a building is named after is a mention of its own, however the whole name was typed.
 */
export function emitNamesInsideOrganizations(scan: ActorScan): void {
  const { state, tokens, candidates } = scan;
  const outer = candidates.filter((candidate) => candidate.end - candidate.start > 1 && candidate.type !== 'person' && !NAMES_WITHOUT_PARTS.has(candidate.ruleIds[0] ?? ''));
  const startsAt = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    const starting = startsAt.get(candidate.start);
    if (starting) starting.push(candidate);
    else startsAt.set(candidate.start, [candidate]);
  }
  const hasInner = (outerCandidate: Candidate): boolean => {
    for (let position = outerCandidate.start; position < outerCandidate.end; position++) {
      if (startsAt.get(position)?.some((inner) => inner !== outerCandidate && inner.end <= outerCandidate.end)) return true;
    }
    return false;
  };
  for (const candidate of outer) {
    if (hasInner(candidate)) continue;
    if (lookupName(state, tokens, candidate.start, candidate.end)?.tokens.length === candidate.end - candidate.start) continue;
    emitNamesInside(scan, candidate.start, candidate.end);
  }
}

/** "The Brooklyn Paper", "University of Southern Indiana", "Andy Warhol Foundation". */
function emitNamesInside(scan: ActorScan, start: number, end: number): void {
  const { state, tokens, candidates } = scan;
  const words = tokens.slice(start, end);
  const first = words[0] as Token;
  if (words.length >= 3 && state.lexicon.classes(first.lower).has('first-name')) {
    const second = words[1] as Token;
    if (second.capitalized && !state.orgHeads.has(second.lower) && !state.lexicon.isOrgHeadWord(second.lower)) {
      candidates.push({ start, end: start + 2, type: 'person', canonical: spanText(scan, start, start + 2), ruleIds: ['actor.person-inside-organization'] });
      return;
    }
  }
  for (let position = start; position < end; position++) {
    const word = tokens[position] as Token;
    if (!word.capitalized) continue;
    const known = lookupName(state, tokens, position, end);
    if (known && known.type === 'place') {
      candidates.push({ start: position, end: position + known.tokens.length, type: 'place', canonical: known.canonical, ruleIds: [known.ruleId, 'actor.place-inside-organization'] });
      position += known.tokens.length - 1;
      continue;
    }
    const pair = position + 1 < end ? state.lexicon.phraseClasses(`${word.lower} ${(tokens[position + 1] as Token).lower}`) : undefined;
    if (pair?.has('place')) {
      candidates.push({ start: position, end: position + 2, type: 'place', canonical: spanText(scan, position, position + 2), ruleIds: ['actor.place-inside-organization'] });
      position++;
      continue;
    }
    const classes = state.lexicon.classes(word.lower);
    if (classes.has('place') && !classes.has('common') && !classes.has('first-name')) {
      candidates.push({ start: position, end: position + 1, type: 'place', canonical: word.text, ruleIds: ['actor.place-inside-organization'] });
    }
  }
}
