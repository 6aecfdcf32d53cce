import type { ActorMention, Attribution, RejectedCandidate, Span } from '../../model/claim.js';
import { analyzeText, type AnalyzedText, type Sentence, type Token } from '../text/tokens.js';
import { matchCue } from './cue-matching.js';
import { findSetPhrase, holdsPassiveCue } from './set-phrases.js';
import { readFrame } from './frame-readers.js';
import { sentenceBodyEnd, startReading } from './reading.js';
import { readColonQuotation, readQuotationCredit, readSpeakerLabel } from './speaker-labels.js';
import { afterDateline } from './datelines.js';
import { keepIfSpeakerHasMind } from './mind-subjects.js';
import { circumstanceRuleOf } from './circumstance-content.js';
import { isReaderQuestion } from './reader-questions.js';
import { OPENS_WITH_QUOTE } from './quotes.js';
import { matchNarratingVerb } from './narrated-quotes.js';
import { opensThatClause } from './clause-boundaries.js';
import { spanWords } from './span-rules.js';
import { separateEmbeddedReports } from './embedded-reports.js';
import { extendOverQuotedParagraphs } from './quotes-across-sentences.js';

/** Rule row of config/attributions/spans.json for quotation cues that report an unquoted main clause from an "as" clause. */
const AS_PARAPHRASE_ROW = 'span.as-clause-paraphrase';

/**
 * Attributions: find cue words from config/attributions/cues.json in each sentence, then read
 * the speaker and the content around them: speaker-first ("X said (that) …"), inverted
 * ("…, X said." / "…, said X."), parenthetical ("…, X said, …"), a quotation before the speaker
 * (split quotes included), "according to X", coordinated and participial cues ("… and pledged",
 * "…, saying") whose speaker is the sentence subject, and documents that "found" something.
 * Speakers keep their whole noun phrase; pronouns are linked to the last compatible actor.
 *
 * cue-matching.ts finds the cues, frame-readers.ts reads each cue's frame with the help of
 * speaker-spans.ts and sentence-subjects.ts (who speaks), content-spans.ts, content-starts.ts and
 * content-ends.ts (what was said), clause-boundaries.ts and quotes-across-sentences.ts, and
 * relation-assembly.ts builds the attribution and links its speaker to an actor.
 */

/** A content that opens a quotation and ends with it still open (the first of several paragraphs): an odd number of double marks. */
function leftOpen(content: string): boolean {
  return /^["“]/.test(content) && (content.match(/["“”]/g) ?? []).length % 2 === 1;
}

export interface AttributionExtraction {
  /** The article's reports, save those another report passes on. */
  attributions: Attribution[];
  /** Reports inside another report's content ("…, the board said, according to the Courier"). */
  embedded: Attribution[];
  rejected: RejectedCandidate[];
}

/**
 * `apartTitle`: the title a page gives apart from `text` (an HTML page's), so that the text's first line is
 * read as its headline only when it repeats that title; with none, a short first line above more text is the headline.
 */
export function extractAttributions(text: string, actors: readonly ActorMention[], analyzed: AnalyzedText = analyzeText(text), apartTitle: string | null = null): AttributionExtraction {
  const ctx = startReading(text, actors, analyzed, apartTitle);
  const { tokens, sentences, quotes, state, attributions, rejected, lower, spanOf } = ctx;
  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const whole = sentences[sentenceIndex] as Sentence;
    if (whole.end <= ctx.quotedUntil) continue;
    ctx.currentSentence = sentenceIndex;
    // The sentence is read from after its dateline, if it opens with one.
    const storyStart = afterDateline(ctx, whole);
    const sentence = storyStart === whole.tokenStart ? whole : { ...whole, tokenStart: storyStart, start: (tokens[storyStart] as Token).start };
    const firstOfSentence = attributions.length;
    const bodyEnd = sentenceBodyEnd(ctx, sentence);
    ctx.currentSentenceStart = sentence.tokenStart;
    const labelled = readSpeakerLabel(ctx, sentenceIndex, sentence) ?? readQuotationCredit(ctx, sentenceIndex, sentence);
    if (labelled) attributions.push(labelled);
    let position = labelled ? sentence.tokenEnd : sentence.tokenStart;
    while (position < bodyEnd) {
      const nonCue = state.nonCues.has(lower(position)) ? findSetPhrase(ctx, position, (match) => !holdsPassiveCue(ctx, match)) : undefined;
      if (nonCue) {
        const span = spanOf(nonCue.start, nonCue.end) as Span;
        rejected.push({ ...span, layer: 'attribution', reason: 'set phrase, not a report of anyone\'s words', ruleId: nonCue.ruleId });
        position = Math.max(position + 1, nonCue.end);
        continue;
      }
      const colonQuotation = (tokens[position] as Token).text === ':' ? readColonQuotation(ctx, sentence, position) : undefined;
      if (colonQuotation) {
        attributions.push(colonQuotation.attribution);
        position = colonQuotation.next;
        continue;
      }
      const outsideQuotes = quotes.depth[position] === 0;
      const linkedBefore = ctx.linkedSpeakers.length;
      let cue = outsideQuotes ? matchCue(ctx, position, bodyEnd) : undefined;
      let read = cue ? readFrame(ctx, sentenceIndex, sentence, bodyEnd, position, cue) : null;
      // "“…,” Roe fumed.": any verb after a quotation's speaker narrates it, listed cue or not.
      const narrating = !read && outsideQuotes ? matchNarratingVerb(ctx, position, bodyEnd) : undefined;
      if (narrating) {
        cue = narrating;
        read = readFrame(ctx, sentenceIndex, sentence, bodyEnd, position, narrating);
      }
      if (!cue) {
        position++;
        continue;
      }
      // A quote-only cue ("continued") without a quotation reports nothing; a quotation left open
      // at its paragraph's end (one of several paragraphs) is still one, and so is the clause of a "that" after it ("fired back that …").
      const thatClause = read !== null && cue.complement === 'quote' && !read.direct && !leftOpen(read.content.text) && read.cue !== null && opensThatClause(ctx, read.content, read.cue.end);
      if (thatClause && read) read.ruleIds.push('span.quote-cue-that-clause');
      // "As the harbour master put it, the pier is falling apart.": in an "as" clause the cue's "it" is the main clause, quoted or not.
      const asParaphrase = read !== null && cue.complement === 'quote' && !read.direct && read.ruleIds.includes('attribution.as-clause') && spanWords(AS_PARAPHRASE_ROW).has(cue.words.join(' '));
      if (asParaphrase && read) read.ruleIds.push(AS_PARAPHRASE_ROW);
      const kept = read && (cue.complement !== 'quote' || read.direct || leftOpen(read.content.text) || thatClause || asParaphrase) ? keepIfSpeakerHasMind(ctx, read, linkedBefore) : null;
      const circumstance = kept !== null && cue.frame !== 'according' && cue.frame !== 'source' ? circumstanceRuleOf(ctx, kept) : undefined;
      if (kept && circumstance) rejected.push({ ...kept.content, layer: 'attribution', reason: 'content only says when, where or how, or holds no word, not what', ruleId: circumstance });
      const readerQuestion = kept !== null && !circumstance && isReaderQuestion(ctx, sentence, kept);
      if (readerQuestion) rejected.push({ ...kept.content, layer: 'attribution', reason: 'a question put to the reader, not a report', ruleId: 'span.reader-question' });
      const attribution = circumstance || readerQuestion ? null : kept;
      let next = position + cue.words.length;
      if (attribution) {
        attributions.push(attribution);
        // Cues inside the content are not read again; a split quotation ("“A,” she said, citing …. “B.”")
        // leaves the words after its cue and speaker to be read (its quoted parts are skipped as quotations).
        const cueEnd = attribution.cue?.end ?? 0;
        const splitQuote = attribution.cue !== null && OPENS_WITH_QUOTE.test(attribution.content.text) && attribution.content.start < attribution.cue.start && attribution.content.end > cueEnd;
        const resumeAt = splitQuote ? Math.max(cueEnd, attribution.speaker?.end ?? 0) : Math.max(attribution.content.end, cueEnd);
        while (next < bodyEnd && (tokens[next] as Token).start < resumeAt) next++;
      }
      position = next;
    }
    if (sentence !== whole) for (let index = firstOfSentence; index < attributions.length; index++) (attributions[index] as Attribution).ruleIds.push('span.dateline');
    extendOverQuotedParagraphs(ctx, sentenceIndex, attributions, firstOfSentence);
  }
  const { outermost, embedded } = separateEmbeddedReports(attributions);
  return { attributions: outermost, embedded, rejected };
}

export type { QuoteMarks } from './quotes.js';
