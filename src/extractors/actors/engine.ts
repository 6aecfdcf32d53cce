import type { ActorType } from '../../model/claim.js';
import { loadFigureTables } from '../figures/lexicon.js';
import { wordLexicon, type WordLexicon } from '../nlp.js';
import { tokenize, type Token } from '../text/tokens.js';
import { aliasRules, everydayNamePartRules, everydayWordRules, evidenceRules, lexiconRules, peopleNameRules, titleRules, type WordListRule } from './rules.js';

/** The tables of config/actors and the figures layer's currency codes, read once per process. */

export interface DictionaryEntry {
  tokens: string[];
  type: ActorType | 'none';
  canonical: string;
  ruleId: string;
}

export interface WordList {
  words: ReadonlySet<string>;
  ruleId: string;
}

export type NameSex = 'male' | 'female';

/** The rows of config/actors/evidence.json whose courtesy titles tell each sex. */
export const HONORIFIC_ROWS: Readonly<Record<NameSex, string>> = { male: 'person.male-honorific', female: 'person.female-honorific' };

export interface TitleHead {
  ruleId: string;
  takesOf: boolean;
  tokens: string[];
}

export interface ActorEngine {
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
  /** Verbs after a lone name that only a person does ("Okafor died", "Okafor married"). */
  personVerbs: Map<string, string>;
  /** Nouns after a lone name's possessive that only a body has ("Acme's shareholders"). */
  bodyPossessions: Map<string, string>;
  /** Plurals of people that stand with their possessive inside a name ("People's Daily", "Children's Hospital"). */
  possessiveNameParts: Map<string, string>;
  /** Endings of everyday words compromise's lexicon does not list ("-tion", "-ness"), longest first. */
  commonSuffixes: { suffix: string; ruleId: string }[];
  /** Parts of people's names from config/actors/people-names.json ("Goldbach", "Thorell"). */
  peopleNames: WordList;
  /** English words only ever written in lower case, from config/actors/everyday-words.json ("cactus", "syntax"). */
  everydayWords: WordList;
  /** Name parts that are everyday words too, from config/actors/everyday-name-parts.json ("Basil", "Rose"). */
  everydayNameParts: WordList;
  /** ISO 4217 codes from the figures layer's currency tables ("DKK", "USD"): money, not organisations. */
  currencyCodes: Set<string>;
  /** Role words keyed by their last word ("secretary" for "Secretary of State"), longest first. */
  titleHeads: Map<string, TitleHead[]>;
  /** Role words that also end newspapers' names ("Leader"), from the row org.outlet-role-word. */
  outletRoleWords: ReadonlySet<string>;
  /** Courtesy titles that tell a sex ("Mr", "Mrs"), from the rows person.male-honorific and person.female-honorific. */
  honorificSexes: ReadonlyMap<string, NameSex>;
  /** Superlatives that open an award's category ("Best Actor", "Outstanding Lead Actress"), from the row not-actor.award-category. */
  awardCategoryOpeners: ReadonlySet<string>;
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
  'org.place-for-purpose',
  'place.seat-of-institution',
  'person.place-as-given-name',
  'person.given-name-speaks',
  'place.road-number',
  'person.media-credit',
  'person.cited-author',
  'place.town-and-region',
  'not-actor.quoted-word',
  'not-actor.award-category',
  'person.surname-over-place',
  'not-actor.articled-name',
  'person.everyday-surname',
  'person.male-honorific',
  'person.female-honorific',
  'org.its-after-verb',
  'org.outlet-role-word',
  'actor.name-pair-seen-mid-sentence',
  'org.body-in-region',
] as const;

export function loadEngine(): ActorEngine {
  if (engine) return engine;
  const evidence = evidenceRules();
  const missing = EVIDENCE_RULE_IDS.filter((id) => !evidence.byId.has(id));
  if (missing.length > 0) throw new Error(`config/actors/evidence.json lacks rows for ${missing.join(', ')}`);
  const awardCategoryOpeners = evidence.byId.get('not-actor.award-category')?.words ?? [];
  // The award check reads nothing but its row's words: a row without them would switch it off unseen.
  if (awardCategoryOpeners.length === 0) throw new Error('config/actors/evidence.json: not-actor.award-category needs "words"');
  const outletRoleWords = evidence.byId.get('org.outlet-role-word')?.words ?? [];
  if (outletRoleWords.length === 0) throw new Error('config/actors/evidence.json: org.outlet-role-word needs "words"');
  const honorificSexes = new Map<string, NameSex>();
  for (const sex of ['male', 'female'] as const) {
    const ruleId = HONORIFIC_ROWS[sex];
    const words = evidence.byId.get(ruleId)?.words ?? [];
    if (words.length === 0) throw new Error(`config/actors/evidence.json: ${ruleId} needs "words"`);
    for (const word of words) honorificSexes.set(word, sex);
  }
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
  const personVerbs = new Map<string, string>();
  const bodyPossessions = new Map<string, string>();
  const commonSuffixes: { suffix: string; ruleId: string }[] = [];
  const possessiveNameParts = new Map<string, string>();
  for (const rule of lexiconRules().rules) {
    for (const entry of rule.entries) {
      if (rule.role === 'name' || rule.role === 'not-actor') addName(entry, rule.type, entry, rule.id);
      else if (rule.role === 'lowercase-head') lowercaseHeads.set(entry, rule.id);
      else if (rule.role === 'leading-head' && rule.type !== 'none') leadingHeads.set(entry, { type: rule.type, ruleId: rule.id });
      else if (rule.role === 'class-noun' && rule.type !== 'none') classNouns.set(entry, { type: rule.type, ruleId: rule.id });
      else if (rule.role === 'not-actor-head') notActorHeads.set(entry, rule.id);
      else if (rule.role === 'agent-verb') agentVerbs.set(entry, rule.id);
      else if (rule.role === 'person-verb') personVerbs.set(entry, rule.id);
      else if (rule.role === 'body-possession') bodyPossessions.set(entry, rule.id);
      else if (rule.role === 'common-suffix') commonSuffixes.push({ suffix: entry, ruleId: rule.id });
      else if (rule.role === 'possessive-name-part') possessiveNameParts.set(entry, rule.id);
      else if (rule.type === 'organization') orgHeads.set(entry, rule.id);
      else if (rule.type === 'place') placeHeads.set(entry, rule.id);
    }
  }
  const titleHeads = new Map<string, TitleHead[]>();
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
  engine = {
    lexicon: wordLexicon(),
    names,
    orgHeads,
    placeHeads,
    lowercaseHeads,
    leadingHeads,
    classNouns,
    notActorHeads,
    agentVerbs,
    personVerbs,
    bodyPossessions,
    possessiveNameParts,
    commonSuffixes: commonSuffixes.sort((a, b) => b.suffix.length - a.suffix.length),
    currencyCodes: currencyCodes(),
    peopleNames: wordList(peopleNameRules().rules[0], 'person.name-part'),
    everydayWords: wordList(everydayWordRules().rules[0], 'not-actor.everyday-word'),
    everydayNameParts: wordList(everydayNamePartRules().rules[0], 'not-actor.everyday-name-part'),
    titleHeads,
    awardCategoryOpeners: new Set(awardCategoryOpeners),
    honorificSexes,
    outletRoleWords: new Set(outletRoleWords),
  };
  return engine;
}

function wordList(rule: WordListRule | undefined, fallbackId: string): WordList {
  return { words: new Set(rule?.entries ?? []), ruleId: rule?.id ?? fallbackId };
}

function currencyCodes(): Set<string> {
  const tables = loadFigureTables();
  const codes = new Set<string>();
  for (const row of [...tables.currencies.rules, ...tables.isoCurrencies.rules]) if (/^[A-Z]{3}$/.test(row.code)) codes.add(row.code);
  return codes;
}

/** The longest alias or lexicon name that starts at `start` and ends by `end`. */
export function lookupName(state: ActorEngine, tokens: Token[], start: number, end: number): DictionaryEntry | undefined {
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
