import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

export const SCHEMA_DIR = new URL('../../schema/', import.meta.url);
export const SCHEMA_BASE = 'https://claimfeed.dev/schema/';

/** Every schema in schema/, by file name without `.schema.json`. */
export function loadSchemas(): Map<string, Record<string, unknown>> {
  const schemas = new Map<string, Record<string, unknown>>();
  for (const file of readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.schema.json'))) {
    schemas.set(file.replace(/\.schema\.json$/, ''), JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as Record<string, unknown>);
  }
  return schemas;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** One Ajv (JSON Schema 2020-12, strict) holding every published schema, cross references resolved. */
export function schemaAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('date-time', ISO_TIME);
  for (const schema of loadSchemas().values()) ajv.addSchema(schema);
  return ajv;
}

const shared = schemaAjv();
const compiled = new Map<string, ValidateFunction>();

/** A validator for a schema ("claim-record", "feed-line", …) or one of its definitions ("api#/$defs/claimPage"). */
export function validatorFor(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (validate === undefined) {
    const [file, pointer] = name.split('#');
    const id = `${SCHEMA_BASE}${file}/2.json${pointer === undefined ? '' : `#${pointer}`}`;
    validate = shared.getSchema(id);
    if (validate === undefined) throw new Error(`no schema ${id}`);
    compiled.set(name, validate);
  }
  return validate;
}

/** Asserts that `value` validates against the named schema, showing Ajv's errors when not. */
export function expectValid(name: string, value: unknown, where = ''): void {
  const validate = validatorFor(name);
  const valid = validate(value);
  expect(valid, `${name}${where ? ` (${where})` : ''}: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toBe(true);
}
