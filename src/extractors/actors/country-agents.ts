import type { Candidate } from './candidate.js';
import type { ActorScan } from './scan.js';

/** "Norway said", "France vetoed": a country that acts is its government, an organisation. */
export function typeActingCountries(scan: ActorScan): void {
  const { state, tokens, candidates } = scan;
  const isCountry = (candidate: Candidate): boolean => {
    const lower = candidate.canonical.toLowerCase();
    return state.lexicon.classes(lower).has('country') || state.lexicon.phraseClasses(lower).has('country');
  };
  for (const candidate of candidates) {
    if (candidate.type !== 'place') continue;
    const verb = state.agentVerbs.get(tokens[candidate.end]?.lower ?? '');
    if (verb === undefined || !isCountry(candidate)) continue;
    candidate.type = 'organization';
    candidate.ruleIds.push(verb);
  }
}
