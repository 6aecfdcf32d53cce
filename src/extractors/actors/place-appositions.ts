import type { Token } from '../text/tokens.js';
import type { Candidate } from './candidate.js';
import type { ActorScan } from './scan.js';

/**
 * "Marion, Ohio", "born in Exeter, Devon.": a town and the region or country it lies in, joined
 * by a comma, are both places, even where the town's name is also a given name ("Marion",
 * "Devon") or reads as two capitalised words ("Eau Gallie").
 */

/** Default readings a place beside the name may overturn: a given name alone, the two-capitalised-words guess. */
const DEFAULT_PERSON_RULES = new Set(['person.known-name', 'actor.capitalized-pair']);
const TOWN_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'outside']);
const RULE_ID = 'place.town-and-region';

function endsPhrase(token: Token | undefined, commaToo: boolean): boolean {
  return token === undefined || token.newlineBefore || token.text === '.' || token.text === ';' || token.text === ')' || (commaToo && token.text === ',');
}

export function typePlaceAppositions(scan: ActorScan): void {
  const { tokens, candidates } = scan;
  const placesByStart = new Map<number, Candidate>();
  const placesByEnd = new Map<number, Candidate>();
  for (const candidate of candidates) {
    if (candidate.type !== 'place' || candidate.weak) continue;
    placesByStart.set(candidate.start, candidate);
    placesByEnd.set(candidate.end, candidate);
  }
  if (placesByStart.size === 0) return;
  for (const candidate of candidates) {
    if (candidate.type !== 'person' || !DEFAULT_PERSON_RULES.has(candidate.ruleIds[0] ?? '')) continue;
    // "Marion, Ohio": a known region after the comma, and nothing more of the phrase after it.
    const region = tokens[candidate.end]?.text === ',' ? placesByStart.get(candidate.end + 1) : undefined;
    // "born in Exeter, Devon.": a known town after a place preposition before the comma, the sentence ending after the name.
    const town = tokens[candidate.start - 1]?.text === ',' ? placesByEnd.get(candidate.start - 1) : undefined;
    const regionAfter = region !== undefined && endsPhrase(tokens[region.end], true);
    const townBefore = town !== undefined && TOWN_PREPOSITIONS.has(tokens[town.start - 1]?.lower ?? '') && endsPhrase(tokens[candidate.end], false);
    if (!regionAfter && !townBefore) continue;
    candidate.type = 'place';
    candidate.ruleIds.push(RULE_ID);
  }
}
