// Input refused before parsing: empty pages and bytes that are not text.
import { ClaimfeedError } from '../../errors.js';
import type { StripThresholds } from './thresholds.js';

/** C0 and C1 controls other than tab, line feed, form feed and carriage return, and U+FFFD. */
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/g;

/** Refuses empty and binary input; drops NUL characters, which no text contains. */
export function checkInput(chunks: readonly string[], thresholds: StripThresholds): readonly string[] {
  if (chunks.every((chunk) => chunk.trim() === '')) throw new ClaimfeedError('INPUT_EMPTY', 'The page is empty');
  let sample = '';
  for (const chunk of chunks) {
    sample += chunk.slice(0, 4096 - sample.length);
    if (sample.length >= 4096) break;
  }
  CONTROL_CHARS.lastIndex = 0;
  if (!CONTROL_CHARS.test(sample)) return chunks;
  const control = sample.match(CONTROL_CHARS)?.length ?? 0;
  if (control / sample.length > thresholds.binaryControlShare) {
    throw new ClaimfeedError('INPUT_BINARY', `The input is not text: ${Math.round((100 * control) / sample.length)}% control or undecodable characters`);
  }
  return chunks.map((chunk) => (chunk.includes('\u0000') ? chunk.replaceAll('\u0000', '') : chunk));
}
