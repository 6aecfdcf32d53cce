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
      throw new ClaimfeedError('USAGE', `unknown option --${name}`);
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
