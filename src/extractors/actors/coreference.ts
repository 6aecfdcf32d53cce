import type { ActorMention } from '../../model/claim.js';
import { stableId } from '../text/hash.js';
import type { Token } from '../text/tokens.js';
import type { AcronymDefinition, Candidate, Span } from './candidate.js';
import type { NameSex } from './engine.js';
import { isQuotedWord, loneWordContext, loneWordEvidence, SPEECH_AFTER_NAME, typesOfLoneWords, type LoneWordTables } from './lone-words.js';

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
  acronyms: ReadonlyMap<string, AcronymDefinition>,
  reject: (span: Span, reason: string, ruleId: string) => void,
  /** Whether a word of a full name can stand for the person alone (not "I", "Mr", "League"). */
  isNamePart: (token: Token) => boolean,
  /** Whether a word may be part of a name at all, everyday words included ("Young"), but not titles or heads of other names. */
  mayNamePerson: (token: Token) => boolean,
  /** Whether a lower-case word is an everyday noun ("language", "culture"), for names used as modifiers. */
  isCommonNoun: (token: Token) => boolean,
  /** The rule that lists a word as a part of people's names, if one does: the last evidence for a lone word. */
  peopleNameRule: (word: string) => string | undefined,
  /** Words a lone word's neighbours are read against ("died" after it, "shareholders" after its possessive). */
  loneWordTables: LoneWordTables,
  /** What tells a person's sex: a courtesy title ("Mr") and a given name the name lexicon lists for one sex only. */
  sexes: NameSexEvidence,
): ActorMention[] {
  const loneWords = loneWordContext(tokens, candidates, loneWordTables);
  const { personVerbs } = loneWordTables;
  // Full person names (two words or more), longest first, indexed by their last and first word.
  const byLastWord = new Map<string, Array<{ words: string[]; canonical: string }>>();
  const byFirstWord = new Map<string, Array<{ words: string[]; canonical: string }>>();
  const seenNames = new Set<string>();
  /** Surnames of two-word names read as people only by default ("Zaha Hadid"): the last evidence for a lone "Hadid". */
  const defaultNameBySurname = new Map<string, string>();
  for (const candidate of candidates) {
    if (candidate.type === 'person' && candidate.ruleIds[0] === 'actor.capitalized-pair' && candidate.end - candidate.start === 2) {
      const surname = (tokens[candidate.end - 1] as Token).text;
      if (!defaultNameBySurname.has(surname)) defaultNameBySurname.set(surname, candidate.canonical);
    }
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
  const { types: wordTypes, settled: settledWords } = typesOfLoneWords(loneWords, candidates, isCommonNoun);
  const articledWords = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.weak && candidate.end - candidate.start === 1 && ARTICLES_BEFORE_THINGS.has(tokens[candidate.start - 1]?.lower ?? '')) articledWords.add((tokens[candidate.start] as Token).text);
  }
  const mentions: ActorMention[] = [];
  const byCanonical = new Map<string, string>();
  /** Tokens inside a mention of a person, place or group (an organisation's name may hold a person's). */
  const covered = new Uint8Array(tokens.length);
  for (const candidate of candidates) {
    const words = tokens.slice(candidate.start, candidate.end).filter((token) => token.kind === 'word').map((token) => token.text);
    let { type, canonical } = candidate;
    const ruleIds = [...candidate.ruleIds];
    // "Warwick" after "Ada Warwick": a place name the lexicon knows that is also the surname of
    // someone the article names in full stands for that person, unless a preposition of place leads it ("in Warwick").
    const placeLedBy = tokens[candidate.start - 1]?.lower ?? '';
    const surnameOfNamed = type === 'place' && words.length === 1 && candidate.ruleIds[0] === 'actor.lexicon-place' && !SURNAME_PLACE_LEADERS.has(placeLedBy)
      ? namedInFull(byLastWord, words[0] as string, CAPITALISED_WORD)
      : undefined;
    if (surnameOfNamed) {
      canonical = surnameOfNamed.canonical;
      type = 'person';
      ruleIds.push('person.surname-over-place');
    } else if ((type === 'person' || candidate.weak) && words.length <= MAX_SHORT_FORM_WORDS) {
      const fullNames = byLastWord.get(words[words.length - 1] as string)?.filter((name) => name.words.length > words.length && endsWith(name.words, words)) ?? [];
      // "Mr Varga" is not Ida Varga: a courtesy title passes over full names whose given name is of the other sex.
      const titleSex = honorificBefore(tokens, candidate.start, sexes);
      const fitting = titleSex ? fullNames.filter((name) => (sexes.givenName(name.words[0] as string) ?? titleSex) === titleSex) : fullNames;
      const match = fitting[0];
      if (titleSex && match !== fullNames[0]) ruleIds.push(sexes.ruleIds[titleSex]);
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
            if (isQuotedWord(tokens, candidate)) reject(candidate, 'a word the article puts in quotes as a word or a title ("the word \'Bird\'"), not a name of an actor', 'not-actor.quoted-word');
            else reject(candidate, 'a word the article uses as a modifier ("the Eegimaa language"), not a name of an actor', 'not-actor.name-as-modifier');
            continue;
          }
          // "the Moon", "a Moon landing": a word the article gives an article is a thing, whatever people bear it as a name.
          const listedName = peopleNameRule(words[0] as string);
          const articled = listedName !== undefined && articledWords.has(words[0] as string);
          const nameRule = articled ? undefined : listedName;
          // A type another mention settled (a body, a life verb) outweighs this one's own context only where that fits more than one type.
          const own = loneWordEvidence(loneWords, candidate);
          const settled = own?.specific ? undefined : settledWords.get(words[0] as string);
          if (settled?.ruleId !== undefined) ruleIds.push(settled.ruleId);
          const evidenced = settled?.type ?? own?.type ?? voted;
          const fullName = evidenced === undefined || evidenced === 'person' ? defaultNameBySurname.get(words[0] as string) : undefined;
          const context = evidenced ?? (nameRule || fullName ? 'person' : undefined);
          if (fullName) {
            canonical = fullName;
            ruleIds.push('actor.coref-short-form');
          } else if (!evidenced && nameRule) ruleIds.push(nameRule);
          const lifeVerbRule = evidenced === 'person' ? personVerbs.get(tokens[candidate.end]?.lower ?? '') : undefined;
          if (lifeVerbRule) ruleIds.push(lifeVerbRule);
          if (!context) {
            if (articled) reject(candidate, 'a lone word the article puts after "the" or "a" ("the Moon"), a thing though people bear it as a name', 'not-actor.articled-name');
            else reject(candidate, 'a lone capitalised word with no evidence of what it names', 'actor.untyped-single');
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
      if (!token.capitalized || covered[index] === 1) continue;
      const asNamePart = isNamePart(token);
      // "Young, in his testimony, …", "Park said": an everyday word that is the surname of someone named in full
      // names them too where the word cannot be read as itself: inside a sentence, or before a comma, a speech verb or a possessive.
      const surname = asNamePart || !mayNamePerson(token) ? undefined : namedInFull(byLastWord, token.text, TITLE_CASE_WORD);
      if (!asNamePart && !(surname && standsAsName(tokens, index))) continue;
      const name = surname ?? byLastWord.get(token.text)?.[0] ?? byFirstWord.get(token.text)?.[0];
      if (!name || name.words.length < 2) continue;
      const key = `person\u0000${name.canonical}`;
      const actorId = byCanonical.get(key) ?? stableId('actor-', 'person', name.canonical);
      byCanonical.set(key, actorId);
      mentions.push({ start: token.start, end: token.end, text: token.text, type: 'person', canonical: name.canonical, actorId, ruleIds: surname ? ['actor.coref-name-part', 'person.everyday-surname'] : ['actor.coref-name-part'] });
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return mentions;
}

/** Readers of a person's sex, with the rows that say so. */
export interface NameSexEvidence {
  /** The sex a courtesy title tells ("mr" → male), by its lower-case form without a full stop. */
  honorific: (lowerWord: string) => NameSex | undefined;
  /** The sex of a given name the name lexicon lists for one sex only ("Ida" → female). */
  givenName: (word: string) => NameSex | undefined;
  ruleIds: Readonly<Record<NameSex, string>>;
}

/** The sex told by a courtesy title right before a name ("Mr Roe", "Mrs. Roe"). */
function honorificBefore(tokens: Token[], start: number, sexes: NameSexEvidence): NameSex | undefined {
  let before = start - 1;
  if (tokens[before]?.text === '.') before--;
  const title = tokens[before];
  return title?.kind === 'word' && title.capitalized ? sexes.honorific(title.lower) : undefined;
}

/** The longest short form of a full name: a surname with its particles ("Van Der Ploeg" of "James Van Der Ploeg"). */
const MAX_SHORT_FORM_WORDS = 3;

const CAPITALISED_WORD = /^\p{Lu}/u;
/** "Young" in "Jo Young", not in "JO YOUNG": a capital then a lower-case letter. */
const TITLE_CASE_WORD = /^\p{Lu}\p{Ll}/u;

/** The first person the article names in more than one word, each matching `wordShape`, whose last word is `surname`. */
function namedInFull<Name extends { words: string[] }>(byLastWord: ReadonlyMap<string, Name[]>, surname: string, wordShape: RegExp): Name | undefined {
  return byLastWord.get(surname)?.find((name) => name.words.length > 1 && name.words.every((word) => wordShape.test(word)));
}

/** Words after a name that show it names someone: a comma, a possessive or a verb of saying. */
const AFTER_NAME: ReadonlySet<string> = new Set([',', "'s", '’s', ...SPEECH_AFTER_NAME]);
const SENTENCE_ENDS: ReadonlySet<string> = new Set(['.', '!', '?', '"', '“', '”', '(', ':', ';', '—']);

/**
 * A capitalised everyday word stands as a name on its own, not inside a longer name ("Penn State Wiki"): inside a sentence,
 * or at its start before a comma, a possessive or a verb of saying.
 */
function standsAsName(tokens: Token[], index: number): boolean {
  const token = tokens[index] as Token;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  const opensSentence = before === undefined || token.newlineBefore || SENTENCE_ENDS.has(before.text);
  if ((!opensSentence && before?.kind === 'word' && before.capitalized) || (after?.kind === 'word' && after.capitalized)) return false;
  return !opensSentence || AFTER_NAME.has(after?.lower ?? '');
}

/** Words before a place name that keep it a place even when someone in the article bears it as a surname. */
const SURNAME_PLACE_LEADERS: ReadonlySet<string> = new Set(['in', 'at', 'from', 'to', 'into', 'near', 'across', 'toward', 'towards', 'throughout', 'outside', 'inside', 'around', 'via', 'between', 'of', 'the', 'north', 'south', 'east', 'west', 'central']);
/** Articles: a lone name after one is a thing ("the Moon"), not a person. */
const ARTICLES_BEFORE_THINGS: ReadonlySet<string> = new Set(['the', 'a', 'an']);

function endsWith(words: string[], suffix: string[]): boolean {
  if (suffix.length > words.length) return false;
  const offset = words.length - suffix.length;
  return suffix.every((word, index) => words[offset + index] === word);
}
