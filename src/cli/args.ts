import { ClaimfeedError } from '../errors.js';

export interface ParsedArgs {
  flags: Map<string, string | true>;
  positionals: string[];
}

/**
 * Minimal flag parser: `--name value`, `--name=value` and boolean `--name`. `booleanFlags`
 * lists flags that never take a value. A lone `-` is a positional (stdin); `--` ends flags.
 */
export function parseArgs(argv: readonly string[], booleanFlags: readonly string[], valueFlags: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (booleanFlags.includes(name)) {
      if (eq !== -1) throw new ClaimfeedError('USAGE', `--${name} takes no value`);
      flags.set(name, true);
    } else if (valueFlags.includes(name)) {
      const value = eq === -1 ? argv[++index] : arg.slice(eq + 1);
      if (value === undefined) throw new ClaimfeedError('USAGE', `--${name} needs a value`);
      flags.set(name, value);
    } else {
      const suggestion = closest(name, [...booleanFlags, ...valueFlags]);
      throw new ClaimfeedError('USAGE', `unknown option --${name}${suggestion === null ? '' : `; did you mean --${suggestion}?`}`);
    }
  }
  return { flags, positionals };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function flagInteger(args: ParsedArgs, name: string): number | undefined {
  const value = flagString(args, name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new ClaimfeedError('USAGE', `--${name} must be a whole number, got "${value}"`);
  return number;
}

/** A whole number within [min, max] (a port, a count), or undefined when the flag is absent. */
export function flagIntegerInRange(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const value = flagInteger(args, name);
  if (value !== undefined && (value < min || value > max)) throw new ClaimfeedError('USAGE', `--${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** The candidate nearest to `word` by edit distance, when it is near enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (best === null || distance < best.distance) best = { candidate, distance };
  }
  if (best === null) return null;
  const allowed = Math.max(1, Math.floor(Math.max(word.length, best.candidate.length) / 3));
  return best.distance <= allowed || best.candidate.startsWith(word) ? best.candidate : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
