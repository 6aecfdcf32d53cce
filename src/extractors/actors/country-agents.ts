import type { Token } from '../text/tokens.js';
import type { Candidate } from './candidate.js';
import type { ActorScan } from './scan.js';

/** Words that may stand between a country and what it does: "Norway has also said", "Chile had recently expelled". */
const AUXILIARIES = new Set(['has', 'have', 'had', 'would', 'could', 'can', 'may', 'might', 'must', 'should', 'did', 'does', 'also', 'recently', 'already', 'then', 'now', 'not', 'still', 'again', 'later', 'previously', 'officially', 'formally', 'reportedly', 'immediately']);
const MAX_AUXILIARIES = 3;

/**
 * "Norway said", "France vetoed", "Chile had recently expelled": a country that acts is its
 * government (or its team), an organisation; the article's other mentions of that country then
 * name the same actor.
 */
export function typeActingCountries(scan: ActorScan): void {
  const { state, tokens, candidates } = scan;
  const isCountry = (candidate: Candidate): boolean => {
    const lower = candidate.canonical.toLowerCase();
    return state.lexicon.classes(lower).has('country') || state.lexicon.phraseClasses(lower).has('country');
  };
  const acting = new Map<string, string>();
  for (const candidate of candidates) {
    if (candidate.type !== 'place') continue;
    const verb = agentVerbAfter(scan, candidate.end);
    if (verb === undefined || !isCountry(candidate)) continue;
    candidate.type = 'organization';
    candidate.ruleIds.push(verb);
    acting.set(candidate.canonical, verb);
  }
  if (acting.size === 0) return;
  for (const candidate of candidates) {
    const verb = acting.get(candidate.canonical);
    if (verb === undefined || candidate.type !== 'place') continue;
    candidate.type = 'organization';
    candidate.ruleIds.push(verb);
  }
}

function agentVerbAfter(scan: ActorScan, end: number): string | undefined {
  const { state, tokens } = scan;
  let position = end;
  for (let skipped = 0; skipped <= MAX_AUXILIARIES; skipped++) {
    const word = tokens[position] as Token | undefined;
    if (!word || word.kind !== 'word') return undefined;
    const rule = state.agentVerbs.get(word.lower);
    if (rule) return rule;
    if (!AUXILIARIES.has(word.lower)) return undefined;
    position++;
  }
  return undefined;
}
