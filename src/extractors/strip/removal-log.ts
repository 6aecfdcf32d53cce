// The removal log: what each rule or threshold dropped, cut to a preview a reviewer can read.
import type { AnyNode } from 'domhandler';
import type { RemovedBlock } from '../../model/article.js';
import { collapseSpace, rawText } from './dom.js';

/** Longest text kept for one entry of the removal log. */
export const REMOVED_TEXT_CHARS = 160;

/** Enough of a removed element's text for the log entry. */
export function preview(node: AnyNode): string {
  return collapseSpace(rawText(node, 4 * REMOVED_TEXT_CHARS));
}

export function logRemoved(removed: RemovedBlock[], ruleId: string, tag: string, text: string): void {
  if (text === '') return;
  removed.push({ ruleId, tag, text: text.length > REMOVED_TEXT_CHARS ? `${text.slice(0, REMOVED_TEXT_CHARS)}…` : text });
}
