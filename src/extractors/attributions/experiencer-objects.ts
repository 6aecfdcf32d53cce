import type { Attribution, Span } from '../../model/claim.js';
import type { Sentence, Token } from '../text/tokens.js';
import type { CueForm } from './engine.js';
import type { Range, Reading } from './reading.js';
import { buildAttribution } from './relation-assembly.js';
import { AUXILIARIES, CLAUSE_WORDS, DETERMINERS, LY_ADVERB, MODAL_VERBS, NEGATIONS, OBJECT_PRONOUNS, PASSIVE_MARKERS, PAST_FORM, POSSESSIVE_ENDINGS, endsInSingleS } from './word-lists.js';

/**
 * "The new levy has angered the pilots", "That rattled Mayor Roe": an active verb of the amuse class
 * names whose reaction it is after the verb. The people in the object are the speaker, the verb the
 * cue and the subject before it, the cause of the reaction, the content.
 */

/** Words before the verb that make it an adjective or an infinitive ("got angered", "to anger"). */
const NOT_FINITE_BEFORE: ReadonlySet<string> = new Set(['to', 'get', 'gets', 'got', 'getting', 'feel', 'feels', 'felt', 'seem', 'seems', 'seemed', 'look', 'looks', 'looked', 'remain', 'remains', 'remained', 'become', 'becomes', 'became', 'grew']);
/** Modals, "do" and negation, after which a bare form is a verb (tokens carry a straight apostrophe). */
const BARE_FORM_BEFORE: ReadonlySet<string> = new Set([...MODAL_VERBS, 'do', 'does', 'did', ...NEGATIONS, "won't", "wouldn't", "can't", "couldn't", "don't", "doesn't", "didn't"]);
/** Subjects that may stand right before the verb although they are determiners elsewhere: "That rattled Roe", "a plan that angered the pilots". */
const SUBJECT_DETERMINERS: ReadonlySet<string> = new Set(['that', 'this', 'these', 'those', 'which', 'who', 'what']);
/** Relative and demonstrative words that open the cause and are all of it ("a levy that angered …", "What alarms the pilots is …"). */
const CAUSE_OPENERS: ReadonlySet<string> = new Set(['that', 'which', 'who', 'what', 'this']);
/** The longest object and cause read, in tokens. */
const MAX_OBJECT_TOKENS = 8;
const MAX_CAUSE_TOKENS = 12;

/** The people after the verb ending at `cueEnd` that react to it, if the verb is finite and active and they stand there. */
export function experiencerAfter(ctx: Reading, cueStart: number, cueEnd: number, bodyEnd: number): Range | undefined {
  const { tokens, lower } = ctx;
  const cue = tokens[cueStart] as Token;
  // "STORM RATTLES PORT": a capitalised verb is a headline's, whose words are no sentence to read.
  if (cue.capitalized || /ing$/.test(cue.lower) || cueEnd >= bodyEnd) return undefined;
  let before = cueStart - 1;
  while (before >= ctx.currentSentenceStart && LY_ADVERB.test((tokens[before] as Token).text)) before--;
  const previous = lower(before);
  // "might anger the pilots" and "does not alarm Jo Lee" read a bare form; after a noun it is more often one itself ("a health scare").
  const bareForm = !PAST_FORM.test(cue.lower) && !endsInSingleS(cue.lower);
  if (bareForm && !BARE_FORM_BEFORE.has(previous)) return undefined;
  if (PASSIVE_MARKERS.has(previous) || NOT_FINITE_BEFORE.has(previous) || (DETERMINERS.has(previous) && !SUBJECT_DETERMINERS.has(previous)) || ctx.state.lexicon.classes(previous).has('preposition')) return undefined;
  const object = objectAfter(ctx, cueEnd, bodyEnd);
  if (!object) return undefined;
  // "upset the mayor to win the seat": a contest won, not a reaction.
  if (lower(object.end) === 'to') return undefined;
  // "Roe stunned the pilots by closing the pier", "angered the crews with a remark": the cause is the act after "by" or "with", not the subject.
  if (lower(object.end) === 'by' || lower(object.end) === 'with') return undefined;
  // "The delay did not surprise Jo Lee: “…”": the quotation after the colon is what they said, read as a clause before a colon is.
  if (lower(object.end) === ':') return undefined;
  for (let index = object.start; index < object.end; index++) {
    const token = tokens[index] as Token;
    if (token.capitalized || isPeopleWord(ctx, token.lower)) return object;
  }
  return undefined;
}

/** A word for people or a group of them: a head of the speaker rows other than a document's, singular or plural, or an object pronoun. */
function isPeopleWord(ctx: Reading, word: string): boolean {
  const row = ctx.state.speakerHeads.get(word) ?? (word.endsWith('s') ? ctx.state.speakerHeads.get(word.slice(0, -1)) : undefined);
  return (row !== undefined && row !== DOCUMENT_ROW) || OBJECT_PRONOUNS.has(word);
}

/** Speaker row of documents ("report", "poll"), which do not react. */
const DOCUMENT_ROW = 'speaker.document';

/** The noun phrase opening at `start`: up to punctuation, a clause word, a preposition other than "of", or an auxiliary. */
function objectAfter(ctx: Reading, start: number, bodyEnd: number): Range | undefined {
  const { tokens, lower } = ctx;
  const first = tokens[start] as Token;
  if (first.kind !== 'word' || first.lower === 'to' || (!first.capitalized && /ing$/.test(first.lower)) || CLAUSE_WORDS.has(first.lower) || ctx.state.lexicon.classes(first.lower).has('preposition')) return undefined;
  let end = start;
  while (end < bodyEnd && end - start < MAX_OBJECT_TOKENS) {
    const token = tokens[end] as Token;
    if (token.kind === 'punct' && !POSSESSIVE_ENDINGS.has(token.text)) break;
    if (token.kind === 'word' && end > start && !token.capitalized) {
      const word = token.lower;
      if ((CLAUSE_WORDS.has(word) && word !== 'and') || (AUXILIARIES.has(word) && !POSSESSIVE_ENDINGS.has(word)) || (word !== 'of' && ctx.state.lexicon.classes(word).has('preposition'))) break;
    }
    end++;
  }
  return end > start ? { start, end } : undefined;
}

/** The cause before the verb group ending at `left`: back to punctuation, a clause word or a past verb of saying ("Roe said the levy angered …"), taking an opening relative or demonstrative whole. */
function causeBefore(ctx: Reading, sentence: Sentence, left: number): Range | undefined {
  const { tokens, lower } = ctx;
  if (CAUSE_OPENERS.has(lower(left))) return { start: left, end: left + 1 };
  // "seemed to have baffled the judge": an infinitive's subject lies outside the verb group.
  if (lower(left) === 'to') return undefined;
  let start = left + 1;
  while (start - 1 >= sentence.tokenStart && left + 1 - start < MAX_CAUSE_TOKENS) {
    const token = tokens[start - 1] as Token;
    if (token.kind === 'punct' && !POSSESSIVE_ENDINGS.has(token.text)) break;
    // ("Mrs. Lee's plan": a possessive ending stays in the cause.)
    if (token.kind === 'word' && !token.capitalized && !POSSESSIVE_ENDINGS.has(token.lower) && (CLAUSE_WORDS.has(token.lower) || AUXILIARIES.has(token.lower) || (ctx.state.cues.has(token.lower) && PAST_FORM.test(token.lower)))) break;
    start--;
  }
  if (start > left || left + 1 - start >= MAX_CAUSE_TOKENS) return undefined;
  return { start, end: left + 1 };
}

export function readExperiencerObject(ctx: Reading, sentence: Sentence, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, cue: CueForm): Attribution | null {
  const object = experiencerAfter(ctx, cueStart, cueEnd, bodyEnd);
  if (!object) return null;
  // "His plan has quietly angered …": auxiliaries, negation (among the auxiliaries) and adverbs stand between the cause and the verb.
  let left = cueStart - 1;
  while (left >= sentence.tokenStart && (AUXILIARIES.has(ctx.lower(left)) || LY_ADVERB.test((ctx.tokens[left] as Token).text))) left--;
  if (left < sentence.tokenStart) return null;
  const cause = causeBefore(ctx, sentence, left);
  if (!cause) return null;
  const content = ctx.spanOf(cause.start, cause.end);
  const speaker = ctx.spanOf(object.start, object.end);
  if (!content || !speaker) return null;
  return buildAttribution(ctx, speaker, cueSpan, content, cue.ruleId, object.start, ['attribution.experiencer-object']);
}
