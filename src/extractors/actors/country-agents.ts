import type { Token } from '../text/tokens.js';
import type { Candidate } from './candidate.js';
import type { ActorScan } from './scan.js';

/**
 * "Norway said", "France vetoed", "Brazil beat": a country that acts is its
 * government (or its team), an organisation; elsewhere it stays a place.
 */
export function typeActingCountries(scan: ActorScan): void {
  const { state, tokens, candidates } = scan;
  const isCountry = (candidate: Candidate): boolean => {
    const lower = candidate.canonical.toLowerCase();
    return state.lexicon.classes(lower).has('country') || state.lexicon.phraseClasses(lower).has('country');
  };
  for (const candidate of candidates) {
    if (candidate.type !== 'place') continue;
    const verb = agentVerbAfter(scan, candidate.end);
    if (verb === undefined || !isCountry(candidate)) continue;
    candidate.type = 'organization';
    candidate.ruleIds.push(verb);
  }
}

function agentVerbAfter(scan: ActorScan, end: number): string | undefined {
  const word = scan.tokens[end] as Token | undefined;
  return word?.kind === 'word' ? scan.state.agentVerbs.get(word.lower) : undefined;
}
