import type { Sentence, Token } from '../text/tokens.js';
import type { Span } from '../../model/claim.js';
import { QUOTE_INTRODUCERS, DASHES, COORDINATORS, CUE_ADJUNCT_STARTS, DETERMINERS, LY_ADVERB, OBJECT_PRONOUNS, REFLEXIVE_PRONOUNS, THAT_ADJUNCT_STARTS, TIME_LEADERS } from './word-lists.js';
import { spanWords, takesAddressee } from './span-rules.js';
import { paragraphOpeningNext, quotationOpeningNext } from './quotes-across-sentences.js';
import { closingReportAt, clauseWithOwnCue } from './clauses-with-own-cue.js';
import { namedObjectAdjunctStart, occasionAdjunctStart } from './occasion-adjuncts.js';
import type { CueForm } from './engine.js';
import type { Reading } from './reading.js';
import { type ContentEnd, type ContentShape, contentShape, scanContentEnd } from './content-ends.js';
import { contentStart } from './content-starts.js';
import { opensClauseWithSubject, pollMarginStart } from './object-ends.js';

/** Content after the cue: skips a recipient or adjunct, keeps "that", follows a quotation to its end. */
export function contentAfter(ctx: Reading, sentenceIndex: number, bodyEnd: number, cueStart: number, cueEnd: number, cue: CueForm): Span | null {
  const { tokens, lower } = ctx;
  const setOut = passageAfterColon(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
  if (setOut) return setOut;
  const opening = contentStart(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
  if (opening === null) return null;
  const { startRule } = opening;
  let { start } = opening;
  // "The trend is worrying, the analyst said.": a word of feeling or belief with nothing after it but a
  // closing report of someone else's is no view held; that report covers the sentence before it.
  if (start === cueEnd && cue.frame !== 'speech' && (tokens[start] as Token | undefined)?.text === ',' && closingReportAt(ctx, start + 1, bodyEnd)) return null;
  while (start < bodyEnd && ((tokens[start] as Token).text === ':' || (tokens[start] as Token).text === ',')) start++;
  // "48 percent agreed and 44 percent disagreed", "the council agreed, and the mayor signed …": a coordinator
  // and a clause with a subject of its own go on with the writer's sentence; the cue reports nothing after it.
  // ("said, and I quote, …" announces the words.)
  const quoting = lower(start + 1) === 'i' && lower(start + 2) === 'quote';
  if (start < bodyEnd && COORDINATORS.has(lower(start)) && !quoting && (opensClauseWithSubject(ctx, start + 1, bodyEnd) || clauseWithOwnCue(ctx, start + 1, bodyEnd))) return null;
  if (start >= bodyEnd) {
    // "He said:" ending its paragraph: the quotation that opens the next one is what he said.
    const quoted = (tokens[bodyEnd - 1] as Token | undefined)?.text === ':' ? quotationOpeningNext(ctx, sentenceIndex) : null;
    if (quoted) ctx.contentRuleOf.set(quoted, 'span.colon-quotation');
    return quoted;
  }
  // ("would do well to begin “building bridges” to …": an infinitive's quotation is its object, not words said.)
  const quotation = quotationOpeningContent(ctx, sentenceIndex, bodyEnd, start, startRule, cue.complement === 'quote' && lower(cueStart - 1) !== 'to');
  if (quotation) return quotation;
  const shape = contentShape(ctx, sentenceIndex, bodyEnd, cueStart, start, cue);
  const scanned = scanContentEnd(ctx, shape);
  let { end } = scanned;
  // "… even though she …", "… even as he …": the adverb belongs to the clause it leads into.
  if (end > start + 1 && lower(end - 1) === 'even' && end < bodyEnd) end--;
  const { end: objectEnd, endRule } = objectAdjunctEnd(ctx, shape, { end, endRule: scanned.endRule });
  end = objectEnd;
  const runOn = quotationRunningOn(ctx, sentenceIndex, start, end);
  if (runOn) return runOn;
  const content = ctx.spanOf(start, end);
  const keptRule = scanned.keptRule;
  if (content && (endRule ?? startRule ?? keptRule)) ctx.contentRuleOf.set(content, (endRule ?? startRule ?? keptRule) as string);
  return content;
}

/** Most tokens between a cue and the colon that ends its paragraph, for what stands there to lead in to the passage after it. */
const MAX_LEAD_IN_TOKENS = 20;
/** Most tokens of a recipient named before an adjunct ("told his Democratic audience, to loud applause:"). */
const MAX_LEAD_IN_RECIPIENT_TOKENS = 4;

/**
 * "Roe said:", "Roe told the crowd, to loud applause:", "Roe said about the pier:", "Roe argued that:" ending
 * the paragraph: what was said is the quotation opening the next paragraph (span.colon-quotation) or, after a
 * verb of saying, the next paragraph set out unquoted (span.colon-paragraph). Whom it was told to, when, where
 * or about what stands before the colon and is no part of it; a "that" clause there runs on into the quotation
 * ("said that given the choice:" / "“There is only one …”"). Undefined when the cue's clause does not end so.
 */
function passageAfterColon(ctx: Reading, sentenceIndex: number, bodyEnd: number, cueStart: number, cueEnd: number, cue: CueForm): Span | undefined {
  const { tokens, sentences, quotes, lower, isOpenQuote } = ctx;
  const colon = bodyEnd - 1;
  const sentence = sentences[sentenceIndex] as Sentence;
  const next = sentences[sentenceIndex + 1];
  if (colon < cueEnd || colon - cueEnd > MAX_LEAD_IN_TOKENS || (tokens[colon] as Token).text !== ':' || quotes.depth[colon] !== 0) return undefined;
  if (!next || next.paragraph === sentence.paragraph || sentence.tokenEnd > bodyEnd + 1) return undefined;
  for (let index = cueEnd; index < colon; index++) {
    if (isOpenQuote(index) || quotes.depth[index] !== 0 || (tokens[index] as Token).text === ':') return undefined;
    // "confirmed that finding, reporting:": a later cue of the lead-in brings the passage itself.
    if ((tokens[index] as Token).text === ',' && ctx.state.cues.has(lower(index + 1))) return undefined;
  }
  const thatClause = lower(cueEnd) === 'that' && colon > cueEnd + 1;
  if (!thatClause && !leadInOnly(ctx, cueStart, lower(cueEnd) === 'that' ? cueEnd + 1 : cueEnd, colon)) return undefined;
  const quoted = quotationOpeningNext(ctx, sentenceIndex, true);
  if (quoted) {
    const from = (tokens[cueEnd] as Token).start;
    const content = thatClause ? { start: from, end: quoted.end, text: ctx.text.slice(from, quoted.end) } : quoted;
    ctx.contentRuleOf.set(content, 'span.colon-quotation');
    return content;
  }
  if (cue.frame !== 'speech' || thatClause) return undefined;
  const passage = paragraphOpeningNext(ctx, sentenceIndex);
  if (passage) ctx.contentRuleOf.set(passage, 'span.colon-paragraph');
  return passage ?? undefined;
}

/**
 * Whether the words from `start` to the colon only say to whom, when, where, how or about what something was said:
 * an object pronoun ("called them on it"), a short recipient after a verb that takes one ("told his audience,"),
 * then phrases a preposition or a word of time opens, and adverbs in "-ly".
 */
function leadInOnly(ctx: Reading, cueStart: number, start: number, colon: number): boolean {
  const { tokens, lower } = ctx;
  let probe = start;
  if (OBJECT_PRONOUNS.has(lower(probe)) || REFLEXIVE_PRONOUNS.has(lower(probe)) || lower(probe) === 'it') probe++;
  else if (takesAddressee(lower(cueStart))) {
    let end = probe;
    while (end < colon && end - probe < MAX_LEAD_IN_RECIPIENT_TOKENS && (tokens[end] as Token).text !== ',' && !ctx.state.lexicon.classes(lower(end)).has('preposition')) end++;
    if (end > probe && end - probe < MAX_LEAD_IN_RECIPIENT_TOKENS && (DETERMINERS.has(lower(probe)) || (tokens[probe] as Token).capitalized)) probe = end;
  }
  while (probe < colon) {
    if ((tokens[probe] as Token).text === ',') probe++;
    const word = lower(probe);
    if (LY_ADVERB.test(word)) {
      probe++;
      continue;
    }
    if (!CUE_ADJUNCT_STARTS.has(word) && !THAT_ADJUNCT_STARTS.has(word) && !TIME_LEADERS.has(word) && word !== 'to' && !ctx.state.lexicon.classes(word).has('preposition')) return false;
    probe++;
    while (probe < colon && (tokens[probe] as Token).text !== ',') probe++;
  }
  return true;
}

/**
 * What was said when it opens with a quotation: the whole quotation when it closes past the
 * sentence, ends the clause or comes before a comma, or is followed by the writer's narration;
 * undefined when the clause runs on after it ("to “go vote” and then …").
 */
function quotationOpeningContent(ctx: Reading, sentenceIndex: number, bodyEnd: number, start: number, startRule: string | undefined, quoteCue: boolean): Span | undefined {
  const { tokens, sentences, text, quotes, isOpenQuote, lower } = ctx;
  const first = tokens[start] as Token;
  if (isOpenQuote(start)) {
    const close = quotes.closeOf[start] ?? -1;
    if (close > start) {
      const closeToken = tokens[close] as Token;
      const quotation = { start: first.start, end: closeToken.end, text: text.slice(first.start, closeToken.end) };
      if (startRule) ctx.contentRuleOf.set(quotation, startRule);
      if (closeToken.end > (sentences[sentenceIndex] as Sentence).end) {
        ctx.quotedUntil = Math.max(ctx.quotedUntil, closeToken.end);
        return quotation;
      }
      // A quotation followed by more of the clause ("to “go vote” and then …") runs on.
      if (close + 1 >= bodyEnd || (tokens[close + 1] as Token).text === ',') return quotation;
      if (narrationFollowsQuote(ctx, start, close, bodyEnd)) {
        ctx.contentRuleOf.set(quotation, 'span.quote-then-narration');
        return quotation;
      }
      // "yelled “You lie!” at the mayor": after a verb that reports only quotations, a phrase of place, time or
      // addressee after the closing mark says where or at whom, not more of what was said.
      if (quoteCue && !(tokens[close + 1] as Token).capitalized && spanWords('span.quote-then-adjunct').has(lower(close + 1))) {
        ctx.contentRuleOf.set(quotation, 'span.quote-then-adjunct');
        return quotation;
      }
    }
  }
  return undefined;
}

/**
 * Where content that is an object ends before words about the act rather than what was judged: when
 * and where it took place ("endorsed Roe at a rally on Sunday"), what follows a name or pronoun
 * ("backed Ruth Calder in the primary"), or by how much a group held the view ("favored Roe 46 percent
 * to 32 percent"). A clause or a quotation after the cue is left as it was found.
 */
function objectAdjunctEnd(ctx: Reading, shape: ContentShape, found: ContentEnd): ContentEnd {
  const { start, cueStart, cue, clauseContent } = shape;
  let { end, endRule } = found;
  // "endorsed Roe at a rally on Sunday": after an object, when and where the act took place is not what was judged.
  if (!clauseContent && !ctx.isOpenQuote(start) && (cue.frame === 'belief' || cue.frame === 'speech')) {
    const adjunct = occasionAdjunctStart(ctx, start, end);
    if (adjunct) {
      end = adjunct.index;
      endRule = adjunct.ruleId;
    }
    // "opposed it throughout the year", "backed Ruth Calder in the primary": a pronoun or a name is a whole object.
    // ("called them in a speech “traitors”": a verb of naming has its second object still to come.)
    const afterName = spanWords('span.as-clause-object').has(ctx.lower(cueStart)) ? undefined : namedObjectAdjunctStart(ctx, start, end);
    if (afterName !== undefined) {
      end = afterName;
      endRule = 'span.named-object-adjunct';
    }
    // "favored Roe 46 percent to 32 percent", "backed Roe by broad margins": by how much a group held the view is the writer's count.
    const margin = cue.frame === 'belief' ? pollMarginStart(ctx, start, end) : undefined;
    if (margin !== undefined) {
      end = margin;
      endRule = 'span.poll-margin';
    }
  }
  return { end, endRule };
}

/** A quotation opened inside the content runs to its close, even past the sentence: the content from `start` to that close, if the last quotation opened before `end` closes at or after it. */
function quotationRunningOn(ctx: Reading, sentenceIndex: number, start: number, end: number): Span | undefined {
  const { tokens, sentences, text, quotes, isOpenQuote } = ctx;
  let lastQuoteOpen = -1;
  for (let index = start; index < end; index++) if (isOpenQuote(index)) lastQuoteOpen = index;
  if (lastQuoteOpen !== -1) {
    const close = quotes.closeOf[lastQuoteOpen] ?? -1;
    if (close >= end) {
      const first = tokens[start] as Token;
      const closeToken = tokens[close] as Token;
      if (closeToken.end > (sentences[sentenceIndex] as Sentence).end) ctx.quotedUntil = Math.max(ctx.quotedUntil, closeToken.end);
      return { start: first.start, end: closeToken.end, text: text.slice(first.start, closeToken.end) };
    }
  }
  return undefined;
}

/** Content before a speaker: the quotation ending at `end`, else the sentence up to `end`. */
export function quotedOrClauseBefore(ctx: Reading, sentence: Sentence, end: number): Span | null {
  const { tokens, quotes, isCloseQuote, spanOf } = ctx;
  let start = sentence.tokenStart;
  const closeIndex = isCloseQuote(end - 1) ? end - 1 : -1;
  if (closeIndex !== -1) {
    // A quotation that opens the sentence (or an earlier one) is the content; a quoted word
    // inside a clause ("were “preliminary,”") leaves the clause as the content.
    const open = quotes.openOf[closeIndex] ?? -1;
    if (open !== -1 && open < sentence.tokenStart) start = open;
    // "… once — “I now recall,” he said": a quotation introduced by a dash or colon is the content alone,
    // as is one that opens a bracket ("… some anger (“We want it back,” one wrote)").
    else if (open > sentence.tokenStart && (QUOTE_INTRODUCERS.has((tokens[open - 1] as Token).text) || (tokens[open - 1] as Token).text === '(')) start = open;
  } else {
    // "Ex-mayors “were stiff. They weren't fun” next to Lee, the pilot said.": a sentence that opens inside a
    // quotation begun in an earlier one reports from that quotation's opening mark.
    const open = openingBeforeSentence(ctx, sentence.tokenStart, end);
    if (open !== undefined) {
      const content = spanOf(open, end);
      if (content) ctx.contentRuleOf.set(content, 'span.quotation-opened-before-sentence');
      return content;
    }
  }
  return spanOf(start, end);
}

/** The opening mark, before `sentenceStart`, of a quotation that is still open there and closes before `end`. */
function openingBeforeSentence(ctx: Reading, sentenceStart: number, end: number): number | undefined {
  const { quotes, isOpenQuote } = ctx;
  if (quotes.depth[sentenceStart] === 0) return undefined;
  for (let index = sentenceStart - 1; index >= 0; index--) {
    if (!isOpenQuote(index)) continue;
    const close = quotes.closeOf[index] ?? -1;
    return close >= sentenceStart && close < end ? index : undefined;
  }
  return undefined;
}

export function trimContent(ctx: Reading, content: Span): Span {
  const { text } = ctx;
  let { start, end } = content;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1] ?? '')) end--;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  return { start, end, text: text.slice(start, end) };
}

/**
 * "whispered “Lumos” again: Then the room …", "shouted “Run!” once more; the crowd …": a quoted
 * utterance, then at most a few adverbs (span.quote-then-narration) and a colon, semicolon or dash —
 * what follows is the writer's narration, not more of what was said.
 */
function narrationFollowsQuote(ctx: Reading, open: number, close: number, bodyEnd: number): boolean {
  const { tokens, lower } = ctx;
  const opening = tokens[open + 1] as Token | undefined;
  if (!opening || open + 1 >= close || !opening.capitalized) return false;
  const adverbs = spanWords('span.quote-then-narration');
  let at = close + 1;
  while (at < bodyEnd && at - close <= 3 && (tokens[at] as Token).kind === 'word' && !(tokens[at] as Token).capitalized && (adverbs.has(lower(at)) || /ly$/.test(lower(at)))) at++;
  const stop = tokens[at] as Token | undefined;
  return at + 1 < bodyEnd && stop !== undefined && (stop.text === ':' || stop.text === ';' || DASHES.has(stop.text));
}

/** The stretch of a sentence that a report set off by commas interrupts, when that is less than the whole sentence. */
export interface InterruptedStretch {
  start: number;
  /** The dash or bracket closing the aside the report sits in, if it closes after the cue. */
  close?: number;
}

interface OpenAside {
  mark: ')' | 'dash';
  startBefore: number;
}

const isAsideDash = (token: Token): boolean => DASHES.has(token.text) || (token.text === '-' && token.spaceBefore);

/**
 * "She praised the crews — all of whom, she said, worked late — …", "He expects a loss (the cost of which,
 * fishermen say, is huge).", "The mayor spoke: if the pier shuts, she said, the ferry stops.": a report set off
 * by commas inside a dash or bracket aside, or after a colon or semicolon, interrupts that stretch alone; the
 * clause before the mark is the writer's; right after a coordinator ("… and, he argued, to help the town") the report
 * covers what follows it. Undefined when the report interrupts the sentence from its start.
 */
export function interruptedStretch(ctx: Reading, sentenceStart: number, speakerComma: number, cueEnd: number, bodyEnd: number): InterruptedStretch | undefined {
  const { tokens, quotes, lower } = ctx;
  const depth = quotes.depth[speakerComma];
  const open: OpenAside[] = [];
  let start = sentenceStart;
  for (let index = sentenceStart; index < speakerComma; index++) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] !== depth) continue;
    const top = open[open.length - 1];
    if (token.text === '(') {
      open.push({ mark: ')', startBefore: start });
      start = index + 1;
    } else if (token.text === ')' && top?.mark === ')') {
      start = (open.pop() as OpenAside).startBefore;
    } else if (isAsideDash(token)) {
      if (top?.mark === 'dash') start = (open.pop() as OpenAside).startBefore;
      else {
        open.push({ mark: 'dash', startBefore: start });
        start = index + 1;
      }
    } else if (token.text === ':' || token.text === ';') {
      start = index + 1;
    } else if (index + 1 === speakerComma && (COORDINATORS.has(token.lower) || token.lower === 'including') && index > sentenceStart) {
      // "… to help his clients and, he argued, to help the town": after a coordinator the report covers what follows it alone.
      return { start: (tokens[cueEnd] as Token | undefined)?.text === ',' ? cueEnd + 1 : cueEnd };
    }
  }
  if (start === sentenceStart || start >= speakerComma) return undefined;
  // "— and the permit, his team said, was late": the coordinator joins the stretch to what came before.
  if ((lower(start) === 'and' || lower(start) === 'but') && start + 1 < speakerComma) start++;
  const aside = open[open.length - 1];
  if (!aside) return { start };
  for (let index = cueEnd; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] !== depth) continue;
    if (aside.mark === ')' ? token.text === ')' : isAsideDash(token)) return { start, close: index };
  }
  return { start };
}
