import type { Attribution } from '../../model/claim.js';
import type { Sentence } from '../text/tokens.js';
import { spanWords } from './span-rules.js';
import type { Reading } from './reading.js';

/**
 * "Do you support the new ferry line?", "Would you say the pier is safe?": a question that opens
 * with one of the auxiliaries of span.reader-question and has "you" as the cue's subject asks the
 * reader; no one has said or backed anything. A question after an interviewer's label ("Q: Do
 * you think …?") does not open the sentence, so it stays a report of the one asked.
 */
export function isReaderQuestion(ctx: Reading, sentence: Sentence, attribution: Attribution): boolean {
  const speaker = attribution.speaker;
  const words = speaker?.text.toLowerCase().split(/\s+/) ?? [];
  if (!speaker || words[words.length - 1] !== 'you' || words.length > 2) return false;
  const { tokens } = ctx;
  const last = tokens[sentence.tokenEnd - 1];
  const opener = tokens[sentence.tokenStart];
  const subject = tokens[sentence.tokenStart + 1];
  if (!last || last.text !== '?' || !opener || !subject || !spanWords('span.reader-question').has(opener.lower)) return false;
  // The speaker read is "you" or the question's "Do you".
  return subject.start === speaker.start || opener.start === speaker.start;
}
