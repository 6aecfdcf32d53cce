import type { Sentence, Token } from '../text/tokens.js';
import type { Span } from '../../model/claim.js';
import { QUOTE_INTRODUCERS } from './word-lists.js';
import type { Reading } from './reading.js';

/** The quotation that ends the previous sentence of the same paragraph, if that sentence ends with one. */
export function quotationEndingBefore(ctx: Reading, sentenceIndex: number): Span | null {
  const { tokens, sentences, quotes, lower, isCloseQuote, spanOf } = ctx;
  const sentence = sentences[sentenceIndex] as Sentence;
  const previous = sentences[sentenceIndex - 1];
  if (!previous || previous.paragraph !== sentence.paragraph) return null;
  const close = previous.tokenEnd - 1;
  if (!isCloseQuote(close) || (tokens[close] as Token).end <= ctx.quotedUntil) return null;
  const open = quotes.openOf[close] ?? -1;
  if (open < 0) return null;
  // The quotation is not someone else's already ("“…,” she said. “…”" was read with its own cue).
  if (open < previous.tokenStart ? false : open !== previous.tokenStart && !QUOTE_INTRODUCERS.has(lower(open - 1))) return null;
  return spanOf(open, close + 1);
}

export function withContinuation(ctx: Reading, content: Span, sentenceIndex: number, bodyEnd: number, from: number): Span {
  const { text } = ctx;
  const continued = splitQuoteContinuation(ctx, sentenceIndex, bodyEnd, from);
  return continued === undefined ? content : { start: content.start, end: continued, text: text.slice(content.start, continued) };
}

/** “A,” he said. “B.” — the next sentence of the same paragraph opening a quotation continues it. */
export function splitQuoteContinuation(ctx: Reading, sentenceIndex: number, bodyEnd: number, cueEnd: number): number | undefined {
  const { tokens, sentences, quotes, state, lower, isOpenQuote } = ctx;
  let probe = cueEnd;
  while (probe < bodyEnd && !isOpenQuote(probe)) {
    // "…,” he said, adding, “…”": a quotation after a participle cue is that cue's content.
    if (/ing$/.test(lower(probe)) && state.cues.has(lower(probe))) return undefined;
    probe++;
  }
  if (probe < bodyEnd && isOpenQuote(probe)) {
    const close = quotes.closeOf[probe] ?? -1;
    if (close > probe) return markQuoted(ctx, (tokens[close] as Token).end, sentenceIndex);
    return undefined;
  }
  if (probe < bodyEnd) return undefined;
  const sentence = sentences[sentenceIndex] as Sentence;
  const next = sentences[sentenceIndex + 1];
  if (!next || next.paragraph !== sentence.paragraph || !isOpenQuote(next.tokenStart)) return undefined;
  const close = quotes.closeOf[next.tokenStart] ?? -1;
  if (close <= next.tokenStart) return undefined;
  // Stop if the continuation carries its own cue: it is its own attribution.
  for (let index = close + 1; index < next.tokenEnd; index++) if (state.cues.has(lower(index))) return undefined;
  return markQuoted(ctx, (tokens[close] as Token).end, sentenceIndex);
}

export function markQuoted(ctx: Reading, end: number, sentenceIndex: number): number {
  const { sentences } = ctx;
  if (end > (sentences[sentenceIndex] as Sentence).end) ctx.quotedUntil = Math.max(ctx.quotedUntil, end);
  return end;
}
