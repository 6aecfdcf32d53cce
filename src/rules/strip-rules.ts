import { readdirSync, readFileSync } from 'node:fs';
import { ClaimfeedError } from '../errors.js';
import type { StripRules } from '../extractors/strip/index.js';
import { compileLanguages, type LanguageRule } from '../extractors/strip/language.js';
import { compileBoilerplate, DEFAULT_TEXT_SCOPE, type BoilerplateRule, type RuleMatch, type TextScope } from '../extractors/strip/rules.js';
import { toStripThresholds } from '../extractors/strip/thresholds.js';
import { isRecord, isStringArray, loadRuleTable, type RuleRow, type RuleTable } from './table.js';

/** config/boilerplate.json: what the stripper removes, one row per rule. */
export function loadBoilerplateRules(): RuleTable<BoilerplateRule> {
  return loadRuleTable('boilerplate', parseBoilerplateRow);
}

function parseBoilerplateRow(row: Record<string, unknown>, base: RuleRow): BoilerplateRule {
  if (typeof row.group !== 'string' || row.group === '') throw new Error('"group" must be a non-empty string');
  const action = row.action ?? 'remove';
  if (action !== 'remove' && action !== 'hint') throw new Error('"action" must be "remove" or "hint"');
  const force = row.force ?? false;
  if (typeof force !== 'boolean') throw new Error('"force" must be true or false');
  const mayHoldLead = row.mayHoldLead ?? false;
  if (typeof mayHoldLead !== 'boolean') throw new Error('"mayHoldLead" must be true or false');
  return { ...base, group: row.group, action, force, mayHoldLead, match: parseMatch(row.match) };
}

function parseMatch(raw: unknown): RuleMatch {
  if (!isRecord(raw)) throw new Error('"match" must be an object with exactly one of tags, tokens, attribute, selector, text, sectionHeading');
  const keys = Object.keys(raw);
  if (keys.length !== 1) throw new Error(`"match" must have exactly one key, got ${keys.join(', ') || 'none'}`);
  if ('tags' in raw) {
    if (!isStringArray(raw.tags) || raw.tags.length === 0) throw new Error('"match.tags" must be a non-empty string array');
    return { kind: 'tags', tags: raw.tags.map((tag) => tag.toLowerCase()) };
  }
  if ('tokens' in raw) {
    if (!isStringArray(raw.tokens) || raw.tokens.length === 0) throw new Error('"match.tokens" must be a non-empty string array');
    return { kind: 'tokens', tokens: raw.tokens };
  }
  if ('attribute' in raw) {
    const attribute = raw.attribute;
    if (!isRecord(attribute) || typeof attribute.name !== 'string') throw new Error('"match.attribute" must be {"name", "values"?}');
    if (attribute.values !== undefined && !isStringArray(attribute.values)) throw new Error('"match.attribute.values" must be a string array');
    return { kind: 'attribute', name: attribute.name.toLowerCase(), values: attribute.values === undefined ? null : attribute.values };
  }
  if ('selector' in raw) {
    if (typeof raw.selector !== 'string' || raw.selector === '') throw new Error('"match.selector" must be a CSS selector');
    return { kind: 'selector', selector: raw.selector };
  }
  if ('text' in raw) return { kind: 'text', pattern: checkPattern(raw.text), ...DEFAULT_TEXT_SCOPE };
  if ('sectionHeading' in raw) return { kind: 'sectionHeading', pattern: checkPattern(raw.sectionHeading) };
  throw new Error(`unknown matcher "${keys[0]}"`);
}

function checkPattern(pattern: unknown): string {
  if (typeof pattern !== 'string' || pattern === '') throw new Error('the pattern must be a non-empty string');
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    throw new Error(`the pattern does not compile: ${(error as Error).message}`);
  }
  return pattern;
}

const PHRASES_DIR = 'boilerplate-phrases';

/**
 * config/boilerplate-phrases/<language>.json: the phrases of one language that make a whole
 * short block (`text`) or a section heading (`sectionHeading`) boilerplate, one table per file.
 */
export function loadBoilerplatePhrases(): RuleTable<BoilerplateRule>[] {
  const files = readdirSync(new URL(`../../config/${PHRASES_DIR}/`, import.meta.url)).filter((file) => file.endsWith('.json')).sort();
  return files.map((file) => loadRuleTable(`${PHRASES_DIR}/${file.slice(0, -'.json'.length)}`, parsePhraseRow));
}

/**
 * A phrase row: {id, group, kind: "text" | "sectionHeading", pattern, reason, examples} and, for
 * text, optional `position` ("anywhere" | "end"), `maxChars` and `minLinkDensity`.
 */
function parsePhraseRow(row: Record<string, unknown>, base: RuleRow): BoilerplateRule {
  if (typeof row.group !== 'string' || row.group === '') throw new Error('"group" must be a non-empty string');
  const pattern = checkPattern(row.pattern);
  if (row.kind === 'sectionHeading') return { ...base, group: row.group, action: 'remove', force: false, mayHoldLead: false, match: { kind: 'sectionHeading', pattern } };
  if (row.kind !== 'text') throw new Error('"kind" must be "text" or "sectionHeading"');
  return { ...base, group: row.group, action: 'remove', force: false, mayHoldLead: false, match: { kind: 'text', pattern, ...parseTextScope(row) } };
}

function parseTextScope(row: Record<string, unknown>): TextScope {
  const position = row.position ?? DEFAULT_TEXT_SCOPE.position;
  if (position !== 'anywhere' && position !== 'end') throw new Error('"position" must be "anywhere" or "end"');
  const maxChars = row.maxChars ?? DEFAULT_TEXT_SCOPE.maxChars;
  if (typeof maxChars !== 'number' || !Number.isInteger(maxChars) || maxChars < 1) throw new Error('"maxChars" must be a positive whole number');
  const minLinkDensity = row.minLinkDensity ?? DEFAULT_TEXT_SCOPE.minLinkDensity;
  if (typeof minLinkDensity !== 'number' || minLinkDensity < 0 || minLinkDensity > 1) throw new Error('"minLinkDensity" must be a number from 0 to 1');
  return { position, maxChars, minLinkDensity };
}

export interface NamedThreshold {
  value: number;
  reason: string;
}

let thresholdsCache: Readonly<Record<string, NamedThreshold>> | null = null;

/** config/strip-thresholds.json: every number that tunes the stripper, by name, with why. */
export function loadStripThresholds(): Readonly<Record<string, NamedThreshold>> {
  if (thresholdsCache) return thresholdsCache;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(new URL('../../config/strip-thresholds.json', import.meta.url), 'utf8'));
  } catch (error) {
    throw new ClaimfeedError('RULE_TABLE_INVALID', `Cannot read config/strip-thresholds.json: ${(error as Error).message}`, { cause: error });
  }
  if (!isRecord(raw) || !isRecord(raw.thresholds)) throw new ClaimfeedError('RULE_TABLE_INVALID', 'config/strip-thresholds.json: expected {"thresholds": {...}}');
  const problems: string[] = [];
  const result: Record<string, NamedThreshold> = {};
  for (const [name, entry] of Object.entries(raw.thresholds)) {
    if (!isRecord(entry) || typeof entry.value !== 'number' || !Number.isFinite(entry.value) || typeof entry.reason !== 'string' || entry.reason === '') {
      problems.push(`${name}: expected {"value": number, "reason": string}`);
      continue;
    }
    result[name] = { value: entry.value, reason: entry.reason };
  }
  if (problems.length > 0) throw new ClaimfeedError('RULE_TABLE_INVALID', `config/strip-thresholds.json is invalid:\n- ${problems.join('\n- ')}`);
  thresholdsCache = Object.freeze(result);
  return thresholdsCache;
}

let stripRulesCache: StripRules | null = null;

/** The stripper's compiled tables from config/, loaded once per process. */
export function loadStripRules(): StripRules {
  if (stripRulesCache) return stripRulesCache;
  let thresholds;
  try {
    thresholds = toStripThresholds(loadStripThresholds());
  } catch (error) {
    if (error instanceof ClaimfeedError) throw error;
    throw new ClaimfeedError('RULE_TABLE_INVALID', (error as Error).message, { cause: error });
  }
  stripRulesCache = {
    boilerplate: compileBoilerplate([...loadBoilerplateRules().rules, ...loadBoilerplatePhrases().flatMap((table) => table.rules)]),
    thresholds,
    languages: compileLanguages(loadLanguageRules().rules),
  };
  return stripRulesCache;
}

/** config/languages.json: scripts and stop words for the cheap language guess. */
export function loadLanguageRules(): RuleTable<LanguageRule> {
  return loadRuleTable('languages', parseLanguageRow);
}

function parseLanguageRow(row: Record<string, unknown>, base: RuleRow): LanguageRule {
  const script = row.script ?? null;
  if (script !== null && (typeof script !== 'string' || script === '')) throw new Error('"script" must be a non-empty string');
  if (script !== null) new RegExp(script, 'u');
  const stopWords = row.stopWords ?? [];
  if (!isStringArray(stopWords)) throw new Error('"stopWords" must be a string array');
  if (script === null && stopWords.length === 0) throw new Error('a language needs a "script" or "stopWords"');
  const minShare = row.minShare ?? 0;
  if (typeof minShare !== 'number' || minShare < 0 || minShare > 1) throw new Error('"minShare" must be a number from 0 to 1');
  const letters = row.letters ?? '';
  if (typeof letters !== 'string' || /[\x00-\x7f]/.test(letters) || letters !== letters.toLowerCase()) throw new Error('"letters" must be a string of lower-case letters beyond ASCII');
  const aliases = row.aliases ?? [];
  if (!isStringArray(aliases) || aliases.some((alias) => !/^[a-z]{2,3}$/.test(alias))) throw new Error('"aliases" must be lower-case ISO 639 codes');
  return { ...base, script, minShare, stopWords, letters, aliases };
}
