import type { ArticleLanguage } from '../model/article.js';
import type { RejectedCandidate } from '../model/claim.js';
import { readingLanguage } from '../model/claim-article.js';
import { languageCode } from '../extractors/strip/language.js';
import { loadStripRules } from '../rules/strip-rules.js';

/** The parts of an extraction log a reviewer reads first; the rest is shown raw. */
export interface LogSummary {
  /** Label/value pairs: HTTP status, final URL, redirects, bytes, charset, stage times, metadata sources. */
  fetch: Array<[string, string]>;
  rejected: RejectedCandidate[];
  /** Why the article makes no claims when its language is one the rules do not read. */
  noClaimsReason: string | null;
}

/**
 * Reads the summary out of a stored log without trusting its shape: logs written by an older
 * version, or damaged ones, still render, just with less in the summary.
 */
export function describeLog(log: unknown): LogSummary {
  const root = asRecord(log);
  const fetch = asRecord(root?.['fetch']);
  const pairs: Array<[string, string]> = [];
  if (fetch) {
    const add = (label: string, value: unknown): void => {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') pairs.push([label, String(value)]);
    };
    add('HTTP status', fetch['status']);
    add('Final URL', fetch['finalUrl']);
    const redirects = fetch['redirects'];
    if (Array.isArray(redirects) && redirects.length > 0) pairs.push(['Redirects', redirects.map(describeHop).join(' → ')]);
    add('Bytes', fetch['bytes']);
    add('Charset', fetch['charset']);
    add('Content type', fetch['contentType']);
    const timings = asRecord(fetch['timings']);
    if (timings) add('Fetch time (ms)', timings['totalMs']);
  }
  const stages = asRecord(root?.['timings']);
  if (stages) {
    const parts = Object.entries(stages).flatMap(([name, value]) => (typeof value === 'number' ? [`${name.replace(/Ms$/, '')} ${Math.round(value)}`] : []));
    if (parts.length > 0) pairs.push(['Stage times (ms)', parts.join(', ')]);
  }
  const sources = asRecord(asRecord(root?.['strip'])?.['sources']);
  if (sources) {
    const parts = Object.entries(sources).flatMap(([field, source]) => (typeof source === 'string' ? [`${field} from ${source}`] : []));
    if (parts.length > 0) pairs.push(['Metadata sources', parts.join(', ')]);
  }
  const rejected = rejectedOf(root);
  const noClaimsReason = rejected.find((candidate) => candidate.ruleId === 'claim.language-not-covered')?.reason ?? null;
  return { fetch: pairs, rejected, noClaimsReason };
}

function describeHop(hop: unknown): string {
  const record = asRecord(hop);
  if (record === null) return String(hop);
  return `${String(record['url'])} (${String(record['status'])})`;
}

function rejectedOf(root: Record<string, unknown> | null): RejectedCandidate[] {
  const candidates = root?.['rejected'];
  if (!Array.isArray(candidates)) return [];
  const out: RejectedCandidate[] = [];
  for (const item of candidates) {
    const row = asRecord(item);
    if (!row) continue;
    const { layer, reason, ruleId, text, start, end } = row;
    if ((layer === 'figure' || layer === 'actor' || layer === 'attribution' || layer === 'claim') && typeof reason === 'string' && typeof ruleId === 'string' && typeof text === 'string') {
      out.push({ layer, reason, ruleId, text, start: typeof start === 'number' ? start : 0, end: typeof end === 'number' ? end : 0 });
    }
  }
  return out;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** "language de", "language de (the page declares en-US)"; an article stored without one says so. */
export function describeLanguage(language: ArticleLanguage | undefined): string {
  if (!language) return 'language not recorded';
  const reading = readingLanguage(language);
  if (reading === null) return 'language not told';
  const declared = language.declared;
  const table = loadStripRules().languages;
  return declared !== null && languageCode(declared, table) !== languageCode(reading, table) ? `language ${reading} (the page declares ${declared})` : `language ${reading}`;
}
