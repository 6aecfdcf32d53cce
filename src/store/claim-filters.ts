import type { ClaimRecord } from '../model/claim.js';

/**
 * The claim filters shared by the API (`GET /api/claims`), the CLI (`feed`, `export`) and the
 * library's feed reader, so one filter means the same everywhere.
 */
export interface ClaimFilters {
  /** Only the claims of this article id. */
  article?: string;
  /** Actor name (canonical or mention text), case-insensitive; matches the speaker or any actor. */
  actor?: string;
  kind?: ClaimRecord['kind'];
  /** Only claims added to the feed at or after this time (epoch ms). */
  since?: number;
  /** Only claims added to the feed at or before this time (epoch ms). */
  until?: number;
  /** Full-text search: every word must occur in the content, sentence or speaker (case-insensitive). */
  q?: string;
}

/** The words of a search, lower-cased; empty when there is nothing to search for. */
function searchTerms(q: string | undefined): string[] {
  return q === undefined ? [] : q.toLowerCase().split(/[^\p{L}\p{N}$%.,'-]+/u).filter((term) => term !== '');
}

/** Whether every term occurs in the claim's words (content, sentence, speaker). */
function claimHasTerms(claim: ClaimRecord, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const haystack = `${claim.content?.text ?? ''}\n${claim.sentence.text}\n${claim.speaker?.text ?? ''}\n${claim.speakerActor?.canonical ?? ''}`.toLowerCase();
  return terms.every((term) => haystack.includes(term));
}

/** The filters that look at the record itself (not at when it entered the feed). */
export function claimMatches(claim: ClaimRecord, filters: Pick<ClaimFilters, 'article' | 'actor' | 'kind' | 'q'>): boolean {
  if (filters.article !== undefined && claim.articleId !== filters.article) return false;
  if (filters.kind !== undefined && claim.kind !== filters.kind) return false;
  if (filters.actor !== undefined) {
    const wanted = filters.actor.toLowerCase();
    const names = [claim.speakerActor?.canonical, claim.speaker?.text, ...claim.actors.flatMap((actor) => [actor.canonical, actor.text])];
    if (!names.some((name) => name !== undefined && name.toLowerCase() === wanted)) return false;
  }
  return filters.q === undefined || claimHasTerms(claim, searchTerms(filters.q));
}

/** Every filter, for a feed entry: `since`/`until` compare the time in its stream id. */
export function feedEntryMatches(entry: { streamId: string; claim: ClaimRecord }, filters: ClaimFilters): boolean {
  const addedMs = streamIdMs(entry.streamId);
  if (filters.since !== undefined && addedMs < filters.since) return false;
  if (filters.until !== undefined && addedMs > filters.until) return false;
  return claimMatches(entry.claim, filters);
}

/** The time part of a Redis Stream id ("1700000000000-3" → 1700000000000). */
export function streamIdMs(streamId: string): number {
  const dash = streamId.indexOf('-');
  return Number(dash === -1 ? streamId : streamId.slice(0, dash)) || 0;
}

/** An ISO 8601 time or epoch milliseconds, as epoch ms; NaN when it is neither. */
export function parseFilterTime(value: string | number | Date): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}
