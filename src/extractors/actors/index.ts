import type { ActorMention, ActorType, RejectedCandidate } from '../../model/claim.js';
import { loadFigureTables } from '../figures/lexicon.js';
import { wordLexicon, type WordLexicon } from '../nlp.js';
import { analyzeText, tokenize, type AnalyzedText, type Token } from '../text/tokens.js';
import { resolveCoreference, SPEECH_AFTER_NAME, type AcronymDefinition, type Candidate, type Span } from './coreference.js';
import { aliasRules, evidenceRules, lexiconRules, peopleNameRules, titleRules } from './rules.js';

/**
 * Actors: capitalised runs of tokens, cut at connectors, stripped of titles and sentence-initial
 * common words, typed by the alias table, the lexicons in config/actors and compromise's word
 * lexicon, then linked within the article (short forms and acronyms to the full name).
 */

export interface ActorExtraction {
  actors: ActorMention[];
  rejected: RejectedCandidate[];
}

interface DictionaryEntry {
  tokens: string[];
  type: ActorType | 'none';
  canonical: string;
  ruleId: string;
}

interface ActorEngine {
  lexicon: WordLexicon;
  /** Multi- and single-token names keyed by their first token's text. */
  names: Map<string, DictionaryEntry[]>;
  orgHeads: Map<string, string>;
  placeHeads: Map<string, string>;
  lowercaseHeads: Map<string, string>;
  /** First words that say what a name is ("Lake Erie", "Fort Lee", "Universidad Nacional"). */
  leadingHeads: Map<string, { type: ActorType; ruleId: string }>;
  /** Lower-case nouns that say what a name next to them is ("the town of X", "X, a linguist"). */
  classNouns: Map<string, { type: ActorType; ruleId: string }>;
  /** Head words of events, laws, awards and works ("War", "Act", "Prize"). */
  notActorHeads: Map<string, string>;
  /** Verbs after a country that make it its government ("Norway said"). */
  agentVerbs: Map<string, string>;
  /** Endings of everyday words compromise's lexicon does not list ("-tion", "-ness"), longest first. */
  commonSuffixes: { suffix: string; ruleId: string }[];
  /** Parts of people's names from config/actors/people-names.json ("Goldbach", "Thorell"). */
  peopleNames: { words: ReadonlySet<string>; ruleId: string };
  /** ISO 4217 codes from the figures layer's currency tables ("DKK", "USD"): money, not organisations. */
  currencyCodes: Set<string>;
  titleHeads: Map<string, { ruleId: string; takesOf: boolean; tokens: string[] }[]>;
}

let engine: ActorEngine | undefined;

/** Context decisions the code makes; each must have its row (reason, examples) in config/actors/evidence.json. */
const EVIDENCE_RULE_IDS = [
  'org.after-article',
  'not-actor.common-words',
  'not-actor.demonym-phrase',
  'place.direction-and-place',
  'not-actor.acronym-of-common-words',
  'not-actor.acronym-with-digits',
  'actor.eponym',
  'person.known-name',
  'actor.coref-name-part',
  'place.after-preposition',
  'not-actor.capitals-heading',
  'not-actor.title-case-clause',
  'org.recurring-capitalised-word',
  'not-actor.currency-code',
  'actor.described-by-noun',
  'not-actor.everyday-word-in-name',
  'not-actor.name-as-modifier',
  'actor.context-typed',
] as const;

function loadEngine(): ActorEngine {
  if (engine) return engine;
  const evidence = evidenceRules();
  const missing = EVIDENCE_RULE_IDS.filter((id) => !evidence.byId.has(id));
  if (missing.length > 0) throw new Error(`config/actors/evidence.json lacks rows for ${missing.join(', ')}`);
  const names = new Map<string, DictionaryEntry[]>();
  const addName = (surface: string, type: ActorType | 'none', canonical: string, ruleId: string): void => {
    const tokens = tokenize(surface).map((token) => token.text);
    const first = tokens[0];
    if (first === undefined) return;
    const list = names.get(first) ?? [];
    list.push({ tokens, type, canonical, ruleId });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    names.set(first, list);
  };
  for (const rule of aliasRules().rules) for (const alias of rule.aliases) addName(alias.surface, rule.type, alias.canonical, rule.id);
  const orgHeads = new Map<string, string>();
  const placeHeads = new Map<string, string>();
  const lowercaseHeads = new Map<string, string>();
  const leadingHeads = new Map<string, { type: ActorType; ruleId: string }>();
  const classNouns = new Map<string, { type: ActorType; ruleId: string }>();
  const notActorHeads = new Map<string, string>();
  const agentVerbs = new Map<string, string>();
  const commonSuffixes: { suffix: string; ruleId: string }[] = [];
  for (const rule of lexiconRules().rules) {
    for (const entry of rule.entries) {
      if (rule.role === 'name' || rule.role === 'not-actor') addName(entry, rule.type, entry, rule.id);
      else if (rule.role === 'lowercase-head') lowercaseHeads.set(entry, rule.id);
      else if (rule.role === 'leading-head' && rule.type !== 'none') leadingHeads.set(entry, { type: rule.type, ruleId: rule.id });
      else if (rule.role === 'class-noun' && rule.type !== 'none') classNouns.set(entry, { type: rule.type, ruleId: rule.id });
      else if (rule.role === 'not-actor-head') notActorHeads.set(entry, rule.id);
      else if (rule.role === 'agent-verb') agentVerbs.set(entry, rule.id);
      else if (rule.role === 'common-suffix') commonSuffixes.push({ suffix: entry, ruleId: rule.id });
      else if (rule.type === 'organization') orgHeads.set(entry, rule.id);
      else if (rule.type === 'place') placeHeads.set(entry, rule.id);
    }
  }
  const titleHeads = new Map<string, { ruleId: string; takesOf: boolean; tokens: string[] }[]>();
  for (const rule of titleRules().rules) {
    for (const head of rule.heads) {
      const tokens = head.split(/\s+/);
      const last = tokens[tokens.length - 1] as string;
      const list = titleHeads.get(last) ?? [];
      list.push({ ruleId: rule.id, takesOf: rule.takesOf.includes(head), tokens });
      list.sort((a, b) => b.tokens.length - a.tokens.length);
      titleHeads.set(last, list);
    }
  }
  engine = { lexicon: wordLexicon(), names, orgHeads, placeHeads, lowercaseHeads, leadingHeads, classNouns, notActorHeads, agentVerbs, commonSuffixes: commonSuffixes.sort((a, b) => b.suffix.length - a.suffix.length),
    currencyCodes: currencyCodes(),
    peopleNames: peopleNames(),
    titleHeads,
  };
  return engine;
}

function peopleNames(): { words: ReadonlySet<string>; ruleId: string } {
  const rule = peopleNameRules().rules[0];
  return { words: new Set(rule?.entries ?? []), ruleId: rule?.id ?? 'person.name-part' };
}

function currencyCodes(): Set<string> {
  const tables = loadFigureTables();
  const codes = new Set<string>();
  for (const row of [...tables.currencies.rules, ...tables.isoCurrencies.rules]) if (/^[A-Z]{3}$/.test(row.code)) codes.add(row.code);
  return codes;
}

/** Joiners allowed inside a name when a capitalised word follows ("University of X", "Johnson & Johnson"). */
const CONNECTORS = new Set(['of', 'and', '&', 'de', 'del', 'da', 'di', 'do', 'dos', 'la', 'le', 'van', 'von', 'der', 'bin', 'al', 'for', 'the']);
/** Compass and region words that make a part of a place: "Southern Senegal", "East Prussia". */
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'northeast', 'northwest', 'southeast', 'southwest', 'central', 'upper', 'lower', 'greater', 'inner', 'outer', 'new', 'old']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'into', 'near', 'across', 'toward', 'towards', 'throughout', 'outside', 'inside', 'around', 'via', 'between']);
/** Longer capitalised runs (tables, title-case headlines, junk) are cut: no name is this long. */
const MAX_RUN_TOKENS = 16;
/** Mid-sentence capitalised uses that make an everyday word a name when it never appears in lower case. */
const RECURRING_NAME_COUNT = 3;
/** Before a capitalised everyday word these make it a common noun used as a title ("the Act", "my Lords"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'my', 'your', 'his', 'her', 'its', 'our', 'their', 'this', 'that', 'these', 'those']);
const ALL_CAPS = /^[\p{Lu}\d&.'’-]+$/u;
/** Rules that read a whole name as one ("South Korea", "Lake Erie", "U.S."): their words are not separate mentions. */
const NAMES_WITHOUT_PARTS = new Set(['actor.lexicon-place', 'place.leading-head', 'place.direction-and-place', 'actor.role-mention']);
const COPULAS = new Set(['is', 'was', 'are', 'were', 'became', 'becomes']);
const ARTICLES = new Set(['a', 'an', 'the']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '—', '–', '-', ':', ';']);

function isNameToken(token: Token): boolean {
  if (token.kind !== 'word') return false;
  return token.capitalized;
}

export function extractActors(text: string, analyzed: AnalyzedText = analyzeText(text)): ActorExtraction {
  const state = loadEngine();
  const { tokens, sentences } = analyzed;
  const rejected: RejectedCandidate[] = [];
  const candidates: Candidate[] = [];
  const sentenceStarts = new Set<number>();
  for (const sentence of sentences) sentenceStarts.add(sentence.tokenStart);
  const capitalizedElsewhere = collectMidSentenceCapitals(tokens, sentenceStarts);
  const acronyms = collectAcronymDefinitions(tokens);

  const reject = (span: Span, reason: string, ruleId: string): void => {
    const first = tokens[span.start] as Token;
    const last = tokens[span.end - 1] as Token;
    rejected.push({ layer: 'actor', start: first.start, end: last.end, text: text.slice(first.start, last.end), reason, ruleId });
  };

  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] as Token;
    if (!isNameToken(token)) {
      index++;
      continue;
    }
    // Grow the capitalised run, with connectors and "F." initials inside.
    let end = index + 1;
    while (end < tokens.length && end - index < MAX_RUN_TOKENS) {
      const next = tokens[end] as Token;
      if (next.newlineBefore) break;
      if (isNameToken(next)) {
        end++;
        continue;
      }
      const after = tokens[end + 1];
      const abbreviationDot = next.text === '.' && !next.spaceBefore && ((tokens[end - 1] as Token).text.length === 1 || state.titleHeads.has((tokens[end - 1] as Token).lower));
      if (after && !after.newlineBefore && isNameToken(after) && (CONNECTORS.has(next.text) || abbreviationDot)) {
        end += 2;
        continue;
      }
      break;
    }
    const runEnd = end;
    for (const segment of segmentRun(state, tokens, index, runEnd)) classify(segment);
    index = runEnd;
  }

  function classify(segment: Span): void {
    let { start, end } = segment;
    // Sentence-initial (or after an opening quote) common words are not names: "Previous", "Those".
    while (start < end && isClauseStart(start)) {
      const word = tokens[start] as Token;
      const classes = state.lexicon.classes(word.lower);
      const known = lookupName(state, tokens, start, end);
      if (known && known.tokens.length > 0) break;
      if (state.titleHeads.has(word.lower) && end - start > 1) break;
      if (end - start > 1 && state.lexicon.phraseClasses(`${word.lower} ${(tokens[start + 1] as Token).lower}`).size > 0) break;
      const nameLike = classes.has('first-name') || classes.has('last-name') || classes.has('place') || classes.has('organization') || classes.has('plural-demonym');
      const speaksNext = end - start === 1 && (SPEECH_AFTER_NAME.has(tokens[end]?.lower ?? '') || describedBy(start, end) !== undefined);
      if ((classes.has('common') && !nameLike) || (!nameLike && classes.size === 0 && !capitalizedElsewhere.has(word.text) && !isAcronym(word) && !speaksNext)) {
        if (end - start === 1 || classes.has('common')) {
          reject({ start, end: start + 1 }, 'capitalised only because it opens the sentence', 'actor.sentence-initial');
          start++;
          continue;
        }
      }
      break;
    }
    if (start >= end) return;
    // "FRANCE WINS AGAIN", "HD THE HOME DEPOT INC": capitals headings and tickers are not one name.
    if (end - start > 1 && isAllCaps(start, end)) {
      const parts = splitCapitalsAtEverydayWords(start, end);
      if (parts) {
        for (const part of parts) classify(part);
        return;
      }
    }
    // "Why Taylor Swift Left Her Label": a title-case clause (a pronoun in it) is a headline, not a name.
    if (end - start > 2 && hasClauseWord(start, end)) {
      reject({ start, end }, 'a title-case clause, not a name', 'not-actor.title-case-clause');
      return;
    }
    // Dictionary: the longest alias or lexicon name at the start of the segment.
    const known = lookupName(state, tokens, start, end);
    if (known && start + known.tokens.length === end) {
      if (known.type === 'none') {
        reject({ start, end }, 'listed as never an actor', known.ruleId);
        return;
      }
      const extended = extendLowercaseHead(start, end);
      if (extended) return;
      candidates.push({ start, end, type: known.type, canonical: known.canonical, ruleIds: [known.ruleId] });
      return;
    }
    // Titles: "Homeland Security Secretary Alejandro Mayorkas" → the name after the last role word.
    const title = findTitle(state, tokens, start, end);
    if (title) {
      emitPlacesInside(start, title.nameStart, title.ruleId);
      if (title.nameStart >= end) {
        candidates.push({ start, end, type: 'person', canonical: spanText(start, end), ruleIds: [title.ruleId, 'actor.role-mention'] });
        return;
      }
      candidates.push({ start: title.nameStart, end, type: 'person', canonical: spanText(title.nameStart, end), ruleIds: [title.ruleId] });
      return;
    }
    if (known && known.type !== 'none' && start + known.tokens.length < end) {
      // A known name followed by more capitalised words: "U.S. Border Patrol", "Mexico City".
      const typed = typeByHead(start, end);
      if (typed && typed.type !== 'none') {
        candidates.push({ start, end, type: typed.type, canonical: spanText(start, end), ruleIds: [typed.ruleId] });
        return;
      }
      candidates.push({ start, end: start + known.tokens.length, type: known.type, canonical: known.canonical, ruleIds: [known.ruleId] });
      classify({ start: start + known.tokens.length, end });
      return;
    }
    if (extendLowercaseHead(start, end)) return;
    if (end - start > 1) {
      const phrase = state.lexicon.phraseClasses(tokens.slice(start, end).map((token) => token.lower).join(' '));
      if (phrase.has('place') || phrase.has('organization')) {
        const type: ActorType = phrase.has('place') ? 'place' : 'organization';
        candidates.push({ start, end, type, canonical: spanText(start, end), ruleIds: [type === 'place' ? 'actor.lexicon-place' : 'actor.lexicon-organization'] });
        return;
      }
    }
    // "spokesman Jeff Rathke", "fashion designer Halston": a lower-case role word before the name.
    const roleBefore = lowercaseTitleBefore(start);
    if (roleBefore && !lookupName(state, tokens, start, end)) {
      candidates.push({ start, end, type: 'person', canonical: spanText(start, end), ruleIds: [roleBefore] });
      return;
    }
    const typed: { type: ActorType | 'none'; ruleId: string; weak?: boolean } | undefined = typeByHead(start, end) ?? typeByWords(start, end);
    if (typed?.type === 'none') {
      reject({ start, end }, 'capitalised words that name no person, organisation, place or group', typed.ruleId);
      if (state.notActorHeads.has((tokens[end - 1] as Token).lower)) emitEponym(start, end);
      return;
    }
    if (typed) {
      candidates.push({ start, end, type: typed.type, canonical: spanText(start, end), ruleIds: [typed.ruleId], ...(typed.weak ? { weak: true } : {}) });
      return;
    }
    reject({ start, end }, 'capitalised words with no type evidence', 'actor.untyped');
  }

  function isClauseStart(position: number): boolean {
    if (sentenceStarts.has(position)) return true;
    const previous = tokens[position - 1];
    return previous !== undefined && OPENERS.has(previous.text) && (position < 2 || sentenceStarts.has(position - 1) || previous.text === ':' || previous.text === '“' || previous.text === '"');
  }

  function lowercaseTitleBefore(start: number): string | undefined {
    const previous = tokens[start - 1];
    if (!previous || previous.capitalized || previous.kind !== 'word') return undefined;
    const options = state.titleHeads.get(previous.lower);
    if (!options) return undefined;
    for (const option of options) {
      const headStart = start - option.tokens.length;
      if (headStart < 0) continue;
      if (option.tokens.every((word, offset) => (tokens[headStart + offset] as Token).lower === word)) return option.ruleId;
    }
    return undefined;
  }

  function spanText(start: number, end: number): string {
    return text.slice((tokens[start] as Token).start, (tokens[end - 1] as Token).end);
  }

  /** "the Marsh administration": a name followed by a lower-case body noun is an organisation. */
  function extendLowercaseHead(start: number, end: number): boolean {
    const next = tokens[end];
    if (!next || next.capitalized) return false;
    const ruleId = state.lowercaseHeads.get(next.lower);
    if (!ruleId) return false;
    const words = tokens.slice(start, end);
    const looksPersonal = words.every((word) => word.kind === 'word' && !state.lexicon.classes(word.lower).has('place') && !state.placeHeads.has(word.lower));
    if (!looksPersonal) return false;
    candidates.push({ start, end: end + 1, type: 'organization', canonical: spanText(start, end + 1), ruleIds: [ruleId] });
    return true;
  }

  function emitPlacesInside(start: number, end: number, titleRuleId: string): void {
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

  /**
   * "The Brooklyn Paper", "University of Southern Indiana", "Andy Warhol Foundation": the place or
   * person an organisation is named after is a mention of its own.
   */
  function emitNamesInsideOrganization(start: number, end: number): void {
    const words = tokens.slice(start, end);
    const first = words[0] as Token;
    if (words.length >= 3 && state.lexicon.classes(first.lower).has('first-name')) {
      const second = words[1] as Token;
      if (second.capitalized && !state.orgHeads.has(second.lower) && !state.lexicon.isOrgHeadWord(second.lower)) {
        candidates.push({ start, end: start + 2, type: 'person', canonical: spanText(start, start + 2), ruleIds: ['actor.person-inside-organization'] });
        return;
      }
    }
    for (let position = start; position < end; position++) {
      const word = tokens[position] as Token;
      if (!word.capitalized) continue;
      const known = lookupName(state, tokens, position, end);
      if (known && known.type === 'place') {
        candidates.push({ start: position, end: position + known.tokens.length, type: 'place', canonical: known.canonical, ruleIds: [known.ruleId, 'actor.place-inside-organization'] });
        position += known.tokens.length - 1;
        continue;
      }
      const pair = position + 1 < end ? state.lexicon.phraseClasses(`${word.lower} ${(tokens[position + 1] as Token).lower}`) : undefined;
      if (pair?.has('place')) {
        candidates.push({ start: position, end: position + 2, type: 'place', canonical: spanText(position, position + 2), ruleIds: ['actor.place-inside-organization'] });
        position++;
        continue;
      }
      const classes = state.lexicon.classes(word.lower);
      if (classes.has('place') && !classes.has('common') && !classes.has('first-name')) {
        candidates.push({ start: position, end: position + 1, type: 'place', canonical: word.text, ruleIds: ['actor.place-inside-organization'] });
      }
    }
  }

  function typeByHead(start: number, end: number): { type: ActorType | 'none'; ruleId: string } | undefined {
    // The head is the last word before an "of" join ("University of Southern Indiana").
    let headIndex = end - 1;
    for (let position = start + 1; position < end - 1; position++) if ((tokens[position] as Token).text === 'of') {
      headIndex = position - 1;
      break;
    }
    const head = tokens[headIndex] as Token;
    if (end - start === 1 && headIndex === start) return undefined;
    const notActorRule = state.notActorHeads.get(head.lower);
    if (notActorRule) return { type: 'none', ruleId: notActorRule };
    const orgRule = state.orgHeads.get(head.lower);
    if (orgRule) return { type: 'organization', ruleId: orgRule };
    const placeRule = state.placeHeads.get(head.lower);
    if (placeRule) return { type: 'place', ruleId: placeRule };
    if (state.lexicon.isOrgHeadWord(head.lower)) return { type: 'organization', ruleId: 'actor.lexicon-org-word' };
    if (state.lexicon.isPlaceHeadWord(head.lower)) return { type: 'place', ruleId: 'actor.lexicon-place-word' };
    return state.leadingHeads.get((tokens[start] as Token).lower);
  }

  /** A lower-case noun that says what the name is: "magazine MicroMega", "the town of Coron", "Galois, a mathematician". */
  function describedBy(start: number, end: number): { type: ActorType; ruleId: string } | undefined {
    const before = tokens[start - 1];
    if (before && !before.capitalized) {
      if (before.lower === 'of') {
        const noun = classNounOf(tokens[start - 2]);
        if (noun && noun.type !== 'person') return noun;
      } else {
        const noun = classNounOf(before);
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
      const noun = classNounOf(word);
      if (noun) return noun;
      const classes = state.lexicon.classes(word.lower);
      const modifier = word.capitalized || word.text.includes('-') || classes.has('adjective') || classes.has('demonym') || word.kind === 'word' && /ly$/.test(word.lower);
      if (!modifier) return undefined;
    }
    return undefined;
  }

  function classNounOf(word: Token | undefined): { type: ActorType; ruleId: string } | undefined {
    if (!word || word.kind !== 'word' || word.capitalized) return undefined;
    const listed = state.classNouns.get(word.lower) ?? (word.lower.endsWith('s') ? state.classNouns.get(word.lower.slice(0, -1)) : undefined);
    if (listed) return listed;
    return state.lexicon.classes(word.lower).has('person-noun') ? { type: 'person', ruleId: 'actor.described-by-noun' } : undefined;
  }

  /** "the Pritzker Prize", "the Marshall Plan", "the FIFA World Cup": the one name an event or award is named after. */
  function emitEponym(start: number, end: number): void {
    if (end - start !== 2) return;
    const word = tokens[start] as Token;
    const classes = state.lexicon.classes(word.lower);
    const known = lookupName(state, tokens, start, start + 1);
    let type: ActorType | undefined;
    if (known) type = known.type === 'none' ? undefined : known.type;
    else if (classes.has('place')) type = 'place';
    else if (classes.has('organization')) type = 'organization';
    else if (classes.has('first-name') || classes.has('last-name')) type = 'person';
    if (type) candidates.push({ start, end: start + 1, type, canonical: known?.canonical ?? word.text, ruleIds: ['actor.eponym'] });
  }

  /**
   * "FRANCE WINS AGAIN", "PRICES FALL IN OHIO": in capitals every word looks like a name, so the
   * run is cut at the everyday words compromise lists; names ("NELSON MANDELA", "NEW YORK") stay whole.
   */
  function splitCapitalsAtEverydayWords(start: number, end: number): Span[] | undefined {
    const parts: Span[] = [];
    let partStart = start;
    for (let position = start; position < end; position++) {
      const word = tokens[position] as Token;
      const next = tokens[position + 1];
      if (next && position + 1 < end && state.lexicon.phraseClasses(`${word.lower} ${next.lower}`).size > 0) {
        position++;
        continue;
      }
      if (word.kind !== 'word' || !isListedCommonWord(word) || lookupName(state, tokens, position, position + 1)) continue;
      reject({ start: position, end: position + 1 }, 'an everyday word in a heading in capitals', 'not-actor.capitals-heading');
      if (position > partStart) parts.push({ start: partStart, end: position });
      partStart = position + 1;
    }
    if (partStart === start) return undefined;
    if (partStart < end) parts.push({ start: partStart, end });
    return parts;
  }

  function isAllCaps(start: number, end: number): boolean {
    for (let position = start; position < end; position++) {
      const word = tokens[position] as Token;
      if (word.kind === 'word' && !ALL_CAPS.test(word.text)) return false;
    }
    return true;
  }

  function hasClauseWord(start: number, end: number): boolean {
    for (let position = start; position < end; position++) if (isClauseWord(tokens[position] as Token)) return true;
    return false;
  }

  function isClauseWord(word: Token): boolean {
    const classes = state.lexicon.classes(word.lower);
    return classes.has('pronoun') && word.lower !== 'i' && !ALL_CAPS.test(word.text) && !classes.has('first-name') && !classes.has('last-name');
  }

  function isPlaceAt(position: number): boolean {
    const word = tokens[position] as Token;
    return state.lexicon.classes(word.lower).has('place') || lookupName(state, tokens, position, position + 1)?.type === 'place';
  }

  function isCommonWord(word: Token): boolean {
    return commonWordEvidence(word) !== undefined;
  }

  /** Why a word is an everyday word: compromise lists it, or (unlisted) it has an everyday ending. */
  function commonWordEvidence(word: Token): string | undefined {
    if (word.kind !== 'word') return 'not-actor.common-words';
    if (isListedCommonWord(word)) return 'not-actor.common-words';
    if (state.lexicon.classes(word.lower).size > 0 || word.lower.length <= 5) return undefined;
    return state.commonSuffixes.find(({ suffix }) => word.lower.endsWith(suffix))?.ruleId;
  }

  function isListedCommonWord(word: Token): boolean {
    const isCommon = (lower: string): boolean => {
      const classes = state.lexicon.classes(lower);
      return classes.has('common') && !classes.has('first-name') && !classes.has('last-name') && !classes.has('place') && !classes.has('organization');
    };
    if (isCommon(word.lower)) return true;
    // The lexicon lists base forms: "directions" → "direction", "policies" → "policy".
    if (!word.lower.endsWith('s') || state.lexicon.classes(word.lower).size > 0) return false;
    return isCommon(word.lower.slice(0, -1)) || (word.lower.endsWith('ies') && isCommon(`${word.lower.slice(0, -3)}y`)) || (word.lower.endsWith('es') && isCommon(word.lower.slice(0, -2)));
  }

  function typeByWords(start: number, end: number): { type: ActorType | 'none'; ruleId: string; weak?: boolean } | undefined {
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
      if (isAcronym(first) && (first.text.length <= 3 || !classes.has('common') || classes.has('organization'))) {
        if (/\d/.test(first.text)) return { type: 'none', ruleId: 'not-actor.acronym-with-digits' };
        if (state.currencyCodes.has(first.text)) return { type: 'none', ruleId: 'not-actor.currency-code' };
        return { type: 'organization', ruleId: 'actor.acronym' };
      }
      // "upheld by the Court", "thanked the University": an institution word capitalised mid-sentence names one.
      if ((state.orgHeads.has(first.lower) || state.lexicon.isOrgHeadWord(first.lower)) && !isClauseStart(start) && tokens[end]?.kind !== 'number') return { type: 'organization', ruleId: 'actor.capitalized-institution' };
      if (classes.has('common') && !classes.has('first-name') && !classes.has('last-name')) {
        // "Chime cut its fees ... customers of Chime": the article's own subject, a brand named by an everyday word.
        const recurring = (capitalizedElsewhere.get(first.text) ?? 0) >= RECURRING_NAME_COUNT && !classes.has('adjective') && !DIRECTIONS.has(first.lower) &&
          !DETERMINERS.has(tokens[start - 1]?.lower ?? '') && tokens[end]?.kind !== 'number' && !appearsInLowerCase(tokens, first.lower);
        return recurring ? { type: 'organization', ruleId: 'org.recurring-capitalised-word', weak: true } : undefined;
      }
      const described = describedBy(start, end);
      if (described) return described;
      const previous = tokens[start - 1];
      if (previous && PLACE_PREPOSITIONS.has(previous.lower) && !classes.has('first-name')) return { type: 'place', ruleId: 'actor.place-preposition', weak: true };
      if ((classes.has('first-name') || classes.has('last-name')) && !classes.has('common') && !isClauseStart(start)) return { type: 'person', ruleId: 'person.known-name' };
      return { type: 'person', ruleId: 'actor.single-name', weak: true };
    }
    if (words.some((word) => state.lexicon.classes(word.lower).has('date-word'))) return undefined;
    if (words.every((word) => state.lexicon.classes(word.lower).has('place') || word.text === 'of')) return { type: 'place', ruleId: 'actor.lexicon-place' };
    const firstClasses = state.lexicon.classes(first.lower);
    const lastClasses = state.lexicon.classes(last.lower);
    if (firstClasses.has('first-name') || lastClasses.has('last-name')) return { type: 'person', ruleId: 'actor.person-name' };
    const described = describedBy(start, end);
    if (described) return described;
    if (words.some((word) => word.text === 'of' || word.text === 'and' || word.text === '&' || word.text === 'for')) return { type: 'organization', ruleId: 'actor.multiword-name', weak: true };
    if (tokens[start - 1]?.lower === 'the') return { type: 'organization', ruleId: 'org.after-article', weak: true };
    if (words.length > 1 && isPlaceAt(end - 1) && words.slice(0, -1).every((word) => DIRECTIONS.has(word.lower))) return { type: 'place', ruleId: 'place.direction-and-place' };
    if (firstClasses.has('demonym') && words.slice(1).every((word) => isCommonWord(word))) return { type: 'none', ruleId: 'not-actor.demonym-phrase' };
    if (lastClasses.has('demonym') && !lastClasses.has('plural-demonym') && (words.length === 2 || words.slice(0, -1).every((word) => DIRECTIONS.has(word.lower) || state.lexicon.classes(word.lower).has('demonym')))) {
      return { type: 'none', ruleId: 'not-actor.demonym-phrase' };
    }
    const evidence = words.map((word) => commonWordEvidence(word));
    if (evidence.every((ruleId) => ruleId !== undefined)) return { type: 'none', ruleId: evidence.find((ruleId) => ruleId !== 'not-actor.common-words') ?? 'not-actor.common-words' };
    // "Spanish Art", "The Lookout": an everyday word in a run with no given name or surname is a title, a term or a work.
    const nameWord = words.some((word) => { const wordClasses = state.lexicon.classes(word.lower); return wordClasses.has('first-name') || wordClasses.has('last-name') || wordClasses.has('place') || wordClasses.has('organization'); });
    if (!nameWord && words.some((word) => commonWordEvidence(word) !== undefined)) return { type: 'none', ruleId: 'not-actor.everyday-word-in-name' };
    const before = tokens[start - 1];
    if (before && PLACE_PREPOSITIONS.has(before.lower) && !firstClasses.has('first-name')) return { type: 'place', ruleId: 'place.after-preposition' };
    if (words.length <= 4 && words.every((word) => word.kind === 'word' || word.text === '.')) return { type: 'person', ruleId: 'actor.capitalized-pair', weak: true };
    return { type: 'organization', ruleId: 'actor.multiword-name', weak: true };
  }

  // "the Pittsburgh Pirates", "Auckland Castle", "Leiden University Libraries": the place or person a
  // body or a building is named after is a mention of its own, however the whole name was typed.
  const outer = candidates.filter((candidate) => candidate.end - candidate.start > 1 && candidate.type !== 'person' && !NAMES_WITHOUT_PARTS.has(candidate.ruleIds[0] ?? ''));
  const startsAt = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    const starting = startsAt.get(candidate.start);
    if (starting) starting.push(candidate);
    else startsAt.set(candidate.start, [candidate]);
  }
  const hasInner = (outerCandidate: Candidate): boolean => {
    for (let position = outerCandidate.start; position < outerCandidate.end; position++) {
      if (startsAt.get(position)?.some((inner) => inner !== outerCandidate && inner.end <= outerCandidate.end)) return true;
    }
    return false;
  };
  for (const candidate of outer) {
    if (hasInner(candidate)) continue;
    if (lookupName(state, tokens, candidate.start, candidate.end)?.tokens.length === candidate.end - candidate.start) continue;
    emitNamesInsideOrganization(candidate.start, candidate.end);
  }

  for (const candidate of candidates) {
    if (candidate.type !== 'place') continue;
    const verb = state.agentVerbs.get(tokens[candidate.end]?.lower ?? '');
    if (verb === undefined || !isCountry(candidate)) continue;
    candidate.type = 'organization';
    candidate.ruleIds.push(verb);
  }

  function isCountry(candidate: Candidate): boolean {
    const lower = candidate.canonical.toLowerCase();
    return state.lexicon.classes(lower).has('country') || state.lexicon.phraseClasses(lower).has('country');
  }

  const isNamePart = (token: Token): boolean => {
    if (token.kind !== 'word' || token.text.length < 3 || state.titleHeads.has(token.lower)) return false;
    if (state.orgHeads.has(token.lower) || state.placeHeads.has(token.lower) || state.notActorHeads.has(token.lower)) return false;
    const classes = state.lexicon.classes(token.lower);
    return classes.has('first-name') || classes.has('last-name') || !(classes.has('common') || classes.has('place') || classes.has('organization') || classes.has('date-word'));
  };
  const isCommonNoun = (token: Token): boolean => {
    const classes = state.lexicon.classes(token.lower);
    if (classes.size === 0) return !/(ed|ing|ly|s)$/.test(token.lower); // compromise lists few nouns ("language", "culture")
    return classes.has('noun') && !classes.has('verb') && !classes.has('preposition') && !classes.has('adjective') && !classes.has('pronoun');
  };
  const peopleNameRule = (word: string): string | undefined => (state.peopleNames.words.has(word) ? state.peopleNames.ruleId : undefined);
  const mentions = resolveCoreference(text, tokens, candidates, acronyms, reject, isNamePart, isCommonNoun, peopleNameRule);
  return { actors: mentions, rejected };
}

/** Splits a capitalised run at connectors that join two names rather than form one. */
function segmentRun(state: ActorEngine, tokens: Token[], start: number, end: number): Span[] {
  // A dictionary name that spans connectors ("Customs and Border Protection") stays whole.
  const segments: Span[] = [];
  let segmentStart = start;
  let position = start;
  while (position < end) {
    const known = lookupName(state, tokens, position, end);
    if (known && known.tokens.length > 1) {
      position += known.tokens.length;
      continue;
    }
    const token = tokens[position] as Token;
    if (token.kind === 'word' && !token.capitalized && CONNECTORS.has(token.text)) {
      if (!keepConnector(state, tokens, segmentStart, position, end)) {
        segments.push({ start: segmentStart, end: position });
        segmentStart = position + 1;
      }
    }
    position++;
  }
  segments.push({ start: segmentStart, end });
  return segments.filter((segment) => segment.end > segment.start);
}

function keepConnector(state: ActorEngine, tokens: Token[], segmentStart: number, position: number, end: number): boolean {
  const connector = (tokens[position] as Token).text;
  const before = tokens[position - 1] as Token;
  if (connector === 'of' || connector === 'for' || connector === 'the') {
    if (state.orgHeads.has(before.lower) || state.placeHeads.has(before.lower) || state.lexicon.isOrgHeadWord(before.lower)) return true;
    const titles = state.titleHeads.get(before.lower);
    if (titles?.some((title) => title.takesOf)) return true;
    return connector === 'the' && (tokens[position - 1] as Token).text === 'of';
  }
  if (connector === 'and' || connector === '&') {
    // Keep "Mary & Leigh Block Museum", split "Republicans and Democrats".
    let headEnd = end;
    for (let index = position + 1; index < end; index++) {
      const word = tokens[index] as Token;
      if (!word.capitalized && CONNECTORS.has(word.text) && word.text !== 'of' && word.text !== 'the' && word.text !== 'for') {
        headEnd = index;
        break;
      }
    }
    const head = tokens[headEnd - 1] as Token;
    const leftIsName = lookupName(state, tokens, segmentStart, position);
    if (leftIsName && segmentStart + leftIsName.tokens.length === position) return false;
    return state.orgHeads.has(head.lower) || state.lexicon.isOrgHeadWord(head.lower);
  }
  // de, van, bin …: particles inside personal names.
  return true;
}

function lookupName(state: ActorEngine, tokens: Token[], start: number, end: number): DictionaryEntry | undefined {
  const first = tokens[start];
  if (!first) return undefined;
  const list = state.names.get(first.text);
  if (!list) return undefined;
  for (const entry of list) {
    if (start + entry.tokens.length > end) continue;
    let ok = true;
    for (let offset = 1; offset < entry.tokens.length; offset++) {
      if ((tokens[start + offset] as Token).text !== entry.tokens[offset]) {
        ok = false;
        break;
      }
    }
    if (ok) return entry;
  }
  return undefined;
}

function findTitle(state: ActorEngine, tokens: Token[], start: number, end: number): { nameStart: number; ruleId: string } | undefined {
  let found: { nameStart: number; ruleId: string } | undefined;
  for (let position = start; position < end; position++) {
    const word = tokens[position] as Token;
    const options = state.titleHeads.get(word.lower.replace(/\.$/, ''));
    if (!options) continue;
    for (const option of options) {
      const headStart = position - option.tokens.length + 1;
      if (headStart < start) continue;
      let ok = true;
      for (let offset = 0; offset < option.tokens.length - 1; offset++) if ((tokens[headStart + offset] as Token).lower !== option.tokens[offset]) ok = false;
      if (!ok) continue;
      let nameStart = position + 1;
      if (tokens[nameStart]?.text === '.' && !(tokens[nameStart] as Token).spaceBefore) nameStart++;
      // "Major League Baseball", "Prince Series": a role word before an institution or a work is part of that name.
      const following = tokens[nameStart];
      if (following && nameStart < end && (state.orgHeads.has(following.lower) || state.lexicon.isOrgHeadWord(following.lower) || state.notActorHeads.has(following.lower))) continue;
      if (option.takesOf && tokens[nameStart]?.text === 'of' && nameStart < end) {
        // "Secretary of State John Kerry": the complement runs to the first given name.
        nameStart++;
        if (tokens[nameStart]?.text === 'the') nameStart++;
        nameStart++;
        while (nameStart < end - 1 && !state.lexicon.classes((tokens[nameStart] as Token).lower).has('first-name')) nameStart++;
        if (nameStart === end - 1) nameStart = end;
      }
      found = { nameStart: Math.min(nameStart, end), ruleId: option.ruleId };
      break;
    }
  }
  return found;
}

function isAcronym(token: Token): boolean {
  return token.kind === 'word' && /^\p{Lu}[\p{Lu}\d&.]{1,6}$/u.test(token.text) && !/^\p{Lu}\.?$/u.test(token.text);
}

/** How often each word is capitalised mid-sentence (not after an opening quote or bracket). */
function collectMidSentenceCapitals(tokens: Token[], sentenceStarts: ReadonlySet<number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (!token.capitalized || token.kind !== 'word' || sentenceStarts.has(index)) continue;
    const previous = tokens[index - 1] as Token;
    if (OPENERS.has(previous.text)) continue;
    counts.set(token.text, (counts.get(token.text) ?? 0) + 1);
  }
  return counts;
}

/** Whether the word also appears in lower case; asked rarely, so a scan beats indexing every word. */
function appearsInLowerCase(tokens: Token[], lower: string): boolean {
  for (const token of tokens) if (!token.capitalized && token.lower === lower) return true;
  return false;
}

/**
 * "Customs and Border Protection (CBP)": the acronym in brackets names the words before it.
 * `named` is false when those words are lower case ("light-emitting diode (LED)"): a term, not a name.
 */
function collectAcronymDefinitions(tokens: Token[]): Map<string, AcronymDefinition> {
  const found = new Map<string, AcronymDefinition>();
  for (let index = 2; index < tokens.length - 2; index++) {
    const open = tokens[index] as Token;
    const acronym = tokens[index + 1] as Token;
    const close = tokens[index + 2] as Token;
    if (open.text !== '(' || close.text !== ')' || !isAcronym(acronym)) continue;
    const letters = acronym.text.replace(/[^\p{Lu}]/gu, '').toLowerCase();
    let cursor = index - 1;
    let matched = letters.length;
    let named = true;
    while (cursor >= 0 && matched > 0 && index - cursor <= letters.length * 2 + 2) {
      const word = tokens[cursor] as Token;
      if (word.kind === 'word' && word.lower[0] === letters[matched - 1]) {
        matched--;
        if (!word.capitalized && !CONNECTORS.has(word.text)) named = false;
      } else if (!(word.kind === 'word' && CONNECTORS.has(word.text))) break;
      cursor--;
    }
    if (matched === 0 && !found.has(acronym.text)) found.set(acronym.text, { start: cursor + 1, end: index, named });
  }
  return found;
}
