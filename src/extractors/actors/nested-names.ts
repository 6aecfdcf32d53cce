import type { Token } from '../text/tokens.js';
import type { Candidate } from './candidate.js';
import { classify } from './classify.js';
import { lookupName } from './engine.js';
import { spanText, type ActorScan } from './scan.js';
import { ALL_CAPS, isDictionaryWord } from './word-evidence.js';

/** Heads that make a place name one name with the place it is named after: "Oklahoma City", "Chatham Islands". */
const GEOGRAPHIC_HEADS = new Set(['city', 'town', 'township', 'island', 'islands', 'isles']);

function isOneGeographicName(tokens: Token[], candidate: Candidate): boolean {
  return candidate.type === 'place' && GEOGRAPHIC_HEADS.has((tokens[candidate.end - 1] as Token).lower);
}

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
  const work = [...outer, ...candidates.filter((candidate) => candidate.ruleIds.includes('actor.role-mention'))];
  while (work.length > 0) {
    const candidate = work.shift() as Candidate;
    if (lookupName(state, tokens, candidate.start, candidate.end)?.tokens.length === candidate.end - candidate.start) continue;
    const join = complementJoin(tokens, candidate.start, candidate.end);
    if (join === undefined || startsAt.has(join.complementStart)) {
      if (candidate.type !== 'person' && !isOneGeographicName(tokens, candidate) && !hasInner(candidate)) emitNamesInside(scan, candidate.start, candidate.end);
      continue;
    }
    // "Society of the Cincinnati", "President of the Linguistic Society of America": the name after
    // the joiner is read as a name of its own, and so are the names inside it.
    if (candidate.type !== 'person' && !hasInner(candidate)) emitNamesInside(scan, candidate.start, join.at);
    const before = candidates.length;
    classify(scan, { start: join.complementStart, end: candidate.end });
    for (const added of candidates.slice(before)) {
      const starting = startsAt.get(added.start);
      if (starting) starting.push(added);
      else startsAt.set(added.start, [added]);
      if (added.end - added.start > 1 && added.type !== 'person') work.push(added);
    }
  }
}

/** Where "of the"/"for the" joins a body or role to the name of what it serves. */
function complementJoin(tokens: Token[], start: number, end: number): { at: number; complementStart: number } | undefined {
  for (let position = start + 1; position < end - 1; position++) {
    const word = tokens[position] as Token;
    if (word.capitalized || (word.text !== 'of' && word.text !== 'for')) continue;
    // Only "of the X" names a thing of its own; "University of Southern Indiana", "Court of Appeal" are one name.
    if (tokens[position + 1]?.text !== 'the') return undefined;
    return position + 2 < end ? { at: position, complementStart: position + 2 } : undefined;
  }
  return undefined;
}

/** "The Brooklyn Paper", "University of Southern Indiana", "Andy Warhol Foundation", "the Berlin Film Festival". */
export function emitNamesInside(scan: ActorScan, start: number, end: number): void {
  const { candidates } = scan;
  const before = candidates.length;
  emitKnownNamesInside(scan, start, end);
  if (candidates.length === before) emitSeatOfInstitution(scan, start, end);
}

/**
 * "University of Basel", "Municipality of Culion": an institution "of" a name no table knows is
 * named after the place it serves; everyday words ("Department of Finance") and people's names
 * ("Society of Jesus") are not read so.
 */
function emitSeatOfInstitution(scan: ActorScan, start: number, end: number): void {
  const { state, tokens } = scan;
  let of = -1;
  for (let position = start + 1; position < end - 1; position++) if ((tokens[position] as Token).text === 'of') {
    of = position;
    break;
  }
  if (of < 0) return;
  const head = (tokens[of - 1] as Token).lower;
  if (!state.orgHeads.has(head) && !state.placeHeads.has(head) && !state.lexicon.isOrgHeadWord(head)) return;
  for (let position = of + 1; position < end; position++) {
    const word = tokens[position] as Token;
    if (word.kind !== 'word' || !word.capitalized || word.text.length < 3 || ALL_CAPS.test(word.text)) return;
    const classes = state.lexicon.classes(word.lower);
    if ((classes.size > 0 && !classes.has('place')) || state.peopleNames.words.has(word.text) || isDictionaryWord(state, word)) return;
    if (state.orgHeads.has(word.lower) || state.placeHeads.has(word.lower) || state.notActorHeads.has(word.lower)) return;
  }
  scan.candidates.push({ start: of + 1, end, type: 'place', canonical: spanText(scan, of + 1, end), ruleIds: ['place.seat-of-institution'] });
}

function emitKnownNamesInside(scan: ActorScan, start: number, end: number): void {
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
