import type { RejectedCandidate } from '../model/claim.js';

/** The parts of an extraction log a reviewer reads first; the rest is shown raw. */
export interface LogSummary {
  /** Label/value pairs about the fetch: status, final URL, redirects, bytes, charset, time. */
  fetch: Array<[string, string]>;
  rejected: RejectedCandidate[];
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
    const redirects = fetch['redirects'] ?? fetch['redirectChain'];
    if (Array.isArray(redirects) && redirects.length > 0) pairs.push(['Redirects', redirects.map((hop) => (typeof hop === 'string' ? hop : JSON.stringify(hop))).join(' → ')]);
    add('Bytes', fetch['bytes']);
    add('Charset', fetch['charset']);
    add('Content type', fetch['contentType']);
    const timings = asRecord(fetch['timings']);
    if (timings) add('Fetch time (ms)', timings['totalMs']);
  }
  return { fetch: pairs, rejected: rejectedOf(root) };
}

function rejectedOf(root: Record<string, unknown> | null): RejectedCandidate[] {
  const candidates = root?.['rejected'] ?? asRecord(root?.['claims'])?.['rejected'] ?? asRecord(root?.['extract'])?.['rejected'];
  if (!Array.isArray(candidates)) return [];
  const out: RejectedCandidate[] = [];
  for (const item of candidates) {
    const row = asRecord(item);
    if (!row) continue;
    const { layer, reason, ruleId, text, start, end } = row;
    if ((layer === 'figure' || layer === 'actor' || layer === 'attribution') && typeof reason === 'string' && typeof ruleId === 'string' && typeof text === 'string') {
      out.push({ layer, reason, ruleId, text, start: typeof start === 'number' ? start : 0, end: typeof end === 'number' ? end : 0 });
    }
  }
  return out;
}

export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
