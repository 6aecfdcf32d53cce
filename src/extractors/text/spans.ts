/** Index of the first span of a start-sorted list whose start is at or after `offset`. */
export function firstStartingAtOrAfter(sorted: ReadonlyArray<{ start: number }>, offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as { start: number }).start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The spans of a start-sorted list that lie inside [start, end). */
export function spansWithin<T extends { start: number; end: number }>(sorted: readonly T[], start: number, end: number): T[] {
  const found: T[] = [];
  for (let index = firstStartingAtOrAfter(sorted, start); index < sorted.length && (sorted[index] as T).start < end; index++) {
    const span = sorted[index] as T;
    if (span.end <= end) found.push(span);
  }
  return found;
}

/**
 * The span of a start-sorted, non-overlapping list that holds `offset`; between two spans, the one
 * before it (the first for an offset before all). Undefined only for an empty list.
 */
export function spanAt<T extends { start: number; end: number }>(sorted: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = sorted[middle] as T;
    if (offset < span.start) high = middle - 1;
    else if (offset >= span.end) low = middle + 1;
    else return span;
  }
  return sorted[Math.max(0, Math.min(sorted.length - 1, low - 1))];
}
