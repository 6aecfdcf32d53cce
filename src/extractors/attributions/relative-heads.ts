import { cueBarePresentForms } from './rules.js';
import type { Token } from '../text/tokens.js';
import { AUXILIARIES, CLAUSE_WORDS, DETERMINERS, endsInSingleS, PAST_FORM, IRREGULAR_PAST, COORDINATORS } from './word-lists.js';
import { isAdjectiveAt, isNounLike, isNounWord, isVerbWord } from './word-tests.js';
import type { Reading, Range } from './reading.js';
import { validSpeaker } from './speaker-spans.js';
import { hasVerbWordBetween } from './verb-ranges.js';

// The head of a subject whose relative clause or participle phrase stands before the cue ("The man who lives next door said …").

/**
 * The first verb of saying after a restrictive relative clause's cue, in its past, -s or bare
 * present form ("said", "says", "told", "say"): the verb of the sentence's subject, which ends the clause.
 */
export function mainSpeechCueAfter(ctx: Reading, from: number, bodyEnd: number): number | undefined {
  const bareForms = cueBarePresentForms();
  for (let index = from + 1; index < bodyEnd; index++) {
    const word = ctx.lower(index);
    const previous = ctx.lower(index - 1);
    if (previous === 'to') continue;
    // A bare present ("Pilots who know the waters say …") agrees with a plural head; after a determiner it is a noun ("the say").
    const barePresent = bareForms.has(word) && !DETERMINERS.has(previous) && !AUXILIARIES.has(previous);
    if (!(PAST_FORM.test(word) || IRREGULAR_PAST.test(word) || word.endsWith('s') || barePresent)) continue;
    if (ctx.state.cues.get(word)?.some((form) => form.frame === 'speech' && form.words.length === 1) === true) return index;
  }
  return undefined;
}

/** Longest subject a restrictive relative clause can follow ("the former head of the port authority who …"). */
const MAX_RELATIVE_HEAD_TOKENS = 8;

/** "-ing" words that work as prepositions: "following the vote officials said". */
const PREPOSITION_GERUNDS = new Set(['following', 'including', 'according', 'regarding', 'concerning', 'excluding', 'considering', 'pending', 'barring', 'notwithstanding', 'beginning', 'starting']);

/** "how to grow …", "what to say …": an infinitive that opens a question or a topic. */
const QUESTION_INFINITIVE_LEADERS = new Set(['how', 'what', 'where', 'when', 'whether', 'which']);
/** Verbs of perceiving or causing, which take a phrase and a bare verb after it ("hearing officials say", "to let experts decide"). */
const BARE_INFINITIVE_TAKERS = new Set(['see', 'hear', 'watch', 'let', 'make', 'have', 'help']);

/**
 * A lowercase verb right before a phrase, taking that phrase as its object: a gerund before a
 * finite cue ("while seeing people suffer urges me on") or an infinitive after "how to" ("guides
 * on how to splice mooring ropes recommend"). Not a participle used as an adjective ("the visiting
 * scholars", "two striking workers"), nor a perception verb before a bare infinitive ("to see
 * officials say").
 */
export function isVerbTakingObject(ctx: Reading, index: number, cueStart: number): boolean {
  const { tokens, lower } = ctx;
  const token = tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || index <= ctx.currentSentenceStart || PREPOSITION_GERUNDS.has(token.lower)) return false;
  const classes = ctx.state.lexicon.classes(token.lower);
  if (classes.has('adjective') || classes.has('noun')) return false;
  const finiteCue = PAST_FORM.test(lower(cueStart)) || endsInSingleS(lower(cueStart));
  // Only after "how to" and its kin: "the first pilot to run the channel says" is a subject with its infinitive.
  if (lower(index - 1) === 'to') return QUESTION_INFINITIVE_LEADERS.has(lower(index - 2)) && classes.has('verb') && (finiteCue || !BARE_INFINITIVE_TAKERS.has(token.lower));
  if (!/ing$/.test(token.lower) || !classes.has('gerund')) return false;
  const previous = tokens[index - 1] as Token;
  if (DETERMINERS.has(previous.lower) || previous.kind === 'number' || lower(index - 1) === "'s" || isAdjectiveAt(ctx, index - 1)) return false;
  // A bare cue after a gerund's phrase may be its bare infinitive ("hearing officials say") or agree with a subject further back ("voters … voting Tuesday support").
  return finiteCue;
}

/** The relative clause that ends right before `end`, as a one-word range at its pronoun (subjectBeforeRelative then finds its head). */
export function relativeClauseBefore(ctx: Reading, sentenceStart: number, end: number): Range | undefined {
  // The clause ends in a noun phrase: after a verb, a preposition or a determiner the cue word is their object ("friends who have lent support", "the lack of detail").
  const last = ctx.tokens[end - 1] as Token | undefined;
  if (!last || (last.kind !== 'number' && !last.capitalized && (last.kind !== 'word' || DETERMINERS.has(last.lower) || AUXILIARIES.has(last.lower) || ctx.state.lexicon.classes(last.lower).has('preposition') || (isVerbWord(ctx, last.lower) && !isNounWord(ctx, last.lower))))) return undefined;
  const head = subjectBeforeRelative(ctx, sentenceStart, end);
  if (head === undefined) return undefined;
  let pronoun = end - 1;
  while (pronoun > head && ctx.lower(pronoun) !== 'who' && ctx.lower(pronoun) !== 'that') pronoun--;
  return pronoun > head && pronoun + 1 < end ? { start: pronoun + 1, end } : undefined;
}

/**
 * The start of the subject when a restrictive relative clause ("who lives next door", no commas)
 * sits between the sentence's subject and the cue: the phrase read before the cue then lies inside
 * that clause. Undefined when there is no such clause.
 */
export function subjectBeforeRelative(ctx: Reading, sentenceStart: number, phraseStart: number): number | undefined {
  // "Pilots who … accept what the tide tables show": after "what" the phrase opens a clause of its own.
  if (ctx.lower(phraseStart - 1) === 'what') return undefined;
  for (let index = phraseStart - 1; index > sentenceStart; index--) {
    const token = ctx.tokens[index] as Token;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'") return undefined;
    if (token.lower !== 'who' && !(token.lower === 'that' && opensRelativeClause(ctx, index))) continue;
    // The head opens the sentence or the clause after a comma and its coordinator (", and those who …").
    const head = relativeHeadStart(ctx, sentenceStart, index);
    if (index - head > MAX_RELATIVE_HEAD_TOKENS) continue;
    // "a statement that appeared …" after a verb is the verb's object, not a speaker with its clause.
    if (token.lower === 'that' && hasVerbWordBetween(ctx, head, index)) return undefined;
    return head < index && validSpeaker(ctx, head, index) ? head : undefined;
  }
  return undefined;
}

/**
 * "The group trying to buy the bank said …", "Doctors offering to run the clinic noted …": the start
 * of the subject when a participle phrase with its object (no commas) stands between the sentence's
 * subject and the cue, so the phrase read before the cue is that object. The participle follows the
 * subject's noun right away, and the subject opens its clause.
 */
export function subjectBeforeParticiple(ctx: Reading, sentenceStart: number, phraseStart: number): number | undefined {
  const { tokens, lower } = ctx;
  let at = phraseStart - 1;
  let participle = -1;
  for (; at > sentenceStart && phraseStart - at <= MAX_PARTICIPLE_CHAIN_TOKENS; at--) {
    const token = tokens[at] as Token;
    if (token.kind !== 'word' || token.capitalized) break;
    if (/^[a-z]{3,}ing$/.test(token.lower)) participle = at;
    else if (token.lower !== 'to' && !(lower(at - 1) === 'to' && isVerbWord(ctx, token.lower))) break;
  }
  if (participle === -1 || at !== participle - 1) return undefined;
  const head = relativeHeadStart(ctx, sentenceStart, participle);
  if (head >= participle || !isNounLike(ctx, participle - 1) || ctx.state.lexicon.classes(lower(head)).has('preposition')) return undefined;
  // "while seeing people suffering …", "In opposing the request …": the words before the participle are a plain noun phrase, no clause or phrase of a verb.
  for (let index = head; index < participle; index++) if (CLAUSE_WORDS.has(lower(index)) || /^[a-z]{3,}ing$/.test(lower(index))) return undefined;
  return validSpeaker(ctx, head, participle) && !hasVerbWordBetween(ctx, head, participle) ? head : undefined;
}

/** How many words a participle phrase before its object may run: "hoping to be able to buy". */
const MAX_PARTICIPLE_CHAIN_TOKENS = 6;

/** Where the clause holding `index` starts: the sentence start, or after the last comma or semicolon before it (and a coordinator after that). */
function relativeHeadStart(ctx: Reading, sentenceStart: number, index: number): number {
  for (let at = index - 1; at >= sentenceStart; at--) {
    const text = (ctx.tokens[at] as Token).text;
    if (text !== ',' && text !== ';') continue;
    return COORDINATORS.has(ctx.lower(at + 1)) ? at + 2 : at + 1;
  }
  return sentenceStart;
}

/**
 * "people that need the tool": a "that" between a noun and a verb opens a relative clause, unlike
 * the determiner of "that tool" or the "that" after a verb of saying.
 */
function opensRelativeClause(ctx: Reading, index: number): boolean {
  const before = ctx.tokens[index - 1];
  const after = ctx.tokens[index + 1];
  if (!before || !after || before.kind !== 'word' || after.kind !== 'word' || after.capitalized) return false;
  // A plural the lexicon lacks ("crews") is a noun as much as a listed one.
  const unlisted = ctx.state.lexicon.classes(before.lower).size === 0;
  if (ctx.state.cues.has(before.lower) || !(unlisted || isNounWord(ctx, before.lower)) || isVerbWord(ctx, before.lower)) return false;
  return isVerbWord(ctx, after.lower);
}
