import type { Attribution, Span } from '../../model/claim.js';
import { spanAt } from '../text/spans.js';
import type { Sentence } from '../text/tokens.js';

/**
 * A quotation the report splits across sentences ("“We will not raise fares,” Ruiz said. “The
 * budget is balanced.”") is one attribution, but a claim whose content carries "Ruiz said." in the
 * middle is not the statement a reader checks. Each quoted part becomes its own content: the part
 * before the speaker and cue, and the sentences after the one they close. So does a paraphrase
 * with a quotation in the next sentence read as its continuation ("Fares will stay low, Ruiz said.
 * “The budget is balanced.”"): the paraphrase and the quotation. A quotation split inside one
 * sentence ("“This,” she said, “is a good day.”") stays whole: its parts are not sentences.
 * Returns null when the attribution is not split this way.
 */
export function crossSentenceQuoteParts(text: string, attribution: Attribution, sentences: readonly Sentence[]): [Span, Span] | null {
  const { content, speaker, cue } = attribution;
  if (cue === null) return null;
  const reportStart = Math.min(cue.start, speaker?.start ?? cue.start);
  const reportEnd = Math.max(cue.end, speaker?.end ?? cue.end);
  if (reportStart <= content.start || reportEnd >= content.end) return null;
  const reportSentence = spanAt(sentences, reportEnd - 1);
  if (reportSentence === undefined || reportSentence.end >= content.end) return null;
  // The first part ends where the report begins, without the comma or dash that joins them.
  const firstEnd = trimmedEnd(text, content.start, reportStart);
  const secondStart = trimmedStart(text, reportSentence.end, content.end);
  // A quoted first part holds a closing quotation mark; a paraphrase needs words of its own.
  const firstPartFits = attribution.direct ? CLOSES_QUOTE.test(text.slice(content.start, firstEnd)) : /[\p{L}\p{N}]/u.test(text.slice(content.start, firstEnd));
  if (!firstPartFits || !OPENS_QUOTE.test(text.slice(secondStart, content.end))) return null;
  return [span(text, content.start, firstEnd), span(text, secondStart, content.end)];
}

// The part before the report holds a closing quotation mark (the quotation may run on into a few
// words of the writer's: "“…aren’t buying” impeachment,"); the part after opens with one.
const CLOSES_QUOTE = /["”’]|''/;
const OPENS_QUOTE = /^(?:["“‘]|'')/;

/** Whether a part of a split content is a quotation: the attribution's own flag, or the part opens with a quotation mark. */
export function partIsDirect(attribution: Attribution, part: Span): boolean {
  return attribution.direct || OPENS_QUOTE.test(part.text);
}

function trimmedEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /[\s,;:\u2013\u2014-]/.test(text[at - 1] as string)) at--;
  return at;
}

function trimmedStart(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && /\s/.test(text[at] as string)) at++;
  return at;
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}
