import type { ActorMention, Attribution, RejectedCandidate, Span } from '../../model/claim.js';
import { wordLexicon, type WordLexicon } from '../nlp.js';
import { analyzeText, type AnalyzedText, type Sentence, type Token } from '../text/tokens.js';
import { cueRules, speakerRules, type CueFrame } from './rules.js';

/**
 * Attributions: find cue words from config/attributions/cues.json in each sentence, then read
 * the speaker and the content around them by frame: speaker-first ("X said (that) …"), inverted
 * ("…, X said." / "…, said X."), parenthetical ("…, X said, …"), "according to X" and documents
 * that "found" something. Speakers keep their whole noun phrase; pronouns are linked to the last
 * compatible actor.
 */

export interface AttributionExtraction {
  attributions: Attribution[];
  rejected: RejectedCandidate[];
}

interface CueForm {
  words: string[];
  frame: CueFrame;
  ruleId: string;
}

interface AttributionEngine {
  lexicon: WordLexicon;
  cues: Map<string, CueForm[]>;
  speakerHeads: Map<string, string>;
}

let engine: AttributionEngine | undefined;

function loadEngine(): AttributionEngine {
  if (engine) return engine;
  const cues = new Map<string, CueForm[]>();
  for (const rule of cueRules().rules) {
    for (const form of rule.forms) {
      const words = form.split(' ');
      const first = words[0] as string;
      const list = cues.get(first) ?? [];
      list.push({ words, frame: rule.frame, ruleId: rule.id });
      list.sort((a, b) => b.words.length - a.words.length);
      cues.set(first, list);
    }
  }
  const speakerHeads = new Map<string, string>();
  for (const rule of speakerRules().rules) for (const head of rule.heads) if (!speakerHeads.has(head)) speakerHeads.set(head, rule.id);
  engine = { lexicon: wordLexicon(), cues, speakerHeads };
  return engine;
}

const OPEN_QUOTES = new Set(['“', '"', '‘']);
const CLOSE_QUOTES = new Set(['”', '"', '’']);
const AUXILIARIES = new Set(['has', 'have', 'had', 'is', 'was', 'were', 'are', 'am', 'be', 'been', 'will', 'would', 'could', 'can', 'should', 'may', 'might', 'must', 'did', 'does', 'do', 'not', "n't", 'also', 'later', 'previously', 'repeatedly', 'again', 'still', 'never', 'once', 'now', 'then', 'often', 'already', 'publicly', 'privately', 'recently', 'even', 'just', 'only', 'first', 'has also', 'reportedly', 'told']);
const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose', 'because', 'but', 'while', 'although', 'though', 'when', 'if', 'since', 'after', 'before', 'so', 'where', 'whether', 'as', 'and', 'or', 'than', 'until', 'unless', 'whereas', 'yet']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'one', 'two', 'three', 'four', 'five', 'several', 'many', 'some', 'other', 'both', 'senior', 'top', 'former']);
/** Phrases between a cue and its content: "said in a statement that", "told reporters on Monday". */
const CUE_ADJUNCT_STARTS = new Set(['in', 'on', 'at', 'during', 'late', 'early', 'earlier', 'last', 'this', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'recently', 'publicly', 'privately', 'repeatedly', 'also', 'again', 'via', 'through']);
/** After the comma that follows "…, X said": the sentence goes on with a new clause, not more content. */
const CLAUSE_CONTINUERS = new Set(['and', 'but', 'though', 'although', 'while', 'as', 'because', 'which', 'who', 'adding', 'saying', 'noting', 'citing', 'referring', 'even', 'so', 'yet', 'whereas', 'since']);
const PASSIVE_MARKERS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const SPEAKER_STARTS_NOT = new Set(['of', 'in', 'for', 'to', 'with', 'on', 'at', 'by', 'from', 'about', 'into', 'over', 'under', 'than', 'as', 'like', 'not', 'no', 'very', 'too', 'also']);
const NOUN_MARKERS = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'whose', "'s"]);
const MAX_SPEAKER_TOKENS = 14;
const MAX_QUOTE_SENTENCES = 6;

export function extractAttributions(text: string, actors: readonly ActorMention[], analyzed: AnalyzedText = analyzeText(text)): AttributionExtraction {
  const state = loadEngine();
  const { tokens, sentences } = analyzed;
  const attributions: Attribution[] = [];
  const rejected: RejectedCandidate[] = [];
  /** A quotation that ran on past its sentence: the later sentences are its content already. */
  let quotedUntil = -1;

  const spanOf = (start: number, end: number): Span | null => {
    if (end <= start) return null;
    const first = tokens[start] as Token;
    const last = tokens[end - 1] as Token;
    return { start: first.start, end: last.end, text: text.slice(first.start, last.end) };
  };

  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const sentence = sentences[sentenceIndex] as Sentence;
    if (sentence.end <= quotedUntil) continue;
    const found = attributeSentence(sentenceIndex, sentence);
    if (found) attributions.push(...found);
  }

  function attributeSentence(sentenceIndex: number, sentence: Sentence): Attribution[] | undefined {
    const results: Attribution[] = [];
    const bodyEnd = sentenceBodyEnd(sentence);
    let position = sentence.tokenStart;
    while (position < bodyEnd) {
      const cue = matchCue(position, bodyEnd);
      if (!cue) {
        position++;
        continue;
      }
      const attribution = readFrame(sentenceIndex, sentence, bodyEnd, position, cue);
      if (attribution) {
        results.push(attribution);
        const contentEnd = attribution.content.end;
        // Cues inside the content are not read again: continue after the content or the cue.
        let next = position + cue.words.length;
        const resumeAt = Math.max(contentEnd, attribution.cue?.end ?? 0);
        while (next < bodyEnd && (tokens[next] as Token).start < resumeAt) next++;
        position = next;
      } else {
        position += cue.words.length;
      }
    }
    return results;
  }

  function matchCue(position: number, end: number): CueForm | undefined {
    const token = tokens[position] as Token;
    const options = state.cues.get(token.lower);
    if (!options) return undefined;
    if (token.capitalized && options.every((option) => option.frame !== 'according')) return undefined;
    // "the report", "a statement", "his call": after a determiner the word is a noun, not a cue.
    const previous = tokens[position - 1];
    if (previous && NOUN_MARKERS.has(previous.lower)) return undefined;
    for (const option of options) {
      if (position + option.words.length > end) continue;
      let ok = true;
      for (let offset = 1; offset < option.words.length; offset++) if ((tokens[position + offset] as Token).lower !== option.words[offset]) ok = false;
      if (ok) return option;
    }
    return undefined;
  }

  /** The sentence without its final period (content spans stop before it). */
  function sentenceBodyEnd(sentence: Sentence): number {
    let end = sentence.tokenEnd;
    const last = tokens[end - 1] as Token;
    if (last && (last.text === '.' || last.text === '!' || last.text === '?') && end - 1 > sentence.tokenStart) end--;
    return end;
  }

  function readFrame(sentenceIndex: number, sentence: Sentence, bodyEnd: number, cueStart: number, cue: CueForm): Attribution | null {
    const cueEnd = cueStart + cue.words.length;
    const cueSpan = spanOf(cueStart, cueEnd);
    if (!cueSpan) return null;
    if (cue.frame === 'according') return readAccording(sentence, bodyEnd, cueStart, cueEnd, cueSpan, cue.ruleId);
    // Left of the cue: skip auxiliaries and adverbs ("has also said", "did not say").
    let left = cueStart - 1;
    while (left >= sentence.tokenStart && (AUXILIARIES.has((tokens[left] as Token).lower) || /ly$/.test((tokens[left] as Token).lower))) left--;
    const leftToken = tokens[left];
    if (cue.frame !== 'speech' && PASSIVE_MARKERS.has(tokens[cueStart - 1]?.lower ?? '')) return null;
    const isGerund = /ing$/.test((tokens[cueStart] as Token).lower);
    if (leftToken === undefined || left < sentence.tokenStart) {
      // Sentence opens with the cue: "Said the mayor: …" is rare; "Asked about …" is not an attribution.
      return null;
    }
    if (leftToken.text === ',' || CLOSE_QUOTES.has(leftToken.text)) {
      if (cue.frame !== 'speech') return null;
      // "…, said the officials." / "…,” said Smith."
      const after = readSpeakerAfter(cueEnd, bodyEnd);
      if (after && !isGerund) {
        const contentEnd = CLOSE_QUOTES.has(leftToken.text) ? left + 1 : left;
        const contentStart = quoteStart(sentence.tokenStart, contentEnd);
        const content = spanOf(contentStart, contentEnd);
        if (!content) return null;
        return build(spanOf(after.start, after.end), cueSpan, content, cue.ruleId, after.start, ['attribution.inverted-cue-first']);
      }
      // "Rendell, a party veteran, said …": an appositive between commas belongs to the speaker.
      const appositive = readAppositiveSpeaker(sentence.tokenStart, left);
      if (appositive) return readContentAfter(sentenceIndex, sentence, bodyEnd, cueStart, cueEnd, cueSpan, cue, appositive.start, left, ['attribution.speaker-first', 'attribution.appositive']);
      return null;
    }
    const speaker = readSpeakerBefore(sentence.tokenStart, left + 1);
    if (!speaker) return null;
    if (isGerund && speaker.start > sentence.tokenStart) return null; // "…, saying …" has no subject of its own
    const before = tokens[speaker.start - 1];
    if (before && before.text === ',' && speaker.start - 1 > sentence.tokenStart && cue.frame === 'speech' && isSentenceEndAfterCue(cueEnd, bodyEnd)) {
      // "Mexico brings leverage, the officials said." — content before the speaker.
      const contentStart = quoteStart(sentence.tokenStart, speaker.start - 1);
      const content = spanOf(contentStart, speaker.start - 1);
      if (!content) return null;
      return build(spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, ['attribution.inverted']);
    }
    if (before && (before.text === ',' || CLOSE_QUOTES.has(before.text)) && speaker.start - 1 > sentence.tokenStart && cue.frame === 'speech' && tokens[cueEnd]?.text === ',' && CLAUSE_CONTINUERS.has(tokens[cueEnd + 1]?.lower ?? '')) {
      // "Talks were “preliminary,” the officials said, and did not …": content before the speaker.
      const contentEnd = before.text === ',' ? speaker.start - 1 : speaker.start;
      const content = spanOf(sentence.tokenStart, contentEnd);
      if (!content) return null;
      return build(spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, ['attribution.inverted']);
    }
    if (before && before.text === ',' && speaker.start - 1 > sentence.tokenStart && cue.frame === 'speech' && tokens[cueEnd]?.text === ',') {
      // "The deal, he said, is close." — the content covers the sentence around the speaker.
      const content = spanOf(quoteStart(sentence.tokenStart, sentence.tokenStart + 1), bodyEnd);
      if (!content) return null;
      return build(spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, ['attribution.parenthetical']);
    }
    if (before && CLOSE_QUOTES.has(before.text) && cue.frame === 'speech' && isSentenceEndAfterCue(cueEnd, bodyEnd)) {
      const contentStart = quoteStart(sentence.tokenStart, speaker.start);
      const content = spanOf(contentStart, speaker.start);
      if (!content) return null;
      return build(spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, ['attribution.inverted']);
    }
    return readContentAfter(sentenceIndex, sentence, bodyEnd, cueStart, cueEnd, cueSpan, cue, speaker.start, speaker.end, ['attribution.speaker-first']);
  }

  function readContentAfter(sentenceIndex: number, sentence: Sentence, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, cue: CueForm, speakerStart: number, speakerEnd: number, ruleIds: string[]): Attribution | null {
    let start = cueEnd;
    const cueWord = (tokens[cueStart] as Token).lower;
    if (cue.frame === 'finding' && !speakerHasHead(speakerStart, speakerEnd, 'speaker.document')) return null;
    // "told NBC News that …", "said in a statement that …", "said Monday: “…”".
    if (/^(tell|tells|told|telling)$/.test(cueWord) || CUE_ADJUNCT_STARTS.has(tokens[start]?.lower ?? '')) {
      let probe = start;
      while (probe < bodyEnd && probe - start < 10) {
        const word = tokens[probe] as Token;
        if (word.lower === 'that' || word.text === ',' || word.text === ':' || OPEN_QUOTES.has(word.text)) break;
        probe++;
      }
      if (probe < bodyEnd) {
        const word = tokens[probe] as Token;
        start = word.lower === 'that' || word.text === ',' || word.text === ':' ? probe + 1 : probe;
      } else if (/^(tell|tells|told|telling)$/.test(cueWord)) {
        return null;
      }
    }
    if (tokens[start]?.text === ':' || tokens[start]?.text === ',') start++;
    if (start >= bodyEnd) return null;
    let contentEnd = bodyEnd;
    let endOffset: number | undefined;
    const first = tokens[start] as Token;
    if (OPEN_QUOTES.has(first.text) || hasOpenQuote(start, bodyEnd)) {
      endOffset = closingQuoteOffset(sentenceIndex, start);
    }
    // Verbs with a noun-phrase object ("condemned the test as …") stop at the clause end.
    if (cue.frame === 'belief' && endOffset === undefined) {
      for (let index = start; index < bodyEnd; index++) {
        const word = tokens[index] as Token;
        if ((word.text === ';' || (word.text === ',' && ['but', 'while', 'although', 'though', 'and'].includes(tokens[index + 1]?.lower ?? ''))) && index > start) {
          contentEnd = index;
          break;
        }
      }
    }
    const content = endOffset !== undefined ? { start: first.start, end: endOffset, text: text.slice(first.start, endOffset) } : spanOf(start, contentEnd);
    if (!content) return null;
    return build(spanOf(speakerStart, speakerEnd), cueSpan, content, cue.ruleId, speakerStart, ruleIds);
  }

  function readAccording(sentence: Sentence, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, ruleId: string): Attribution | null {
    let speakerEnd = cueEnd;
    while (speakerEnd < bodyEnd && (tokens[speakerEnd] as Token).text !== ',' && speakerEnd - cueEnd < MAX_SPEAKER_TOKENS) speakerEnd++;
    const speaker = spanOf(cueEnd, speakerEnd);
    if (!speaker) return null;
    let content: Span | null;
    if (cueStart === sentence.tokenStart || (tokens[cueStart - 1] as Token).text === ',' && cueStart - 1 === sentence.tokenStart) {
      content = spanOf(speakerEnd + 1, bodyEnd);
    } else {
      const before = (tokens[cueStart - 1] as Token).text === ',' ? cueStart - 1 : cueStart;
      content = spanOf(sentence.tokenStart, before);
      if (speakerEnd < bodyEnd) {
        // "X, according to Y, is Z": the content surrounds the cue.
        content = spanOf(sentence.tokenStart, bodyEnd);
      }
    }
    if (!content) return null;
    return build(speaker, cueSpan, content, ruleId, cueEnd, ['attribution.according-to']);
  }

  function readSpeakerAfter(start: number, bodyEnd: number): { start: number; end: number } | undefined {
    const first = tokens[start];
    if (!first) return undefined;
    const ok = DETERMINERS.has(first.lower) || first.capitalized || PRONOUNS.has(first.lower) || state.speakerHeads.has(first.lower) || first.kind === 'number';
    if (!ok) return undefined;
    let end = start;
    while (end < bodyEnd && (tokens[end] as Token).text !== ',' && (tokens[end] as Token).text !== ';' && !OPEN_QUOTES.has((tokens[end] as Token).text) && end - start < 20) end++;
    if (end < bodyEnd && (tokens[end] as Token).text !== ',') return undefined;
    return { start, end };
  }

  function readAppositiveSpeaker(sentenceStart: number, comma: number): { start: number } | undefined {
    // comma is the token index of the comma before the cue; find the opening comma.
    let open = comma - 1;
    while (open > sentenceStart && (tokens[open] as Token).text !== ',' && comma - open < MAX_SPEAKER_TOKENS) open--;
    if ((tokens[open] as Token).text !== ',') return undefined;
    const appositiveFirst = tokens[open + 1] as Token;
    if (!(DETERMINERS.has(appositiveFirst.lower) || appositiveFirst.capitalized || appositiveFirst.lower === 'who' || state.speakerHeads.has(appositiveFirst.lower))) return undefined;
    const head = readSpeakerBefore(sentenceStart, open);
    if (!head) return undefined;
    const headFirst = tokens[head.start] as Token;
    if (!headFirst.capitalized && !DETERMINERS.has(headFirst.lower)) return undefined;
    if (head.start > sentenceStart && (tokens[head.start - 1] as Token).text === ',') return undefined;
    return { start: head.start };
  }

  function readSpeakerBefore(sentenceStart: number, end: number): { start: number; end: number } | undefined {
    let start = end;
    while (start > sentenceStart && end - start < MAX_SPEAKER_TOKENS) {
      const word = tokens[start - 1] as Token;
      if (word.text === ',' || word.text === ';' || word.text === ':' || word.text === '(' || word.text === ')' || OPEN_QUOTES.has(word.text) || CLOSE_QUOTES.has(word.text) || word.text === '—' || word.text === '–') break;
      if (CLAUSE_WORDS.has(word.lower) && !(word.lower === 'and' && start < end && !PRONOUNS.has((tokens[start] as Token).lower))) break;
      if (start < end && word.kind === 'word' && !word.capitalized && state.lexicon.classes(word.lower).has('verb') && !state.speakerHeads.has(word.lower) && !DETERMINERS.has(word.lower)) break;
      start--;
    }
    if (start === end) return undefined;
    // Drop leading prepositional/adverbial material: "In a statement Friday the ministry said".
    const words = tokens.slice(start, end);
    if (words.length === 0) return undefined;
    const last = words[words.length - 1] as Token;
    if (last.kind !== 'word' && last.kind !== 'number' && last.text !== '.') return undefined;
    if (!last.capitalized && state.lexicon.classes(last.lower).has('verb') && !state.speakerHeads.has(last.lower)) return undefined;
    if (['which', 'that', 'this', 'there', 'what', 'who', 'it'].includes(last.lower) && end - start > 1) return undefined;
    if (['which', 'that', 'this', 'there', 'what', 'who'].includes(last.lower)) return undefined;
    const first = words[0] as Token;
    if (SPEAKER_STARTS_NOT.has(first.lower)) return undefined;
    const lastClasses = state.lexicon.classes(last.lower);
    if (!last.capitalized && (lastClasses.has('adjective') || lastClasses.has('preposition')) && !state.speakerHeads.has(last.lower)) return undefined;
    return { start, end };
  }

  /** The speaker table row whose head word appears in the speaker phrase (pronouns excepted). */
  function speakerHeadRule(speaker: Span): string | undefined {
    for (const match of speaker.text.toLowerCase().matchAll(/[\p{L}']+/gu)) {
      const rule = state.speakerHeads.get(match[0]);
      if (rule && rule !== 'speaker.pronoun') return rule;
    }
    return undefined;
  }

  function speakerHasHead(start: number, end: number, ruleId: string): boolean {
    for (let index = start; index < end; index++) if (state.speakerHeads.get((tokens[index] as Token).lower) === ruleId) return true;
    return false;
  }

  function isSentenceEndAfterCue(cueEnd: number, bodyEnd: number): boolean {
    if (cueEnd >= bodyEnd) return true;
    if (tokens[cueEnd]?.text === ',' && CLAUSE_CONTINUERS.has(tokens[cueEnd + 1]?.lower ?? '')) return true;
    // "…, he said on Monday." / "…, three officials told NBC News." / "…, she said in a statement."
    const next = tokens[cueEnd] as Token;
    if (CUE_ADJUNCT_STARTS.has(next.lower) || next.capitalized || next.lower === 'reporters' || DETERMINERS.has(next.lower)) {
      for (let index = cueEnd; index < bodyEnd; index++) {
        const word = tokens[index] as Token;
        if (word.text === ',') return index === bodyEnd - 1 || CLAUSE_CONTINUERS.has(tokens[index + 1]?.lower ?? '');
        if (word.lower === 'that' || OPEN_QUOTES.has(word.text) || word.text === ':') return false;
      }
      return bodyEnd - cueEnd <= 8;
    }
    return false;
  }

  /** Start of the quoted passage that ends at `end`, else the sentence start. */
  function quoteStart(sentenceStart: number, end: number): number {
    void end;
    return sentenceStart;
  }

  function hasOpenQuote(start: number, end: number): boolean {
    let open = false;
    for (let index = start; index < end; index++) {
      const word = tokens[index] as Token;
      if (word.text === '“' || (word.text === '"' && !open)) open = true;
      else if (word.text === '”' || (word.text === '"' && open)) open = false;
    }
    return open;
  }

  /** End offset of a quotation opened in this sentence that closes in a later one (same paragraph). */
  function closingQuoteOffset(sentenceIndex: number, start: number): number | undefined {
    const sentence = sentences[sentenceIndex] as Sentence;
    let depth = 0;
    for (let index = start; index < sentence.tokenEnd; index++) {
      const word = tokens[index] as Token;
      if (word.text === '“' || (word.text === '"' && depth === 0)) depth++;
      else if (word.text === '”' || (word.text === '"' && depth > 0)) depth = Math.max(0, depth - 1);
    }
    if (depth === 0) return undefined;
    for (let next = sentenceIndex + 1; next < sentences.length && next <= sentenceIndex + MAX_QUOTE_SENTENCES; next++) {
      const later = sentences[next] as Sentence;
      if (later.paragraph !== sentence.paragraph) return undefined;
      for (let index = later.tokenStart; index < later.tokenEnd; index++) {
        const word = tokens[index] as Token;
        if (word.text === '“') return undefined;
        if (word.text === '”' || word.text === '"') {
          quotedUntil = Math.max(quotedUntil, word.end);
          return word.end;
        }
      }
    }
    return undefined;
  }

  function build(speaker: Span | null, cue: Span, content: Span, ruleId: string, speakerToken: number, extraRules: string[]): Attribution {
    const trimmed = trimContent(content);
    const attribution: Attribution = { speaker, cue, content: trimmed, direct: isDirect(trimmed.text), ruleIds: [ruleId, ...extraRules] };
    if (speaker) {
      const headRule = speakerHeadRule(speaker);
      if (headRule) attribution.ruleIds.push(headRule);
      const linked = linkSpeaker(speaker, speakerToken);
      if (linked) {
        attribution.speakerActorId = linked.actorId;
        attribution.ruleIds.push(linked.ruleId);
      }
    }
    return attribution;
  }

  function linkSpeaker(speaker: Span, speakerToken: number): { actorId: string; ruleId: string } | undefined {
    for (let index = firstActorAtOrAfter(speaker.start); index < actors.length; index++) {
      const actor = actors[index] as ActorMention;
      if (actor.start >= speaker.end) break;
      if (actor.end <= speaker.end && actor.type !== 'place') return { actorId: actor.actorId, ruleId: 'attribution.speaker-actor' };
    }
    const word = (tokens[speakerToken] as Token).lower;
    if (!PRONOUNS.has(word) || speaker.end - speaker.start > 4) return undefined;
    const compatible = word === 'he' || word === 'she' || word === 'i' ? ['person'] : word === 'it' ? ['organization', 'place'] : ['group', 'organization', 'place'];
    // The last compatible actor before the pronoun, within a bounded look-back.
    let index = firstActorAtOrAfter(speaker.start) - 1;
    for (let steps = 0; index >= 0 && steps < 50; index--, steps++) {
      const actor = actors[index] as ActorMention;
      if (compatible.includes(actor.type)) return { actorId: actor.actorId, ruleId: 'speaker.pronoun' };
    }
    return undefined;
  }

  function firstActorAtOrAfter(offset: number): number {
    let low = 0;
    let high = actors.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((actors[middle] as ActorMention).start < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  function trimContent(content: Span): Span {
    let { start, end } = content;
    while (end > start && /[\s,;:—–-]/.test(text[end - 1] ?? '')) end--;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    return { start, end, text: text.slice(start, end) };
  }

  return { attributions, rejected };
}

function isDirect(content: string): boolean {
  return /^["“‘]/.test(content) && /["”’][,.]?$/.test(content);
}
