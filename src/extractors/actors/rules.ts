import { isStringArray, loadRuleTable, type RuleRow, type RuleTable } from '../../rules/table.js';
import type { ActorType } from '../../model/claim.js';

/** config/actors/titles.json: role words that precede a name ("Secretary of State", "Gen."). */
export interface TitleRule extends RuleRow {
  heads: string[];
  takesOf: string[];
}

/** config/actors/aliases.json: surface forms and the canonical actor they name. */
export interface AliasRule extends RuleRow {
  type: ActorType;
  /** Surface form → canonical name. */
  aliases: Array<{ surface: string; canonical: string }>;
}

export type LexiconRole = 'head' | 'leading-head' | 'class-noun' | 'lowercase-head' | 'name' | 'not-actor' | 'not-actor-head' | 'agent-verb' | 'person-verb' | 'body-possession' | 'common-suffix' | 'possessive-name-part';

/** config/actors/lexicon.json: names, institution/place head words and words that are never actors. */
export interface LexiconRule extends RuleRow {
  role: LexiconRole;
  type: ActorType | 'none';
  entries: string[];
}

const ACTOR_TYPES: readonly string[] = ['person', 'organization', 'place', 'group'];
const ROLES: readonly string[] = ['head', 'leading-head', 'class-noun', 'lowercase-head', 'name', 'not-actor', 'not-actor-head', 'agent-verb', 'person-verb', 'body-possession', 'common-suffix', 'possessive-name-part'];

export function titleRules(): RuleTable<TitleRule> {
  return loadRuleTable<TitleRule>('actors/titles', (row, base) => {
    if (!isStringArray(row.heads) || row.heads.length === 0) throw new Error('"heads" must be a non-empty string array');
    const takesOf = row.takesOf ?? [];
    if (!isStringArray(takesOf)) throw new Error('"takesOf" must be a string array');
    return { ...base, heads: row.heads.map((head) => head.toLowerCase()), takesOf: takesOf.map((head) => head.toLowerCase()) };
  });
}

export function aliasRules(): RuleTable<AliasRule> {
  return loadRuleTable<AliasRule>('actors/aliases', (row, base) => {
    if (typeof row.type !== 'string' || !ACTOR_TYPES.includes(row.type)) throw new Error(`"type" must be one of ${ACTOR_TYPES.join(', ')}`);
    if (!isStringArray(row.aliases) || row.aliases.length === 0) throw new Error('"aliases" must be a non-empty string array');
    const fallback = typeof row.canonical === 'string' ? row.canonical : '';
    const aliases = row.aliases.map((entry) => {
      const eq = entry.indexOf('=');
      const surface = eq === -1 ? entry : entry.slice(0, eq);
      const canonical = eq === -1 ? fallback : entry.slice(eq + 1);
      if (surface === '' || canonical === '') throw new Error(`alias "${entry}" needs a surface and a canonical name ("surface=Canonical" or a row "canonical")`);
      return { surface, canonical };
    });
    return { ...base, type: row.type as ActorType, aliases };
  });
}

export function lexiconRules(): RuleTable<LexiconRule> {
  return loadRuleTable<LexiconRule>('actors/lexicon', (row, base) => {
    if (typeof row.role !== 'string' || !ROLES.includes(row.role)) throw new Error(`"role" must be one of ${ROLES.join(', ')}`);
    const role = row.role as LexiconRole;
    const type = row.type;
    const typeless = role === 'not-actor' || role === 'not-actor-head' || role === 'common-suffix' || role === 'possessive-name-part';
    if (typeless ? type !== 'none' : typeof type !== 'string' || !ACTOR_TYPES.includes(type)) {
      throw new Error(typeless ? `"type" must be "none" for ${role} rows` : `"type" must be one of ${ACTOR_TYPES.join(', ')}`);
    }
    if (!isStringArray(row.entries) || row.entries.length === 0) throw new Error('"entries" must be a non-empty string array');
    const entries = role !== 'name' && role !== 'not-actor' ? row.entries.map((entry) => entry.toLowerCase()) : row.entries;
    return { ...base, role, type: type as ActorType | 'none', entries };
  });
}

/** A generated word list (see its "source"): config/actors/people-names.json, config/actors/everyday-words.json. */
export interface WordListRule extends RuleRow {
  entries: string[];
}

function wordListRules(name: string): RuleTable<WordListRule> {
  return loadRuleTable<WordListRule>(name, (row, base) => {
    if (!isStringArray(row.entries) || row.entries.length === 0) throw new Error('"entries" must be a non-empty string array');
    return { ...base, entries: row.entries };
  });
}

/** Words that are parts of people's names. */
export function peopleNameRules(): RuleTable<WordListRule> {
  return wordListRules('actors/people-names');
}

/** Parts of people's names that the dictionary also lists in lower case. */
export function everydayNamePartRules(): RuleTable<WordListRule> {
  return wordListRules('actors/everyday-name-parts');
}

/** English words the dictionary lists only in lower case. */
export function everydayWordRules(): RuleTable<WordListRule> {
  return wordListRules('actors/everyday-words');
}

/**
 * config/actors/evidence.json: the decisions the engine makes from context rather than from a
 * word list (an article before a name, a heading of everyday words); each row's examples test it.
 */
export function evidenceRules(): RuleTable<EvidenceRule> {
  return loadRuleTable<EvidenceRule>('actors/evidence', (row, base) => {
    if (row.words !== undefined && (!isStringArray(row.words) || row.words.some((word) => word !== word.toLowerCase()))) throw new Error('"words" must be an array of lower-case strings');
    return isStringArray(row.words) ? { ...base, words: row.words } : base;
  });
}

/** An evidence row, with the words its decision reads where it reads a closed list ("best", "outstanding"). */
export interface EvidenceRule extends RuleRow {
  words?: readonly string[];
}
