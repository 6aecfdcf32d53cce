/** Sources named beside a clause: "according to X", "as reported by X". */
import { spanWords } from './span-rules.js';
import type { Sentence, Token } from '../text/tokens.js';
import type { Attribution, Span } from '../../model/claim.js';
import { AUXILIARY_VERBS, COORDINATORS, MAX_SPEAKER_TOKENS, DASHES, PAST_FORM } from './word-lists.js';
import { afterOpeningConnective } from './opening-phrases.js';
import { appositionToEnd } from './speakers-after-cue.js';
import { validSpeaker, startsAdverbial, isOccupationWord } from './speaker-spans.js';
import { hasVerbWordBetween } from './verb-ranges.js';
import { buildAttribution } from './relation-assembly.js';
import { startsClause } from './clause-boundaries.js';
import type { Reading } from './reading.js';

/** Brackets, semicolons and dashes set apart from the words around them end a source's name; a glued hyphen, a slash or a colon ("A.F.L.-C.I.O.", "CBS/ORC poll", a book title) do not. */
const SOURCE_END_PUNCTUATION: ReadonlySet<string> = new Set(['(', ')', '[', ']', ';', ...DASHES]);

function endsSourceName(token: Token): boolean {
  return token.kind === 'punct' && (SOURCE_END_PUNCTUATION.has(token.text) || (token.text === '-' && token.spaceBefore));
}

/**
 * "It's unclear whether … — both were said to …, according to Y": the writer's own doubt opening the
 * sentence is no part of what the source reported, which starts after the last dash or semicolon.
 */
function afterWriterUncertainty(ctx: Reading, start: number, end: number): number | undefined {
  const { tokens, lower } = ctx;
  if (lower(start) !== 'it') return undefined;
  const words = spanWords('span.writer-uncertainty');
  // "It's unclear", "It is not known", "It remains uncertain": a linking verb, then the word of doubt.
  let at = start + 1;
  while (at < end && at - start <= 3 && (AUXILIARY_VERBS.has(lower(at)) || words.has(lower(at))) && !UNCERTAINTY_HEADS.has(lower(at))) at++;
  if (at === start + 1 || !UNCERTAINTY_HEADS.has(lower(at)) || !words.has(lower(at))) return undefined;
  for (let index = end - 1; index > at; index--) {
    const token = tokens[index] as Token;
    if (token.text === ';' || DASHES.has(token.text) || (token.text === '-' && token.spaceBefore)) return index + 1 < end ? index + 1 : undefined;
  }
  return undefined;
}

/** The words of doubt in span.writer-uncertainty; the row's other words are the linking verbs before them. */
const UNCERTAINTY_HEADS: ReadonlySet<string> = new Set(['unclear', 'uncertain', 'unknown', 'clear', 'known']);

export function readAccording(ctx: Reading, sentence: Sentence, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, ruleId: string): Attribution | null {
  const { tokens, spanOf } = ctx;
  let speakerEnd = cueEnd;
  let endsEarly = false;
  const sourceEnds = spanWords('span.according-to-source-ends');
  while (speakerEnd < bodyEnd && (tokens[speakerEnd] as Token).text !== ',' && speakerEnd - cueEnd < MAX_SPEAKER_TOKENS) {
    const token = tokens[speakerEnd] as Token;
    // the source is a noun phrase: a dash, a bracket or a word opening a clause or an adjunct ends it
    if (speakerEnd > cueEnd && (endsSourceName(token) || (!token.capitalized && sourceEnds.has(token.lower)))) {
      endsEarly = true;
      break;
    }
    speakerEnd++;
  }
  // a stop closing the sentence before a bracket ("… the Mayo Clinic.)") is no part of the name
  const nameEnd = endsEarly && speakerEnd - 1 > cueEnd && (tokens[speakerEnd - 1] as Token).text === '.' ? speakerEnd - 1 : speakerEnd;
  const speaker = spanOf(cueEnd, nameEnd);
  if (!speaker) return null;
  let content: Span | null;
  // the content's token range, for a question's reason clause below
  let contentTokens = { start: sentence.tokenStart, end: bodyEnd };
  const extraRules: string[] = [];
  // "But according to the board, …": a connective before the source still has it open the sentence.
  const afterConnective = cueStart === sentence.tokenStart + 1 && spanWords('span.connective-before-source').has(ctx.lower(sentence.tokenStart));
  const opensSentence = cueStart === sentence.tokenStart || afterConnective || (startsAdverbial(ctx, sentence.tokenStart, cueStart) && (tokens[cueStart - 1] as Token).text === ',');
  if (afterConnective) extraRules.push('span.connective-before-source');
  // "That's according to the poll.", "The figure is according to the filings": what the source said is the subject before the linking verb.
  if (cueStart - 1 > sentence.tokenStart && spanWords('span.source-after-linking-verb').has(ctx.lower(cueStart - 1))) {
    const subject = spanOf(sentence.tokenStart, cueStart - 1);
    return subject ? buildAttribution(ctx, speaker, cueSpan, subject, ruleId, cueEnd, ['attribution.according-to', 'span.source-after-linking-verb']) : null;
  }
  if (speakerEnd < bodyEnd && sourceTrailsClause(ctx, sentence, cueStart, speakerEnd, bodyEnd, endsEarly)) {
    // "The plant will close, according to Jo Roe, a union official.": what the source said is the clause before it.
    const clauseEnd = (tokens[cueStart - 1] as Token).text === ',' ? cueStart - 1 : cueStart;
    const asideStart = asideStartBefore(ctx, sentence.tokenStart, clauseEnd);
    const figureStart = figurePhraseStart(ctx, asideStart, clauseEnd);
    if (figureStart !== undefined) extraRules.push(FIGURE_PHRASE_ROW);
    const beforeStart = figureStart ?? asideStart;
    const asked = isWritersQuestion(ctx, bodyEnd);
    const reasonStart = asked ? reasonClauseStart(ctx, beforeStart, clauseEnd) : beforeStart;
    const before = reasonStart === undefined ? null : spanOf(reasonStart, clauseEnd);
    const trailRules = endsEarly ? ['attribution.according-to', 'span.according-to-source-ends', 'span.source-trails-clause'] : ['attribution.according-to', 'span.source-trails-clause'];
    if (participleAfterSource(ctx, speakerEnd)) trailRules.push('span.source-then-participle');
    return before ? buildAttribution(ctx, speaker, cueSpan, before, ruleId, cueEnd, [...trailRules, ...extraRules, ...(asked ? ['span.question-reason-clause'] : [])]) : null;
  }
  if (opensSentence && speakerEnd < bodyEnd) {
    // the content follows the comma that closes the opening phrase, past any adjunct after the source
    let phraseEnd = speakerEnd;
    while (endsEarly && phraseEnd < bodyEnd && (tokens[phraseEnd] as Token).text !== ',') phraseEnd++;
    const nameEnd = endsEarly ? undefined : nameAfterRoleEnd(ctx, phraseEnd, bodyEnd);
    const descriptionEnd = nameEnd === undefined ? openingSourceDescriptionEnd(ctx, phraseEnd, bodyEnd) : undefined;
    if (nameEnd !== undefined) {
      // the source is the role and the name that says who holds it
      const named = spanOf(cueEnd, nameEnd);
      content = spanOf(nameEnd + 1, bodyEnd);
      return named && content ? buildAttribution(ctx, named, cueSpan, content, ruleId, cueEnd, ['attribution.according-to', NAME_AFTER_ROLE_ROW, ...extraRules]) : null;
    }
    if (descriptionEnd !== undefined) {
      phraseEnd = descriptionEnd;
      extraRules.push('span.opening-source-description');
    }
    contentTokens = { start: phraseEnd + 1, end: bodyEnd };
    content = spanOf(phraseEnd + 1, bodyEnd);
  } else if (speakerEnd < bodyEnd) {
    // "X, according to Y, is Z": the content surrounds the cue.
    content = spanOf(sentence.tokenStart, bodyEnd);
  } else {
    const contentEnd = (tokens[cueStart - 1] as Token).text === ',' ? cueStart - 1 : cueStart;
    const afterAside = afterWriterUncertainty(ctx, sentence.tokenStart, contentEnd);
    const figureStart = afterAside === undefined ? figurePhraseStart(ctx, sentence.tokenStart, contentEnd) : undefined;
    contentTokens = { start: afterAside ?? figureStart ?? sentence.tokenStart, end: contentEnd };
    content = spanOf(contentTokens.start, contentEnd);
    if (afterAside !== undefined) extraRules.push('span.writer-uncertainty');
    if (figureStart !== undefined) extraRules.push(FIGURE_PHRASE_ROW);
  }
  if (!content) return null;
  if (isWritersQuestion(ctx, bodyEnd)) {
    // the source answers no question of the writer's; it reports at most the reason clause inside it
    const reasonStart = reasonClauseStart(ctx, contentTokens.start, contentTokens.end);
    content = reasonStart === undefined ? null : spanOf(reasonStart, contentTokens.end);
    if (!content) return null;
    extraRules.push('span.question-reason-clause');
  }
  return buildAttribution(ctx, speaker, cueSpan, content, ruleId, cueEnd, [...(endsEarly ? ['attribution.according-to', 'span.according-to-source-ends'] : ['attribution.according-to']), ...extraRules]);
}

/**
 * "As reported by the Times, the pier will close." / "The pier will close, as reported by the
 * Times.": "as", the participle and "by" name the source of the clause after the opening phrase's
 * comma, or of the clause before the comma that sets the phrase off.
 */
export function readAsReportedBy(ctx: Reading, sentence: Sentence, bodyEnd: number, asIndex: number, cueEnd: number, ruleId: string): Attribution | null {
  const { tokens, spanOf } = ctx;
  const sourceStart = cueEnd + 1;
  let sourceEnd = sourceStart;
  while (sourceEnd < bodyEnd && (tokens[sourceEnd] as Token).text !== ',' && sourceEnd - sourceStart < MAX_SPEAKER_TOKENS) sourceEnd++;
  if (sourceEnd === sourceStart || !validSpeaker(ctx, sourceStart, sourceEnd)) return null;
  const cueSpan = spanOf(asIndex, cueEnd + 1) as Span;
  const source = spanOf(sourceStart, sourceEnd);
  const opens = asIndex === sentence.tokenStart || afterOpeningConnective(ctx, sentence.tokenStart, asIndex + 1) === asIndex;
  let content: Span | null = null;
  if (opens && sourceEnd < bodyEnd - 1 && (tokens[sourceEnd] as Token).text === ',') content = spanOf(sourceEnd + 1, bodyEnd);
  else if (!opens && (tokens[asIndex - 1] as Token | undefined)?.text === ',' && sourceEnd === bodyEnd && hasVerbWordBetween(ctx, sentence.tokenStart, asIndex - 1)) content = spanOf(sentence.tokenStart, asIndex - 1);
  return content ? buildAttribution(ctx, source, cueSpan, content, ruleId, sourceStart, ['span.as-reported-by']) : null;
}

/** Row of config/attributions/spans.json: a closing phrase that holds the only figure is what a trailing source gave. */
const FIGURE_PHRASE_ROW = 'span.figure-phrase-before-source';

/**
 * "The port is still its biggest earner, with $4 million in fees last year, according to the
 * filings": a last phrase set off by a comma and opened by a word of the span.figure-phrase-before-source
 * row, holding a figure the clause before it lacks, is what the source trailing it gave; the clause
 * before is the writer's own framing. Where that phrase starts, if one closes the words from `start` to `end`.
 */
function figurePhraseStart(ctx: Reading, start: number, end: number): number | undefined {
  const { tokens, quotes } = ctx;
  let comma = -1;
  for (let index = end - 1; index > start; index--) {
    if ((tokens[index] as Token).text === ',' && quotes.depth[index] === 0) {
      comma = index;
      break;
    }
  }
  if (comma === -1 || !spanWords(FIGURE_PHRASE_ROW).has(ctx.lower(comma + 1))) return undefined;
  const holdsFigure = (from: number, to: number): boolean => {
    for (let index = from; index < to; index++) if ((tokens[index] as Token).kind === 'number') return true;
    return false;
  };
  if (!holdsFigure(comma + 1, end) || holdsFigure(start, comma)) return undefined;
  // ("with $4 million in fees": the preposition only joins the phrase on; "which stood at 263" keeps its pronoun, the clause's subject.)
  return ctx.lower(comma + 1) === 'with' ? comma + 2 : comma + 1;
}

/** Words after the comma closing a source that say more of the source, not of what it reported. */
const SOURCE_RELATIVES: ReadonlySet<string> = new Set(['who', 'whose', 'which', 'where', 'whom']);

/**
 * "The plant will close, according to Jo Roe, a union official.", "…, according to the filings,
 * which …", "…, according to three officials who spoke on condition of anonymity …": a source set
 * off by a comma after a whole clause, and then only more about the source (an apposition, a
 * relative clause, a bracket or dash aside, or the source running on to the sentence's end) —
 * what it reported is the clause before it, not the sentence around it.
 */
function sourceTrailsClause(ctx: Reading, sentence: Sentence, cueStart: number, speakerEnd: number, bodyEnd: number, endsEarly: boolean): boolean {
  const { tokens, lower } = ctx;
  if (cueStart - 1 <= sentence.tokenStart || !hasVerbWordBetween(ctx, sentence.tokenStart, cueStart - 1)) return false;
  const stop = tokens[speakerEnd] as Token;
  // "Roe leads by 30 votes according to a count by the Courier, but …": with no comma before the source, only the writer's own clause after it shows where the report ends.
  if ((tokens[cueStart - 1] as Token).text !== ',') return stop.text === ',' && spanWords('span.source-trails-clause').has(lower(speakerEnd + 1));
  if (stop.text !== ',') return endsEarly ? endsSourceName(stop) : true;
  // "…, according to Y, but repairs will wait": the writer's own clause follows the source.
  return SOURCE_RELATIVES.has(lower(speakerEnd + 1)) || spanWords('span.source-trails-clause').has(lower(speakerEnd + 1)) || participleAfterSource(ctx, speakerEnd) || appositionToEnd(ctx, speakerEnd, bodyEnd) !== undefined;
}

/**
 * "The board is reviewing the lease, according to two officials, adding to the pier's troubles":
 * a participle phrase after the source's comma is the writer's comment on the news (rule
 * span.source-then-participle), not part of what the source reported. Its words are participles
 * that still carry the report on ("…, including two children").
 */
function participleAfterSource(ctx: Reading, comma: number): boolean {
  const token = ctx.tokens[comma + 1] as Token | undefined;
  if ((ctx.tokens[comma] as Token | undefined)?.text !== ',' || !token || token.kind !== 'word' || token.capitalized) return false;
  return /^[a-z]{3,}ing$/.test(token.text) && !spanWords('span.source-then-participle').has(token.lower);
}

/** Longest description of an opening source between its comma and the next: "According to Jo Roe, a spokeswoman for the harbour board, …". */
const MAX_SOURCE_DESCRIPTION_TOKENS = 14;

/**
 * "According to the survey, published on Tuesday, …", "According to Jo Roe, a spokeswoman for the
 * board, …", "According to the filing, which …, …": after an opening source's comma, a past
 * participle, a relative pronoun or an indefinite apposition up to the next comma says more of the
 * source; what it reported starts after that comma. Returns that comma's index.
 */
function openingSourceDescriptionEnd(ctx: Reading, comma: number, bodyEnd: number): number | undefined {
  const { tokens, lower, quotes } = ctx;
  const first = tokens[comma + 1] as Token | undefined;
  if (!first || first.kind !== 'word' || first.capitalized) return undefined;
  const word = first.lower;
  // "According to Jo Roe, the director of the port, …", "…, director of the port, …": after a name, a definite or bare role apposition.
  const roleAfterName = (tokens[comma - 1] as Token).capitalized && (ctx.state.speakerHeads.has(word) || (word === 'the' && roleWithin(ctx, comma + 2, bodyEnd)));
  const apposition = word === 'a' || word === 'an' || roleAfterName;
  const opens = SOURCE_RELATIVES.has(word) || spanWords('span.opening-source-description').has(word) || (PAST_FORM.test(word) && !AUXILIARY_VERBS.has(word)) || roleAfterName;
  if (!opens) return undefined;
  for (let index = comma + 2; index < bodyEnd && index - comma <= MAX_SOURCE_DESCRIPTION_TOKENS; index++) {
    if ((tokens[index] as Token).text !== ',' || quotes.depth[index] !== 0) continue;
    // an apposition has no verb of its own; a relative or participle phrase may
    if (apposition && hasVerbWordBetween(ctx, comma + 2, index)) return undefined;
    // "…, the director of the port, who has studied the matter, …": a relative clause goes on describing the source.
    if (SOURCE_RELATIVES.has(lower(index + 1))) {
      const end = openingSourceDescriptionEnd(ctx, index, bodyEnd);
      return end !== undefined && (startsClause(ctx, end + 1, bodyEnd) || ctx.isOpenQuote(end + 1)) ? end : undefined;
    }
    if (roleAfterName && !startsClause(ctx, index + 1, bodyEnd) && !ctx.isOpenQuote(index + 1)) return undefined;
    return index + 1 < bodyEnd && hasVerbWordBetween(ctx, index + 1, bodyEnd) ? index : undefined;
  }
  return undefined;
}

/** Row of config/attributions/spans.json: a name set off after a source named by its role. */
const NAME_AFTER_ROLE_ROW = 'span.name-after-opening-role';
/** How many words (and initials' stops) the name after a role may have: "Mary Ann de la Cruz". */
const MAX_NAME_AFTER_ROLE_TOKENS = 6;

/**
 * "According to his aunt, Jane Starner, the boy …", "According to a spokeswoman, Ann Moss, …": a
 * source named by its role and then, set off by commas, by a name says who holds the role; what it
 * reported starts after the name's comma, not at the name. Returns that comma's index.
 */
function nameAfterRoleEnd(ctx: Reading, comma: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  if ((tokens[comma] as Token | undefined)?.text !== ',') return undefined;
  const head = ctx.state.speakerHeads.get(lower(comma - 1));
  if (!isOccupationWord(ctx, comma - 1) && (head === undefined || head === 'speaker.document')) return undefined;
  let index = comma + 1;
  while (index < bodyEnd && index - comma <= MAX_NAME_AFTER_ROLE_TOKENS) {
    const token = tokens[index] as Token;
    const initialStop = token.text === '.' && /^[A-Z]$/.test((tokens[index - 1] as Token).text);
    if (!(token.kind === 'word' && token.capitalized) && !initialStop) break;
    index++;
  }
  if (index === comma + 1 || (tokens[index] as Token | undefined)?.text !== ',') return undefined;
  return startsClause(ctx, index + 1, bodyEnd) || ctx.isOpenQuote(index + 1) ? index : undefined;
}

/** How far into a definite apposition its role word may stand: "the port's new director", "the former head". */
const MAX_ROLE_OFFSET = 4;

/** A word for a person's role ("director", "spokeswoman") among the first words of a phrase. */
function roleWithin(ctx: Reading, start: number, end: number): boolean {
  for (let index = start; index < end && index - start < MAX_ROLE_OFFSET; index++) {
    if ((ctx.tokens[index] as Token).text === ',') return false;
    if (ctx.state.speakerHeads.has(ctx.lower(index))) return true;
  }
  return false;
}

/** A question mark closing the sentence outside any quotation: the question is the writer's, not a quoted speaker's. */
function isWritersQuestion(ctx: Reading, bodyEnd: number): boolean {
  return (ctx.tokens[bodyEnd] as Token | undefined)?.text === '?' && ctx.quotes.depth[bodyEnd] === 0;
}

/**
 * "Why build the bridge, given that the river floods every year, according to the survey?": in a
 * question, the clause after the last reason word (span.question-reason-clause) is the only
 * statement a trailing source can have reported. Returns where that clause starts.
 */
function reasonClauseStart(ctx: Reading, start: number, end: number): number | undefined {
  const words = spanWords('span.question-reason-clause');
  for (let index = end - 2; index > start; index--) {
    if (ctx.quotes.depth[index] !== 0 || !words.has(ctx.lower(index))) continue;
    const clauseStart = ctx.lower(index + 1) === 'that' ? index + 2 : index + 1;
    return hasVerbWordBetween(ctx, clauseStart, end) ? clauseStart : undefined;
  }
  return undefined;
}

/** "… (the true figure is 15 percent, according to Y)": inside a bracket or after a dash, the clause a source reports starts after it. */
function asideStartBefore(ctx: Reading, sentenceStart: number, end: number): number {
  let depth = 0;
  for (let index = end - 1; index > sentenceStart; index--) {
    const token = ctx.tokens[index] as Token;
    if (token.text === ')') depth++;
    else if (token.text === '(') {
      // a bracket closed before the source ("The regulator (SAG) is …") is part of the clause
      if (depth === 0) return index + 1;
      depth--;
    } else if (depth === 0 && endsSourceName(token) && token.text !== ']' && token.text !== '[') return pastDashAndCoordinator(ctx, index + 1, end);
  }
  return sentenceStart;
}

/** "-- and the fact that …": the rest of a doubled dash and a coordinator after it open no part of the clause. */
function pastDashAndCoordinator(ctx: Reading, index: number, end: number): number {
  let at = index;
  while (at < end - 1 && ((ctx.tokens[at] as Token).text === '-' || DASHES.has((ctx.tokens[at] as Token).text))) at++;
  if (at < end - 1 && COORDINATORS.has(ctx.lower(at))) at++;
  return at;
}
