import type { ActorMention, Attribution, RejectedCandidate, Span } from '../../model/claim.js';
import { wordLexicon, type WordLexicon } from '../nlp.js';
import { analyzeText, type AnalyzedText, type Sentence, type Token } from '../text/tokens.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import { markQuotes, type QuoteMarks } from './quotes.js';
import { cueRules, labelRules, nonCueRules, speakerRules, type CueComplement, type CueFrame } from './rules.js';

/**
 * Attributions: find cue words from config/attributions/cues.json in each sentence, then read
 * the speaker and the content around them: speaker-first ("X said (that) …"), inverted
 * ("…, X said." / "…, said X."), parenthetical ("…, X said, …"), a quotation before the speaker
 * (split quotes included), "according to X", coordinated and participial cues ("… and pledged",
 * "…, saying") whose speaker is the sentence subject, and documents that "found" something.
 * Speakers keep their whole noun phrase; pronouns are linked to the last compatible actor.
 */

export interface AttributionExtraction {
  attributions: Attribution[];
  rejected: RejectedCandidate[];
}

interface CueForm {
  words: string[];
  frame: CueFrame;
  ruleId: string;
  /** Usually a noun: a cue only right before "that", a quotation or a colon. */
  nounForm: boolean;
  complement: CueComplement;
}

/** A set phrase around a cue word: `offset` is where that word sits in it. */
interface NonCuePhrase {
  words: string[];
  offset: number;
  ruleId: string;
}

interface AttributionEngine {
  lexicon: WordLexicon;
  cues: Map<string, CueForm[]>;
  nonCues: Map<string, NonCuePhrase[]>;
  /** Lower-case section labels ("update", "related") and the rule that lists each. */
  speakerLabelsNot: Map<string, string>;
  speakerHeads: Map<string, string>;
  /** Position of each speaker rule in its table: where a phrase has heads of two rows, the earlier row names it. */
  speakerRuleOrder: Map<string, number>;
}

let engine: AttributionEngine | undefined;

function loadEngine(): AttributionEngine {
  if (engine) return engine;
  const cues = new Map<string, CueForm[]>();
  for (const rule of cueRules().rules) {
    const nounForms = new Set(rule.nounForms);
    for (const form of rule.forms) {
      const words = form.split(' ');
      const first = words[0] as string;
      const list = cues.get(first) ?? [];
      list.push({ words, frame: rule.frame, ruleId: rule.id, nounForm: nounForms.has(form), complement: rule.complement });
      // Longest first; a question frame is tried before the active reading of the same word.
      list.sort((a, b) => b.words.length - a.words.length || Number(b.frame === 'question') - Number(a.frame === 'question'));
      cues.set(first, list);
    }
  }
  const speakerHeads = new Map<string, string>();
  const speakerRuleOrder = new Map<string, number>();
  speakerRules().rules.forEach((rule, order) => {
    speakerRuleOrder.set(rule.id, order);
    for (const head of rule.heads) if (!speakerHeads.has(head)) speakerHeads.set(head, rule.id);
  });
  const nonCues = new Map<string, NonCuePhrase[]>();
  for (const rule of nonCueRules().rules) {
    for (const phrase of rule.phrases) {
      const words = phrase.split(' ');
      words.forEach((word, offset) => {
        if (!cues.has(word)) return;
        const list = nonCues.get(word) ?? [];
        list.push({ words, offset, ruleId: rule.id });
        nonCues.set(word, list);
      });
    }
  }
  const speakerLabelsNot = new Map<string, string>();
  for (const rule of labelRules().rules) for (const label of rule.labels) speakerLabelsNot.set(label, rule.id);
  engine = { lexicon: wordLexicon(), cues, nonCues, speakerLabelsNot, speakerHeads, speakerRuleOrder };
  return engine;
}

/** Words between a subject and its cue: auxiliaries, negation and common adverbs. */
const AUXILIARY_VERBS = new Set(["'s", "'re", 'being', "didn't", "doesn't", "don't", "isn't", "wasn't", "weren't", "aren't", "won't", "wouldn't", "can't", "couldn't", "hasn't", "haven't", "hadn't", "shouldn't", 'has', 'have', 'had', 'is', 'was', 'were', 'are', 'am', 'be', 'been', 'will', 'would', 'could', 'can', 'should', 'may', 'might', 'must', 'did', 'does', 'do', 'not', "n't"]);
const CUE_ADVERBS = new Set(['also', 'later', 'previously', 'repeatedly', 'again', 'still', 'never', 'once', 'now', 'then', 'often', 'already', 'publicly', 'privately', 'recently', 'even', 'just', 'only', 'first', 'reportedly', 'further', 'long', 'since', 'ever', 'soon', 'quickly', 'immediately']);
const AUXILIARIES = new Set([...AUXILIARY_VERBS, ...CUE_ADVERBS]);
/** Past-tense endings: "said", "warned", "told", "wrote", "thought", "found", "shown". */
const PAST_FORM = /(?:ed|aid|old|ote|ought|ound|own)$/;
const PASSIVE_MARKERS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** A speaker phrase read leftwards stops at these. */
const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose', 'because', 'but', 'while', 'although', 'though', 'when', 'if', 'since', 'after', 'before', 'so', 'where', 'whether', 'as', 'and', 'or', 'than', 'until', 'unless', 'whereas', 'yet', 'why', 'how', 'what']);
const COORDINATORS = new Set(['and', 'but', 'or']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'one', 'two', 'three', 'four', 'five', 'six', 'several', 'many', 'some', 'other', 'others', 'both', 'senior', 'top', 'former', 'most', 'all', 'each', 'another', 'few', 'no']);
/** After one of these a cue word is a noun ("the report", "a statement", "his call"). */
const NOUN_MARKERS = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'whose', "'s", 'no', 'any', 'every']);
/** Phrases between a cue and its content: "said in a statement that", "told reporters on Monday". */
const CUE_ADJUNCT_STARTS = new Set(['of', 'in', 'on', 'at', 'during', 'late', 'early', 'earlier', 'last', 'this', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'recently', 'publicly', 'privately', 'repeatedly', 'also', 'again', 'via', 'through', 'flatly', 'bluntly', 'simply']);
/** Adjuncts skipped only when a "that" follows them ("said after a lunch on Tuesday that …"); else they may be the content ("complained about the mic"). */
const THAT_ADJUNCT_STARTS = new Set(['after', 'before', 'following', 'outside', 'from', 'with', 'about', 'when', 'while', 'for']);
/** After "…, X said," these start a new clause rather than more content. */
const CLAUSE_CONTINUERS = new Set(['and', 'but', 'though', 'although', 'while', 'as', 'because', 'which', 'who', 'adding', 'saying', 'noting', 'citing', 'referring', 'even', 'so', 'yet', 'whereas', 'since', 'in', 'on', 'at', 'after', 'before', 'during', 'when', 'under', 'according', 'with', 'without', 'without', 'amid', 'despite', 'where']);
/** Content of an object-taking cue ("condemned the test as …") stops at a subordinate clause. */
const CLAUSE_BREAKERS = new Set(['and', 'but', 'or', 'though', 'although', 'while', 'whereas', 'yet']);
const OBJECT_STOPS = new Set(['as', 'while', 'when', 'because', 'after', 'before', 'since', 'although', 'though', 'if', 'unless', 'until', 'amid', 'despite', 'whereas']);
const SPEAKER_STARTS_NOT = new Set(['whichever', 'whatever', 'whoever', 'of', 'in', 'for', 'to', 'with', 'on', 'at', 'by', 'from', 'about', 'into', 'over', 'under', 'than', 'as', 'like', 'not', 'very', 'too', 'also', 'following', 'after', 'before', 'during', 'despite', 'if', 'when', 'there', 'here', 'what', 'how', 'why', 'so', 'then', 'thus']);
const SENTENCE_ADVERBIAL_STARTS = new Set(['in', 'on', 'at', 'after', 'before', 'during', 'following', 'responding', 'despite', 'with', 'without', 'for', 'since', 'as', 'when', 'while', 'although', 'though', 'if', 'because', 'under', 'asked', 'speaking', 'meanwhile', 'still', 'however', 'yet', 'but', 'and', 'instead', 'earlier', 'later', 'last', 'this', 'now', 'today', 'yesterday']);
/** Words that open a clause after a cue that takes only clauses ("maintained he was", "decided whether"). */
const CLAUSE_OPENERS = new Set(['that', 'whether', 'if', 'how', 'what', 'why', 'when', 'where', 'who', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'there', 'this']);
/** After a present-form belief cue these make it a noun: "support from", "attacks on", "plans for". */
const NOUN_PREPOSITIONS = new Set(['of', 'from', 'among', 'in', 'for', 'with', 'on', 'at', 'by', 'between', 'within']);
/** What follows an appearance or expectation cue: "seems to", "appears that", "is seen as", "looks like", "is considered a". */
const EVIDENTIAL_COMPLEMENTS = new Set(['to', 'that', 'as', 'like', 'a', 'an', 'the', 'more', 'less', 'very', 'so', 'too', 'increasingly', 'unlikely', 'likely', 'certain', 'ready', 'poised', 'set', 'willing', 'eager', 'determined']);
/** Before a question participle: "when asked", "if pressed", "after being asked". */
const QUESTION_LEADERS = new Set(['when', 'if', 'after', 'before', 'once', 'while', 'until', 'unless', 'being']);
/** Where the question or its topic starts after "asked": "about …", "whether …", "what …", "to …", "on …". */
const QUESTION_CONTENT_OPENERS = new Set(['about', 'whether', 'if', 'what', 'how', 'why', 'who', 'whom', 'which', 'when', 'where', 'to', 'for', 'on', 'over', 'regarding']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'reporters']);
const QUOTE_INTRODUCERS = new Set(['—', '–', '-', '--', ':']);
/** Time words that open or close a speaker phrase without belonging to it ("X on Wednesday said"). */
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'weekend', 'earlier', 'later']);
const TIME_LEADERS = new Set(['on', 'last', 'this', 'next', 'late', 'early', 'earlier', 'later']);
const TELL_FORMS = new Set(['tell', 'tells', 'told', 'telling']);
const SCALE_WORDS = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'percent', 'dollar', 'point']);
const ADJECTIVE_ENDINGS = /(?:ous|ful|ive|able|ible|less|ical)$/;
const MAX_SPEAKER_TOKENS = 14;
const MAX_LABEL_TOKENS = 5;
const MAX_APPOSITIVE_TOKENS = 40;
/** How many sentences back a pronoun speaker looks for the last speaker before any other actor. */
const RECENT_SPEAKER_SENTENCES = 2;

type Range = { start: number; end: number };

export function extractAttributions(text: string, actors: readonly ActorMention[], analyzed: AnalyzedText = analyzeText(text)): AttributionExtraction {
  const state = loadEngine();
  const { tokens, sentences } = analyzed;
  const quotes = markQuotes(text, tokens, sentences);
  const attributions: Attribution[] = [];
  const rejected: RejectedCandidate[] = [];
  /** A quotation that ran on past its sentence: the later sentences are its content already. */
  let quotedUntil = -1;
  /** First token of the sentence being read (matchCue needs it for sentence-opening participles). */
  let currentSentenceStart = 0;
  /** The sentence being read, and the speakers linked to an actor so far (for "he", "she", "they"). */
  let currentSentence = 0;
  const linkedSpeakers: Array<{ sentence: number; actor: ActorMention }> = [];

  const word = (index: number): Token | undefined => tokens[index];
  const lower = (index: number): string => tokens[index]?.lower ?? '';
  const isOpenQuote = (index: number): boolean => quotes.role[index] === 1;
  const isCloseQuote = (index: number): boolean => quotes.role[index] === -1;
  const spanOf = (start: number, end: number): Span | null => {
    if (end <= start) return null;
    const first = tokens[start] as Token;
    const last = tokens[end - 1] as Token;
    return { start: first.start, end: last.end, text: text.slice(first.start, last.end) };
  };

  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const sentence = sentences[sentenceIndex] as Sentence;
    if (sentence.end <= quotedUntil) continue;
    currentSentence = sentenceIndex;
    const bodyEnd = sentenceBodyEnd(sentence);
    currentSentenceStart = sentence.tokenStart;
    const labelled = readSpeakerLabel(sentenceIndex, sentence);
    if (labelled) attributions.push(labelled);
    let position = labelled ? sentence.tokenEnd : sentence.tokenStart;
    while (position < bodyEnd) {
      const nonCue = state.nonCues.has(lower(position)) ? matchNonCue(position) : undefined;
      if (nonCue) {
        const span = spanOf(nonCue.start, nonCue.end) as Span;
        rejected.push({ ...span, layer: 'attribution', reason: 'set phrase, not a report of anyone\'s words', ruleId: nonCue.ruleId });
        position = Math.max(position + 1, nonCue.end);
        continue;
      }
      const cue = quotes.depth[position] === 0 ? matchCue(position, bodyEnd) : undefined;
      if (!cue) {
        position++;
        continue;
      }
      const read = readFrame(sentenceIndex, sentence, bodyEnd, position, cue);
      // A quote-only cue ("continued") without a quotation reports nothing.
      const attribution = read && (cue.complement !== 'quote' || read.direct) ? read : null;
      let next = position + cue.words.length;
      if (attribution) {
        attributions.push(attribution);
        // Cues inside the content are not read again.
        const resumeAt = Math.max(attribution.content.end, attribution.cue?.end ?? 0);
        while (next < bodyEnd && (tokens[next] as Token).start < resumeAt) next++;
      }
      position = next;
    }
  }

  /**
   * "Jane Roe: We will win." / "MODERATOR: Why not?" — a name and a colon opening the sentence
   * label what follows, to the end of the paragraph, as that speaker's words. The label must be
   * a person or organisation the actors layer found, or a name in capitals (transcripts).
   */
  function readSpeakerLabel(sentenceIndex: number, sentence: Sentence): Attribution | null {
    let colon = sentence.tokenStart;
    while (colon < sentence.tokenEnd && colon - sentence.tokenStart <= MAX_LABEL_TOKENS && (tokens[colon] as Token).text !== ':') colon++;
    if (colon >= sentence.tokenEnd || colon === sentence.tokenStart || colon - sentence.tokenStart > MAX_LABEL_TOKENS) return null;
    let capitals = true;
    for (let index = sentence.tokenStart; index < colon; index++) {
      const token = tokens[index] as Token;
      if (token.kind === 'word' && !token.capitalized) return null;
      if (token.kind === 'word' && token.text !== token.text.toUpperCase()) capitals = false;
      if (token.kind === 'punct' && token.text !== '.' && token.text !== "'") return null;
    }
    const speaker = spanOf(sentence.tokenStart, colon) as Span;
    const sectionLabel = state.speakerLabelsNot.get(speaker.text.toLowerCase());
    if (sectionLabel) {
      rejected.push({ ...speaker, layer: 'attribution', reason: 'a section label before a colon, not a speaker', ruleId: sectionLabel });
      return null;
    }
    // Headlines name people by surname only ("Roe: …"): a surname the article uses for an actor counts.
    const lastWord = (tokens[colon - 1] as Token).lower;
    const named = actors.some((actor) => (actor.type === 'person' || actor.type === 'organization') && ((actor.start <= speaker.start && actor.end >= speaker.end - 1) || actor.canonical.toLowerCase().endsWith(lastWord)));
    const transcript = capitals && speaker.text.length > 1;
    if (!named && !transcript) return null;
    let last = sentenceIndex;
    while (last + 1 < sentences.length && (sentences[last + 1] as Sentence).paragraph === sentence.paragraph) last++;
    const content = spanOf(colon + 1, sentenceBodyEnd(sentences[last] as Sentence));
    // "Roe: 1,769", "Twitter: @roe": a tally or a handle, not words spoken.
    if (!content || (content.text.match(/\p{L}+/gu) ?? []).length < 3 || content.text.startsWith('@')) return null;
    return build(speaker, spanOf(colon, colon + 1) as Span, content, 'attribution.speaker-label', sentence.tokenStart, []);
  }

  function matchNonCue(position: number): { start: number; end: number; ruleId: string } | undefined {
    for (const phrase of state.nonCues.get(lower(position)) ?? []) {
      const start = position - phrase.offset;
      if (start < 0) continue;
      if (phrase.words.every((word, offset) => lower(start + offset) === word)) return { start, end: start + phrase.words.length, ruleId: phrase.ruleId };
    }
    return undefined;
  }

  function matchCue(position: number, end: number): CueForm | undefined {
    const token = tokens[position] as Token;
    const options = state.cues.get(token.lower);
    if (!options) return undefined;
    const question = options.find((option) => option.frame === 'question');
    if (question && isQuestionContext(position)) return question;
    if (token.capitalized && options.every((option) => option.frame !== 'according')) return undefined;
    const contraction = lower(position - 1) === "'s" && PRONOUNS.has(lower(position - 2)); // "He’s claiming"
    if (NOUN_MARKERS.has(lower(position - 1)) && !contraction) return undefined;
    const pastForm = PAST_FORM.test(token.lower);
    if (!pastForm && (tokens[position - 1]?.kind === 'number' || SCALE_WORDS.has(lower(position - 1)))) return undefined; // "a $12 million plan"
    // Past forms are verbs; "asks", "calls", "demands" after an adjective are nouns.
    if (!pastForm && looksAdjective(position - 1)) return undefined;
    // "gained support", "welcomed calls": a past verb right before a present form makes it its object.
    if (!pastForm && !/ing$/.test(token.lower) && isFiniteVerbBefore(position - 1)) return undefined;
    for (const option of options) {
      if (option.frame === 'question') continue;
      if (position + option.words.length > end) continue;
      let ok = true;
      for (let offset = 1; offset < option.words.length; offset++) if (lower(position + offset) !== option.words[offset]) ok = false;
      if (!ok) continue;
      const after = position + option.words.length;
      const opensContent = lower(after) === 'that' || isOpenQuote(after) || tokens[after]?.text === ':';
      if (option.nounForm && !opensContent) continue;
      if (option.complement === 'clause' && !opensContent && !CLAUSE_OPENERS.has(lower(after))) continue;
      // "support from", "attacks on": a present form followed by a preposition of its own is a noun.
      if (!pastForm && option.frame === 'belief' && option.words.length === 1 && NOUN_PREPOSITIONS.has(lower(after))) continue;
      // "his support remains", "the questions often contained": a verb right after a present form makes it a noun subject.
      if (!pastForm && option.words.length === 1 && isVerbAfter(after)) continue;
      return option;
    }
    return undefined;
  }

  /** "Asked whether …" opening a sentence, "when asked about …", "was pressed on …": a participle with no subject of its own. */
  function isQuestionContext(position: number): boolean {
    let before = position - 1;
    while (before >= currentSentenceStart && (CUE_ADVERBS.has(lower(before)) || (/ly$/.test(lower(before)) && !(tokens[before] as Token).capitalized))) before--;
    if (before < currentSentenceStart) return true;
    if (isOpenQuote(before) && before === currentSentenceStart) return true;
    return QUESTION_LEADERS.has(lower(before)) || PASSIVE_MARKERS.has(lower(before));
  }

  /** "Democrats — and some Republicans —", "Mr. Coffman, who represents a swing district,": a noun phrase, then an insert set off by dashes or commas, ending at `end`. */
  function speakerAroundInsert(sentenceStart: number, end: number): Range | undefined {
    const closer = (tokens[end - 1] as Token | undefined)?.text;
    if (closer !== ',' && closer !== '—' && closer !== '–' && closer !== '--') return undefined;
    let open = end - 2;
    while (open >= sentenceStart && (tokens[open] as Token).text !== closer && end - open <= MAX_APPOSITIVE_TOKENS) open--;
    if (open <= sentenceStart || (tokens[open] as Token).text !== closer) return undefined;
    const head = readSpeakerBefore(sentenceStart, open);
    if (!head || startsAdverbial(head.start, open)) return undefined;
    return { start: head.start, end };
  }

  /** After "told": skip the recipient (a name, an object pronoun or a short noun phrase) to a clause with its own subject and verb. */
  function clauseAfterRecipient(start: number, bodyEnd: number): number | undefined {
    for (let split = start + 1; split < bodyEnd && split - start <= 5; split++) {
      const recipient = tokens[split - 1] as Token;
      if (recipient.kind === 'punct' && recipient.text !== '.') return undefined;
      if (!recipient.capitalized && !OBJECT_PRONOUNS.has(recipient.lower) && !isNounLike(split - 1) && !DETERMINERS.has(recipient.lower)) return undefined;
      const next = tokens[split] as Token;
      if ((PRONOUNS.has(next.lower) && next.lower !== 'it' && next.lower !== 'you') || ((next.capitalized || DETERMINERS.has(next.lower)) && startsClause(split, bodyEnd))) return split;
    }
    return undefined;
  }

  /** The speaker of the last attribution read in this sentence, as a token range. */
  function speakerOfEarlierCue(sentence: Sentence): Range | undefined {
    const last = attributions[attributions.length - 1];
    if (!last?.speaker || last.speaker.start < sentence.start || (last.cue?.start ?? -1) < sentence.start) return undefined;
    const start = firstStartingAtOrAfter(tokens, last.speaker.start);
    const end = firstStartingAtOrAfter(tokens, last.speaker.end);
    return end > start ? { start, end } : undefined;
  }

  /** "that …", a quotation or a subject and its verb: what a speech verb reports. */
  function opensReportedClause(cueEnd: number, bodyEnd: number): boolean {
    if (cueEnd >= bodyEnd) return false;
    return lower(cueEnd) === 'that' || isOpenQuote(cueEnd) || (tokens[cueEnd] as Token).text === ':' || startsClause(cueEnd, bodyEnd) || (PRONOUNS.has(lower(cueEnd)) && lower(cueEnd) !== 'it');
  }

  function isFiniteVerbBefore(index: number): boolean {
    const token = tokens[index];
    if (!token || token.kind !== 'word' || token.capitalized || AUXILIARIES.has(token.lower) || PRONOUNS.has(token.lower) || token.lower === 'to') return false;
    if (state.speakerHeads.has(token.lower)) return false;
    return /ed$/.test(token.lower) && isVerbWord(token.lower);
  }

  function isVerbAfter(index: number): boolean {
    const token = tokens[index];
    if (!token || token.kind !== 'word' || token.capitalized || AUXILIARY_VERBS.has(token.lower) || PRONOUNS.has(token.lower)) return false;
    return /ed$/.test(token.lower) && isVerbWord(token.lower) && !isNounWord(token.lower);
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
    const cueSpan = spanOf(cueStart, cueEnd) as Span;
    if (cue.frame === 'according') return readAccording(sentence, bodyEnd, cueStart, cueEnd, cueSpan, cue.ruleId);
    if (cue.frame === 'evidential') return readEvidential(sentenceIndex, sentence, bodyEnd, cueStart, cueEnd, cueSpan, cue);
    if (cue.frame === 'question') return readQuestion(bodyEnd, cueEnd, cueSpan, cue.ruleId);
    let auxiliaryStart = cueStart - 1;
    while (auxiliaryStart >= sentence.tokenStart && AUXILIARIES.has(lower(auxiliaryStart))) auxiliaryStart--;
    let progressive = false;
    for (let index = auxiliaryStart + 1; index < cueStart; index++) if (PASSIVE_MARKERS.has(lower(index)) || lower(index) === "'s" || lower(index) === "'re") progressive = /ing$/.test(lower(cueStart));
    if (PASSIVE_MARKERS.has(lower(cueStart - 1)) && !progressive) return null; // "is expected to", "was told"
    const gerund = /ing$/.test(lower(cueStart)) && !progressive;
    // "a new poll showing …" reports the poll's finding; "officers finding the child" reports nothing.
    if (gerund && cue.frame === 'finding') {
      const document = readSpeakerBefore(sentence.tokenStart, cueStart);
      if (!document || !speakerHasHead(document, 'speaker.document')) return null;
      // "Police released dramatic video showing …": the document is the phrase after the verb.
      for (let index = cueStart - 2; index > document.start; index--) {
        const token = tokens[index] as Token;
        if (!token.capitalized && /ed$/.test(token.lower) && !isModifierPosition(index - 1)) {
          document.start = index + 1;
          break;
        }
      }
      const content = contentAfter(sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
      return content ? build(spanOf(document.start, document.end), cueSpan, content, cue.ruleId, document.start, ['attribution.document-participle']) : null;
    }
    // "a deal backed by the fund": a past participle with its agent is a passive, not a stance.
    if (PAST_FORM.test(lower(cueEnd - 1)) && lower(cueEnd) === 'by') return null;
    let left = cueStart - 1;
    while (left >= sentence.tokenStart && (AUXILIARIES.has(lower(left)) || (/ly$/.test(lower(left)) && !(tokens[left] as Token).capitalized))) left--;
    if (left < sentence.tokenStart) {
      // "“Why not?” | asked Trump." — a quotation that closed the previous sentence, then the inverted cue.
      const quoted = quotationEndingBefore(sentenceIndex);
      if (!quoted || cue.frame !== 'speech' || gerund) return null; // a sentence opening with its cue ("Asked about …") names no speaker
      const after = readSpeakerAfter(cueEnd, bodyEnd, true);
      if (!after) return null;
      return build(spanOf(after.start, after.end), cueSpan, withContinuation(quoted, sentenceIndex, bodyEnd, after.end), cue.ruleId, after.start, ['attribution.quote-previous-sentence']);
    }
    for (let index = left + 1; index < cueStart; index++) if (PASSIVE_MARKERS.has(lower(index)) && !progressive) return null; // "was first reported by"
    // "Health worries have dogged …", "state and local leaders": a cue word followed by an auxiliary or "and" is a noun.
    if (AUXILIARY_VERBS.has(lower(cueEnd))) return null;
    if (COORDINATORS.has(lower(cueEnd)) && !/(?:ed|aid|old)$/.test(lower(cueStart))) return null;
    const leftText = (tokens[left] as Token).text;

    // "…, said the officials." / "“…,” said Smith."
    if ((leftText === ',' || isCloseQuote(left)) && cue.frame === 'speech' && !gerund) {
      const afterQuote = isCloseQuote(left) || (leftText === ',' && isCloseQuote(left - 1));
      const after = readSpeakerAfter(cueEnd, bodyEnd, afterQuote);
      if (after) {
        const contentEnd = leftText === ',' && isCloseQuote(left - 1) ? left : isCloseQuote(left) ? left + 1 : left;
        const content = quotedOrClauseBefore(sentence, contentEnd);
        if (content) {
          const continued = isCloseQuote(contentEnd - 1) ? splitQuoteContinuation(sentenceIndex, bodyEnd, after.end) : undefined;
          const span = continued === undefined ? content : { start: content.start, end: continued, text: text.slice(content.start, continued) };
          return build(spanOf(after.start, after.end), cueSpan, span, cue.ruleId, after.start, ['attribution.inverted-cue-first']);
        }
      }
    }

    // "… and pledged to …", "…, saying …", "tended to support …": the speaker is the subject of the sentence.
    const infinitive = lower(cueStart - 1) === 'to';
    if (COORDINATORS.has(lower(left)) || gerund || infinitive) {
      // "Scott blasted Congress and said …": a coordinated verb shares the speaker of the cue before it in the sentence.
      // "…, and in May the ministers went to Paris to ask for aid": an infinitive's subject is
      // that of its own clause, not of the sentence's first one.
      const subject = (COORDINATORS.has(lower(left)) ? speakerOfEarlierCue(sentence) : undefined) ?? sentenceSubject(sentence, cueStart, infinitive ? clauseStartBefore(sentence, cueStart) : sentence.tokenStart);
      // "… is more likely to support X": with no plain subject the speaker stays unknown rather than "likely to".
      if (!subject && !infinitive) return null;
      if (cue.frame === 'finding' && lower(cueEnd) !== 'that') return null;
      const content = contentAfter(sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
      if (!content) return null;
      if (!subject) return build(null, cueSpan, content, cue.ruleId, cueStart, ['attribution.infinitive-no-subject']);
      return build(spanOf(subject.start, subject.end), cueSpan, content, cue.ruleId, subject.start, ['attribution.subject-of-sentence']);
    }

    let speaker: Range | undefined;
    let ruleId = 'attribution.speaker-first';
    if (lower(left) === 'who' && left === cueStart - 1) {
      // "an architect who said he was stiffed": the relative pronoun is the speaker.
      speaker = { start: left, end: left + 1 };
      ruleId = 'attribution.relative-speaker';
    } else if (leftText === ',') {
      // "Rendell, a party veteran, said …": appositives between commas belong to the speaker.
      speaker = readAppositiveSpeaker(sentence.tokenStart, left, cueEnd, bodyEnd);
      ruleId = 'attribution.appositive';
    } else {
      speaker = readSpeakerBefore(sentence.tokenStart, left + 1);
    }
    if (!speaker) {
      // "Democrats — and some Republicans — say that …", "Mr. Coffman, who represents a swing district, said …":
      // the speaker phrase is too involved to read, but a speech verb followed by its clause still reports one.
      if (cue.frame === 'finding' || /ing$/.test(lower(cueStart)) || !opensReportedClause(cueEnd, bodyEnd)) return null;
      const content = contentAfter(sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
      if (!content) return null;
      const subject = speakerAroundInsert(sentence.tokenStart, left + 1) ?? sentenceSubject(sentence, cueStart);
      return build(subject ? spanOf(subject.start, subject.end) : null, cueSpan, content, cue.ruleId, subject?.start ?? cueStart, ['attribution.speaker-unread']);
    }
    // People "find" things all the time; only a document finds, unless a "that" clause follows.
    if (cue.frame === 'finding' && !speakerHasHead(speaker, 'speaker.document') && lower(cueEnd) !== 'that') return null;
    const before = speaker.start - 1;
    const quoteBefore = before >= sentence.tokenStart && (isCloseQuote(before) || ((tokens[before] as Token).text === ',' && isCloseQuote(before - 1)));
    if (quoteBefore && cue.frame === 'speech') {
      // "“We are ready,” she said." — the quotation, and its continuation in the next sentence.
      const quoteEnd = isCloseQuote(before) ? before + 1 : before;
      const content = quotedOrClauseBefore(sentence, quoteEnd);
      if (!content) return null;
      const continued = splitQuoteContinuation(sentenceIndex, bodyEnd, cueEnd);
      const span = continued === undefined ? content : { start: content.start, end: continued, text: text.slice(content.start, continued) };
      return build(spanOf(speaker.start, speaker.end), cueSpan, span, cue.ruleId, speaker.start, ['attribution.quote-before']);
    }
    if (cue.frame === 'speech' && !gerund && speaker.start === sentence.tokenStart && isSentenceEndAfterCue(cueEnd, bodyEnd)) {
      // "“We will win.” | Trump said." — the sentence splitter ended the quotation's sentence at its stop.
      const quoted = quotationEndingBefore(sentenceIndex);
      if (quoted) return build(spanOf(speaker.start, speaker.end), cueSpan, withContinuation(quoted, sentenceIndex, bodyEnd, cueEnd), cue.ruleId, speaker.start, ['attribution.quote-previous-sentence']);
    }
    const documentFinds = cue.frame === 'finding' && speakerHasHead(speaker, 'speaker.document');
    if (before >= sentence.tokenStart && (tokens[before] as Token).text === ',' && (cue.frame === 'speech' || documentFinds) && !gerund) {
      if (isSentenceEndAfterCue(cueEnd, bodyEnd) && !(startsAdverbial(sentence.tokenStart, before) && !hasVerb(sentence.tokenStart, before))) {
        // "Mexico brings leverage, the officials said." — content before the speaker.
        const content = quotedOrClauseBefore(sentence, before);
        if (!content) return null;
        return build(spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, ['attribution.inverted']);
      }
      if ((tokens[cueEnd] as Token | undefined)?.text === ',' && !startsAdverbial(sentence.tokenStart, before)) {
        // "The deal, he said, is close." — the content covers the sentence around the speaker.
        const content = spanOf(sentence.tokenStart, bodyEnd);
        if (!content) return null;
        return build(spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, ['attribution.parenthetical']);
      }
    }
    if (gerund && speaker.start > sentence.tokenStart) return null;
    const content = contentAfter(sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
    if (!content) return null;
    return build(spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, [ruleId]);
  }

  /** Content after the cue: skips a recipient or adjunct, keeps "that", follows a quotation to its end. */
  function contentAfter(sentenceIndex: number, bodyEnd: number, cueStart: number, cueEnd: number, cue: CueForm): Span | null {
    let start = cueEnd;
    if (THAT_ADJUNCT_STARTS.has(lower(start))) {
      let probe = start;
      while (probe < bodyEnd && probe - start < 10 && lower(probe) !== 'that' && (tokens[probe] as Token).text !== ',' && !isOpenQuote(probe)) probe++;
      if (lower(probe) === 'that') start = probe + 1;
    } else if (TELL_FORMS.has(lower(cueStart)) || CUE_ADJUNCT_STARTS.has(lower(start))) {
      let probe = start;
      while (probe < bodyEnd && probe - start < 10) {
        const token = tokens[probe] as Token;
        // "said on ABC’s “This Week” that …": a quoted title inside the adjunct is skipped.
        if (isOpenQuote(probe) && probe > start) {
          const close = quotes.closeOf[probe] ?? -1;
          if (close > probe && close + 1 < bodyEnd && lower(close + 1) === 'that') {
            probe = close + 1;
            continue;
          }
        }
        if (token.lower === 'that' || token.text === ',' || token.text === ':' || isOpenQuote(probe)) break;
        probe++;
      }
      if (probe < bodyEnd) {
        const token = tokens[probe] as Token;
        start = token.lower === 'that' || token.text === ',' || token.text === ':' ? probe + 1 : probe;
      } else if (TELL_FORMS.has(lower(cueStart))) {
        // "told POLITICO he planned to stay", "told the board the plan would fail": the recipient, then the clause.
        const clause = clauseAfterRecipient(start, bodyEnd);
        if (clause === undefined) return null;
        start = clause;
      } else {
        start = cueEnd;
      }
    }
    while (start < bodyEnd && ((tokens[start] as Token).text === ':' || (tokens[start] as Token).text === ',')) start++;
    if (start >= bodyEnd) return null;
    const first = tokens[start] as Token;
    if (isOpenQuote(start)) {
      const close = quotes.closeOf[start] ?? -1;
      if (close > start) {
        const closeToken = tokens[close] as Token;
        if (closeToken.end > (sentences[sentenceIndex] as Sentence).end) {
          quotedUntil = Math.max(quotedUntil, closeToken.end);
          return { start: first.start, end: closeToken.end, text: text.slice(first.start, closeToken.end) };
        }
        // A quotation followed by more of the clause ("to “go vote” and then …") runs on.
        if (close + 1 >= bodyEnd || (tokens[close + 1] as Token).text === ',') return { start: first.start, end: closeToken.end, text: text.slice(first.start, closeToken.end) };
      }
    }
    let end = bodyEnd;
    for (let index = start + 1; index < bodyEnd; index++) {
      const token = tokens[index] as Token;
      if (token.text === ';') {
        end = index;
        break;
      }
      // ", and he urged …", ", though no numbers …": a new clause with its own subject.
      if (token.text === ',' && quotes.depth[index] === 0 && CLAUSE_BREAKERS.has(lower(index + 1)) && (PRONOUNS.has(lower(index + 2)) || DETERMINERS.has(lower(index + 2)) || (tokens[index + 2] as Token | undefined)?.capitalized === true)) {
        end = index;
        break;
      }
      // ", arguing that …": a participial cue starts an attribution of its own.
      if (token.text === ',' && quotes.depth[index] === 0 && /ing$/.test(lower(index + 1)) && state.cues.has(lower(index + 1))) {
        end = index;
        break;
      }
      // "said the plan was fair and warned that …": a second past-tense cue of the same subject
      // is its own attribution, so the first content stops before the coordinator.
      if (COORDINATORS.has(token.lower) && quotes.depth[index] === 0 && isCoordinatedCue(index + 1, bodyEnd)) {
        end = index > start + 1 && (tokens[index - 1] as Token).text === ',' ? index - 1 : index;
        break;
      }
      const subordinate = OBJECT_STOPS.has(token.lower) && (token.lower !== 'as' || PRONOUNS.has(lower(index + 1)) || (tokens[index + 1] as Token | undefined)?.capitalized === true);
      if (cue.frame === 'belief' && quotes.depth[index] === 0 && (subordinate || (token.text === ',' && (lower(index + 1) === 'which' || CLAUSE_CONTINUERS.has(lower(index + 1)))))) {
        end = index;
        break;
      }
    }
    // A quotation opened inside the content runs to its close, even past the sentence.
    let lastQuoteOpen = -1;
    for (let index = start; index < end; index++) if (isOpenQuote(index)) lastQuoteOpen = index;
    if (lastQuoteOpen !== -1) {
      const close = quotes.closeOf[lastQuoteOpen] ?? -1;
      if (close >= end) {
        const closeToken = tokens[close] as Token;
        if (closeToken.end > (sentences[sentenceIndex] as Sentence).end) quotedUntil = Math.max(quotedUntil, closeToken.end);
        return { start: first.start, end: closeToken.end, text: text.slice(first.start, closeToken.end) };
      }
    }
    return spanOf(start, end);
  }

  /** Content before a speaker: the quotation ending at `end`, else the sentence up to `end`. */
  function quotedOrClauseBefore(sentence: Sentence, end: number): Span | null {
    let start = sentence.tokenStart;
    const closeIndex = isCloseQuote(end - 1) ? end - 1 : -1;
    if (closeIndex !== -1) {
      // A quotation that opens the sentence (or an earlier one) is the content; a quoted word
      // inside a clause ("were “preliminary,”") leaves the clause as the content.
      const open = quotes.openOf[closeIndex] ?? -1;
      if (open !== -1 && open < sentence.tokenStart) start = open;
      // "… once — “I now recall,” he said": a quotation introduced by a dash or colon is the content alone.
      else if (open > sentence.tokenStart && QUOTE_INTRODUCERS.has((tokens[open - 1] as Token).text)) start = open;
    }
    return spanOf(start, end);
  }

  /** The quotation that ends the previous sentence of the same paragraph, if that sentence ends with one. */
  function quotationEndingBefore(sentenceIndex: number): Span | null {
    const sentence = sentences[sentenceIndex] as Sentence;
    const previous = sentences[sentenceIndex - 1];
    if (!previous || previous.paragraph !== sentence.paragraph) return null;
    const close = previous.tokenEnd - 1;
    if (!isCloseQuote(close) || (tokens[close] as Token).end <= quotedUntil) return null;
    const open = quotes.openOf[close] ?? -1;
    if (open < 0) return null;
    // The quotation is not someone else's already ("“…,” she said. “…”" was read with its own cue).
    if (open < previous.tokenStart ? false : open !== previous.tokenStart && !QUOTE_INTRODUCERS.has(lower(open - 1))) return null;
    return spanOf(open, close + 1);
  }

  function withContinuation(content: Span, sentenceIndex: number, bodyEnd: number, from: number): Span {
    const continued = splitQuoteContinuation(sentenceIndex, bodyEnd, from);
    return continued === undefined ? content : { start: content.start, end: continued, text: text.slice(content.start, continued) };
  }

  /** “A,” he said. “B.” — the next sentence of the same paragraph opening a quotation continues it. */
  function splitQuoteContinuation(sentenceIndex: number, bodyEnd: number, cueEnd: number): number | undefined {
    let probe = cueEnd;
    while (probe < bodyEnd && !isOpenQuote(probe)) probe++;
    if (probe < bodyEnd && isOpenQuote(probe)) {
      const close = quotes.closeOf[probe] ?? -1;
      if (close > probe) return markQuoted((tokens[close] as Token).end, sentenceIndex);
      return undefined;
    }
    if (probe < bodyEnd) return undefined;
    const sentence = sentences[sentenceIndex] as Sentence;
    const next = sentences[sentenceIndex + 1];
    if (!next || next.paragraph !== sentence.paragraph || !isOpenQuote(next.tokenStart)) return undefined;
    const close = quotes.closeOf[next.tokenStart] ?? -1;
    if (close <= next.tokenStart) return undefined;
    // Stop if the continuation carries its own cue: it is its own attribution.
    for (let index = close + 1; index < next.tokenEnd; index++) if (state.cues.has(lower(index))) return undefined;
    return markQuoted((tokens[close] as Token).end, sentenceIndex);
  }

  function markQuoted(end: number, sentenceIndex: number): number {
    if (end > (sentences[sentenceIndex] as Sentence).end) quotedUntil = Math.max(quotedUntil, end);
    return end;
  }

  function readAccording(sentence: Sentence, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, ruleId: string): Attribution | null {
    let speakerEnd = cueEnd;
    while (speakerEnd < bodyEnd && (tokens[speakerEnd] as Token).text !== ',' && speakerEnd - cueEnd < MAX_SPEAKER_TOKENS) speakerEnd++;
    const speaker = spanOf(cueEnd, speakerEnd);
    if (!speaker) return null;
    let content: Span | null;
    const opensSentence = cueStart === sentence.tokenStart || (startsAdverbial(sentence.tokenStart, cueStart) && (tokens[cueStart - 1] as Token).text === ',');
    if (opensSentence && speakerEnd < bodyEnd) {
      content = spanOf(speakerEnd + 1, bodyEnd);
    } else if (speakerEnd < bodyEnd) {
      // "X, according to Y, is Z": the content surrounds the cue.
      content = spanOf(sentence.tokenStart, bodyEnd);
    } else {
      content = spanOf(sentence.tokenStart, (tokens[cueStart - 1] as Token).text === ',' ? cueStart - 1 : cueStart);
    }
    if (!content) return null;
    return build(speaker, cueSpan, content, ruleId, cueEnd, ['attribution.according-to']);
  }

  /** "Asked by Roe whether …," — the question or topic to the next comma; the asker after "by", if any, is the speaker. */
  function readQuestion(bodyEnd: number, cueEnd: number, cueSpan: Span, ruleId: string): Attribution | null {
    let index = cueEnd;
    let speaker: Range | undefined;
    while (index < bodyEnd && index - cueEnd < 10) {
      const token = tokens[index] as Token;
      if (isOpenQuote(index) || QUESTION_CONTENT_OPENERS.has(token.lower)) break;
      if (token.text === ':' || (token.text === ',' && isOpenQuote(index + 1))) {
        index++;
        break;
      }
      if (token.kind === 'punct') return null;
      if (token.lower === 'by' && speaker === undefined) {
        let end = index + 1;
        while (end < bodyEnd && end - index <= MAX_SPEAKER_TOKENS && (tokens[end] as Token).text !== ',' && !isOpenQuote(end) && !QUESTION_CONTENT_OPENERS.has(lower(end)) && !TIME_LEADERS.has(lower(end)) && !TIME_WORDS.has(lower(end))) end++;
        if (end > index + 1 && validSpeaker(index + 1, end)) speaker = { start: index + 1, end };
        index = end;
        continue;
      }
      index++;
    }
    if (index >= bodyEnd) return null;
    let end = index + 1;
    if (isOpenQuote(index)) {
      const close = quotes.closeOf[index] ?? -1;
      if (close <= index) return null;
      end = close + 1;
    } else {
      while (end < bodyEnd && !((tokens[end] as Token).text === ',' && quotes.depth[end] === 0)) end++;
    }
    const content = spanOf(index, end);
    if (!content || end - index < 2) return null;
    return build(speaker ? spanOf(speaker.start, speaker.end) : null, cueSpan, content, ruleId, speaker?.start ?? cueEnd, ['attribution.passive-question']);
  }

  /** "Voters seem tired of the race": no speaker; the content is the clause around the cue. */
  function readEvidential(sentenceIndex: number, sentence: Sentence, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, cue: CueForm): Attribution | null {
    const next = tokens[cueEnd];
    const lastWord = cue.words[cue.words.length - 1];
    const complement = next !== undefined && cueEnd < bodyEnd && (lastWord === 'as' || EVIDENTIAL_COMPLEMENTS.has(next.lower) || isAdjectiveAt(cueEnd) || (/ly$/.test(next.lower) && isAdjectiveAt(cueEnd + 1)));
    if (!complement) return null;
    let start = cueStart;
    while (start > sentence.tokenStart) {
      const token = tokens[start - 1] as Token;
      if (token.kind === 'punct' && token.text !== '.' && token.text !== "'" && token.text !== '&' && token.text !== '-' && !isOpenQuote(start - 1) && !isCloseQuote(start - 1)) break;
      if (CLAUSE_WORDS.has(token.lower) && !COORDINATORS.has(token.lower)) break;
      start--;
    }
    while (start < cueStart && COORDINATORS.has(lower(start))) start++;
    if (start === cueStart) return null;
    const after = contentAfter(sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
    const content = spanOf(start, after ? tokenIndexEndingAt(after.end, bodyEnd) : bodyEnd);
    if (!content) return null;
    return build(null, cueSpan, content, cue.ruleId, cueStart, ['attribution.evidential']);
  }

  function isAdjectiveAt(index: number): boolean {
    const token = tokens[index];
    return token !== undefined && !token.capitalized && state.lexicon.classes(token.lower).has('adjective');
  }

  /** The token index just past the token that ends at character `end` (bounded by `limit`). */
  function tokenIndexEndingAt(end: number, limit: number): number {
    let index = limit;
    while (index > 0 && (tokens[index - 1] as Token).end > end) index--;
    return Math.max(index, 0);
  }

  /** A noun phrase right after an inverted cue, running to the sentence end or a clause break. */
  /** After a quotation ("“…,” said X, who …") whatever follows the speaker's comma is more about the speaker. */
  function readSpeakerAfter(start: number, bodyEnd: number, afterQuote: boolean): Range | undefined {
    const first = tokens[start];
    if (!first) return undefined;
    // After a quotation, "said longtime activist Bob Klaus" may open with a lower-case modifier.
    const namedSoon = afterQuote && [1, 2, 3].some((offset) => start + offset < bodyEnd && (tokens[start + offset] as Token).capitalized);
    const ok = (DETERMINERS.has(first.lower) && first.lower !== 'that') || first.capitalized || PRONOUNS.has(first.lower) || state.speakerHeads.has(first.lower) || first.kind === 'number' || (namedSoon && first.kind === 'word' && !isVerbWord(first.lower));
    if (!ok) return undefined;
    let end = start;
    while (end < bodyEnd && end - start < 20) {
      const token = tokens[end] as Token;
      if (token.text === ',' || token.text === ';' || token.text === ':' || isOpenQuote(end)) break;
      if (!token.capitalized && token.kind === 'word' && PASSIVE_MARKERS.has(token.lower)) return undefined;
      // "…, say Trump’s aides pushed her": a verb after the cue starts a clause, not a speaker.
      if (!afterQuote && !token.capitalized && token.kind === 'word' && /ed$/.test(token.lower) && isVerbWord(token.lower)) return undefined;
      if (!token.capitalized && token.kind === 'word' && AUXILIARIES.has(token.lower) && !DETERMINERS.has(token.lower) && !(token.lower === "'s" && !PRONOUNS.has(lower(end - 1)))) return undefined;
      end++;
    }
    if (end < bodyEnd) {
      const stop = tokens[end] as Token;
      if (stop.text !== ',') return undefined;
      if (afterQuote) return validSpeaker(start, end) ? { start, end } : undefined;
      const continues = CLAUSE_CONTINUERS.has(lower(end + 1)) || DETERMINERS.has(lower(end + 1)) || (tokens[end + 1] as Token | undefined)?.capitalized === true;
      if (!continues && !isAppositiveToEnd(end + 1, bodyEnd)) return undefined;
    }
    return validSpeaker(start, end) ? { start, end } : undefined;
  }

  /** ", executive director of the Arms Control Association." — a verbless phrase to the sentence end. */
  function isAppositiveToEnd(start: number, bodyEnd: number): boolean {
    if (bodyEnd - start > 24 || start >= bodyEnd) return false;
    for (let index = start; index < bodyEnd; index++) {
      const token = tokens[index] as Token;
      if (isOpenQuote(index) || AUXILIARIES.has(token.lower) || state.cues.has(token.lower)) return false;
    }
    return true;
  }

  /** "Name, appositive, [appositive,] said": the whole chain when it starts the clause. */
  function readAppositiveSpeaker(sentenceStart: number, comma: number, cueEnd: number, bodyEnd: number): Range | undefined {
    let chunkEnd = comma;
    let chunks = 0;
    while (chunkEnd > sentenceStart && comma - chunkEnd < MAX_APPOSITIVE_TOKENS && chunks < 4) {
      let open = chunkEnd - 1;
      while (open >= sentenceStart && (tokens[open] as Token).text !== ',' && !isCloseQuote(open) && chunkEnd - open <= MAX_APPOSITIVE_TOKENS) open--;
      const chunkStart = open + 1;
      chunks++;
      const quoteBoundary = open >= sentenceStart && (isCloseQuote(open) || ((tokens[open] as Token).text === ',' && isCloseQuote(open - 1)));
      if (open < sentenceStart || (tokens[open] as Token).text !== ',' || quoteBoundary) {
        // Reached the sentence start: this chunk is the head noun phrase.
        const head = readSpeakerBefore(chunkStart, chunkStart + Math.min(MAX_SPEAKER_TOKENS, firstCommaOrEnd(chunkStart, chunkEnd) - chunkStart));
        if (!head || head.start !== chunkStart || chunks < 2) return undefined;
        const headFirst = tokens[chunkStart] as Token;
        if (!headFirst.capitalized && !DETERMINERS.has(headFirst.lower)) return undefined;
        if (startsAdverbial(chunkStart, chunkEnd)) return undefined;
        if (!quoteBoundary && chunkStart === sentenceStart && isSentenceEndAfterCue(cueEnd, bodyEnd) && !hasContentAfter(cueEnd, bodyEnd)) return undefined;
        return { start: chunkStart, end: comma + 1 };
      }
      chunkEnd = open;
    }
    return undefined;
  }

  function firstCommaOrEnd(start: number, end: number): number {
    for (let index = start; index < end; index++) if ((tokens[index] as Token).text === ',') return index;
    return end;
  }

  function hasContentAfter(cueEnd: number, bodyEnd: number): boolean {
    const next = tokens[cueEnd];
    return next !== undefined && cueEnd < bodyEnd && (next.lower === 'that' || isOpenQuote(cueEnd));
  }

  /** The noun phrase that ends at `end`, read leftwards to a clause boundary. */
  function readSpeakerBefore(sentenceStart: number, end: number): Range | undefined {
    let start = end;
    while (start > sentenceStart && end - start < MAX_SPEAKER_TOKENS) {
      const token = tokens[start - 1] as Token;
      if (token.text === ')') {
        // "Sen. Jane Roe (D-Ore.) said": a short bracket inside the speaker.
        let open = start - 2;
        while (open > sentenceStart && (tokens[open] as Token).text !== '(' && start - open < 8) open--;
        if ((tokens[open] as Token | undefined)?.text === '(' && open > sentenceStart) {
          start = open;
          continue;
        }
        break;
      }
      if (token.kind === 'punct' && token.text !== '.' && token.text !== '&' && token.text !== '-' && token.text !== "'") break;
      // "she drew his ire - he said": a spaced hyphen is a dash, not part of a name like "R-NY".
      if (token.text === '-' && /\s/.test(text[token.start - 1] ?? '') && /\s/.test(text[token.end] ?? '')) break;
      // A capitalised "Will" or "May" inside the phrase is a name.
      if (!(token.capitalized && start < end) && (AUXILIARIES.has(token.lower) && PASSIVE_MARKERS.has(token.lower) || ['has', 'have', 'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do'].includes(token.lower))) break;
      // "…, saying he recalled it": a participle cue ends the speaker phrase.
      if (start < end && !token.capitalized && /ing$/.test(token.lower) && state.cues.has(token.lower)) break;
      if (CLAUSE_WORDS.has(token.lower) && !(token.lower === 'and' && start < end && !PRONOUNS.has(lower(start)) && !DETERMINERS.has(lower(start)))) break;
      if (start < end && token.kind === 'word' && !token.capitalized && isVerbWord(token.lower) && !state.speakerHeads.has(token.lower) && !DETERMINERS.has(token.lower) && !isModifierPosition(start - 2)) break;
      start--;
    }
    if (start === end) return undefined;
    // Drop a leading sentence adverbial without its comma: "Later Friday the ministry said".
    return validSpeaker(start, end) ? { start, end } : undefined;
  }

  /** The subject of the sentence: the noun phrase before its first verb, after an opening adverbial. */
  /** Where the last coordinated clause before `limit` starts: after "; " or ", and|but" plus a new subject or adverbial. */
  function clauseStartBefore(sentence: Sentence, limit: number): number {
    for (let index = limit - 1; index > sentence.tokenStart; index--) {
      if (quotes.depth[index] !== 0) continue;
      const token = tokens[index] as Token;
      if (token.text === ';') return index + 1;
      if (token.text !== ',' || !COORDINATORS.has(lower(index + 1))) continue;
      const next = tokens[index + 2];
      if (next && (next.capitalized || DETERMINERS.has(next.lower) || PRONOUNS.has(next.lower) || SENTENCE_ADVERBIAL_STARTS.has(next.lower))) return index + 2;
    }
    return sentence.tokenStart;
  }

  function sentenceSubject(sentence: Sentence, limit: number, from: number = sentence.tokenStart): Range | undefined {
    let start = from;
    while (start < limit && (isOpenQuote(start) || (tokens[start] as Token).kind === 'punct')) start++;
    // "But the court overruled and said …": a conjunction opening the sentence is not an adverbial phrase.
    if (COORDINATORS.has(lower(start)) && (tokens[start + 1] as Token | undefined)?.text !== ',') start++;
    if (SENTENCE_ADVERBIAL_STARTS.has(lower(start))) {
      // "Following a swiftly called, late-afternoon meeting, the council …": the subject follows
      // the comma after which a noun phrase and a verb come.
      let comma = start;
      for (;;) {
        while (comma < limit && (tokens[comma] as Token).text !== ',' && comma - start < 24) comma++;
        if (comma >= limit || (tokens[comma] as Token).text !== ',') return undefined;
        const subject = subjectAt(comma + 1, limit, true);
        if (subject) return subject;
        comma++;
      }
    }
    return subjectAt(start, limit);
  }

  function subjectAt(start: number, limit: number, verbMustFollow = false): Range | undefined {
    let end = start;
    while (end < limit && end - start < MAX_SPEAKER_TOKENS) {
      const token = tokens[end] as Token;
      if (token.kind === 'punct' && token.text !== '.' && token.text !== '&' && token.text !== "'") break;
      if (!token.capitalized && (isVerbWord(token.lower) || AUXILIARIES.has(token.lower) || state.cues.has(token.lower)) && !state.speakerHeads.has(token.lower) && !DETERMINERS.has(token.lower) && end > start) break;
      if (CLAUSE_WORDS.has(token.lower) && token.lower !== 'and') break;
      if (!token.capitalized && /ly$/.test(token.lower) && end > start) break;
      // "the court overruled and said": an "-ed" word the lexicon does not know as a noun or adjective is the verb.
      if (!token.capitalized && /ed$/.test(token.lower) && end > start && !state.speakerHeads.has(token.lower) && isUnknownOrVerb(token.lower)) break;
      end++;
    }
    if (end === start || end >= limit) return end === start ? undefined : validSpeaker(start, end) ? { start, end } : undefined;
    const stop = tokens[end] as Token;
    if (stop.kind === 'punct' && (verbMustFollow || (stop.text !== '(' && stop.text !== ','))) return undefined;
    return validSpeaker(start, end) ? { start, end } : undefined;
  }

  /** "ambitious asks": an adjective right before a cue word makes it a noun. */
  /** "and warned", "and later noted", "and she added": a past-tense cue verb after a coordinator. */
  function isCoordinatedCue(at: number, bodyEnd: number): boolean {
    let probe = at;
    if (PRONOUNS.has(lower(probe))) probe++;
    while (probe < bodyEnd && probe - at < 3 && (AUXILIARIES.has(lower(probe)) || /ly$/.test(lower(probe)))) probe++;
    if (probe >= bodyEnd || !PAST_FORM.test(lower(probe))) return false;
    const cue = matchCue(probe, bodyEnd);
    return cue !== undefined && cue.frame !== 'according' && cue.frame !== 'finding';
  }

  function looksAdjective(index: number): boolean {
    const token = tokens[index];
    if (!token || token.kind !== 'word' || token.capitalized || state.speakerHeads.has(token.lower)) return false;
    return state.lexicon.classes(token.lower).has('adjective') || ADJECTIVE_ENDINGS.test(token.lower);
  }

  /** "a senior transport official": after a determiner or adjective a verb-looking word is a noun modifier. */
  function isModifierPosition(index: number): boolean {
    const token = tokens[index];
    if (!token || token.kind !== 'word') return false;
    return DETERMINERS.has(token.lower) || (!token.capitalized && state.lexicon.classes(token.lower).has('adjective'));
  }

  function isVerbWord(lowerWord: string): boolean {
    return state.lexicon.classes(lowerWord).has('verb');
  }

  function isUnknownOrVerb(lowerWord: string): boolean {
    const classes = state.lexicon.classes(lowerWord);
    return classes.size === 0 || (classes.has('verb') && !classes.has('noun') && !classes.has('adjective'));
  }

  function isNounWord(lowerWord: string): boolean {
    return state.lexicon.classes(lowerWord).has('noun');
  }

  function isNounLike(index: number): boolean {
    const token = tokens[index];
    if (!token) return false;
    if (token.capitalized || state.speakerHeads.has(token.lower) || token.kind === 'number') return true;
    const classes = state.lexicon.classes(token.lower);
    return !(classes.has('verb') || classes.has('adjective') || classes.has('preposition') || DETERMINERS.has(token.lower) || AUXILIARIES.has(token.lower));
  }

  /** A speaker phrase must end in something noun-like and not open with a preposition. */
  function validSpeaker(start: number, end: number): boolean {
    const first = tokens[start] as Token;
    const last = tokens[end - 1] as Token;
    if (SPEAKER_STARTS_NOT.has(first.lower) && !first.capitalized) return false;
    if (!first.capitalized && first.kind === 'word' && isVerbWord(first.lower) && !state.speakerHeads.has(first.lower) && !DETERMINERS.has(first.lower) && !PRONOUNS.has(first.lower)) return false;
    if (SPEAKER_STARTS_NOT.has(first.lower) && end - start > 1 && !['following'].includes(first.lower) && first.lower !== 'as') return false;
    if (last.kind === 'punct' && last.text !== '.' && last.text !== ')') return false;
    if (['which', 'that', 'this', 'there', 'what', 'who', 'here', 'so', 'too', 'to'].includes(last.lower)) return false;
    if (DETERMINERS.has(last.lower) && !['others', 'both', 'all', 'several', 'many', 'some', 'one', 'two', 'three', 'four', 'five', 'six'].includes(last.lower)) return false;
    if (!last.capitalized && last.kind === 'word' && !PRONOUNS.has(last.lower) && !state.speakerHeads.has(last.lower)) {
      const classes = state.lexicon.classes(last.lower);
      if (classes.has('adjective') || classes.has('preposition') || (classes.has('verb') && !classes.has('common'))) return false;
      if (/ly$/.test(last.lower)) return false;
    }
    return true;
  }

  function hasVerb(start: number, end: number): boolean {
    for (let index = start; index < end; index++) {
      const token = tokens[index] as Token;
      if (!token.capitalized && (isVerbWord(token.lower) || AUXILIARIES.has(token.lower))) return true;
    }
    return false;
  }

  function startsAdverbial(start: number, end: number): boolean {
    return end > start && SENTENCE_ADVERBIAL_STARTS.has(lower(start));
  }

  function speakerHasHead(speaker: Range, ruleId: string): boolean {
    for (let index = speaker.start; index < speaker.end; index++) if (state.speakerHeads.get(lower(index)) === ruleId) return true;
    return false;
  }

  /** "…, he said." / "…, three officials told NBC News." / "…, she said in a statement." */
  function isSentenceEndAfterCue(cueEnd: number, bodyEnd: number): boolean {
    if (cueEnd >= bodyEnd) return true;
    if (isCloseQuote(cueEnd) && cueEnd + 1 >= bodyEnd) return true;
    if ((tokens[cueEnd] as Token).text === ',' && CLAUSE_CONTINUERS.has(lower(cueEnd + 1))) return true;
    const next = tokens[cueEnd] as Token;
    const tellLike = TELL_FORMS.has(lower(cueEnd - 1));
    if (CUE_ADJUNCT_STARTS.has(next.lower) || next.capitalized || next.lower === 'reporters' || (tellLike && (DETERMINERS.has(next.lower) || OBJECT_PRONOUNS.has(next.lower)))) {
      if (clauseFollows(cueEnd, bodyEnd)) return false;
      for (let index = cueEnd; index < bodyEnd; index++) {
        const token = tokens[index] as Token;
        if (token.text === ',') return index === bodyEnd - 1 || CLAUSE_CONTINUERS.has(lower(index + 1));
        if (token.lower === 'that' || isOpenQuote(index) || token.text === ':') return false;
      }
      return bodyEnd - cueEnd <= 8;
    }
    return false;
  }

  /** "said Trump had lied", "told CNN the plan would work": a noun phrase and then a verb is a clause, not an adjunct. */
  function clauseFollows(cueEnd: number, bodyEnd: number): boolean {
    let index = cueEnd;
    if (TELL_FORMS.has(lower(cueEnd - 1)) && index < bodyEnd && ((tokens[index] as Token).capitalized || OBJECT_PRONOUNS.has(lower(index)))) index++;
    return startsClause(index, bodyEnd);
  }

  /** A short noun phrase followed by a finite verb or auxiliary: "Trump had", "the plan would", "160 have". */
  function startsClause(subjectStart: number, bodyEnd: number): boolean {
    let index = subjectStart;
    while (index < bodyEnd && index - subjectStart < 6) {
      const token = tokens[index] as Token;
      if (token.kind === 'punct' && token.text !== '.' && token.text !== "'") return false;
      if (!token.capitalized && !DETERMINERS.has(token.lower) && !PRONOUNS.has(token.lower) && !isNounLike(index)) break;
      if (TIME_WORDS.has(token.lower)) return false;
      index++;
    }
    if (index === subjectStart || index >= bodyEnd) return false;
    const verb = tokens[index] as Token;
    return !verb.capitalized && verb.lower !== "'s" && (AUXILIARY_VERBS.has(verb.lower) || (isVerbWord(verb.lower) && !state.lexicon.classes(verb.lower).has('preposition')));
  }

  function build(speakerSpan: Span | null, cue: Span, content: Span, ruleId: string, speakerToken: number, extraRules: string[]): Attribution {
    const speaker = speakerSpan && trimSpeakerTime(speakerSpan);
    const trimmed = trimContent(content);
    const attribution: Attribution = { speaker, cue, content: trimmed, direct: isDirect(trimmed.text), ruleIds: [ruleId, ...extraRules] };
    if (speaker) {
      const headRule = speakerHeadRule(speaker);
      if (headRule) attribution.ruleIds.push(headRule);
      const linked = linkSpeaker(speaker, speakerToken);
      if (linked) {
        attribution.speakerActorId = linked.actor.actorId;
        attribution.ruleIds.push(linked.ruleId);
        linkedSpeakers.push({ sentence: currentSentence, actor: linked.actor });
      }
    }
    return attribution;
  }

  /** The speaker table row whose head word appears in the speaker phrase (pronouns excepted); earlier rows in the table win. */
  function speakerHeadRule(speaker: Span): string | undefined {
    let best: string | undefined;
    for (const match of speaker.text.toLowerCase().matchAll(/[\p{L}']+/gu)) {
      const rule = state.speakerHeads.get(match[0]);
      if (rule && rule !== 'speaker.pronoun' && (best === undefined || (state.speakerRuleOrder.get(rule) ?? 0) < (state.speakerRuleOrder.get(best) ?? 0))) best = rule;
    }
    return best;
  }

  function linkSpeaker(speaker: Span, speakerToken: number): { actor: ActorMention; ruleId: string } | undefined {
    for (let index = firstActorAtOrAfter(speaker.start); index < actors.length; index++) {
      const actor = actors[index] as ActorMention;
      if (actor.start >= speaker.end) break;
      if (actor.end <= speaker.end && actor.type !== 'place') return { actor, ruleId: 'attribution.speaker-actor' };
    }
    const first = lower(speakerToken);
    if (first === 'who' && speaker.end - speaker.start === 3) {
      // "an aide to Roe, who said …": the relative pronoun stands for the actor named right before it.
      const before = lower(speakerToken - 1) === ',' ? speakerToken - 2 : speakerToken - 1;
      const end = tokens[before]?.end ?? -1;
      const antecedent = actors[firstActorAtOrAfter(speaker.start) - 1];
      return antecedent && antecedent.end === end && antecedent.type !== 'place' ? { actor: antecedent, ruleId: 'attribution.speaker-actor' } : undefined;
    }
    if (!PRONOUNS.has(first) || speaker.end - speaker.start > 4) return undefined;
    const compatible = first === 'he' || first === 'she' || first === 'i' ? ['person'] : first === 'it' ? ['organization', 'place'] : ['group', 'organization', 'place'];
    // A pronoun speaker right after someone was quoted is mostly that speaker again ("Roth said …
    // its Dream Chaser vehicle … but he did not …"), whoever else was named in between.
    for (let index = linkedSpeakers.length - 1; index >= 0; index--) {
      const recent = linkedSpeakers[index] as { sentence: number; actor: ActorMention };
      if (currentSentence - recent.sentence > RECENT_SPEAKER_SENTENCES) break;
      if (compatible.includes(recent.actor.type)) return { actor: recent.actor, ruleId: 'speaker.pronoun' };
    }
    // Else the last compatible actor before the pronoun, within a bounded look-back.
    let index = firstActorAtOrAfter(speaker.start) - 1;
    for (let steps = 0; index >= 0 && steps < 50; index--, steps++) {
      const actor = actors[index] as ActorMention;
      if (compatible.includes(actor.type)) return { actor, ruleId: 'speaker.pronoun' };
    }
    return undefined;
  }

  function firstActorAtOrAfter(offset: number): number {
    return firstStartingAtOrAfter(actors, offset);
  }

  /** "Last week State Department official Jo Roe", "Jo Roe on Wednesday": the time phrase is not the speaker. */
  function trimSpeakerTime(speaker: Span): Span {
    // Speaker spans start and end on token boundaries.
    let first = firstStartingAtOrAfter(tokens, speaker.start);
    let last = firstStartingAtOrAfter(tokens, speaker.end) - 1;
    if (first < 0 || last < first) return speaker;
    if (TIME_LEADERS.has(lower(first)) && TIME_WORDS.has(lower(first + 1)) && first + 2 <= last) first += 2;
    else if (TIME_WORDS.has(lower(first)) && (tokens[first] as Token).capitalized && first + 1 <= last && (tokens[first + 1] as Token).capitalized) first += 1;
    if (TIME_WORDS.has(lower(last)) && last - 1 > first && TIME_LEADERS.has(lower(last - 1))) last -= 2;
    const trimmed = spanOf(first, last + 1);
    return trimmed ?? speaker;
  }

  function trimContent(content: Span): Span {
    let { start, end } = content;
    while (end > start && /[\s,;:—–-]/.test(text[end - 1] ?? '')) end--;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    return { start, end, text: text.slice(start, end) };
  }

  void word;
  return { attributions, rejected };
}

/** PolNeAR's definition: the content opens and closes with a quotation mark. */
function isDirect(content: string): boolean {
  return /^["“‘]/.test(content) && /["”’][,.]?$/.test(content);
}

export type { QuoteMarks };
