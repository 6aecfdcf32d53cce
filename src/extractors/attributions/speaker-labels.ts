import type { Sentence, Token } from '../text/tokens.js';
import type { Attribution, Span } from '../../model/claim.js';
import { DASHES, DETERMINERS, MAX_LABEL_TOKENS, PAST_FORM, PRONOUNS } from './word-lists.js';
import { inHeadline, sentenceBodyEnd } from './reading.js';
import { readSpeakerBefore } from './speaker-spans.js';
import { hasVerbWordBetween } from './verb-ranges.js';
import { sentenceSubject } from './sentence-subjects.js';
import { buildAttribution } from './relation-assembly.js';
import type { Reading } from './reading.js';
import { spanWords } from './span-rules.js';
import { quotationCloseOverParagraphs } from './quotes-across-sentences.js';

/** Lower-case words allowed inside a label between the name and what it is about. */
const LABEL_LINKS = new Set(['to', 'at', 'on', 'in', 'of', 'for', 'with', 'from']);
/** Subjects of a clause before a colon that name no one: "it gets better:", "there is more:". */
const NO_SPEAKER_SUBJECTS = new Set(['it', 'there', 'here', 'this', 'that', 'what', 'which']);
/** Speaker rows whose head nouns name a source by themselves before a colon. */
const LABEL_HEAD_RULES = new Set(['speaker.document', 'speaker.role']);
/** Words that open a feature or section heading, never a name: "More Power: …", "Best Value: …". */
const HEADING_OPENERS = new Set(['more', 'most', 'less', 'better', 'best', 'faster', 'easier', 'bigger', 'smarter', 'new', 'free', 'top', 'key', 'step', 'tip', 'bonus']);

/**
 * "Jane Roe: We will win." / "MODERATOR: Why not?" — a name and a colon opening the sentence
 * label what follows, to the end of the paragraph, as that speaker's words. The label must be
 * a person or organisation the actors layer found, or a name in capitals (transcripts).
 */
export function readSpeakerLabel(ctx: Reading, sentenceIndex: number, sentence: Sentence): Attribution | null {
  const { tokens, sentences, state, actors, spanOf } = ctx;
  // "Jo Lee on Roe Closing The Old Pier: ‘I Think He Will.’": a headline's label may run on past the name with what it is about.
  const maxTokens = inHeadline(ctx, sentence.tokenStart) && topicLinkAfterName(ctx, sentence.tokenStart) ? MAX_HEADLINE_LABEL_TOKENS : MAX_LABEL_TOKENS;
  let colon = sentence.tokenStart;
  while (colon < sentence.tokenEnd && colon - sentence.tokenStart <= maxTokens && (tokens[colon] as Token).text !== ':') colon++;
  if (colon >= sentence.tokenEnd || colon === sentence.tokenStart || colon - sentence.tokenStart > maxTokens) return null;
  let capitals = true;
  // "Stated Roe: …", "Continued Roe: …": a verb of saying before the name is the cue, the name alone the speaker.
  const cueFirst = frontedSpeechVerb(ctx, sentence.tokenStart, colon);
  const labelStart = cueFirst ?? sentence.tokenStart;
  const start = cueFirst === undefined ? labelStart : labelStart + 1;
  // "Roe to voters: …", "Roe at the convention: …": the name before a linking preposition is the speaker's.
  let nameEnd = colon;
  for (let index = start; index < colon; index++) {
    const token = tokens[index] as Token;
    if (token.kind === 'word' && !token.capitalized && index > start && LABEL_LINKS.has(token.lower)) {
      if (nameEnd === colon) nameEnd = index;
      continue;
    }
    // "Harbour Post editorial: …": a name may end in a lower-case noun for a document or a group of people.
    const headNoun = index === colon - 1 && index > start && LABEL_HEAD_RULES.has(state.speakerHeads.get(token.lower) ?? '');
    // ("Jo Lee on Roe Closing The Pier: …": what a headline's label is about may hold the small words of a clause.)
    const topic = nameEnd < index && maxTokens > MAX_LABEL_TOKENS;
    if (token.kind === 'word' && !token.capitalized && !headNoun && !topic) return null;
    if (token.kind === 'word' && token.text !== token.text.toUpperCase()) capitals = false;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'") return null;
  }
  // (A label that ran on past the usual length names its speaker before the topic.)
  const topicLabel = colon - start > MAX_LABEL_TOKENS;
  const speaker = spanOf(start, topicLabel ? nameEnd : colon) as Span;
  // "In Harry Potter: …", "More Power: …": a heading opened by a preposition or a word of praise names no one.
  const first = (tokens[start] as Token).lower;
  if (state.lexicon.classes(first).has('preposition') || (HEADING_OPENERS.has(first) && !capitals)) return null;
  const sectionLabel = state.speakerLabelsNot.get(speaker.text.toLowerCase().replace(/[’‘]/g, "'"));
  if (sectionLabel) {
    ctx.rejected.push({ ...speaker, layer: 'attribution', reason: 'a section label before a colon, not a speaker', ruleId: sectionLabel });
    return null;
  }
  // Headlines name people by surname only ("Roe: …"): a surname the article uses for an actor counts.
  const lastWord = (tokens[nameEnd - 1] as Token).lower;
  const name = spanOf(start, nameEnd) as Span;
  // The surname is a whole word of the actor's name: "6A" ends in "a", as "Wichita" does, and names no one.
  const named = actors.some((actor) => (actor.type === 'person' || actor.type === 'organization') && ((actor.start <= name.start && actor.end >= name.end - 1) || endsWithWord(actor.canonical.toLowerCase(), lastWord)));
  // "NEW DELHI: …" is a dateline and "6A: …" a class heading, not a transcript speaker.
  const transcript = capitals && /\p{Lu}{2}/u.test(speaker.text) && !state.lexicon.classes(lastWord).has('place') && !state.lexicon.classes(lastWord).has('country');
  // "Poll: …", "Historians: …": a document or a group of people named by its head noun.
  const headed = LABEL_HEAD_RULES.has(state.speakerHeads.get(lastWord) ?? '');
  if (!named && !transcript && !headed) return null;
  let last = sentenceIndex;
  while (last + 1 < sentences.length && (sentences[last + 1] as Sentence).paragraph === sentence.paragraph) last++;
  // "Roe: Pier is unsafe; \nBoard to meet on Friday": a headline's label speaks for its own line, not for the deck under it.
  const headline = inHeadline(ctx, colon);
  let lineEnd = last;
  while (headline && lineEnd > sentenceIndex && !inHeadline(ctx, (sentences[lineEnd] as Sentence).tokenStart)) lineEnd--;
  let contentEnd = sentenceBodyEnd(ctx, sentences[lineEnd] as Sentence);
  if (headline && tokens[contentEnd - 1]?.text === ';') contentEnd--;
  const ownLine = lineEnd < last || contentEnd < sentenceBodyEnd(ctx, sentences[lineEnd] as Sentence);
  const content = spanOf(colon + 1, contentEnd);
  // "Roe: 1,769", "Twitter: @roe": a tally or a handle, not words spoken.
  if (!content || (content.text.match(/\p{L}+/gu) ?? []).length < 3 || content.text.startsWith('@')) return null;
  const notSpoken = sectionOrTitle(ctx, speaker, name, colon, content, sentence.paragraph, capitals, headed);
  if (notSpoken) {
    ctx.rejected.push({ ...speaker, layer: 'attribution', reason: notSpoken === 'span.colon-title' ? 'part of a title holding a colon, not a speaker' : 'a round-up label before narration, not a speaker', ruleId: notSpoken });
    return null;
  }
  const cue = cueFirst === undefined ? spanOf(colon, colon + 1) : spanOf(cueFirst, cueFirst + 1);
  const rules = [...(cueFirst === undefined ? [] : [FRONTED_CUE_ROW]), ...(topicLabel ? [HEADLINE_TOPIC_ROW] : []), ...(ownLine ? [HEADLINE_LINE_ROW] : [])];
  return buildAttribution(ctx, speaker, cue as Span, content, 'attribution.speaker-label', start, rules);
}

/** Rows of config/attributions/spans.json: a headline's label naming its topic after the name, and one whose words end with its line. */
const HEADLINE_TOPIC_ROW = 'span.headline-label-topic';
const HEADLINE_LINE_ROW = 'span.headline-label-line';

/** Most words a headline's label may hold when a topic follows the name ("Jo Lee on Roe Closing The Old Pier: …"). */
const MAX_HEADLINE_LABEL_TOKENS = 12;

/** "Jo Lee on …": a short capitalised name, then a lower-case "on" or "about" opening what the label is about. */
function topicLinkAfterName(ctx: Reading, first: number): boolean {
  for (let index = first + 1; index <= first + MAX_LABEL_TOKENS; index++) {
    const token = ctx.tokens[index] as Token | undefined;
    if (!token || token.kind !== 'word') return false;
    if (!token.capitalized && (token.lower === 'on' || token.lower === 'about')) return true;
    if (!token.capitalized) return false;
  }
  return false;
}

/** Most words a credit line may hold after its dash ("- Jo Roe, harbour master, at the pier meeting."). */
const MAX_CREDIT_TOKENS = 16;
/** Most words of the name a credit line opens with, before its comma or stop. */
const MAX_CREDIT_NAME_TOKENS = 6;

/**
 * A paragraph that is one quotation, then a paragraph "- Jo Roe." or "—Mayor Jo Roe, at the
 * quay." under it: the credit line names who said the quotation, as a byline under a pull quote
 * does. The name must be a person the actors layer found; "- Reuters." credits a wire service.
 */
export function readQuotationCredit(ctx: Reading, sentenceIndex: number, sentence: Sentence): Attribution | null {
  const { tokens, sentences, quotes, actors, attributions, spanOf } = ctx;
  const dash = tokens[sentence.tokenStart] as Token;
  const previous = sentences[sentenceIndex - 1];
  const next = sentences[sentenceIndex + 1];
  if (!previous || previous.paragraph !== sentence.paragraph - 1 || (next && next.paragraph === sentence.paragraph)) return null;
  if (!(dash.text === '-' || DASHES.has(dash.text)) || sentence.tokenEnd - sentence.tokenStart > MAX_CREDIT_TOKENS) return null;
  let nameEnd = sentence.tokenStart + 1;
  while (nameEnd < sentence.tokenEnd && (tokens[nameEnd] as Token).text !== ',' && nameEnd - sentence.tokenStart <= MAX_CREDIT_NAME_TOKENS) {
    const token = tokens[nameEnd] as Token;
    if (token.kind === 'word' && !token.capitalized) return null;
    nameEnd++;
  }
  if (nameEnd < sentence.tokenEnd && (tokens[nameEnd] as Token).text !== ',') return null;
  const name = spanOf(sentence.tokenStart + 1, (tokens[nameEnd - 1] as Token).text === '.' ? nameEnd - 1 : nameEnd);
  if (!name || !actors.some((actor) => actor.type === 'person' && actor.start >= name.start && actor.end <= name.end)) return null;
  // The paragraph above is a quotation from its first token to its last (a stop may follow the mark).
  let paragraphStart = sentenceIndex - 1;
  while (paragraphStart > 0 && (sentences[paragraphStart - 1] as Sentence).paragraph === previous.paragraph) paragraphStart--;
  const open = (sentences[paragraphStart] as Sentence).tokenStart;
  const close = quotes.closeOf[open] ?? -1;
  const lastOfParagraph = previous.tokenEnd - 1;
  if (!ctx.isOpenQuote(open) || close < 0 || (close !== lastOfParagraph && !(close === lastOfParagraph - 1 && (tokens[lastOfParagraph] as Token).text === '.'))) return null;
  const content = spanOf(open, close + 1) as Span;
  if (attributions.some((attribution) => attribution.content.start < content.end && attribution.content.end > content.start)) return null;
  return buildAttribution(ctx, name, spanOf(sentence.tokenStart, sentence.tokenStart + 1) as Span, content, 'attribution.quotation-credit', sentence.tokenStart + 1, []);
}

/** Rule row of config/attributions/spans.json for a verb of saying that opens a sentence before its speaker and a colon. */
const FRONTED_CUE_ROW = 'span.fronted-cue-label';

/**
 * "Stated Roe: “…”", "Continued Roe: …": the sentence opens with a capitalised verb of saying in
 * its past or "-s" form, then a name before the colon; the verb's index, or undefined.
 */
function frontedSpeechVerb(ctx: Reading, first: number, colon: number): number | undefined {
  const token = ctx.tokens[first] as Token;
  if (colon - first < 2 || token.kind !== 'word' || !token.capitalized || !(ctx.tokens[first + 1] as Token).capitalized) return undefined;
  if (!spanWords(FRONTED_CUE_ROW).has(token.lower)) return undefined;
  return (ctx.state.cues.get(token.lower) ?? []).some((option) => option.frame === 'speech') ? first : undefined;
}

/**
 * Why a name before a colon labels no speaker, or undefined when it may: the same name, colon
 * and next word inside another sentence ("Readers of Captain Roe: The Ferry Years …") make a title
 * (span.colon-title); a team, product or section (no person, not in capitals, no source head
 * noun) before body text that nowhere speaks as "I", "we" or to "you" and quotes no one
 * ("Gulls: Centre Jo Roe missed a third game.") heads a paragraph of a round-up
 * (span.round-up-label). Headlines ("Roe: Pier plan will fail") open the text or have no closing stop.
 */
function sectionOrTitle(ctx: Reading, speaker: Span, name: Span, colon: number, content: Span, paragraph: number, capitals: boolean, headed: boolean): string | undefined {
  const { tokens, text, actors } = ctx;
  const next = tokens[colon + 1];
  if (next?.capitalized && !capitals) {
    const title = `${speaker.text}: ${next.text}`;
    for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
      if (at !== speaker.start && /[\p{L}\p{N},;][^\S\n]+$/u.test(text.slice(Math.max(0, at - 3), at))) return 'span.colon-title';
    }
  }
  // The opening paragraph is the headline ("Harbour Post: Ferry Fares To Rise."), read as before.
  if (capitals || headed || paragraph === 0 || !/^["”’]?[.!?…]/u.test(text.slice(content.end, content.end + 2))) return undefined;
  if (actors.some((actor) => actor.type === 'person' && actor.start < name.end && actor.end > name.start)) return undefined;
  if (/["“”‘]/u.test(content.text)) return undefined;
  const voice = spanWords('span.round-up-label');
  for (const word of content.text.toLowerCase().matchAll(/\p{L}+/gu)) if (voice.has(word[0])) return undefined;
  return 'span.round-up-label';
}

/** Whether `name` ends in the whole word `word` ("jane roe" in "roe", not "wichita" in "a"). */
function endsWithWord(name: string, word: string): boolean {
  return name === word || (name.endsWith(word) && /[\s.'’-]$/u.test(name.slice(0, name.length - word.length)));
}

/** Speaker rows whose head noun names a source that can be quoted after a colon ("the report: “…”"). */
const QUOTED_SOURCE_RULES = new Set(['speaker.document', 'speaker.role']);

/**
 * "… surprise pollster Jo Roe: “Lesser-known candidates …”", "More from the report: “…”": a name
 * or a source right before a colon, then a quotation, which holds that source's words. The name
 * must be a person or organisation the actors layer found, or a source named by its head noun.
 * Returns the attribution and the token after the quotation, or undefined.
 */
export function readColonQuotation(ctx: Reading, sentence: Sentence, colon: number): { attribution: Attribution; next: number } | undefined {
  const { quotes, isOpenQuote } = ctx;
  if (colon <= sentence.tokenStart || quotes.depth[colon] !== 0 || !isOpenQuote(colon + 1)) return undefined;
  // A quotation of several paragraphs is printed without a closing mark until its last one.
  const close = (quotes.closeOf[colon + 1] ?? -1) > colon + 1 ? (quotes.closeOf[colon + 1] as number) : quotationCloseOverParagraphs(ctx, colon + 1) ?? -1;
  if (close <= colon + 1) return undefined;
  return readNameColonQuotation(ctx, sentence, colon, close) ?? readClauseColonQuotation(ctx, sentence, colon, close);
}

/** "… pollster Jo Roe: “…”": the name or source right before the colon (readColonQuotation). */
function readNameColonQuotation(ctx: Reading, sentence: Sentence, colon: number, close: number): { attribution: Attribution; next: number } | undefined {
  const { tokens, actors, state, spanOf } = ctx;
  const speaker = sourceAfterFrom(ctx, sentence.tokenStart, colon) ?? readSpeakerBefore(ctx, sentence.tokenStart, colon);
  if (!speaker || speaker.end !== colon) return undefined;
  // "More from the report:": the source is the phrase after "from".
  for (let index = colon - 1; index > speaker.start; index--) if (ctx.lower(index - 1) === 'from') speaker.start = index;
  // "Stated Roe: “…”": a verb of saying opening the sentence before the name is the cue.
  const cueFirst = frontedSpeechVerb(ctx, sentence.tokenStart, colon);
  if (cueFirst !== undefined && speaker.start <= cueFirst + 1) speaker.start = cueFirst + 1;
  // "said Roe: “…”", "told the board: “…”" were read with their cue.
  if (cueFirst === undefined && (verbCueAt(ctx, speaker.start - 1) || verbCueAt(ctx, speaker.start))) return undefined;
  // "a blunt message to Roe: “…”", "later that month on CNN: “…”": a phrase after a preposition is who heard it, or where.
  for (let index = speaker.start - 1; index < colon; index++) {
    const token = tokens[index];
    if (token && index >= sentence.tokenStart && token.kind === 'word' && !token.capitalized && token.lower !== 'from' && state.lexicon.classes(token.lower).has('preposition')) return undefined;
  }
  // "Roe released the following statement: “…”": the statement's author is the subject of the verb before it.
  const author = state.speakerHeads.get(ctx.lower(colon - 1)) === 'speaker.document' ? authorBeforeDocument(ctx, sentence.tokenStart, speaker.start, colon) : undefined;
  if (author) {
    speaker.start = author.start;
    speaker.end = author.end;
  }
  const span = spanOf(speaker.start, speaker.end) as Span;
  // "Rep. Jo Roe (D-Ore.): “…”": a bracket after the name, with the party and state, is part of the speaker, not the name.
  const nameEnd = bracketedTagStart(ctx, speaker.start, speaker.end);
  const namedUntil = nameEnd === undefined ? span.end : (tokens[nameEnd - 1] as Token).end;
  const named = actors.some((actor) => (actor.type === 'person' || actor.type === 'organization') && actor.end === namedUntil && actor.start >= span.start);
  const headed = QUOTED_SOURCE_RULES.has(state.speakerHeads.get(ctx.lower(speaker.end - 1)) ?? '') || author !== undefined;
  if (!named && !headed) return undefined;
  const cue = cueFirst === undefined ? spanOf(colon, colon + 1) : spanOf(cueFirst, cueFirst + 1);
  return { attribution: buildAttribution(ctx, span, cue as Span, quotationAfter(ctx, sentence, colon, close), 'attribution.colon-quotation', speaker.start, cueFirst === undefined ? ['span.name-colon-quotation'] : ['span.name-colon-quotation', FRONTED_CUE_ROW]), next: close + 1 };
}

/** Most words of a source named after "from" before a colon ("More from the harbour board's report:"). */
const MAX_FROM_SOURCE_TOKENS = 6;

/**
 * "From the report: “…”", "… - More from Roe and Lee: “…”": "from" opening the sentence or a
 * stretch after a dash, alone or after "More", names the source of the quotation; its phrase, or undefined.
 */
function sourceAfterFrom(ctx: Reading, sentenceStart: number, colon: number): { start: number; end: number } | undefined {
  let from = colon - 2;
  while (from >= sentenceStart && colon - from <= MAX_FROM_SOURCE_TOKENS && ctx.lower(from) !== 'from') from--;
  if (from < sentenceStart || ctx.lower(from) !== 'from') return undefined;
  const opener = ctx.lower(from - 1) === 'more' ? from - 1 : from;
  const before = ctx.lower(opener - 1);
  if (opener !== sentenceStart && before !== '-' && !DASHES.has(before)) return undefined;
  const source = readSpeakerBefore(ctx, from + 1, colon);
  return source && source.start === from + 1 ? source : undefined;
}

/**
 * Whether the word is a cue verb by itself: "said" and "told" are, while "state" in "secretary of
 * state Jo Roe" is far more often a noun and "Frank" in "Frank Roe" opens only the cue "frank about".
 */
function verbCueAt(ctx: Reading, index: number): boolean {
  // ("surprise" is a cue only for the people after it, so the name it precedes may still head a quotation.)
  return (ctx.state.cues.get(ctx.lower(index)) ?? []).some((option) => option.words.length === 1 && !option.nounForm && option.complement !== 'experiencer');
}

/** Most tokens of a bracket after a name: "(D-Ore.)", "(R-S.C.)". */
const MAX_NAME_TAG_TOKENS = 6;

/** Where a bracket closing the phrase opens, when words come before it: "Rep. Jo Roe (D-Ore.)"; undefined otherwise. */
function bracketedTagStart(ctx: Reading, start: number, end: number): number | undefined {
  if (ctx.tokens[end - 1]?.text !== ')') return undefined;
  for (let index = end - 2; index > start && end - index <= MAX_NAME_TAG_TOKENS; index--) if (ctx.tokens[index]?.text === '(') return index;
  return undefined;
}

/** The quotation opening right after the colon, to its closing mark; a quotation running past the sentence is not read again. */
function quotationAfter(ctx: Reading, sentence: Sentence, colon: number, close: number): Span {
  const first = ctx.tokens[colon + 1] as Token;
  const last = ctx.tokens[close] as Token;
  if (last.end > sentence.end) ctx.quotedUntil = Math.max(ctx.quotedUntil, last.end);
  return { start: first.start, end: last.end, text: ctx.text.slice(first.start, last.end) };
}

/**
 * "Roe went even further: “…”", "The letter makes the case: “…”": a clause whose subject and
 * verb come before the colon introduces the quotation after it, whatever the verb; its subject
 * is the speaker. The subject must have a mind or be a document (speaker rows), not "it" or
 * "there", and the clause must hold a verb after it ("More from the report: …" is read above).
 */
function readClauseColonQuotation(ctx: Reading, sentence: Sentence, colon: number, close: number): { attribution: Attribution; next: number } | undefined {
  // "… a paper titled: “…”": the quotation is a name, not anyone's words.
  if (cueFollows(ctx, close) || spanWords('span.naming-participle').has(ctx.lower(colon - 1))) return undefined;
  const subject = sentenceSubject(ctx, sentence, colon);
  // "Wait, it gets better:", "Here is the list:": no one is the subject.
  if (!subject || subject.end >= colon || NO_SPEAKER_SUBJECTS.has(ctx.lower(subject.start)) || !(hasVerbWordBetween(ctx, subject.end, colon, false) || pastFormAt(ctx, subject.end))) return undefined;
  const speaker = ctx.spanOf(subject.start, subject.end) as Span;
  const named = ctx.actors.some((actor) => actor.start >= speaker.start && actor.end <= speaker.end);
  if (!named && !hasSpeakerHead(ctx, subject.start, subject.end) && !PRONOUNS.has(ctx.lower(subject.start))) return undefined;
  const attribution = buildAttribution(ctx, speaker, ctx.spanOf(colon, colon + 1) as Span, quotationAfter(ctx, sentence, colon, close), 'attribution.colon-quotation', subject.start, ['span.clause-colon-quotation']);
  return { attribution, next: close + 1 };
}

/** Whether a word of the phrase is a speaker head noun ("the letter", "port officials"). */
function hasSpeakerHead(ctx: Reading, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (ctx.state.speakerHeads.has(ctx.lower(index))) return true;
  return false;
}

/** "Roe gloated:": a past form right after the subject is its verb, though the lexicon may not know it. */
function pastFormAt(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  return token.kind === 'word' && !token.capitalized && PAST_FORM.test(token.lower);
}

/** How far after a quotation a cue of its own may stand ("“…,” the retired pilot who ran the ferry said"). */
const MAX_TRAILING_CUE_TOKENS = 8;

/** "…: “…,” she said": a cue after the quotation, in its sentence and paragraph, reads it with its own speaker. */
function cueFollows(ctx: Reading, close: number): boolean {
  const { tokens, text } = ctx;
  for (let index = close + 1; index < tokens.length && index - close <= MAX_TRAILING_CUE_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (text.slice((tokens[index - 1] as Token).end, token.start).includes('\n') || ctx.isOpenQuote(index) || token.text === '.' || token.text === '!' || token.text === '?') return false;
    if (ctx.state.cues.has(token.lower)) return true;
  }
  return false;
}

/** "The board released the following statement:": the phrase before the verb that precedes the document's determiner. */
function authorBeforeDocument(ctx: Reading, sentenceStart: number, phraseStart: number, colon: number): { start: number; end: number } | undefined {
  let determiner = colon - 1;
  while (determiner > phraseStart && !DETERMINERS.has(ctx.lower(determiner))) determiner--;
  const verb = determiner - 1;
  const token = ctx.tokens[verb];
  if (determiner <= sentenceStart + 1 || !DETERMINERS.has(ctx.lower(determiner)) || !token || token.kind !== 'word' || token.capitalized || ctx.state.lexicon.classes(token.lower).has('preposition')) return undefined;
  return readSpeakerBefore(ctx, sentenceStart, verb);
}
