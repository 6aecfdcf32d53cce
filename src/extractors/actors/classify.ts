import type { ActorType } from '../../model/claim.js';
import type { Token } from '../text/tokens.js';
import { isAcronym } from './acronyms.js';
import type { Span } from './candidate.js';
import { lookupName } from './engine.js';
import { creditedPeople, pushCreditedPeople } from './credited-names.js';
import { emitNamesInside } from './nested-names.js';
import { isClauseStart, reject, spanText, type ActorScan } from './scan.js';
import { SPEECH_AFTER_NAME } from './lone-words.js';
import { findTitle, lowercaseTitleBefore } from './titles.js';
import { BODY_IN_REGION_ROW, describedBy, isBodyInRegion, typeByHead, typeByWords } from './typing.js';
import { DETERMINERS, hasClauseWord, isAllCaps, isListedCommonWord } from './word-evidence.js';

/**
 * One candidate span to mentions: sentence-initial common words trimmed, headings in capitals
 * split, then typed by the dictionary, a title, a head word, the words themselves or context.
 */
export function classify(scan: ActorScan, segment: Span): void {
  const { state, tokens, candidates, capitalizedElsewhere } = scan;
  let { start, end } = segment;
  const credited = creditedPeople(scan, start, end);
  if (credited) {
    pushCreditedPeople(scan, credited);
    return;
  }
  // Sentence-initial (or after an opening quote) common words are not names: "Previous", "Those".
  while (start < end && isClauseStart(scan, start)) {
    const word = tokens[start] as Token;
    const classes = state.lexicon.classes(word.lower);
    const known = lookupName(state, tokens, start, end);
    if (known && known.tokens.length > 0) break;
    if (state.titleHeads.has(word.lower) && end - start > 1) break;
    if (end - start > 1 && state.lexicon.phraseClasses(`${word.lower} ${(tokens[start + 1] as Token).lower}`).size > 0) break;
    // "Van Der Beek said …" opening a sentence, "… James Van Der Beek …" inside one: the article writes the pair as a name.
    if (end - start > 1 && !DETERMINERS.has(word.lower) && !classes.has('pronoun') && !classes.has('preposition') && scan.pairsElsewhere.has(`${word.text} ${(tokens[start + 1] as Token).text}`)) {
      scan.keptOpeners.add(start);
      break;
    }
    const nameLike = classes.has('first-name') || classes.has('last-name') || classes.has('place') || classes.has('organization') || classes.has('plural-demonym');
    const speaksNext = end - start === 1 && (SPEECH_AFTER_NAME.has(tokens[end]?.lower ?? '') || describedBy(scan, start, end) !== undefined);
    if ((classes.has('common') && !nameLike) || (!nameLike && classes.size === 0 && !capitalizedElsewhere.has(word.text) && !isAcronym(word) && !speaksNext)) {
      if (end - start === 1 || classes.has('common')) {
        reject(scan, { start, end: start + 1 }, 'capitalised only because it opens the sentence', 'actor.sentence-initial');
        start++;
        continue;
      }
    }
    break;
  }
  if (start >= end) return;
  // "FRANCE WINS AGAIN", "HD THE HOME DEPOT INC": capitals headings and tickers are not one name.
  if (end - start > 1 && isAllCaps(tokens, start, end)) {
    const parts = splitCapitalsAtEverydayWords(scan, start, end);
    if (parts) {
      for (const part of parts) classify(scan, part);
      return;
    }
  }
  // "Why Taylor Swift Left Her Label": a title-case clause (a pronoun in it) is a headline, not a name.
  if (end - start > 2 && hasClauseWord(state, tokens, start, end)) {
    reject(scan, { start, end }, 'a title-case clause, not a name', 'not-actor.title-case-clause');
    return;
  }
  // Dictionary: the longest alias or lexicon name at the start of the segment.
  const known = lookupName(state, tokens, start, end);
  if (known && start + known.tokens.length === end) {
    if (known.type === 'none') {
      reject(scan, { start, end }, 'listed as never an actor', known.ruleId);
      return;
    }
    const extended = extendLowercaseHead(scan, start, end);
    if (extended) return;
    candidates.push({ start, end, type: known.type, canonical: known.canonical, ruleIds: [known.ruleId] });
    return;
  }
  // Titles: "Homeland Security Secretary Alejandro Mayorkas" → the name after the last role word;
  // not when the run ends in a place or body head ("Queen Street", "Imam Mosque", "King's College").
  const title = endsInHead(scan, start, end) ? undefined : findTitle(state, tokens, start, end);
  if (title) {
    emitPlacesInside(scan, start, title.nameStart, title.ruleId);
    if (title.nameStart >= end) {
      // "Best Actor", "Outstanding Supporting Actress": a role after a superlative is an award's category, not a holder.
      if (state.awardCategoryOpeners.has((tokens[start] as Token).lower)) {
        reject(scan, { start, end }, 'an award category named by a role, not a person', 'not-actor.award-category');
        return;
      }
      if (endsOutletName(scan, start, end)) {
        candidates.push({ start, end, type: 'organization', canonical: spanText(scan, start, end), ruleIds: [OUTLET_ROLE_WORD_ROW] });
        return;
      }
      candidates.push({ start, end, type: 'person', canonical: spanText(scan, start, end), ruleIds: [title.ruleId, 'actor.role-mention'] });
      return;
    }
    // "President Quillby North America": a role at a body's regional arm, not a person's name.
    const bodyInRegion = isBodyInRegion(scan, title.nameStart, end);
    candidates.push({ start: title.nameStart, end, type: bodyInRegion ? 'organization' : 'person', canonical: spanText(scan, title.nameStart, end), ruleIds: [bodyInRegion ? BODY_IN_REGION_ROW : title.ruleId] });
    return;
  }
  if (known && known.type !== 'none' && start + known.tokens.length < end) {
    // A known name followed by more capitalised words: "U.S. Border Patrol", "Mexico City".
    const typed = typeByHead(scan, start, end);
    if (typed && typed.type !== 'none') {
      candidates.push({ start, end, type: typed.type, canonical: spanText(scan, start, end), ruleIds: [typed.ruleId] });
      return;
    }
    if (known.type === 'place' && known.tokens.length === 1 && end - start === 2 && !DETERMINERS.has(tokens[start - 1]?.lower ?? '') && isSurname(scan, tokens[start + 1] as Token)) {
      // "Paris Hilton", "Virginia Woolf", "Houston Nutt": a place name as a given name before a surname (people take no article: "the Berlin Wall").
      candidates.push({ start, end, type: 'person', canonical: spanText(scan, start, end), ruleIds: ['person.place-as-given-name'] });
      return;
    }
    candidates.push({ start, end: start + known.tokens.length, type: known.type, canonical: known.canonical, ruleIds: [known.ruleId] });
    classify(scan, { start: start + known.tokens.length, end });
    return;
  }
  if (extendLowercaseHead(scan, start, end)) return;
  if (end - start > 1) {
    const phrase = state.lexicon.phraseClasses(tokens.slice(start, end).map((token) => token.lower).join(' '));
    if (phrase.has('place') || phrase.has('organization')) {
      const type: ActorType = phrase.has('place') ? 'place' : 'organization';
      candidates.push({ start, end, type, canonical: spanText(scan, start, end), ruleIds: [type === 'place' ? 'actor.lexicon-place' : 'actor.lexicon-organization'] });
      return;
    }
  }
  // "spokesman Jeff Rathke", "fashion designer Halston": a lower-case role word before the name.
  const roleBefore = lowercaseTitleBefore(state, tokens, start);
  if (roleBefore && !lookupName(state, tokens, start, end)) {
    candidates.push({ start, end, type: 'person', canonical: spanText(scan, start, end), ruleIds: [roleBefore] });
    return;
  }
  const typed = typeByHead(scan, start, end) ?? typeByWords(scan, start, end);
  if (typed?.type === 'none') {
    reject(scan, { start, end }, 'capitalised words that name no person, organisation, place or group', typed.ruleId);
    if (state.notActorHeads.has((tokens[end - 1] as Token).lower)) {
      // "the Pritzker Prize" names its founder; "the Berlin International Film Festival" its city.
      if (end - start === 2) emitEponym(scan, start, end);
      else emitNamesInside(scan, start, end);
    }
    return;
  }
  if (typed?.type === 'place' && speakingGivenNameAndWord(scan, start, end)) {
    candidates.push({ start, end, type: 'person', canonical: spanText(scan, start, end), ruleIds: [GIVEN_NAME_SPEAKS_ROW] });
    return;
  }
  if (typed) {
    candidates.push({ start, end, type: typed.type, canonical: spanText(scan, start, end), ruleIds: [typed.ruleId], ...(typed.weak ? { weak: true } : {}) });
    return;
  }
  reject(scan, { start, end }, 'capitalised words with no type evidence', 'actor.untyped');
}

const GIVEN_NAME_SPEAKS_ROW = 'person.given-name-speaks';
const OUTLET_ROLE_WORD_ROW = 'org.outlet-role-word';

/** "the Quillby Leader": a role word that ends newspapers' names, after a word no table or dictionary knows. */
function endsOutletName(scan: ActorScan, start: number, end: number): boolean {
  const { state, tokens } = scan;
  const role = tokens[end - 1] as Token;
  const before = tokens[end - 2];
  if (end - start < 2 || !before || !state.outletRoleWords.has(role.lower) || before.kind !== 'word' || !before.capitalized) return false;
  return state.lexicon.classes(before.lower).size === 0 && !state.everydayWords.words.has(before.lower) && lookupName(state, tokens, end - 2, end - 1) === undefined;
}

/**
 * "Jane Hill said …", "said Robert House": a given name and one word that also ends places' names ("Hill", "House",
 * "Field") is a person when a verb of saying stands right after or right before the two; places do not speak.
 */
function speakingGivenNameAndWord(scan: ActorScan, start: number, end: number): boolean {
  const { state, tokens } = scan;
  if (end - start !== 2 || !state.lexicon.classes((tokens[start] as Token).lower).has('first-name')) return false;
  return SPEECH_AFTER_NAME.has(tokens[end]?.lower ?? '') || SPEECH_AFTER_NAME.has(tokens[start - 1]?.lower ?? '');
}

/** "the Marsh administration": a name followed by a lower-case body noun is an organisation. */
function extendLowercaseHead(scan: ActorScan, start: number, end: number): boolean {
  const { state, tokens } = scan;
  const next = tokens[end];
  if (!next || next.capitalized) return false;
  const ruleId = state.lowercaseHeads.get(next.lower);
  if (!ruleId) return false;
  const words = tokens.slice(start, end);
  const looksPersonal = words.every((word) => word.kind === 'word' && !state.lexicon.classes(word.lower).has('place') && !state.placeHeads.has(word.lower));
  if (!looksPersonal) return false;
  scan.candidates.push({ start, end: end + 1, type: 'organization', canonical: spanText(scan, start, end + 1), ruleIds: [ruleId] });
  return true;
}

/** "Texas Gov. Tom Hale": places inside the role words before a name are mentions of their own. */
function emitPlacesInside(scan: ActorScan, start: number, end: number, titleRuleId: string): void {
  const { state, tokens, candidates } = scan;
  for (let position = start; position < end; position++) {
    const known = lookupName(state, tokens, position, end);
    if (known && known.type === 'place') {
      candidates.push({ start: position, end: position + known.tokens.length, type: 'place', canonical: known.canonical, ruleIds: [known.ruleId, titleRuleId] });
      position += known.tokens.length - 1;
      continue;
    }
    const word = tokens[position] as Token;
    if (state.lexicon.classes(word.lower).has('place') && !state.lexicon.classes(word.lower).has('common')) {
      candidates.push({ start: position, end: position + 1, type: 'place', canonical: word.text, ruleIds: ['actor.lexicon-place', titleRuleId] });
    }
  }
}

/** "the Pritzker Prize", "the Marshall Plan", "the FIFA World Cup": the one name an event or award is named after. */
function emitEponym(scan: ActorScan, start: number, end: number): void {
  if (end - start !== 2) return;
  const { state, tokens } = scan;
  const word = tokens[start] as Token;
  const classes = state.lexicon.classes(word.lower);
  const known = lookupName(state, tokens, start, start + 1);
  let type: ActorType | undefined;
  if (known) type = known.type === 'none' ? undefined : known.type;
  else if (classes.has('place')) type = 'place';
  else if (classes.has('organization')) type = 'organization';
  else if (classes.has('first-name') || classes.has('last-name')) type = 'person';
  if (type) scan.candidates.push({ start, end: start + 1, type, canonical: known?.canonical ?? word.text, ruleIds: ['actor.eponym'] });
}

/**
 * "FRANCE WINS AGAIN", "PRICES FALL IN OHIO": in capitals every word looks like a name, so the
 * run is cut at the everyday words compromise lists; names ("NELSON MANDELA", "NEW YORK") stay whole.
 */
function splitCapitalsAtEverydayWords(scan: ActorScan, start: number, end: number): Span[] | undefined {
  const { state, tokens } = scan;
  const parts: Span[] = [];
  let partStart = start;
  for (let position = start; position < end; position++) {
    const word = tokens[position] as Token;
    const next = tokens[position + 1];
    if (next && position + 1 < end && state.lexicon.phraseClasses(`${word.lower} ${next.lower}`).size > 0) {
      position++;
      continue;
    }
    if (word.kind !== 'word' || !isListedCommonWord(state, word) || lookupName(state, tokens, position, position + 1)) continue;
    reject(scan, { start: position, end: position + 1 }, 'an everyday word in a heading in capitals', 'not-actor.capitals-heading');
    if (position > partStart) parts.push({ start: partStart, end: position });
    partStart = position + 1;
  }
  if (partStart === start) return undefined;
  if (partStart < end) parts.push({ start: partStart, end });
  return parts;
}

/** The run ends in a place or body head and holds no given name before it ("Queen Street", "Imam Mosque", not "Judge Ann Park"). */
function endsInHead(scan: ActorScan, start: number, end: number): boolean {
  const { state, tokens } = scan;
  const last = tokens[end - 1] as Token;
  const head = state.placeHeads.has(last.lower) || state.orgHeads.has(last.lower) || state.lexicon.isPlaceHeadWord(last.lower) || state.lexicon.isOrgHeadWord(last.lower);
  if (end - start < 2 || !head) return false;
  // "Judge Ann Park": a head word that is also a surname ends a person's name after a given name.
  if (end - start > 2 && state.peopleNames.words.has(last.text)) return false;
  for (let position = start + 1; position < end - 1; position++) {
    const word = tokens[position] as Token;
    // "Secretary of State": a joiner makes the head part of the role's complement.
    if (!word.capitalized || state.lexicon.classes(word.lower).has('first-name')) return false;
  }
  return true;
}

/** A surname: a known name part that is no everyday word, no plural and no head word ("Hilton", not "Wall", "Rangers", "City"). */
function isSurname(scan: ActorScan, word: Token): boolean {
  const { state } = scan;
  if (word.kind !== 'word' || !(state.peopleNames.words.has(word.text) || state.lexicon.classes(word.lower).has('last-name'))) return false;
  if (isListedCommonWord(state, word) || state.everydayWords.words.has(word.lower) || /s$/.test(word.lower)) return false;
  return !state.orgHeads.has(word.lower) && !state.placeHeads.has(word.lower) && !state.notActorHeads.has(word.lower) && !state.lexicon.classes(word.lower).has('place');
}
