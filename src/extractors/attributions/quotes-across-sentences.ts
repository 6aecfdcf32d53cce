import { isFiniteVerbAt, titleOfMediumAt } from './clause-boundaries.js';
import { hasNoInflection, mayBeVerbWord } from './word-tests.js';
import type { Sentence, Token } from '../text/tokens.js';
import type { Attribution, Span } from '../../model/claim.js';
import { COORDINATORS, PAST_FORM, PRONOUNS, QUOTE_INTRODUCERS, RELATIVE_SUBJECTS, TIME_WORDS } from './word-lists.js';

/** A quotation followed over more paragraphs than this is a misread mark, not one speech. */
const MAX_QUOTED_PARAGRAPHS = 6;
import type { Reading } from './reading.js';
import { cueRules } from './rules.js';

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

/**
 * The content, run on over the quotation that continues it (see splitQuoteContinuation). A
 * continuation into a later paragraph carries span.quoted-paragraph-continues, one over a sentence
 * that only ends with a quotation span.quoted-sentence-continues; one in the same paragraph carries
 * `ruleId`, when the caller names the reading that let it go on.
 */
export function withContinuation(ctx: Reading, content: Span, sentenceIndex: number, bodyEnd: number, from: number, ruleId?: string): Span {
  const { text } = ctx;
  const continued = splitQuoteContinuation(ctx, sentenceIndex, bodyEnd, from);
  if (continued === undefined) return content;
  const span = { start: content.start, end: continued, text: text.slice(content.start, continued) };
  const next = ctx.sentences[sentenceIndex + 1];
  const mixed = next !== undefined && continued > (ctx.sentences[sentenceIndex] as Sentence).end && !ctx.isOpenQuote(next.tokenStart);
  const rule = ctx.contentRuleOf.get(content) ?? (/\n\s*\n/.test(text.slice(content.end, continued)) ? 'span.quoted-paragraph-continues' : mixed ? 'span.quoted-sentence-continues' : ruleId);
  if (rule) ctx.contentRuleOf.set(span, rule);
  return span;
}

/** A quotation that stops on a comma before its closing mark: "“It is our bad luck,”", "''But it is a better use,''". */
const QUOTATION_CLOSING_ON_COMMA = /,\s*(?:”|"|''|’)$/;

/**
 * "“It is our bad luck,” the mayor said, that the storm hit the pier.", "“Only you, Jo,” she said, would sail in this.":
 * after a quotation stopping on a comma, the comma closing the cue's clause may be followed by the rest of the quoted
 * sentence, unquoted: a "that" clause, an infinitive or the verb the quotation's subject awaits. The end of the sentence's
 * body then ends the content; anything else after the comma ("adding …", "as …", "who …") is the writer's.
 */
export function unquotedRestAfterCue(ctx: Reading, content: Span, cueEnd: number, bodyEnd: number): number | undefined {
  const { tokens, quotes, lower, isOpenQuote } = ctx;
  if (!QUOTATION_CLOSING_ON_COMMA.test(content.text)) return undefined;
  let comma = cueEnd;
  while (comma < bodyEnd && (tokens[comma] as Token).text !== ',') {
    if (quotes.depth[comma] !== 0 || isOpenQuote(comma)) return undefined;
    comma++;
  }
  const first = comma + 1;
  if (first + 1 >= bodyEnd) return undefined;
  const word = lower(first);
  // ("…,” he said, that night …": a time phrase is the writer's; "…,” he said, asked about …": a participle too.)
  const rest = (word === 'that' && !TIME_WORDS.has(lower(first + 1))) || (word === 'to' && hasNoInflection(lower(first + 1)) && mayBeVerbWord(ctx, lower(first + 1))) || (isFiniteVerbAt(ctx, first) && !PAST_FORM.test(word));
  return rest ? (tokens[bodyEnd - 1] as Token).end : undefined;
}

/**
 * “A,” he said. “B.” — the next sentence of the same paragraph opening a quotation continues it;
 * when the report ends its paragraph, so does a next paragraph that is one quotation and nothing else.
 */
export function splitQuoteContinuation(ctx: Reading, sentenceIndex: number, bodyEnd: number, cueEnd: number): number | undefined {
  const { tokens, sentences, quotes, state, lower, isOpenQuote } = ctx;
  const sentence = sentences[sentenceIndex] as Sentence;
  let probe = cueEnd;
  let afterParticiple = false;
  while (probe < bodyEnd) {
    if (isOpenQuote(probe)) {
      const close = quotes.closeOf[probe] ?? -1;
      // "…,” he said, adding, “…”": a quotation opening the participle's clause is that cue's content; one
      // inside it ("…,” she said, describing how she builds “tubular mixers.”") is a phrase of the writer's: read on past it.
      if (afterParticiple && (close <= probe || close >= sentence.tokenEnd || leadsContinuation(tokens[probe - 1] as Token))) return undefined;
      // A quotation after a comma, colon or period is the second half of the first. One inside
      // the speaker's or the cue's own phrase ("said on NBC’s “Meet the Press.”", "who called it
      // “a waste”") is a title or a phrase of theirs: read on past it.
      // ("…, Dorr said in his book, “The Harbour Years.”": a work's title after its comma is no second half.)
      if (probe > cueEnd && titleOfMediumAt(ctx, probe - 1, bodyEnd)) {
        const title = ctx.spanOf(probe, close + 1);
        if (title) ctx.rejected.push({ ...title, layer: 'attribution', reason: 'the title of a work named after it, not what was said', ruleId: 'span.titled-work' });
        // A title set off by its comma closes the report; one run into the phrase ("said Roe, a host on the show “Low Tide.” “…”") is read past.
        if ((tokens[probe - 1] as Token).text === ',') return undefined;
        probe = close + 1;
        continue;
      }
      if (probe === cueEnd || leadsContinuation(tokens[probe - 1] as Token)) {
        // A quotation that closes in a later sentence followed by a cue ("“B. C,” she said") is hers.
        if (close > probe && (close < sentence.tokenEnd || !closedWithOwnCue(ctx, sentenceIndex, close))) return markQuoted(ctx, (tokens[close] as Token).end, sentenceIndex);
        return close < 0 ? unclosedQuotationEnd(ctx, sentenceIndex, sentenceIndex, probe) : undefined;
      }
      if (close <= probe || close >= sentence.tokenEnd) return undefined;
      probe = close + 1;
      continue;
    }
    // "“…,” she said, speaking by phone. “…”": the participle's own content ends the sentence.
    // ("…,” he said of pilots whose mooring permits …": an -ing word inside a phrase is no participle of the speaker's.)
    if (/ing$/.test(lower(probe)) && state.cues.has(lower(probe)) && (tokens[probe - 1] as Token).text === ',') afterParticiple = true;
    // "“…,” she said, but added that …, “…”": a clause "but" opens after the report is the writer's next, and a quotation in it belongs there.
    if (probe > cueEnd && lower(probe) === 'but' && (tokens[probe - 1] as Token).text === ',' && quotes.depth[probe] === 0) return undefined;
    probe++;
  }
  const next = sentences[sentenceIndex + 1];
  // "“A,” said Roe. Now, “B.”": a sentence of the paragraph that ends with a quotation and has no cue of its own goes on with it.
  if (next && next.paragraph === sentence.paragraph && !isOpenQuote(next.tokenStart)) {
    const mixed = quotedSentenceWithoutCue(ctx, sentenceIndex + 1);
    if (mixed === undefined) {
      const resumed = quotationAfterNarration(ctx, sentenceIndex + 1);
      return resumed === undefined ? undefined : markQuoted(ctx, (tokens[resumed] as Token).end, sentenceIndex);
    }
    return mixed === undefined ? undefined : markQuoted(ctx, (tokens[mixed] as Token).end, sentenceIndex);
  }
  if (!next || !isOpenQuote(next.tokenStart)) return undefined;
  const close = quotes.closeOf[next.tokenStart] ?? -1;
  if (next.paragraph !== sentence.paragraph) {
    // "“A,” he said." ending its paragraph: a paragraph that is one quotation and nothing else goes on with it.
    const last = quotationParagraphsAfter(ctx, sentence.tokenEnd - 1);
    return last === undefined ? undefined : markQuoted(ctx, (tokens[last] as Token).end, sentenceIndex);
  }
  if (close < 0) return unclosedQuotationEnd(ctx, sentenceIndex, sentenceIndex + 1, next.tokenStart);
  if (close <= next.tokenStart) return undefined;
  // Stop if the continuation carries its own cue: it is its own attribution.
  if (closedWithOwnCue(ctx, sentenceIndex + 1, close)) return undefined;
  const last = quotationParagraphsAfter(ctx, close) ?? close;
  return markQuoted(ctx, (tokens[last] as Token).end, sentenceIndex);
}

/**
 * "Roe said the pier would close." ending its paragraph, then paragraphs that are each one quotation and nothing
 * else ("“We cannot patch it.”"): they go on with the report, in the words of its speaker. Of the sentence's
 * attributions (from `first` on), the report of speech whose content starts first is extended over them, with the
 * rest of its sentence ("Roe said that critics predicted its closing, but it would not happen." / "“That is because …”")
 * (span.quoted-paragraph-continues); one already run on past its sentence is left alone.
 * ("Sanders voted for the act." / "“I will look into it.”": a quotation after a vote, a view or a wish is no more of it.)
 */
export function extendOverQuotedParagraphs(ctx: Reading, sentenceIndex: number, attributions: Attribution[], first: number): void {
  const { tokens, sentences } = ctx;
  const sentence = sentences[sentenceIndex] as Sentence;
  const following = sentences[sentenceIndex + 1];
  if (first >= attributions.length || !following || following.paragraph === sentence.paragraph) return;
  let report: Attribution | undefined;
  for (let index = first; index < attributions.length; index++) {
    const attribution = attributions[index] as Attribution;
    if (attribution.content.end > sentence.end) return;
    if (attribution.speaker === null || !reportsSpeech(attribution)) continue;
    if (!report || attribution.content.start < report.content.start) report = attribution;
  }
  if (!report) return;
  const last = quotationParagraphsAfter(ctx, sentence.tokenEnd - 1);
  if (last === undefined) return;
  const end = markQuoted(ctx, (tokens[last] as Token).end, sentenceIndex);
  report.content = { start: report.content.start, end, text: ctx.text.slice(report.content.start, end) };
  report.ruleIds.push('span.quoted-paragraph-continues');
}

let speechRuleIds: ReadonlySet<string> | undefined;

/** Whether the attribution reports words said or written: a cue row of speech, or a quotation after a colon or a speaker label. */
function reportsSpeech(attribution: Attribution): boolean {
  speechRuleIds ??= new Set([...cueRules().rules.filter((rule) => rule.frame === 'speech').map((rule) => rule.id), 'attribution.colon-quotation', 'attribution.speaker-label']);
  return attribution.ruleIds.some((id) => (speechRuleIds as ReadonlySet<string>).has(id));
}

/** Marks that end a quoted sentence of speech, before its closing quotation mark. */
const SPEECH_ENDS: ReadonlySet<string> = new Set(['.', '?', '!', '…', ',']);

/** How many paragraphs of bare quotation may follow a report as more of its words. */
const MAX_FOLLOWING_QUOTED_PARAGRAPHS = 3;

/**
 * After the token `end` that closes a paragraph, the following paragraphs that are each one
 * quotation and nothing else ("“A,” he said." / "“B.”"): the closing mark of the last of them.
 */
function quotationParagraphsAfter(ctx: Reading, end: number): number | undefined {
  const { tokens, sentences, quotes, isOpenQuote } = ctx;
  let last: number | undefined;
  let at = end;
  let sentenceIndex = 0;
  for (let paragraphs = 0; paragraphs < MAX_FOLLOWING_QUOTED_PARAGRAPHS; paragraphs++) {
    sentenceIndex = sentenceHolding(ctx, at, sentenceIndex);
    const current = sentences[sentenceIndex];
    const next = sentences[sentenceIndex + 1];
    if (!current || !next || next.paragraph === current.paragraph || !isOpenQuote(next.tokenStart)) break;
    // A quotation of several paragraphs is printed without a closing mark until its last one.
    const closed = quotes.closeOf[next.tokenStart] ?? -1;
    const close = closed >= 0 ? closed : quotationEnd(ctx, sentenceIndex + 1, next.tokenStart) ?? -1;
    // "“… prevent the evacuation of the camp”": a quoted line without a closing stop is a heading, not more of a speech.
    if (close <= next.tokenStart || !endsParagraph(ctx, close, sentenceIndex + 1) || !SPEECH_ENDS.has((tokens[close - 1] as Token).text)) break;
    last = close;
    at = close;
  }
  return last;
}

/** Nothing but punctuation follows the token `index` in its paragraph; the search for its sentence starts at sentence `from`. */
function endsParagraph(ctx: Reading, index: number, from: number): boolean {
  const { sentences } = ctx;
  const sentenceIndex = sentenceHolding(ctx, index, from);
  const sentence = sentences[sentenceIndex];
  if (!sentence || !onlyPunctuationAfter(ctx, index, sentence.tokenEnd)) return false;
  const following = sentences[sentenceIndex + 1];
  return !following || following.paragraph !== sentence.paragraph;
}

/** The index of the sentence holding token `index`, searched forward from sentence `from` (-1 when none does). */
function sentenceHolding(ctx: Reading, index: number, from: number): number {
  const { sentences } = ctx;
  for (let at = Math.max(0, from); at < sentences.length; at++) {
    const sentence = sentences[at] as Sentence;
    if (sentence.tokenStart > index) break;
    if (index < sentence.tokenEnd) return at;
  }
  return -1;
}

/** Sentences a quotation left open at its paragraph's end may run over. */
const MAX_UNCLOSED_SENTENCES = 8;

/**
 * A quotation opened at token `open` (in sentence `from`) that closes nowhere in its paragraph: a
 * quotation of several paragraphs, printed without a closing mark before the next one. Its text
 * runs to the end of the paragraph (or line) it opens in; the next one, with its own cue or not,
 * is read on its own. `sentenceIndex` is the sentence of the attribution.
 */
function unclosedQuotationEnd(ctx: Reading, sentenceIndex: number, from: number, open: number): number | undefined {
  const { tokens, sentences, quotes } = ctx;
  const first = sentences[from] as Sentence;
  let last = from;
  while (last + 1 < sentences.length && last - from < MAX_UNCLOSED_SENTENCES) {
    const following = sentences[last + 1] as Sentence;
    if (following.paragraph !== first.paragraph || (tokens[following.tokenStart] as Token).newlineBefore) break;
    last++;
  }
  if (last - from >= MAX_UNCLOSED_SENTENCES) return undefined;
  const end = sentences[last] as Sentence;
  // A stray closing mark or another unclosed opening one means the marks were read some other way.
  for (let index = open + 1; index < end.tokenEnd; index++) {
    if ((quotes.role[index] === -1 && quotes.openOf[index] === -1) || (quotes.role[index] === 1 && quotes.closeOf[index] === -1)) return undefined;
  }
  // "… “I think we need more talk." / "“Groups that ask are learning.”": the next paragraph opening with a quotation mark goes on with it.
  const following = sentences[last + 1];
  const onward = following && following.paragraph !== end.paragraph && ctx.isOpenQuote(following.tokenStart) ? quotationEnd(ctx, last + 1, following.tokenStart) : undefined;
  if (onward !== undefined && !closedWithOwnCue(ctx, last + 1, onward)) return markQuoted(ctx, (tokens[onward] as Token).end, sentenceIndex);
  return markQuoted(ctx, end.end, sentenceIndex);
}

/** Tokens after which a quotation mark opens the second half of a split quotation. */
const CONTINUATION_LEADS: ReadonlySet<string> = new Set([',', ':', ';', '.', '—', '–', '-']);

/** A mark of the list, or an abbreviation whose period ends the sentence ("…,” Roe told reporters in Dover, Del. “…”). */
function leadsContinuation(token: Token): boolean {
  return CONTINUATION_LEADS.has(token.text) || (token.kind === 'word' && token.text.length > 1 && token.text.endsWith('.'));
}

/** “B. C,” he said — the sentence where the quotation closes has a cue after the closing mark. */
function closedWithOwnCue(ctx: Reading, fromSentence: number, close: number): boolean {
  const { sentences, state, lower } = ctx;
  let index = fromSentence;
  while (index + 1 < sentences.length && (sentences[index] as Sentence).tokenEnd <= close) index++;
  const closing = sentences[index] as Sentence;
  for (let token = close + 1; token < closing.tokenEnd; token++) {
    // "“B,” which Roe thinks will …", "“B” to support him": a cue in a relative clause or an infinitive after the quotation does not report it.
    if (RELATIVE_SUBJECTS.has(lower(token)) || lower(token) === 'to') break;
    if (state.cues.has(lower(token)) && ctx.quotes.depth[token] === 0 && !ctx.isOpenQuote(token) && !ctx.isCloseQuote(token)) return true;
  }
  // "“… Really?” | Bush said.": a question or exclamation mark ended the sentence at the quotation; its report follows.
  const after = sentences[index + 1];
  const mark = (ctx.tokens[close - 1] as Token | undefined)?.text;
  if ((mark === '?' || mark === '!') && after && after.paragraph === closing.paragraph && onlyPunctuationAfter(ctx, close, closing.tokenEnd) && (ctx.tokens[after.tokenStart] as Token).capitalized && after.tokenEnd - after.tokenStart <= MAX_REPORT_SENTENCE_TOKENS) {
    for (let token = after.tokenStart; token < after.tokenEnd && token - after.tokenStart <= MAX_REPORT_SPEAKER_TOKENS; token++) {
      if (ctx.isOpenQuote(token)) break;
      if (state.cues.has(lower(token))) return true;
    }
  }
  return false;
}

/** How far into the sentence after a quotation its report's cue may stand ("the retired chief harbour master said"). */
const MAX_REPORT_SPEAKER_TOKENS = 5;
/** The longest report sentence after a quotation that ended its own ("Bush said of the plan on Monday."). */
const MAX_REPORT_SENTENCE_TOKENS = 16;

function onlyPunctuationAfter(ctx: Reading, index: number, end: number): boolean {
  for (let at = index + 1; at < end; at++) if ((ctx.tokens[at] as Token).kind !== 'punct') return false;
  return true;
}

function markQuoted(ctx: Reading, end: number, sentenceIndex: number): number {
  const { sentences } = ctx;
  if (end > (sentences[sentenceIndex] as Sentence).end) ctx.quotedUntil = Math.max(ctx.quotedUntil, end);
  return end;
}

/**
 * The quotation opening the sentence after `sentenceIndex` ("Roe said:" / "“We will …”"), to its
 * closing mark. A quotation whose paragraph ends without one goes on in the next paragraph when
 * that one opens with a quotation mark, as quotations of several paragraphs are printed. With
 * `unlessOwnCue`, none when a cue follows the quotation in the sentence where it closes.
 */
export function quotationOpeningNext(ctx: Reading, sentenceIndex: number, unlessOwnCue = false): Span | null {
  const { tokens, sentences, isOpenQuote, spanOf } = ctx;
  const next = sentences[sentenceIndex + 1];
  if (!next || !isOpenQuote(next.tokenStart)) return null;
  const end = quotationEnd(ctx, sentenceIndex + 1, next.tokenStart);
  if (end === undefined) return null;
  // "… interrupted the candidate:" / "“They stole it,” the man shouted.": a quotation with a cue of its own is that cue's.
  if (unlessOwnCue && closedWithOwnCue(ctx, sentenceIndex + 1, end)) return null;
  const span = spanOf(next.tokenStart, end + 1);
  if (span) ctx.quotedUntil = Math.max(ctx.quotedUntil, (tokens[end] as Token).end);
  return span;
}

/** Fewest words a paragraph needs to be a passage set out after "He wrote:" rather than a label or a link. */
const MIN_SET_OUT_WORDS = 6;

/**
 * "Roe wrote:" ending its paragraph, then a paragraph with no quotation mark opening it: a passage set
 * out as a block ("Mayor Roe said:" / "The pier must close. It cannot be patched."), to its paragraph's end.
 * Embedded markup ("<tweet …>") and a line of a few words are no such passage.
 */
export function paragraphOpeningNext(ctx: Reading, sentenceIndex: number): Span | null {
  const { tokens, sentences, isOpenQuote, spanOf } = ctx;
  const sentence = sentences[sentenceIndex] as Sentence;
  const next = sentences[sentenceIndex + 1];
  if (!next || next.paragraph === sentence.paragraph || isOpenQuote(next.tokenStart) || (tokens[next.tokenStart] as Token).text === '<') return null;
  let last = sentenceIndex + 1;
  while (last + 1 < sentences.length && (sentences[last + 1] as Sentence).paragraph === next.paragraph) last++;
  const end = (sentences[last] as Sentence).tokenEnd;
  let words = 0;
  for (let index = next.tokenStart; index < end; index++) if ((tokens[index] as Token).kind === 'word') words++;
  if (words < MIN_SET_OUT_WORDS) return null;
  const span = spanOf(next.tokenStart, end);
  if (span) ctx.quotedUntil = Math.max(ctx.quotedUntil, span.end);
  return span;
}

/** Where the quotation opened at token `open` of the sentence being read or a later one closes, followed over paragraphs that open with a quotation mark. */
export function quotationCloseOverParagraphs(ctx: Reading, open: number): number | undefined {
  const sentenceIndex = sentenceHolding(ctx, open, ctx.currentSentence);
  return sentenceIndex < 0 ? undefined : quotationEnd(ctx, sentenceIndex, open);
}

/** Where the quotation opened at token `open` (in sentence `sentenceIndex`) closes, following it over paragraphs that open with a quotation mark. */
function quotationEnd(ctx: Reading, sentenceIndex: number, open: number): number | undefined {
  const { sentences, quotes, isOpenQuote } = ctx;
  let opener = open;
  let index = sentenceIndex;
  for (let paragraphs = 0; paragraphs < MAX_QUOTED_PARAGRAPHS; paragraphs++) {
    const close = quotes.closeOf[opener] ?? -1;
    if (close > opener) return close;
    // No closing mark in this paragraph: find the paragraph's last sentence and the next paragraph.
    const paragraph = (sentences[index] as Sentence).paragraph;
    while (index + 1 < sentences.length && (sentences[index + 1] as Sentence).paragraph === paragraph) index++;
    const following = sentences[index + 1];
    if (!following || !isOpenQuote(following.tokenStart)) return undefined;
    index++;
    opener = following.tokenStart;
  }
  return undefined;
}

/**
 * "Now, ''among the ferry crews there is …''", "But “the pier is old. It leaks.”": a sentence ending with a quotation of its own, or
 * opening one that closes a later sentence of its paragraph, with no cue outside quotation marks; the last token before the stop.
 */
function quotedSentenceWithoutCue(ctx: Reading, nextIndex: number): number | undefined {
  const { tokens, quotes, state, lower, isOpenQuote, isCloseQuote } = ctx;
  const next = ctx.sentences[nextIndex] as Sentence;
  let quoted = false;
  let closing = next;
  for (let index = next.tokenStart; index < next.tokenEnd; index++) {
    if (isOpenQuote(index)) {
      quoted = true;
      const close = quotes.closeOf[index] ?? -1;
      if (close >= next.tokenEnd) {
        const later = sentenceHolding(ctx, close, nextIndex);
        const sentence = ctx.sentences[later];
        if (!sentence || sentence.paragraph !== next.paragraph || later - nextIndex > MAX_SENTENCES_IN_OPENED_QUOTATION) return undefined;
        closing = sentence;
        break;
      }
    }
    if (quotes.depth[index] === 0 && !isOpenQuote(index) && !isCloseQuote(index) && state.cues.has(lower(index))) return undefined;
  }
  if (!quoted) return undefined;
  let last = closing.tokenEnd - 1;
  while (last > closing.tokenStart && (tokens[last] as Token).kind === 'punct' && !isCloseQuote(last)) last--;
  if (!isCloseQuote(last)) return undefined;
  // "acted in “Sharknado 3: Oh Hell No!”": a quotation in title case is a name, not words said.
  let lowerWords = 0;
  for (let index = (quotes.openOf[last] ?? last) + 1; index < last; index++) if ((tokens[index] as Token).kind === 'word' && !(tokens[index] as Token).capitalized) lowerWords++;
  return lowerWords >= MIN_SPOKEN_WORDS ? closing.tokenEnd - 1 : undefined;
}

/**
 * "“A,” said Roe, a pilot. She has sailed for years. “B.”": one sentence of narration with no quotation and no cue, then a
 * sentence of the paragraph that is one quotation with no cue after it; the quotation's closing mark.
 */
function quotationAfterNarration(ctx: Reading, narrationIndex: number): number | undefined {
  const { tokens, sentences, quotes, state, lower, isOpenQuote } = ctx;
  const narration = sentences[narrationIndex] as Sentence;
  const resumed = sentences[narrationIndex + 1];
  if (!resumed || resumed.paragraph !== narration.paragraph || !isOpenQuote(resumed.tokenStart)) return undefined;
  // "Betsy Roe shook her head.": narration opening on a name brings in someone who may speak next; a pronoun goes on about what was said or who said it.
  const opener = COORDINATORS.has(lower(narration.tokenStart)) ? narration.tokenStart + 1 : narration.tokenStart;
  if (!PRONOUNS.has(lower(opener))) return undefined;
  for (let index = narration.tokenStart; index < narration.tokenEnd; index++) {
    if (quotes.depth[index] !== 0 || isOpenQuote(index) || state.cues.has(lower(index))) return undefined;
  }
  const close = quotes.closeOf[resumed.tokenStart] ?? -1;
  if (close <= resumed.tokenStart) return undefined;
  const closing = sentences[sentenceHolding(ctx, close, narrationIndex + 1)];
  if (!closing || closing.paragraph !== narration.paragraph || !onlyPunctuationAfter(ctx, close, closing.tokenEnd)) return undefined;
  return close;
}

/** Sentences a quotation opened inside a sentence of narration may run over as more of the speaker's words. */
const MAX_SENTENCES_IN_OPENED_QUOTATION = 4;

/** Lower-case words a closing quotation needs to be speech rather than a title. */
const MIN_SPOKEN_WORDS = 3;
