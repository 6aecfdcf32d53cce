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
