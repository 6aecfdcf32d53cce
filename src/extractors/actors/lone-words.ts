import type { ActorType } from '../../model/claim.js';
import type { Token } from '../text/tokens.js';
import type { Candidate } from './candidate.js';

/** Speech verbs that follow ("Okafor said") or precede ("said Okafor") a speaker's name. */
export const SPEECH_AFTER_NAME = new Set(['said', 'says', 'told', 'tells', 'added', 'wrote', 'explained', 'argued', 'noted', 'asked', 'replied', 'stated']);

const POSSESSIVES = new Set(["'s", '’s', "'", '’']);
const OPENING_QUOTES = new Set(['"', '“', "'", '‘']);
const CLOSING_QUOTES = new Set(['"', '”', "'", '’']);

/** "the word 'Bird' is 'Vogelap'", "a drink called \"Zorbat\"": a lone word in quotes of its own is talked about as a word or a title. */
export function isQuotedWord(tokens: Token[], candidate: Candidate): boolean {
  const before = tokens[candidate.start - 1];
  const after = tokens[candidate.end];
  if (!before || !after || !OPENING_QUOTES.has(before.text) || !CLOSING_QUOTES.has(after.text)) return false;
  return !(tokens[candidate.start] as Token).spaceBefore && !after.spaceBefore && (candidate.start < 2 || before.spaceBefore || (tokens[candidate.start - 2] as Token).kind !== 'word');
}
const YEAR = /^(1[5-9]|20)\d\d[a-z]?$/;

/** The candidates of one article indexed by where they start and end, and the evidence read so far. */
export interface LoneWordContext {
  tokens: Token[];
  byStart: Map<number, Candidate>;
  byEnd: Map<number, Candidate>;
  /** Each weak candidate's neighbour evidence, read once (it is asked while voting and while resolving). */
  evidence: Map<Candidate, ActorType | undefined>;
  /** Verbs only a person does ("died", "married"), from config/actors/lexicon.json. */
  personVerbs: ReadonlyMap<string, string>;
}

export function loneWordContext(tokens: Token[], candidates: Candidate[], personVerbs: ReadonlyMap<string, string>): LoneWordContext {
  const byStart = new Map<number, Candidate>();
  const byEnd = new Map<number, Candidate>();
  for (const candidate of candidates) {
    byStart.set(candidate.start, candidate);
    byEnd.set(candidate.end, candidate);
  }
  return { tokens, byStart, byEnd, evidence: new Map(), personVerbs };
}

/** An author cited by year: "Quilis (1964)", "Laws, 2016", "Binderman et al.", "(Lewis, Simons, & Fennig, 2014)". */
export function isCitation(tokens: Token[], end: number): boolean {
  let position = end;
  // Walk over the co-authors listed after this one: ", Simons, & Fennig".
  for (let step = 0; step < 24; step++) {
    const next = tokens[position];
    const after = tokens[position + 1];
    if (!next || !after) return false;
    if ((next.text === '(' || next.text === ',') && YEAR.test(after.text)) return true;
    if (YEAR.test(next.text) && step > 0) return true;
    if (next.lower === 'et' && (after.lower === 'al' || after.lower === 'al.')) return true;
    const joiner = next.text === ',' || next.text === '&' || next.lower === 'and';
    if (!joiner || !after.capitalized || after.kind !== 'word') return false;
    position += 2;
  }
  return false;
}

/**
 * A lone capitalised word nobody defined ("Fayetteville", "Zeitgeist") is kept only with
 * evidence from its neighbours: a speech verb after it makes a person; a place beside it in an
 * apposition or list ("Livorno, Tuscany", "Juárez, Tijuana and Reynosa") makes a place.
 */
export function typeLoneWord(context: LoneWordContext, candidate: Candidate): ActorType | undefined {
  if (context.evidence.has(candidate)) return context.evidence.get(candidate);
  const type = readNeighbours(context, candidate);
  context.evidence.set(candidate, type);
  return type;
}

function readNeighbours({ tokens, byStart, byEnd, personVerbs }: LoneWordContext, candidate: Candidate): ActorType | undefined {
  const next = tokens[candidate.end];
  if (next && (SPEECH_AFTER_NAME.has(next.lower) || personVerbs.has(next.lower))) return 'person';
  // "Galois's paper", "Galois himself", "Quilis (1964)", "(Laws, 2016)", "Binderman et al.": people, not places.
  if (next && (POSSESSIVES.has(next.text) || next.lower === 'himself' || next.lower === 'herself')) return 'person';
  if (isCitation(tokens, candidate.end)) return 'person';
  const before = tokens[candidate.start - 1];
  if (before && (SPEECH_AFTER_NAME.has(before.lower) || (before.lower === 'to' && tokens[candidate.start - 2]?.lower === 'according'))) return 'person';
  // A list or an apposition takes its neighbour's type: "Google, Bing, and Yahoo", "Livorno, Tuscany", "Sam and Dean".
  const strong = (found: Candidate | undefined): ActorType | undefined => (found !== undefined && !found.weak ? found.type : undefined);
  if (next && (next.text === ',' || next.lower === 'and')) {
    const after = strong(byStart.get(candidate.end + 1));
    if (after) return after;
  }
  const previous = tokens[candidate.start - 1];
  if (previous && (previous.text === ',' || previous.lower === 'and')) {
    const neighbour = byEnd.get(candidate.start - 1);
    const type = strong(neighbour);
    if (type) return type;
    if (neighbour && neighbour.type === 'place' && neighbour.weak && strong(byEnd.get(neighbour.start - 1)) === 'place') return 'place';
  }
  if (candidate.ruleIds.includes('actor.place-preposition')) return 'place';
  return undefined;
}

/**
 * What each lone word is across the article: "Coron" once after "in", or "Galois" once before
 * "said", types every other mention of the same word. A word read by a lexicon or a head word
 * elsewhere ("Łódź, Poland") lends that type too; otherwise the commonest context wins.
 */
export function typesOfLoneWords(
  context: LoneWordContext,
  candidates: Candidate[],
  isCommonNoun: (token: Token) => boolean,
): Map<string, ActorType | 'none'> {
  const { tokens } = context;
  const votes = new Map<string, Map<ActorType | 'none', number>>();
  // "the Eegimaa language", "Moriori culture", "Factor 1": a word used as a modifier names a thing, not an actor;
  // one in quotes of its own ("the word 'Bird'") is a word or a title.
  const isModifier = (candidate: Candidate): boolean => {
    const next = tokens[candidate.end];
    return next !== undefined && !next.newlineBefore && (next.kind === 'number' || (next.kind === 'word' && !next.capitalized && isCommonNoun(next)));
  };
  const known = new Map<string, ActorType>();
  for (const candidate of candidates) {
    if (candidate.end - candidate.start !== 1) continue;
    const word = (tokens[candidate.start] as Token).text;
    if (!candidate.weak) {
      if (!known.has(word)) known.set(word, candidate.type);
      continue;
    }
    const type = isModifier(candidate) || isQuotedWord(tokens, candidate) ? 'none' : typeLoneWord(context, candidate);
    if (!type) continue;
    const counts = votes.get(word) ?? new Map<ActorType | 'none', number>();
    counts.set(type, (counts.get(type) ?? 0) + 1);
    votes.set(word, counts);
  }
  const types = new Map<string, ActorType | 'none'>(known);
  for (const [word, counts] of votes) {
    if (types.has(word)) continue;
    let best: ActorType | 'none' | undefined;
    for (const [type, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = type;
    if (best) types.set(word, best);
  }
  return types;
}
