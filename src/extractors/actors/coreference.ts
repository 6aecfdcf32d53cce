import type { ActorMention, ActorType } from '../../model/claim.js';
import { stableId } from '../text/hash.js';
import type { Token } from '../text/tokens.js';

/** Mentions found by the actor engine before they are linked within the article. */
export interface AcronymDefinition {
  start: number;
  end: number;
  named: boolean;
}

export interface Span {
  start: number; // token index
  end: number; // exclusive
}

export interface Candidate extends Span {
  type: ActorType;
  canonical: string;
  ruleIds: string[];
  /** Resolved later by coreference (a single unknown word). */
  weak?: boolean;
}

/** Speech verbs that follow ("Okafor said") or precede ("said Okafor") a speaker's name. */
export const SPEECH_AFTER_NAME = new Set(['said', 'says', 'told', 'tells', 'added', 'wrote', 'explained', 'argued', 'noted', 'asked', 'replied', 'stated']);

const POSSESSIVES = new Set(["'s", '’s', "'", '’']);
const YEAR = /^(1[5-9]|20)\d\d[a-z]?$/;

/** An author cited by year: "Quilis (1964)", "Laws, 2016", "Binderman et al.", "(Lewis, Simons, & Fennig, 2014)". */
function isCitation(tokens: Token[], end: number): boolean {
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
function typeLoneWord(tokens: Token[], candidate: Candidate, byStart: Map<number, Candidate>, byEnd: Map<number, Candidate>): ActorType | undefined {
  const next = tokens[candidate.end];
  if (next && SPEECH_AFTER_NAME.has(next.lower)) return 'person';
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
    const before = byEnd.get(candidate.start - 1);
    const type = strong(before);
    if (type) return type;
    if (before && before.type === 'place' && before.weak && strong(byEnd.get(before.start - 1)) === 'place') return 'place';
  }
  if (candidate.ruleIds.includes('actor.place-preposition')) return 'place';
  return undefined;
}

/**
 * Links mentions within the article: a short form ("Obrador", "Biden") takes the canonical
 * name of the longest earlier-or-later person whose name ends with it; an acronym defined in
 * brackets takes the canonical name of its expansion. Weak single-word guesses take the type
 * of the actor they resolve to.
 */
export function resolveCoreference(
  text: string,
  tokens: Token[],
  candidates: Candidate[],
  acronyms: Map<string, AcronymDefinition>,
  reject: (span: Span, reason: string, ruleId: string) => void,
  /** Whether a word of a full name can stand for the person alone (not "I", "Mr", "League"). */
  isNamePart: (token: Token) => boolean,
  /** Whether a lower-case word is an everyday noun ("language", "culture"), for names used as modifiers. */
  isCommonNoun: (token: Token) => boolean,
  /** The rule that lists a word as a part of people's names, if one does: the last evidence for a lone word. */
  peopleNameRule: (word: string) => string | undefined,
): ActorMention[] {
  const byStart = new Map<number, Candidate>();
  const byEnd = new Map<number, Candidate>();
  for (const candidate of candidates) {
    byStart.set(candidate.start, candidate);
    byEnd.set(candidate.end, candidate);
  }
  // Full person names (two words or more), longest first, indexed by their last and first word.
  const byLastWord = new Map<string, Array<{ words: string[]; canonical: string }>>();
  const byFirstWord = new Map<string, Array<{ words: string[]; canonical: string }>>();
  const seenNames = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.type !== 'person' || candidate.weak) continue;
    const words = tokens.slice(candidate.start, candidate.end).filter((token) => token.kind === 'word').map((token) => token.text);
    if (words.length < 2 || seenNames.has(candidate.canonical)) continue;
    seenNames.add(candidate.canonical);
    const name = { words, canonical: candidate.canonical };
    for (const [index, key] of [[byLastWord, words[words.length - 1] as string], [byFirstWord, words[0] as string]] as const) {
      const list = index.get(key) ?? [];
      list.push(name);
      list.sort((a, b) => b.words.length - a.words.length);
      index.set(key, list);
    }
  }
  const wordTypes = typesOfLoneWords(tokens, candidates, byStart, byEnd, isCommonNoun);
  const mentions: ActorMention[] = [];
  const byCanonical = new Map<string, string>();
  /** Tokens inside a mention of a person, place or group (an organisation's name may hold a person's). */
  const covered = new Uint8Array(tokens.length);
  for (const candidate of candidates) {
    const words = tokens.slice(candidate.start, candidate.end).filter((token) => token.kind === 'word').map((token) => token.text);
    let { type, canonical } = candidate;
    const ruleIds = [...candidate.ruleIds];
    if ((type === 'person' || candidate.weak) && words.length <= 2) {
      const match = byLastWord.get(words[words.length - 1] as string)?.find((name) => name.words.length > words.length && endsWith(name.words, words));
      if (match && match.canonical !== canonical) {
        canonical = match.canonical;
        type = 'person';
        ruleIds.push('actor.coref-short-form');
      } else if (candidate.weak && words.length === 1) {
        const first = byFirstWord.get(words[0] as string)?.[0];
        if (first) {
          canonical = first.canonical;
          type = 'person';
          ruleIds.push('actor.coref-short-form');
        } else if (candidate.ruleIds[0] === 'actor.single-name' || candidate.ruleIds[0] === 'actor.place-preposition') {
          const voted = wordTypes.get(words[0] as string);
          if (voted === 'none') {
            reject(candidate, 'a word the article uses as a modifier ("the Eegimaa language"), not a name of an actor', 'not-actor.name-as-modifier');
            continue;
          }
          const nameRule = peopleNameRule(words[0] as string);
          const evidenced = typeLoneWord(tokens, candidate, byStart, byEnd) ?? voted;
          const context = evidenced ?? (nameRule ? 'person' : undefined);
          if (!evidenced && nameRule) ruleIds.push(nameRule);
          if (!context) {
            reject(candidate, 'a lone capitalised word with no evidence of what it names', 'actor.untyped-single');
            continue;
          }
          type = context;
          ruleIds.push('actor.context-typed');
        }
      }
    }
    const acronym = words.length === 1 ? acronyms.get(words[0] as string) : undefined;
    if (acronym) {
      canonical = text.slice((tokens[acronym.start] as Token).start, (tokens[acronym.end - 1] as Token).end);
      ruleIds.push('actor.acronym-defined');
    }
    const first = tokens[candidate.start] as Token;
    const last = tokens[candidate.end - 1] as Token;
    const key = `${type}\u0000${canonical}`;
    const actorId = byCanonical.get(key) ?? stableId('actor-', type, canonical);
    byCanonical.set(key, actorId);
    mentions.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), type, canonical, actorId, ruleIds: [...new Set(ruleIds)] });
    // "the Biden administration" is read as the body, not as its leader too.
    if (type !== 'organization' || candidate.ruleIds.includes('org.lowercase-head')) covered.fill(1, candidate.start, candidate.end);
  }
  // A part of a full name found again where nothing else was read: "Marilyn" alone, "Warhol" in
  // "the Warhol Factory", "Okafor" at a sentence start. The reader knows who that is.
  if (byLastWord.size > 0) {
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index] as Token;
      if (!token.capitalized || covered[index] === 1 || !isNamePart(token)) continue;
      const name = byLastWord.get(token.text)?.[0] ?? byFirstWord.get(token.text)?.[0];
      if (!name || name.words.length < 2) continue;
      const key = `person\u0000${name.canonical}`;
      const actorId = byCanonical.get(key) ?? stableId('actor-', 'person', name.canonical);
      byCanonical.set(key, actorId);
      mentions.push({ start: token.start, end: token.end, text: token.text, type: 'person', canonical: name.canonical, actorId, ruleIds: ['actor.coref-name-part'] });
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return mentions;
}

/**
 * What each lone word is across the article: "Coron" once after "in", or "Galois" once before
 * "said", types every other mention of the same word. A word read by a lexicon or a head word
 * elsewhere ("Łódź, Poland") lends that type too; otherwise the commonest context wins.
 */
function typesOfLoneWords(
  tokens: Token[],
  candidates: Candidate[],
  byStart: Map<number, Candidate>,
  byEnd: Map<number, Candidate>,
  isCommonNoun: (token: Token) => boolean,
): Map<string, ActorType | 'none'> {
  const votes = new Map<string, Map<ActorType | 'none', number>>();
  // "the Eegimaa language", "Moriori culture", "Factor 1": a word used as a modifier names a thing, not an actor.
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
    const type = isModifier(candidate) ? 'none' : typeLoneWord(tokens, candidate, byStart, byEnd);
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

function endsWith(words: string[], suffix: string[]): boolean {
  if (suffix.length > words.length) return false;
  const offset = words.length - suffix.length;
  return suffix.every((word, index) => words[offset + index] === word);
}
