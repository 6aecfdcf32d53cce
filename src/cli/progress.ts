/** A one-line progress bar for stderr on a terminal: `[####....] done/total`. */
export function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = total <= 0 ? width : Math.min(width, Math.round((done / total) * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}
