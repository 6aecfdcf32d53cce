import { ClaimfeedError } from '../errors.js';
import { type ClaimFilters, parseFilterTime } from '../store/claim-filters.js';
import { type ParsedArgs, flagString } from './args.js';

/** The API's claim filters as flags (`feed`, `export`): --actor, --kind, --article, --since, --until. */
export const CLAIM_FILTER_FLAGS = ['actor', 'kind', 'article', 'since', 'until'] as const;

export const CLAIM_FILTER_USAGE = '[--actor NAME] [--kind attributed|figure] [--article ID] [--since TIME] [--until TIME]';

/** Checked before anything connects: a bad kind or time is a usage error. */
export function claimFiltersFromFlags(args: ParsedArgs): ClaimFilters {
  const filters: ClaimFilters = {};
  const article = flagString(args, 'article');
  if (article !== undefined) filters.article = nonEmpty(article, 'article');
  const actor = flagString(args, 'actor');
  if (actor !== undefined) filters.actor = nonEmpty(actor, 'actor');
  const kind = flagString(args, 'kind');
  if (kind !== undefined) {
    if (kind !== 'attributed' && kind !== 'figure') throw new ClaimfeedError('USAGE', `--kind must be attributed or figure, got "${kind}"`);
    filters.kind = kind;
  }
  for (const name of ['since', 'until'] as const) {
    const value = flagString(args, name);
    if (value === undefined) continue;
    const ms = parseFilterTime(value);
    if (!Number.isFinite(ms)) throw new ClaimfeedError('USAGE', `--${name} must be an ISO 8601 time (2026-01-31T12:00:00Z) or epoch milliseconds, got "${value}"`);
    filters[name] = ms;
  }
  if (filters.since !== undefined && filters.until !== undefined && filters.since > filters.until) throw new ClaimfeedError('USAGE', '--since is after --until: nothing could match');
  return filters;
}

function nonEmpty(value: string, name: string): string {
  if (value.trim() === '') throw new ClaimfeedError('USAGE', `--${name} needs a value`);
  return value;
}
