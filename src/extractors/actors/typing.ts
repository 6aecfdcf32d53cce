import type { ActorType } from '../../model/claim.js';
import type { Token } from '../text/tokens.js';
import { isAcronym } from './acronyms.js';
import type { TypeGuess } from './candidate.js';
import { lookupName } from './engine.js';
import { appearsInLowerCase, isClauseStart, type ActorScan } from './scan.js';
import { commonWordEvidence, DETERMINERS, DIRECTIONS, isCommonWord, isDictionaryWord, isListedCommonWord, isNameOnlyWord, isPlaceAt } from './word-evidence.js';

/** Typing a span no dictionary names: by its head word, by the words in it, by the noun that describes it. */

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'into', 'near', 'across', 'toward', 'towards', 'throughout', 'outside', 'inside', 'around', 'via', 'between']);
/** Mid-sentence capitalised uses that make an everyday word a name when it never appears in lower case. */
const RECURRING_NAME_COUNT = 3;
const COPULAS = new Set(['is', 'was', 'are', 'were', 'became', 'becomes']);
const ARTICLES = new Set(['a', 'an', 'the']);

/** "University of Southern Indiana", "Lake Erie", "Treaty of Paris": what the head word (or a leading head) says. */
export function typeByHead(scan: ActorScan, start: number, end: number): TypeGuess | undefined {
  const { state, tokens } = scan;
  // The head is the last word before an "of" or "for" join ("University of Southern Indiana", "Foundation for the Arts").
  let headIndex = end - 1;
  for (let position = start + 1; position < end - 1; position++) if ((tokens[position] as Token).text === 'of' || (tokens[position] as Token).text === 'for') {
    headIndex = position - 1;
    break;
  }
  const head = tokens[headIndex] as Token;
  if (end - start === 1 && headIndex === start) return undefined;
  // "Center for Advanced Study", "Office for Civil Rights": a place for a purpose is the body that runs it.
  const forPurpose = tokens[headIndex + 1]?.text === 'for' && headIndex + 1 < end;
  const notActorRule = state.notActorHeads.get(head.lower);
  if (notActorRule) return { type: 'none', ruleId: notActorRule };
  const orgRule = state.orgHeads.get(head.lower);
  if (orgRule) return { type: 'organization', ruleId: orgRule };
  const placeRule = state.placeHeads.get(head.lower);
  if (placeRule) return forPurpose ? { type: 'organization', ruleId: 'org.place-for-purpose' } : { type: 'place', ruleId: placeRule };
  if (state.lexicon.isOrgHeadWord(head.lower)) return { type: 'organization', ruleId: 'actor.lexicon-org-word' };
  if (state.lexicon.isPlaceHeadWord(head.lower)) return { type: 'place', ruleId: 'actor.lexicon-place-word' };
  return state.leadingHeads.get((tokens[start] as Token).lower);
}

/**
 * "Quillby North America", "Quillby South Africa": a name no table knows before a place of two words or more is that
 * body's arm there; people's names do not end in a place of several words.
 */
export function isBodyInRegion(scan: ActorScan, start: number, end: number): boolean {
  const { state, tokens } = scan;
  const first = tokens[start] as Token;
  // Most runs open with a word some table knows: no need to look for a region after it.
  if (end - start < 3 || state.lexicon.classes(first.lower).size > 0 || state.everydayWords.words.has(first.lower)) return false;
  for (let regionStart = start + 1; regionStart <= end - 2; regionStart++) {
    const listed = lookupName(state, tokens, regionStart, end);
    const phrase = state.lexicon.phraseClasses(tokens.slice(regionStart, end).map((token) => token.lower).join(' '));
    const region = (listed?.type === 'place' && regionStart + listed.tokens.length === end) || phrase.has('place');
    if (!region) continue;
    if (lookupName(state, tokens, start, regionStart) !== undefined) return false;
    return tokens.slice(start, regionStart).every((word) => word.kind === 'word' && word.capitalized && state.lexicon.classes(word.lower).size === 0 && !state.everydayWords.words.has(word.lower));
  }
  return false;
}

/** A lower-case noun that says what the name is: "magazine MicroMega", "the town of Coron", "Galois, a mathematician". */
export function describedBy(scan: ActorScan, start: number, end: number): TypeGuess | undefined {
  const key = start * (scan.tokens.length + 1) + end;
  if (scan.described.has(key)) return scan.described.get(key);
  const found = findDescribingNoun(scan, start, end);
  scan.described.set(key, found);
  return found;
}

function findDescribingNoun(scan: ActorScan, start: number, end: number): TypeGuess | undefined {
  const { state, tokens } = scan;
  const before = tokens[start - 1];
  // "outlets such as Quillby", "a publisher like Quillby", "lenders, including Quillby": the name is one of the kind the noun names.
  const exampleOf = examplesIntroducedAt(tokens, start);
  if (exampleOf !== undefined) {
    const noun = classNounOf(scan, tokens[exampleOf - 1]?.text === ',' ? tokens[exampleOf - 2] : tokens[exampleOf - 1]);
    if (noun) return noun;
  }
  if (before && !before.capitalized) {
    if (before.lower === 'of') {
      const noun = classNounOf(scan, tokens[start - 2]);
      if (noun && noun.type !== 'person') return noun;
    } else {
      const noun = classNounOf(scan, before);
      if (noun) return noun;
    }
  }
  // "X, a town in ...", "X is an American linguist": a determiner, a few modifiers, then the noun.
  let position = end;
  const link = tokens[position];
  if (!link || !(link.text === ',' || COPULAS.has(link.lower))) return undefined;
  position++;
  if (!ARTICLES.has(tokens[position]?.lower ?? '')) return undefined;
  for (let step = 0; step < 5; step++) {
    const word = tokens[++position];
    if (!word || word.kind !== 'word') return undefined;
    const noun = classNounOf(scan, word);
    // "Unbending, the mayor said …": a noun phrase its verb follows is the subject of the clause, not a description set off after the name.
    if (noun) return link.text === ',' && opensPredicate(scan, position + 1) ? undefined : noun;
    const classes = state.lexicon.classes(word.lower);
    const modifier = word.capitalized || word.text.includes('-') || classes.has('adjective') || classes.has('demonym') || word.kind === 'word' && /ly$/.test(word.lower);
    // "a global solutions provider", "an oil company": a noun before the noun of its kind qualifies it.
    if (!modifier) return classNounOf(scan, tokens[position + 1]);
  }
  return undefined;
}

/** A verb right after the noun, unless it is a participle taking its preposition ("a composer raised in Vienna"), which still describes the name. */
function opensPredicate(scan: ActorScan, position: number): boolean {
  const { tokens, state } = scan;
  const verb = tokens[position];
  if (verb === undefined || verb.kind !== 'word' || verb.capitalized || !state.lexicon.classes(verb.lower).has('verb')) return false;
  const participleForm = /(?:ed|en|wn|rn)$/.test(verb.lower);
  return !(participleForm && state.lexicon.classes(tokens[position + 1]?.lower ?? '').has('preposition'));
}

/** Where the words that introduce examples before `start` begin ("such as", "like", "including"), if they stand right before it. */
function examplesIntroducedAt(tokens: Token[], start: number): number | undefined {
  const before = tokens[start - 1]?.lower;
  if (before === 'as' && tokens[start - 2]?.lower === 'such') return start - 2;
  return before === 'like' || before === 'including' ? start - 1 : undefined;
}

function classNounOf(scan: ActorScan, word: Token | undefined): { type: ActorType; ruleId: string } | undefined {
  if (!word || word.kind !== 'word' || word.capitalized) return undefined;
  const { state } = scan;
  const listed = state.classNouns.get(word.lower) ?? (word.lower.endsWith('s') ? state.classNouns.get(word.lower.slice(0, -1)) : undefined);
  if (listed) return listed;
  return state.lexicon.classes(word.lower).has('person-noun') ? { type: 'person', ruleId: 'actor.described-by-noun' } : undefined;
}

/** Typing by the words of the span and its neighbours when its head says nothing. */
export function typeByWords(scan: ActorScan, start: number, end: number): TypeGuess | undefined {
  const { state, tokens, acronyms, candidates, capitalizedElsewhere } = scan;
  const words = tokens.slice(start, end);
  const first = words[0] as Token;
  const last = words[words.length - 1] as Token;
  const acronym = acronyms.get(first.text);
  if (words.length === 1 && acronym) {
    if (!acronym.named) return { type: 'none', ruleId: 'not-actor.acronym-of-common-words' };
    const expansion = candidates.findLast((candidate) => candidate.end === acronym.end);
    return expansion ? { type: expansion.type, ruleId: 'actor.acronym-defined' } : { type: 'none', ruleId: 'not-actor.acronym-of-common-words' };
  }
  if (words.length === 1) {
    const classes = state.lexicon.classes(first.lower);
    if (classes.has('date-word')) return undefined;
    if (classes.has('place')) return { type: 'place', ruleId: 'actor.lexicon-place' };
    if (classes.has('organization')) return { type: 'organization', ruleId: 'actor.lexicon-organization' };
    if (classes.has('plural-demonym')) return { type: 'group', ruleId: 'actor.plural-demonym' };
    if (classes.has('demonym')) return undefined;
    if (isRoad(scan, start, end)) return { type: 'place', ruleId: 'place.road-number' };
    // "BED", "CAMPUS" in a heading or a shouted line: an everyday word in capitals, not an acronym.
    if (isAcronym(first) && first.text.length >= 3 && !classes.has('organization') && (isListedCommonWord(state, first) || isDictionaryWord(state, first))) return { type: 'none', ruleId: 'not-actor.capitals-heading' };
    if (isAcronym(first) && (first.text.length <= 3 || !classes.has('common') || classes.has('organization'))) {
      if (/\d/.test(first.text)) return { type: 'none', ruleId: 'not-actor.acronym-with-digits' };
      if (state.currencyCodes.has(first.text)) return { type: 'none', ruleId: 'not-actor.currency-code' };
      return { type: 'organization', ruleId: 'actor.acronym' };
    }
    // "upheld by the Court", "thanked the University": an institution word capitalised mid-sentence names one.
    if ((state.orgHeads.has(first.lower) || state.lexicon.isOrgHeadWord(first.lower)) && !isClauseStart(scan, start) && tokens[end]?.kind !== 'number') return { type: 'organization', ruleId: 'actor.capitalized-institution' };
    if (classes.has('common') && !classes.has('first-name') && !classes.has('last-name')) {
      // "Chime cut its fees ... customers of Chime": the article's own subject, a brand named by an everyday word.
      const recurring = (capitalizedElsewhere.get(first.text) ?? 0) >= RECURRING_NAME_COUNT && !classes.has('adjective') && !DIRECTIONS.has(first.lower) &&
        !DETERMINERS.has(tokens[start - 1]?.lower ?? '') && tokens[end]?.kind !== 'number' && !appearsInLowerCase(tokens, first.lower);
      return recurring ? { type: 'organization', ruleId: 'org.recurring-capitalised-word', weak: true } : undefined;
    }
    const described = describedBy(scan, start, end);
    if (described) return described;
    // "studied Philology", "a sense of Nature": an everyday word capitalised for emphasis or as a subject name.
    if (isDictionaryWord(state, first)) return undefined;
    const previous = tokens[start - 1];
    if (previous && PLACE_PREPOSITIONS.has(previous.lower) && !classes.has('first-name')) return { type: 'place', ruleId: 'actor.place-preposition', weak: true };
    if ((classes.has('first-name') || classes.has('last-name')) && !classes.has('common') && !isClauseStart(scan, start)) return { type: 'person', ruleId: 'person.known-name' };
    return { type: 'person', ruleId: 'actor.single-name', weak: true };
  }
  if (words.some((word) => state.lexicon.classes(word.lower).has('date-word'))) return undefined;
  if (isBodyInRegion(scan, start, end)) return { type: 'organization', ruleId: BODY_IN_REGION_ROW };
  if (words.every((word) => state.lexicon.classes(word.lower).has('place') || word.text === 'of')) return { type: 'place', ruleId: 'actor.lexicon-place' };
  const firstClasses = state.lexicon.classes(first.lower);
  const lastClasses = state.lexicon.classes(last.lower);
  if (firstClasses.has('first-name') || lastClasses.has('last-name')) return { type: 'person', ruleId: 'actor.person-name' };
  const described = describedBy(scan, start, end);
  if (described) return described;
  if (words.some((word) => word.text === 'of' || word.text === 'and' || word.text === '&' || word.text === 'for')) return { type: 'organization', ruleId: 'actor.multiword-name', weak: true };
  if (words.length > 1 && isPlaceAt(state, tokens, end - 1) && words.slice(0, -1).every((word) => DIRECTIONS.has(word.lower))) return { type: 'place', ruleId: 'place.direction-and-place' };
  if (firstClasses.has('demonym') && words.slice(1).every((word) => isCommonWord(state, word))) return { type: 'none', ruleId: 'not-actor.demonym-phrase' };
  if (lastClasses.has('demonym') && !lastClasses.has('plural-demonym') && (words.length === 2 || words.slice(0, -1).every((word) => DIRECTIONS.has(word.lower) || state.lexicon.classes(word.lower).has('demonym')))) {
    return { type: 'none', ruleId: 'not-actor.demonym-phrase' };
  }
  const evidence = words.map((word) => commonWordEvidence(state, word));
  if (evidence.every((ruleId) => ruleId !== undefined)) return { type: 'none', ruleId: evidence.find((ruleId) => ruleId !== 'not-actor.common-words') ?? 'not-actor.common-words' };
  // "Spanish Art", "The Lookout": an everyday word in a run with no given name or surname is a title, a term or a work.
  // A name part no lexicon or dictionary knows otherwise ("Taylor" in "Taylor Swift") counts as a name word too.
  const nameWord = words.some((word) => {
    const wordClasses = state.lexicon.classes(word.lower);
    return wordClasses.has('first-name') || wordClasses.has('last-name') || wordClasses.has('place') || wordClasses.has('organization') || isNameOnlyWord(state, word);
  });
  // Dictionary words alone do not outweigh a word no lexicon knows ("Elon Musk", "Newt Gingrich"): that one is likely a name.
  const dictionaryOnly = evidence.every((ruleId) => ruleId === undefined || ruleId === state.everydayWords.ruleId);
  const unknownWord = dictionaryOnly && words.some((word, index) => evidence[index] === undefined && isUnlistedWord(scan, start + index));
  if (!nameWord && !unknownWord && evidence.some((ruleId) => ruleId !== undefined)) {
    const everydayNamePart = words.some((word) => state.everydayNameParts.words.has(word.text));
    return { type: 'none', ruleId: everydayNamePart ? state.everydayNameParts.ruleId : 'not-actor.everyday-word-in-name' };
  }
  if (tokens[start - 1]?.lower === 'the') return { type: 'organization', ruleId: 'org.after-article', weak: true };
  const before = tokens[start - 1];
  if (before && PLACE_PREPOSITIONS.has(before.lower) && !firstClasses.has('first-name')) return { type: 'place', ruleId: 'place.after-preposition' };
  if (words.length <= 4 && words.every((word) => word.kind === 'word' || word.text === '.')) return { type: 'person', ruleId: 'actor.capitalized-pair', weak: true };
  return { type: 'organization', ruleId: 'actor.multiword-name', weak: true };
}

export const BODY_IN_REGION_ROW = 'org.body-in-region';

const ROMAN_NUMERAL = /^[IVXLC]+$/;

/** A word of three letters or more that no table knows ("Elon", "Jóola"): likely part of a foreign name. */
function isUnlistedWord(scan: ActorScan, position: number): boolean {
  const { state, tokens } = scan;
  const word = tokens[position] as Token;
  if (word.kind !== 'word' || word.text.length < 3 || ROMAN_NUMERAL.test(word.text) || !/\p{Ll}/u.test(word.text)) return false;
  return state.lexicon.classes(word.lower).size === 0 && lookupName(state, tokens, position, position + 1) === undefined;
}

/** "the A64", "the M1 northbound": a road number, read as a road only where a road is talked about. */
const ROAD_NUMBER = /^(?:[AM]\d{1,4}M?|I-\d{1,3}|US-\d{1,3})$/;
const ROAD_BEFORE = new Set(['the', 'on', 'onto', 'off', 'via', 'along', 'take', 'join', 'exit']);
const ROAD_AFTER = new Set(['north', 'south', 'east', 'west', 'northbound', 'southbound', 'eastbound', 'westbound', 'motorway', 'highway', 'junction', 'exit']);

function isRoad(scan: ActorScan, start: number, end: number): boolean {
  const { tokens } = scan;
  if (!ROAD_NUMBER.test((tokens[start] as Token).text)) return false;
  return ROAD_BEFORE.has(tokens[start - 1]?.lower ?? '') || ROAD_AFTER.has(tokens[end]?.lower ?? '');
}
