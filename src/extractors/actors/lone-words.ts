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

/**
 * What a lone word's neighbours say it is. Specific evidence fits one type only (a life verb, a
 * typed neighbour in a list, "its" after its verb); a speech verb, a possessive or "according to"
 * fit a body as well as a person, so they give way to specific evidence elsewhere in the article.
 */
export interface LoneWordEvidence {
  type: ActorType;
  specific: boolean;
  /** Whether it types the word's other mentions too: a body's evidence, or a life verb (a neighbour in a list may be a loose one). */
  settles: boolean;
  /** The row that read it, where one row reads this context alone. */
  ruleId?: string;
}

/** Words the neighbours of a lone word are read against, from config/actors. */
export interface LoneWordTables {
  /** Verbs only a person does ("died", "married"), from config/actors/lexicon.json. */
  personVerbs: ReadonlyMap<string, string>;
  /** Nouns only a body owns after a possessive ("Acme's shareholders"), from config/actors/lexicon.json. */
  bodyPossessions: ReadonlyMap<string, string>;
  /** Verbs of an acting body ("said", "announced"), from config/actors/lexicon.json. */
  agentVerbs: ReadonlyMap<string, string>;
}

/** The candidates of one article indexed by where they start and end, and the evidence read so far. */
export interface LoneWordContext extends LoneWordTables {
  tokens: Token[];
  byStart: Map<number, Candidate>;
  byEnd: Map<number, Candidate>;
  /** Each weak candidate's neighbour evidence, read once (it is asked while voting and while resolving). */
  evidence: Map<Candidate, LoneWordEvidence | undefined>;
}

export function loneWordContext(tokens: Token[], candidates: Candidate[], tables: LoneWordTables): LoneWordContext {
  const byStart = new Map<number, Candidate>();
  const byEnd = new Map<number, Candidate>();
  for (const candidate of candidates) {
    byStart.set(candidate.start, candidate);
    byEnd.set(candidate.end, candidate);
  }
  return { ...tables, tokens, byStart, byEnd, evidence: new Map() };
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
export function loneWordEvidence(context: LoneWordContext, candidate: Candidate): LoneWordEvidence | undefined {
  if (context.evidence.has(candidate)) return context.evidence.get(candidate);
  const found = readNeighbours(context, candidate);
  context.evidence.set(candidate, found);
  return found;
}

/** Row of config/actors/evidence.json that reads "its" after a lone word's verb as a body ("Acme said its …"). */
const ITS_AFTER_VERB_ROW = 'org.its-after-verb';

const SHARED = (type: ActorType): LoneWordEvidence => ({ type, specific: false, settles: false });
const SPECIFIC = (type: ActorType, ruleId?: string, settles = true): LoneWordEvidence => ({ type, specific: true, settles, ...(ruleId === undefined ? {} : { ruleId }) });

function readNeighbours(context: LoneWordContext, candidate: Candidate): LoneWordEvidence | undefined {
  const { tokens, byStart, byEnd, personVerbs, bodyPossessions, agentVerbs } = context;
  const next = tokens[candidate.end];
  if (next && personVerbs.has(next.lower)) return SPECIFIC('person');
  // "Acme said its profit fell", "Acme said that its …": "its" in the clause its verb opens stands for the subject.
  if (itsAfterVerb(tokens, candidate.end, agentVerbs)) return SPECIFIC('organization', ITS_AFTER_VERB_ROW);
  // "the shareholders of Acme", "the chief executive of Acme": the same nouns as after "Acme's", before "of".
  if (tokens[candidate.start - 1]?.lower === 'of') {
    const owned = bodyPossessions.get(tokens[candidate.start - 2]?.lower ?? '');
    if (owned !== undefined) return SPECIFIC('organization', owned);
  }
  if (next && SPEECH_AFTER_NAME.has(next.lower)) return SHARED('person');
  if (next && POSSESSIVES.has(next.text)) {
    // "Acme's shareholders", "Acme's chief executive": what only a body has.
    const owned = bodyPossessions.get(tokens[candidate.end + 1]?.lower ?? '');
    return owned === undefined ? SHARED('person') : SPECIFIC('organization', owned);
  }
  // "Galois himself", "Quilis (1964)", "(Laws, 2016)", "Binderman et al.": people, not places.
  if (next && (next.lower === 'himself' || next.lower === 'herself')) return SPECIFIC('person');
  // (Years in brackets follow a place in a person's title too, "Gordon of Auchleuchries (1635 – 1699)": this mention only.)
  if (isCitation(tokens, candidate.end)) return SPECIFIC('person', undefined, false);
  const before = tokens[candidate.start - 1];
  if (before && (SPEECH_AFTER_NAME.has(before.lower) || (before.lower === 'to' && tokens[candidate.start - 2]?.lower === 'according'))) return SHARED('person');
  // A list or an apposition takes its neighbour's type: "Google, Bing, and Yahoo", "Livorno, Tuscany", "Sam and Dean".
  const strong = (found: Candidate | undefined): ActorType | undefined => (found !== undefined && !found.weak ? found.type : undefined);
  if (next && (next.text === ',' || next.lower === 'and')) {
    const after = strong(byStart.get(candidate.end + 1));
    if (after) return SPECIFIC(after, undefined, after === 'organization');
  }
  const previous = tokens[candidate.start - 1];
  if (previous && (previous.text === ',' || previous.lower === 'and')) {
    const neighbour = byEnd.get(candidate.start - 1);
    const type = strong(neighbour);
    if (type) return SPECIFIC(type, undefined, type === 'organization');
    if (neighbour && neighbour.type === 'place' && neighbour.weak && strong(byEnd.get(neighbour.start - 1)) === 'place') return SPECIFIC('place', undefined, false);
  }
  if (candidate.ruleIds.includes('actor.place-preposition')) return SHARED('place');
  return undefined;
}

/**
 * A verb of an acting body right after the name, then "its" or "that its": "Acme said its", "Acme announced that its".
 * (A place has "its" too, "charm to Łódź in its façades", but says and announces nothing.)
 */
function itsAfterVerb(tokens: Token[], end: number, agentVerbs: ReadonlyMap<string, string>): boolean {
  const verb = tokens[end];
  if (!verb || verb.kind !== 'word' || verb.capitalized || !agentVerbs.has(verb.lower)) return false;
  const after = tokens[end + 1]?.lower === 'that' ? tokens[end + 2] : tokens[end + 1];
  return after?.lower === 'its';
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
): LoneWordTypes {
  const { tokens } = context;
  const votes = new Map<string, Map<ActorType | 'none', number>>();
  const specificVotes = new Map<string, Map<ActorType, { count: number; ruleId?: string }>>();
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
    const notActor = isModifier(candidate) || isQuotedWord(tokens, candidate);
    const evidence = notActor ? undefined : loneWordEvidence(context, candidate);
    const type = notActor ? 'none' : evidence?.type;
    if (!type) continue;
    const counts = votes.get(word) ?? new Map<ActorType | 'none', number>();
    counts.set(type, (counts.get(type) ?? 0) + 1);
    votes.set(word, counts);
    if (evidence?.settles) {
      const specific = specificVotes.get(word) ?? new Map<ActorType, { count: number; ruleId?: string }>();
      const vote = specific.get(evidence.type) ?? { count: 0 };
      vote.count++;
      if (evidence.ruleId !== undefined) vote.ruleId ??= evidence.ruleId;
      specific.set(evidence.type, vote);
      specificVotes.set(word, specific);
    }
  }
  const types = new Map<string, ActorType | 'none'>(known);
  for (const [word, counts] of votes) {
    if (types.has(word)) continue;
    let best: ActorType | 'none' | undefined;
    for (const [type, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = type;
    if (best) types.set(word, best);
  }
  // One name, one sense in an article: a body read by a table or by a body's evidence in one mention,
  // or a person read by a life verb ("Okafor died"), is that in the mentions whose own context fits
  // more than one type ("Acme said", "Acme's offices", "with Okafor"). (A lone place or person read by a
  // table elsewhere may come from a loose neighbour, "his native Bohemia": there the word's own context says more.)
  const settled = new Map<string, { type: ActorType; ruleId?: string }>();
  for (const [word, type] of known) if (type === 'organization') settled.set(word, { type });
  for (const [word, specific] of specificVotes) {
    if (settled.has(word)) continue;
    let best: [ActorType, { count: number; ruleId?: string }] | undefined;
    for (const entry of specific) if (best === undefined || entry[1].count > best[1].count) best = entry;
    if (best) settled.set(word, { type: best[0], ...(best[1].ruleId === undefined ? {} : { ruleId: best[1].ruleId }) });
  }
  return { types, settled };
}

/** The type each lone word takes across the article: by vote, and where one reading settles it for every mention. */
export interface LoneWordTypes {
  types: Map<string, ActorType | 'none'>;
  settled: Map<string, { type: ActorType; ruleId?: string }>;
}
