import type { Sentence, Token } from '../text/tokens.js';
import { startsClause } from './clause-boundaries.js';
import { sentenceSubject } from './sentence-subjects.js';
import { type SpeakerRange } from './speaker-spans.js';
import { spanWords } from './span-rules.js';
import { MODAL_VERBS, NEGATIONS, PERFECT_AUXILIARIES } from './word-lists.js';
import type { Range, Reading } from './reading.js';

// "It is hard to say …", "It was at the rally that Roe spoke, calling …": an "it" before a copula
// stands for no one, so it cannot be who does a participle or infinitive cue.

/** How far past "it" the copula may come ("it would not have been", "it's also"). */
const MAX_COPULA_DISTANCE = 4;

/** Whether `subject` is a lone "it" followed by a copula (span.expletive-it), with only auxiliaries and adverbs between. */
export function isExpletiveIt(ctx: Reading, subject: Range, limit: number): boolean {
  if (subject.end - subject.start !== 1 || ctx.lower(subject.start) !== 'it') return false;
  const copulas = spanWords('span.expletive-it');
  for (let index = subject.end; index < limit && index - subject.end < MAX_COPULA_DISTANCE; index++) {
    const word = ctx.lower(index);
    // "it was to report earnings": a copula before "to" says what the thing named was due to do.
    if (copulas.has(word)) return ctx.lower(index + 1) !== 'to';
    const token = ctx.tokens[index] as Token;
    if (token.kind !== 'word' || !(MODALS.has(word) || /ly$/.test(word))) return false;
  }
  return false;
}

const MODALS: ReadonlySet<string> = new Set([...MODAL_VERBS, ...PERFECT_AUXILIARIES, ...NEGATIONS, 'also', 'even', 'still', 'just', 'often']);

/** How many words a cleft's focus may hold between the copula and "that" ("It was at the rally that …"). */
const MAX_CLEFT_FOCUS = 6;

/** "It is this vision that Roe is tying her image to, attempting …": a cleft's subject is that of the clause after "that". */
export function cleftSubject(ctx: Reading, sentence: Sentence, from: number, cueStart: number): SpeakerRange | undefined {
  for (let index = from; index < cueStart - 1 && index - from <= MAX_CLEFT_FOCUS; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'") return undefined;
    if (ctx.lower(index) !== 'that' || ctx.quotes.depth[index] !== 0) continue;
    if (!startsClause(ctx, index + 1, cueStart)) return undefined;
    const subject = sentenceSubject(ctx, sentence, cueStart, index + 1);
    return subject && subject.start > index ? subject : undefined;
  }
  return undefined;
}
