import type { Token } from '../text/tokens.js';
import type { Attribution, Span } from '../../model/claim.js';
import { QUESTION_CONTENT_OPENERS, TIME_WORDS, TIME_LEADERS, MAX_SPEAKER_TOKENS } from './word-lists.js';
import { commaPastSeries } from './clause-boundaries.js';
import { buildAttribution } from './relation-assembly.js';
import type { Reading, Range } from './reading.js';
import { validSpeaker } from './speaker-spans.js';

/** "Asked by Roe whether …," — the question or topic to the next comma; the asker after "by", if any, is the speaker. */
export function readQuestion(ctx: Reading, bodyEnd: number, cueEnd: number, cueSpan: Span, ruleId: string): Attribution | null {
  const { tokens, quotes, lower, isOpenQuote, spanOf } = ctx;
  let index = cueEnd;
  let speaker: Range | undefined;
  while (index < bodyEnd && index - cueEnd < 10) {
    const token = tokens[index] as Token;
    if (isOpenQuote(index) || QUESTION_CONTENT_OPENERS.has(token.lower)) break;
    if (token.text === ':' || (token.text === ',' && isOpenQuote(index + 1))) {
      index++;
      break;
    }
    if (token.kind === 'punct') return null;
    if (token.lower === 'by' && speaker === undefined) {
      let end = index + 1;
      while (end < bodyEnd && end - index <= MAX_SPEAKER_TOKENS && (tokens[end] as Token).text !== ',' && !isOpenQuote(end) && !QUESTION_CONTENT_OPENERS.has(lower(end)) && !TIME_LEADERS.has(lower(end)) && !TIME_WORDS.has(lower(end))) end++;
      if (end > index + 1 && validSpeaker(ctx, index + 1, end)) speaker = { start: index + 1, end };
      index = end;
      continue;
    }
    index++;
  }
  if (index >= bodyEnd) return null;
  let end = index + 1;
  let series = false;
  if (isOpenQuote(index)) {
    const close = quotes.closeOf[index] ?? -1;
    if (close <= index) return null;
    end = close + 1;
  } else {
    // ("Asked about fares, berths and the levy, Roe said …": past the commas of a series.)
    const comma = commaPastSeries(ctx, end, bodyEnd);
    end = comma.index;
    series = comma.pastSeries;
  }
  const content = spanOf(index, end);
  if (!content || end - index < 2) return null;
  return buildAttribution(ctx, speaker ? spanOf(speaker.start, speaker.end) : null, cueSpan, content, ruleId, speaker?.start ?? cueEnd, ['attribution.passive-question', ...(series ? ['span.series-continues'] : [])]);
}
