import type { Token } from '../text/tokens.js';
import { ARTICLES, AUXILIARIES, AUXILIARY_BREAKS, LY_ADVERB, GRADING_WORDS, CONTRACTION_HOSTS, TIME_WORDS, CLAUSE_WORDS, COORDINATORS, PRONOUNS, DETERMINERS, SPEAKER_STARTS_NOT, SENTENCE_ADVERBIAL_STARTS, MAX_SPEAKER_TOKENS, PLURAL_HEADS, PAST_FORM, IRREGULAR_PAST, endsInSingleS, CURRENCY_SIGN } from './word-lists.js';
import { hasNoInflection, isModifierPosition, isNounWord, isVerbWord } from './word-tests.js';
import { spanWords } from './span-rules.js';
import type { Reading, Range } from './reading.js';
import type { Span } from '../../model/claim.js';
import { opensWithTimeOrPlace, opensWithBareConnective } from './opening-phrases.js';
import { opensAmountBound } from './clause-boundaries.js';

/** A speaker phrase and the row of config/attributions/spans.json that read it, if one did. */
export type SpeakerRange = Range & { ruleId?: string };

/**
 * "“…,” Will wrote", "May said": a capitalised modal right before a lower-case past form, which no modal takes, is a name;
 * so is one right after another capitalised word with no capitalised word after it ("Theresa May, the prime minister,
 * said", "Theresa May has said"), where a modal in a headline has one ("Pilots May Strike").
 */
export function isModalName(ctx: Reading, index: number): boolean {
  const name = ctx.tokens[index];
  const verb = ctx.tokens[index + 1];
  if (name === undefined || !name.capitalized || !AUXILIARY_BREAKS.has(name.lower)) return false;
  const before = ctx.tokens[index - 1];
  if (before !== undefined && before.kind === 'word' && before.capitalized && !(verb?.kind === 'word' && verb.capitalized)) return true;
  return verb !== undefined && verb.kind === 'word' && !verb.capitalized && (PAST_FORM.test(verb.lower) || IRREGULAR_PAST.test(verb.lower));
}

/** The noun phrase that ends at `end`, read leftwards to a clause boundary. */
export function readSpeakerBefore(ctx: Reading, sentenceStart: number, end: number): Range | undefined {
  const { tokens, text, state, lower } = ctx;
  // "Roe and Doe both said", "the council nevertheless called": a floating word before the cue is not the speaker.
  if (end - 1 > sentenceStart && spanWords('span.floating-before-cue').has(lower(end - 1))) {
    const before = readSpeakerBefore(ctx, sentenceStart, end - 1);
    if (before) return before;
  }
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
    // "the party's “superdelegates” have endorsed", "a “super PAC” backing Roe": a short quoted name inside the phrase.
    const quotedName = ctx.isCloseQuote(start - 1) ? quotedNameOpening(ctx, sentenceStart, start - 1) : undefined;
    if (quotedName !== undefined) {
      start = quotedName;
      continue;
    }
    // "Jo Lee of Tampa, Fla. said", "Jo Lee, Jr. said": an abbreviation after a comma closes the name before it.
    if (token.text === ',' && closesNameAfterComma(ctx, start, end)) {
      start--;
      continue;
    }
    // "47% say": a percent sign after its number is part of the speaker.
    const percent = token.text === '%' && tokens[start - 2]?.kind === 'number';
    // "Pier for $15 director Jo Lee told": a currency sign before its amount is part of a name in the phrase.
    const currency = start < end && CURRENCY_SIGN.test(token.text) && tokens[start]?.kind === 'number' && tokens[start]?.spaceBefore === false;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== '&' && token.text !== '-' && token.text !== "'" && !percent && !currency) break;
    // "she drew his ire - he said": a spaced hyphen is a dash, not part of a name like "R-NY".
    if (token.text === '-' && /\s/.test(text[token.start - 1] ?? '') && /\s/.test(text[token.end] ?? '')) break;
    // A capitalised "Will" or "May" inside the phrase is a name, and so is one right before a past form ("“…,” Will wrote"), which no modal takes.
    if (!(token.capitalized && (start < end || isModalName(ctx, start - 1))) && AUXILIARY_BREAKS.has(token.lower)) break;
    // "…, saying he recalled it": a participle cue ends the speaker phrase ("a source speaking to Fox News" keeps its participle after a word for a person).
    if (start < end && !token.capitalized && /ing$/.test(token.lower) && state.cues.has(token.lower) && !DETERMINERS.has(lower(start - 2)) && !state.speakerHeads.has(lower(start - 2))) break;
    // "more than half of the riders said": a bound on a count is part of the speaker ("10,000 more than most expected" compares an amount).
    if (token.lower === 'than' && start < end && start - 2 >= sentenceStart && opensAmountBound(ctx, start - 2) && isCountWord(ctx, start) && tokens[start - 3]?.kind !== 'number') {
      start -= 2;
      continue;
    }
    // "one of the pilots of that launch": "that" after "of" points at a noun, it opens no clause.
    const demonstrative = token.lower === 'that' && start < end && lower(start - 2) === 'of';
    if (CLAUSE_WORDS.has(token.lower) && !demonstrative && !(token.lower === 'and' && start < end && !PRONOUNS.has(lower(start)) && (!DETERMINERS.has(lower(start)) || joinsNamedSpeaker(ctx, sentenceStart, start - 2)))) break;
    // "…, state officials said": after a comma or at the sentence's start, "state" before a speaker's head names whose they are;
    // so after a quotation: "“…,” state Sen. Jo Roe said".
    const opensPhrase = start - 1 <= sentenceStart || tokens[start - 2]?.text === ',' || ctx.isCloseQuote(start - 2);
    if (start < end && token.kind === 'word' && !token.capitalized && isVerbWord(ctx, token.lower) && !state.speakerHeads.has(token.lower) && !DETERMINERS.has(token.lower) && !isModifierPosition(ctx, start - 2) && !isCoordinatedParticiple(ctx, start - 1) && !(opensPhrase && namesWhoseHead(ctx, start - 1, end))) break;
    start--;
  }
  // ", and three-quarters said": the coordinator joins clauses, it is not part of the speaker.
  if (start < end - 1 && COORDINATORS.has(lower(start))) start++;
  // "“…,” chairman, CEO and president Jo Roe said": a list of titles runs on past its first comma.
  if (start - 2 >= sentenceStart && tokens[start - 1]?.text === ',' && listsTitles(ctx, start, end) && isTitleAfterQuote(ctx, sentenceStart, start - 2)) start -= 2;
  // "Then Mr. Roe said", "Then she said": a connective opening the sentence without a comma is not part of the speaker.
  if (start === sentenceStart && start < end - 1 && opensWithBareConnective(ctx, start)) start++;
  // "In 2010 she said", "Last week they said": a subject pronoun takes no words before it; those open the sentence.
  if (start === sentenceStart && start < end - 2 && SUBJECT_PRONOUNS.has(lower(end - 1)) && opensWithTimeOrPlace(ctx, start)) start = end - 1;
  if (start === end) return undefined;
  // A subject pronoun takes no lower-case word after it in its phrase: the words are its verb group.
  // "he sometimes added", "I cannot see": adverbs and auxiliaries before the cue leave the pronoun as the speaker;
  // "She faces renewed doubts", "he started questions about": another verb first means the cue is not the pronoun's.
  if (start < end - 1 && SUBJECT_PRONOUNS.has(lower(start)) && (tokens[start + 1] as Token).kind === 'word' && !(tokens[start + 1] as Token).capitalized && !PRONOUN_COMPANIONS.has(lower(start + 1))) {
    // (Before a comma the phrase would head an apposition, which a pronoun and its adverbs do not.)
    return verbGroupModifiers(ctx, start + 1, end) && tokens[end]?.text !== ',' ? { start, end: start + 1 } : undefined;
  }
  // "the data we have been collecting on the ferry suggests": a participle right after an auxiliary is the
  // verb of a relative clause without its pronoun, not the speaker; its subject and head lie further left.
  // ("It was something the board wanted": a word such as "something" that heads such a clause is no participle.)
  if (start < end - 1 && /(?:ing|ed)$/.test(lower(start)) && !(tokens[start] as Token).capitalized && !state.speakerHeads.has(lower(start)) && !spanWords('span.contact-relative').has(lower(start)) && followsPronounAndAuxiliary(ctx, sentenceStart, start)) return undefined;
  return validSpeaker(ctx, start, end) ? { start, end } : undefined;
}

/** How long an abbreviation closing a name may be: "Fla.", "Calif.", "Jr.". */
const MAX_CLOSING_ABBREVIATION_LENGTH = 5;

/**
 * "Tampa, Fla.", "Jo Lee, Jr.": the phrase read so far, from `start` to `end`, is only a short capitalised word and its
 * full stop, with a capitalised word before the comma ahead of it; the abbreviation closes that name (a state after its
 * town, a suffix after a name) and is no phrase of its own.
 */
function closesNameAfterComma(ctx: Reading, start: number, end: number): boolean {
  const { tokens } = ctx;
  const word = tokens[start];
  const before = tokens[start - 2];
  return end - start === 2 && word !== undefined && word.kind === 'word' && word.capitalized && word.text.length <= MAX_CLOSING_ABBREVIATION_LENGTH && tokens[start + 1]?.text === '.' && tokens[start + 1]?.spaceBefore === false && before !== undefined && before.kind === 'word' && before.capitalized;
}

/** Longest quoted name read inside a speaker phrase: "the “No Comparison” ad". */
const MAX_QUOTED_NAME_TOKENS = 6;

/**
 * The opening mark of a short quotation closing at `close` that names something inside a noun phrase: words only,
 * right after a determiner or a possessive ("the “No Comparison” ad", "the party's “superdelegates”"); a quotation
 * after anything else, or holding a comma, is more often someone's words. Else undefined.
 */
function quotedNameOpening(ctx: Reading, sentenceStart: number, close: number): number | undefined {
  const open = ctx.quotes.openOf[close] ?? -1;
  if (open <= sentenceStart || close - open - 1 < 1 || close - open - 1 > MAX_QUOTED_NAME_TOKENS) return undefined;
  for (let index = open + 1; index < close; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.kind === 'punct' && token.text !== "'" && token.text !== '-') return undefined;
  }
  const before = ctx.lower(open - 1);
  // ("claimed that “thousands” of …": a "that" before the mark opens a clause, not a noun phrase.)
  return (DETERMINERS.has(before) && before !== 'that') || before === "'s" || before === "'" ? open : undefined;
}

/** "we have been", "they've": a subject pronoun and its auxiliaries right before `index`. */
function followsPronounAndAuxiliary(ctx: Reading, sentenceStart: number, index: number): boolean {
  let before = index - 1;
  if (before <= sentenceStart || !AUXILIARY_BREAKS.has(ctx.lower(before))) return false;
  while (before > sentenceStart && AUXILIARY_BREAKS.has(ctx.lower(before))) before--;
  return CONTACT_RELATIVE_SUBJECTS.has(ctx.lower(before).replace(/'(?:ve|re|ll|d|s)$/, ''));
}

const CONTACT_RELATIVE_SUBJECTS: ReadonlySet<string> = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it']);


/**
 * "donors and elected officials", "pilots or retired skippers": a past participle after "and" or "or" that
 * joins it to a noun is an adjective of the second noun, not a verb that ends the speaker phrase.
 */
function isCoordinatedParticiple(ctx: Reading, index: number): boolean {
  const { tokens, lower, state } = ctx;
  const before = tokens[index - 2];
  if (!/ed$/.test(lower(index)) || (lower(index - 1) !== 'and' && lower(index - 1) !== 'or')) return false;
  if (before === undefined || before.kind !== 'word' || before.capitalized || isVerbWord(ctx, before.lower)) return false;
  // a plural the lexicon does not list ("donors", "skippers") is a noun too
  return isNounWord(ctx, before.lower) || (state.lexicon.classes(before.lower).size === 0 && /s$/.test(before.lower));
}

/** Auxiliaries and adverbs of a verb group the shared lists leave out (tokens are lower-cased with a straight apostrophe). */
const OTHER_VERB_GROUP_WORDS: ReadonlySet<string> = new Set(['cannot', "needn't", 'sometimes', 'usually', 'rarely']);

/** Whether the words from `start` to `end` are auxiliaries, negations or adverbs only ("cannot", "sometimes", "still also"). */
function verbGroupModifiers(ctx: Reading, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const word = ctx.lower(index);
    if (!AUXILIARIES.has(word) && !LY_ADVERB.test(word) && !spanWords('span.floating-before-cue').has(word) && !OTHER_VERB_GROUP_WORDS.has(word)) return false;
  }
  return true;
}

/** Words that may follow a subject pronoun inside its phrase: "he and Roe", "they both", "we ourselves". */
const PRONOUN_COMPANIONS: ReadonlySet<string> = new Set(['and', 'or', 'both', 'all', 'alone', 'each', 'himself', 'herself', 'themselves', 'ourselves', 'myself']);

/** Pronouns that stand as a subject and take no modifier before them. */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i']);

/** "CEO and president Jo Roe": titles joined by "and" before a name. */
function listsTitles(ctx: Reading, start: number, end: number): boolean {
  let joined = false;
  for (let index = start; index < end; index++) if (ctx.lower(index) === 'and') joined = true;
  return joined && ctx.state.speakerHeads.has(ctx.lower(start));
}

/** A lower-case title word right after a quotation (or opening the sentence): "“…,” chairman, …". */
function isTitleAfterQuote(ctx: Reading, sentenceStart: number, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  if (token.kind !== 'word' || token.capitalized || !ctx.state.speakerHeads.has(token.lower)) return false;
  return index === sentenceStart || ctx.isCloseQuote(index - 1);
}

/**
 * "Smith and her colleagues said", "the mayor and his aides said": a determiner phrase after "and"
 * is coordinated with the name or speaker noun before it, not a new clause's subject ("the plan
 * failed and the officials said").
 */
function joinsNamedSpeaker(ctx: Reading, sentenceStart: number, before: number): boolean {
  const token = ctx.tokens[before];
  return before >= sentenceStart && token !== undefined && token.kind === 'word' && (token.capitalized || ctx.state.speakerHeads.has(token.lower));
}

/** How long an abbreviated title before a name may be: "Sen.", "Rep.", "Gov.", "Supt.". */
const MAX_TITLE_ABBREVIATION_LENGTH = 4;

/** "Sen. Jo Roe", "Gov. Jo Roe": a short capitalised word whose full stop is followed by a capitalised name; the name's first word is next. */
export function isAbbreviatedTitle(ctx: Reading, index: number): boolean {
  const word = ctx.tokens[index];
  return word !== undefined && word.capitalized && word.text.length <= MAX_TITLE_ABBREVIATION_LENGTH && ctx.tokens[index + 1]?.text === '.' && ctx.tokens[index + 2]?.capitalized === true;
}

/**
 * "state officials", "state Sen. Jo Roe": a word that may be a verb's base form ("state") opens a speaker when the phrase
 * is that word and a plural speaker's head, or that word before a title and a name; a verb there would need an object.
 */
function namesWhoseHead(ctx: Reading, start: number, end: number): boolean {
  const next = ctx.tokens[start + 1];
  // ("said Sen. Jo Roe": a past form is the verb before the speaker, never a word of the phrase.)
  if (next === undefined || !hasNoInflection(ctx.lower(start)) || ctx.state.lexicon.classes(ctx.lower(start)).has('past-tense')) return false;
  // "state Sen. Jo Roe": an abbreviated title and its name.
  if (isAbbreviatedTitle(ctx, start + 1)) return start + 3 < end;
  const occupation = isOccupationWord(ctx, start + 1);
  if (!ctx.state.speakerHeads.has(next.lower) && !occupation) return false;
  const namedAfter = start + 2 < end && (ctx.tokens[start + 2] as Token).capitalized;
  // "park ranger Jo Roe", "ship captain Jo Roe": a lower-case role with the name after it.
  if (!next.capitalized && namedAfter && occupation) return true;
  return next.capitalized ? namedAfter : end === start + 2 && endsInSingleS(next.lower);
}

/** Row of config/attributions/spans.json listing occupations and posts written before a name. */
export const OCCUPATION_ROW = 'span.role-before-name';

/** A lower-case word naming what a person does: a word of the row, or a noun the lexicon files as naming a person ("firefighter"). */
export function isOccupationWord(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (token === undefined || token.kind !== 'word' || token.capitalized) return false;
  return spanWords(OCCUPATION_ROW).has(token.lower) || ctx.state.lexicon.classes(token.lower).has('person-noun');
}

/** A speaker phrase must end in something noun-like and not open with a preposition. */
export function validSpeaker(ctx: Reading, start: number, end: number): boolean {
  const { tokens, state } = ctx;
  const first = tokens[start] as Token;
  const last = tokens[end - 1] as Token;
  if (end - start === 1 && isLoneAdverb(ctx, start)) {
    ctx.rejected.push({ ...(ctx.spanOf(start, end) as Span), layer: 'attribution', reason: 'an adverb standing alone before the verb, not its subject', ruleId: LONE_ADVERB_RULE });
    return false;
  }
  // "The most telling promise …", "The very revealing …": a degree word after an article grades the word after it; it counts no people.
  if (GRADING_WORDS.has(last.lower) && end - start >= 2 && ARTICLES.has(ctx.lower(end - 2))) return false;
  // "About 9 percent said", "Most said", "Another said": a share of people is a speaker.
  // "About three in 10 said": a proportion of people is a share too.
  const proportion = last.kind === 'number' && end - start >= 3 && ctx.lower(end - 2) === 'in' && tokens[end - 3]?.kind !== 'punct';
  const share = (proportion || state.speakerHeads.get(last.lower) === 'speaker.share') && (end - start === 1 || tokens[start + 1]?.kind === 'number' || !SPEAKER_STARTS_NOT.has(first.lower) || proportion);
  if (share) return true;
  // "About four in 10 voters say", "about half of Democrats said": an approximate count of people.
  if (spanWords('span.approximate-share').has(first.lower) && end - start > 1 && isCountWord(ctx, start + 1) && validSpeaker(ctx, start + 1, end)) return true;
  // "At least half of voters say", "at most 40 members said": the bound counts the people who say it.
  if (opensAmountBound(ctx, start) && end - start > 2 && isCountWord(ctx, start + 2) && validSpeaker(ctx, start + 2, end)) return true;
  if (SPEAKER_STARTS_NOT.has(first.lower) && !first.capitalized) return false;
  if (!first.capitalized && first.kind === 'word' && isVerbWord(ctx, first.lower) && !state.speakerHeads.has(first.lower) && !DETERMINERS.has(first.lower) && !PRONOUNS.has(first.lower) && !namesWhoseHead(ctx, start, end)) return false;
  if (SPEAKER_STARTS_NOT.has(first.lower) && end - start > 1 && !['following'].includes(first.lower) && first.lower !== 'as') return false;
  if (last.kind === 'punct' && last.text !== '.' && last.text !== ')' && last.text !== '%') return false;
  // ("less than two weeks ago said": a span of time before now says when, it names no one.)
  if (['which', 'that', 'this', 'there', 'what', 'who', 'here', 'so', 'too', 'to', 'ago'].includes(last.lower)) return false;
  if (DETERMINERS.has(last.lower) && !['others', 'both', 'all', 'several', 'many', 'few', 'some', 'one', 'two', 'three', 'four', 'five', 'six'].includes(last.lower)) return false;
  if (!last.capitalized && last.kind === 'word' && !PRONOUNS.has(last.lower) && !state.speakerHeads.has(last.lower)) {
    const classes = state.lexicon.classes(last.lower);
    // "One employee at a firm": a word right after an article that closes the phrase is its noun, whatever else the lexicon files it as.
    // ("Using a crude expression": a noun right after the word is the head it describes.)
    const next = tokens[end] as Token | undefined;
    const nounNext = next !== undefined && next.kind === 'word' && !next.capitalized && (isNounWord(ctx, next.lower) || state.lexicon.classes(next.lower).size === 0) && !isVerbWord(ctx, next.lower);
    const afterInnerArticle = end - 2 > start && ARTICLES.has(ctx.lower(end - 2)) && !nounNext;
    if ((classes.has('adjective') && !isNounCompoundHead(ctx, start, end) && !afterInnerArticle) || classes.has('preposition') || (classes.has('verb') && !classes.has('common'))) return false;
    if (/ly$/.test(last.lower)) return false;
  }
  return true;
}

/** Row of config/attributions/spans.json listing adverbs that never stand alone as a subject. */
const LONE_ADVERB_RULE = 'span.lone-adverb';

/**
 * "the quay can sometimes feel like …", "Simply assuming that … is a mistake": a word of the row, or an
 * -ly word made from an adjective ("Eagerly", "Sparsely"), read alone before the verb is an adverb, not
 * whoever says or thinks it. Names ending in -ly ("Kelly", "Skelly") have no adjective inside them.
 */
function isLoneAdverb(ctx: Reading, index: number): boolean {
  const word = ctx.lower(index);
  if (spanWords(LONE_ADVERB_RULE).has(word)) return true;
  if (!/^[a-z]{4,}ly$/.test(word)) return false;
  const stem = word.slice(0, -2);
  const lexicon = ctx.state.lexicon;
  return lexicon.classes(word).size === 0 && (lexicon.classes(stem).has('adjective') || lexicon.classes(`${stem}e`).has('adjective'));
}

/** The rules of config/attributions/spans.json that shaped a speaker phrase read before its cue. */
export function speakerReadingRules(ctx: Reading, speaker: Range): string[] {
  const rules: string[] = [];
  const rounded = spanWords('span.approximate-share').has(ctx.lower(speaker.start)) && isCountWord(ctx, speaker.start + 1);
  if (rounded || (opensAmountBound(ctx, speaker.start) && isCountWord(ctx, speaker.start + 2))) rules.push('span.approximate-share');
  // "Most riders surveyed": the poll's participle closes the speaker.
  if (speaker.end - speaker.start > 1 && spanWords('span.polled-group').has(ctx.lower(speaker.end - 1))) rules.push('span.polled-group');
  return rules;
}


/** Number words that count people: "four in 10", "half of", "a dozen". */
const COUNT_WORDS = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|dozen|dozens|hundreds|thousands)$/;

/** A number or a number word counting people: "four" (in 10), "half", "a dozen". */
export function isCountWord(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (token === undefined) return false;
  // "three-quarters", "two-thirds": a count joined to its share names a share.
  const share = token.lower.slice(token.lower.lastIndexOf('-') + 1);
  return token.kind === 'number' || COUNT_WORDS.test(token.lower) || ctx.state.speakerHeads.get(share) === 'speaker.share';
}

/**
 * "a software firm", "the campaign official": a word the lexicon also lists as an adjective ends a
 * noun phrase when an article opens the phrase and a plain noun modifier (no adjective, adverb or
 * degree word) stands right before it.
 */
export function isNounCompoundHead(ctx: Reading, start: number, end: number): boolean {
  const { tokens, state, lower } = ctx;
  // ("One deckhand at a towage firm": the article may open the phrase inside the speaker's that the word ends.)
  if (end - start < 3 || !(ARTICLES.has(lower(start)) || (end - 3 > start && ARTICLES.has(lower(end - 3)))) || !state.lexicon.classes(lower(end - 1)).has('adjective')) return false;
  const modifier = tokens[end - 2] as Token;
  if (modifier.kind !== 'word' || modifier.capitalized || /ly$/.test(modifier.lower) || spanWords('span.noun-compound-head').has(modifier.lower)) return false;
  const classes = state.lexicon.classes(modifier.lower);
  return !classes.has('adjective') && !classes.has('verb') && !classes.has('preposition');
}

export function speakerHasHead(ctx: Reading, speaker: Range, ruleId: string): boolean {
  const { state, lower } = ctx;
  for (let index = speaker.start; index < speaker.end; index++) if (state.speakerHeads.get(lower(index)) === ruleId) return true;
  return false;
}

export function startsAdverbial(ctx: Reading, start: number, end: number): boolean {
  const { lower } = ctx;
  if (end <= start || !SENTENCE_ADVERBIAL_STARTS.has(lower(start))) return false;
  // "This week, …" opens with a time phrase; "This, …" and "This plan, …" with a subject.
  return lower(start) !== 'this' || TIME_WORDS.has(lower(start + 1));
}

/** "'s" after a noun is mostly the possessive ("the city's mayor"); after "it" or "that" it is a verb. */
export function isPossessiveS(ctx: Reading, index: number): boolean {
  return ctx.lower(index) === "'s" && !CONTRACTION_HOSTS.has(ctx.lower(index - 1));
}

/** "factors", "people": a plural common noun, which a present verb may follow. */
export function isPluralNoun(ctx: Reading, lowerWord: string): boolean {
  if (PLURAL_HEADS.has(lowerWord)) return true;
  const { lexicon } = ctx.state;
  // compromise lists few plurals, and not every singular ("factors"): an s-plural it does not
  // know, or knows only as a noun, is taken as one.
  const classes = lexicon.classes(lowerWord);
  return endsInSingleS(lowerWord) && !DETERMINERS.has(lowerWord) && !PRONOUNS.has(lowerWord) && (classes.size === 0 || (classes.has('noun') && !classes.has('verb')));
}

/**
 * "Roe seemed to mock …", "she appears to imply …": an appearance verb of span.hedged-cue right
 * before "to" and a speech or belief cue hedges that cue; the cue's own subject is its speaker.
 */
export function hedgesCue(ctx: Reading, cueStart: number, cueEnd: number): boolean {
  const { lower, state } = ctx;
  if (cueEnd - cueStart !== 1 || !spanWords('span.hedged-cue').has(lower(cueStart)) || lower(cueEnd) !== 'to') return false;
  // "seems to show that …": a verb of finding is read as one only before its "that".
  return (state.cues.get(lower(cueEnd + 1)) ?? []).some((form) => form.frame === 'speech' || form.frame === 'belief' || (form.frame === 'finding' && lower(cueEnd + 2) === 'that'));
}
