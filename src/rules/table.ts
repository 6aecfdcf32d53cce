import { readFileSync } from 'node:fs';
import { ClaimfeedError } from '../errors.js';

/**
 * Every rule in config/ is a row with an id, a reason, and examples it must hit and miss.
 * The examples are the rule's test: test/rules/*.test.ts generates one test per row.
 */
export interface RuleRow {
  id: string;
  reason: string;
  examples: { hit: string[]; miss: string[] };
}

export interface RuleTable<Row extends RuleRow> {
  name: string;
  version: number;
  rules: readonly Row[];
  byId: ReadonlyMap<string, Row>;
}

/** Narrows one row's own fields; throws a message naming what is wrong. */
export type RowParser<Row extends RuleRow> = (row: Record<string, unknown>, base: RuleRow) => Row;

const CONFIG_DIR = new URL('../../config/', import.meta.url);
const cache = new Map<string, RuleTable<RuleRow>>();

/**
 * Loads and validates config/<name>.json ({ "version": n, "rules": [...] }) once per process.
 * Every problem in the file is reported in one RULE_TABLE_INVALID error.
 */
export function loadRuleTable<Row extends RuleRow>(name: string, parseRow: RowParser<Row>): RuleTable<Row> {
  const cached = cache.get(name);
  if (cached) return cached as unknown as RuleTable<Row>;
  const file = new URL(`${name}.json`, CONFIG_DIR);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ClaimfeedError('RULE_TABLE_INVALID', `Cannot read rule table config/${name}.json: ${(error as Error).message}`, { cause: error });
  }
  const table = parseRuleTable(name, raw, parseRow);
  cache.set(name, table as unknown as RuleTable<RuleRow>);
  return table;
}

function parseRuleTable<Row extends RuleRow>(name: string, raw: unknown, parseRow: RowParser<Row>): RuleTable<Row> {
  const problems: string[] = [];
  if (!isRecord(raw) || !Array.isArray(raw.rules)) {
    throw new ClaimfeedError('RULE_TABLE_INVALID', `config/${name}.json: expected {"version": n, "rules": [...]}`);
  }
  const rules: Row[] = [];
  const byId = new Map<string, Row>();
  raw.rules.forEach((row: unknown, index: number) => {
    const where = `config/${name}.json rules[${index}]`;
    if (!isRecord(row)) {
      problems.push(`${where}: not an object`);
      return;
    }
    const id = row.id;
    const reason = row.reason;
    const examples = row.examples;
    if (typeof id !== 'string' || id === '') problems.push(`${where}: "id" must be a non-empty string`);
    if (typeof reason !== 'string' || reason === '') problems.push(`${where}: "reason" must be a non-empty string`);
    if (!isRecord(examples) || !isStringArray(examples.hit) || !isStringArray(examples.miss) || examples.hit.length === 0) {
      problems.push(`${where}: "examples" must be {"hit": [at least one string], "miss": [strings]}`);
    }
    if (typeof id === 'string' && byId.has(id)) problems.push(`${where}: duplicate id "${id}"`);
    if (problems.length > 0) return;
    const base: RuleRow = { id: id as string, reason: reason as string, examples: examples as RuleRow['examples'] };
    try {
      const parsed = parseRow(row, base);
      rules.push(parsed);
      byId.set(parsed.id, parsed);
    } catch (error) {
      problems.push(`${where} (${String(id)}): ${(error as Error).message}`);
    }
  });
  if (problems.length > 0) {
    throw new ClaimfeedError('RULE_TABLE_INVALID', `config/${name}.json is invalid:\n- ${problems.join('\n- ')}`);
  }
  return { name, version: typeof raw.version === 'number' ? raw.version : 1, rules, byId };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
