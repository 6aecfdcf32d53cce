import { readFileSync } from 'node:fs';
import { ClaimfeedError } from '../errors.js';
import { isRecord } from '../rules/table.js';
import { type Config, constraints, envAliases, envName } from './schema.js';

export type { Config } from './schema.js';

const DEFAULTS_FILE = new URL('../../config/default.json', import.meta.url);

export interface LoadConfigOptions {
  /** A config object already resolved elsewhere (e.g. handed to a worker thread); validated again. */
  resolved?: unknown;
  /** A JSON file of overrides (the --config flag); else CLAIMFEED_CONFIG. */
  file?: string;
  /** Defaults to process.env; tests pass their own. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Highest precedence: values set by code (tests, CLI flags). Dotted keys. */
  overrides?: Record<string, unknown>;
}

export interface LoadedConfig {
  config: Config;
  /** Whether redis.url was given explicitly (file, env or override) rather than defaulted. */
  redisUrlExplicit: boolean;
}

/**
 * Precedence: config/default.json < file < environment < overrides. Every problem is reported
 * in one CONFIG_INVALID error. The result is frozen. The only reader of process.env.
 */
export function loadConfigDetailed(options: LoadConfigOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const defaults = flatten(JSON.parse(readFileSync(DEFAULTS_FILE, 'utf8')) as unknown);
  const values = new Map(defaults);
  const problems: string[] = [];
  let redisUrlExplicit = false;

  const file = options.resolved === undefined ? (options.file ?? nonEmptyEnv(env, 'CLAIMFEED_CONFIG')) : undefined;
  if (file !== undefined) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ClaimfeedError('CONFIG_INVALID', `Cannot read config file ${file}: ${(error as Error).message}`, { cause: error });
    }
    for (const [key, value] of flatten(raw)) {
      if (!defaults.has(key)) problems.push(`${file}: unknown key "${key}"`);
      else {
        values.set(key, value);
        if (key === 'redis.url') redisUrlExplicit = true;
      }
    }
  }

  if (options.resolved !== undefined) {
    for (const [key, value] of flatten(options.resolved)) {
      if (!defaults.has(key)) problems.push(`resolved config: unknown key "${key}"`);
      else values.set(key, value);
    }
    redisUrlExplicit = true;
  }

  for (const [key, fallback] of options.resolved === undefined ? defaults : new Map<string, unknown>()) {
    const names = [...(envAliases[key] ?? []), envName(key)];
    for (const name of names) {
      const text = nonEmptyEnv(env, name);
      if (text === undefined) continue;
      const parsed = parseEnvValue(text, fallback);
      if (parsed.ok) values.set(key, parsed.value);
      else problems.push(`${name}=${JSON.stringify(text)}: ${parsed.problem}`);
      if (key === 'redis.url') redisUrlExplicit = true;
    }
  }

  for (const [key, value] of Object.entries(options.overrides ?? {})) {
    if (!defaults.has(key)) problems.push(`override: unknown key "${key}"`);
    else {
      values.set(key, value);
      if (key === 'redis.url') redisUrlExplicit = true;
    }
  }

  for (const [key, value] of values) {
    const fallback = defaults.get(key);
    const typeProblem = checkType(value, fallback);
    if (typeProblem) {
      problems.push(`${key}: ${typeProblem}, got ${JSON.stringify(value)}`);
      continue;
    }
    for (const check of constraints[key] ?? []) {
      const problem = check(value);
      if (problem) problems.push(`${key}: ${problem}, got ${JSON.stringify(value)}`);
    }
  }

  if (problems.length > 0) {
    throw new ClaimfeedError('CONFIG_INVALID', `Configuration is invalid:\n- ${problems.join('\n- ')}`, { details: { problems } });
  }
  return { config: deepFreeze(unflatten(values)) as Config, redisUrlExplicit };
}

export function loadConfig(options: LoadConfigOptions = {}): Config {
  return loadConfigDetailed(options).config;
}

function nonEmptyEnv(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

function parseEnvValue(text: string, fallback: unknown): Parsed {
  if (typeof fallback === 'boolean') {
    const lower = text.trim().toLowerCase();
    if (['1', 'true', 'on', 'yes'].includes(lower)) return { ok: true, value: true };
    if (['0', 'false', 'off', 'no'].includes(lower)) return { ok: true, value: false };
    return { ok: false, problem: 'expected a boolean (1/0/true/false)' };
  }
  if (typeof fallback === 'number') {
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? { ok: true, value: number } : { ok: false, problem: 'expected a number' };
  }
  if (Array.isArray(fallback)) {
    return { ok: true, value: text.split(',').map((item) => item.trim()).filter((item) => item !== '') };
  }
  return { ok: true, value: text };
}

function checkType(value: unknown, fallback: unknown): string | null {
  if (Array.isArray(fallback)) return Array.isArray(value) && value.every((item) => typeof item === 'string') ? null : 'must be a list of strings';
  if (typeof fallback === 'number') return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
  if (typeof fallback === 'boolean') return typeof value === 'boolean' ? null : 'must be true or false';
  if (typeof fallback === 'string') return typeof value === 'string' ? null : 'must be a string';
  return null;
}

/** Leaves of a nested object as dotted keys; arrays are leaves. */
function flatten(raw: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (!isRecord(raw)) {
    if (path === '') throw new ClaimfeedError('CONFIG_INVALID', 'A config file must hold a JSON object');
    out.set(path, raw);
    return out;
  }
  for (const [key, value] of Object.entries(raw)) flatten(value, path === '' ? key : `${path}.${key}`, out);
  return out;
}

function unflatten(values: Map<string, unknown>): unknown {
  const root: Record<string, unknown> = {};
  for (const [key, value] of values) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (isRecord(next)) node = next;
      else {
        const created: Record<string, unknown> = {};
        node[part] = created;
        node = created;
      }
    }
    node[parts[parts.length - 1] as string] = value;
  }
  return root;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
