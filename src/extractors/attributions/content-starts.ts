import type { Token } from '../text/tokens.js';
import { OBJECT_PRONOUNS, PASSIVE_MARKERS, POSSESSIVE_MARKS, PRONOUNS, DETERMINERS, THAT_ADJUNCT_STARTS, CLAUSE_BREAKERS, RELATIVE_SPEAKERS, TIME_WORDS, TIME_LEADERS, NOUN_PREPOSITIONS } from './word-lists.js';
import { spanWords, takesAddressee } from './span-rules.js';
import { isAdjectiveAt, isNounLike } from './word-tests.js';
import { clauseAfterRecipient, thatAfterToAddressee, isFiniteVerbAt, startsClause, TITLE_LEADS, reportAfterAside, opensCueAdjunct } from './clause-boundaries.js';
import { frontedClauseEnd, frontedClauseOpening } from './fronted-clauses.js';
import type { CueForm } from './engine.js';
import type { Reading } from './reading.js';
import { hasFiniteVerbBetween } from './verb-ranges.js';

// Where what was said starts after its cue: past a date, the one spoken to, a recipient or an adjunct ("told the board on Monday that …").

/** Row of config/attributions/spans.json: question words that open an infinitive after a recipient ("told them when to leave"). */
const QUESTION_INFINITIVE_ROW = 'span.question-word-infinitive';
/** Row of config/attributions/spans.json: subject pronouns set off from their verb by an aside ("said Monday she, too, wants …"). */
const PRONOUN_BEFORE_ASIDE_ROW = 'span.pronoun-before-aside';

/** Where what was said starts after the cue, and the row of config/attributions/spans.json that put it there, if one did. */
export interface ContentStart {
  start: number;
  startRule?: string;
}

/**
 * Where what was said starts after the cue: after a date and its "that", after the one spoken to
 * and "that", at the "that" or quotation past an adjunct skipped only before them ("said after a
 * lunch that …"), at the "to" after a recipient, or past a recipient or an adjunct; else right
 * after the cue. Null when a recipient is followed by no clause.
 */
export function contentStart(ctx: Reading, sentenceIndex: number, bodyEnd: number, cueStart: number, cueEnd: number, cue: CueForm): ContentStart | null {
  const { lower } = ctx;
  // "When the crowd cheered, the mayor cut the ribbon": a cue closing a fronted clause has said nothing; the main clause after its comma is the writer's.
  // ("As the pilot noted, the pier is unsafe": after "as" the main clause is what was said; "When someone shouted, “Cruz,” …": the quotation after the comma was.)
  if (ctx.tokens[cueEnd]?.text === ',' && ctx.quotes.depth[cueEnd] === 0 && !ctx.isOpenQuote(cueEnd + 1) && !PASSIVE_MARKERS.has(lower(cueStart)) && !PASSIVE_MARKERS.has(lower(cueStart - 1))) {
    const fronted = frontedClauseOpening(ctx, sentenceIndex, cueStart);
    if (fronted !== undefined && lower(fronted.subordinator) !== 'as') return null;
  }
  // "reported that night the ferry had sunk": "that" before a word of time points at when; what was said follows it.
  // ("said that morning was calm", "stated that Thursday's debate …": a verb or a possessive after the time word makes "that" open the clause.)
  const pastThatTime = thatTimePhraseEnd(ctx, cueEnd);
  if (pastThatTime !== undefined && pastThatTime < bodyEnd && startsClause(ctx, pastThatTime, bodyEnd)) return { start: pastThatTime, startRule: 'span.that-time-phrase' };
  const start = cueEnd;
  const recipientInfinitive = takesAddressee(lower(cueStart)) ? infinitiveAfterRecipient(ctx, start, bodyEnd) : undefined;
  const thatAfterDate = dateThenThat(ctx, start, bodyEnd);
  const thatAfterAddressee = thatAfterDate === undefined && cue.frame === 'speech' ? thatAfterToAddressee(ctx, start, bodyEnd) : undefined;
  if (thatAfterDate !== undefined) return { start: thatAfterDate };
  // "admitted to the newspaper that …": the one spoken to is no part of what was said.
  if (thatAfterAddressee !== undefined) return { start: thatAfterAddressee, startRule: 'span.addressee-before-that' };
  if (THAT_ADJUNCT_STARTS.has(lower(start))) {
    const past = thatPastAdjunct(ctx, start, bodyEnd);
    return past > start ? { start: past, startRule: 'span.adjunct-before-that' } : { start };
  }
  // "told executives to look for new revenue": after the recipient, the act they were told to do.
  if (recipientInfinitive !== undefined) return spanWords(QUESTION_INFINITIVE_ROW).has(lower(recipientInfinitive)) ? { start: recipientInfinitive, startRule: QUESTION_INFINITIVE_ROW } : { start: recipientInfinitive };
  // "asked Mayor Roe whether the pier would close": the one asked is no part of the question.
  const question = spanWords(QUESTION_AFTER_ADDRESSEE_ROW).has(lower(cueStart)) ? questionAfterAddressee(ctx, start, bodyEnd) : undefined;
  if (question !== undefined) return { start: question, startRule: QUESTION_AFTER_ADDRESSEE_ROW };
  if (takesAddressee(lower(cueStart)) || opensCueAdjunct(ctx, start)) return startPastRecipientOrAdjunct(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd);
  return { start };
}

/** Row of config/attributions/spans.json: verbs of asking whose addressee may stand before the question. */
const QUESTION_AFTER_ADDRESSEE_ROW = 'span.question-after-addressee';
/** Words that open a reported question: "asked Roe whether …", "asked her how …". */
const QUESTION_OPENERS: ReadonlySet<string> = new Set(['if', 'whether', 'how', 'why', 'what', 'when', 'where', 'who']);
/** How long a title cut short before its stop may be: "Mr.", "Sen.", "Capt.". */
const MAX_TITLE_ABBREVIATION_LENGTH = 4;
/** How many words a named addressee may run: "Harbour Master Jo Lee". */
const MAX_ADDRESSEE_NAME_TOKENS = 4;

/**
 * "asked her whether …", "asked Mayor Roe on Friday if …", "asked Jo Lee how …": an object pronoun or a
 * name (a day after it allowed), then a word opening a question. Returns where the question starts, or undefined.
 */
function questionAfterAddressee(ctx: Reading, start: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  let probe = start;
  if (OBJECT_PRONOUNS.has(lower(probe)) && lower(probe) !== 'it') probe++;
  else {
    // ("Mr. Roe": the stop of a title stays in the name.)
    while (probe < bodyEnd && probe - start < MAX_ADDRESSEE_NAME_TOKENS && ((tokens[probe] as Token).capitalized || ((tokens[probe] as Token).text === '.' && probe > start && (tokens[probe - 1] as Token).text.length <= MAX_TITLE_ABBREVIATION_LENGTH && (tokens[probe - 1] as Token).capitalized))) probe++;
  }
  if (probe === start) return undefined;
  // "asked Roe on Friday whether …", "asked Roe Friday whether …": a day says when she was asked.
  if (lower(probe) === 'on' && ctx.state.lexicon.classes(lower(probe + 1)).has('date-word')) probe += 2;
  else if (ctx.state.lexicon.classes(lower(probe)).has('date-word')) probe++;
  return probe < bodyEnd && QUESTION_OPENERS.has(lower(probe)) && ctx.quotes.depth[probe] === 0 ? probe : undefined;
}

/** "said after a walk on the quay that …": the "that", or the quotation after a colon, that ends an adjunct skipped only before them; else `start` itself. */
function thatPastAdjunct(ctx: Reading, start: number, bodyEnd: number): number {
  const { tokens, lower, isOpenQuote } = ctx;
  let probe = start;
  while (probe < bodyEnd && probe - start < 10 && lower(probe) !== 'that' && (tokens[probe] as Token).text !== ',' && (tokens[probe] as Token).text !== ':' && !isOpenQuote(probe)) probe++;
  // "complained loudly enough that the rule was dropped": "that" after a degree word opens a result, not what was said;
  // "responded with the suit she filed that same day": before a word of time it points at a day, it opens no clause.
  if (lower(probe) === 'that' && !RESULT_DEGREE_WORDS.has(lower(probe - 1)) && !pointsAtTime(ctx, probe, bodyEnd)) return probe;
  // "said after his appointment: “…”": the quotation the colon opens is what was said, not the occasion before it.
  if ((tokens[probe] as Token | undefined)?.text === ':' && isOpenQuote(probe + 1)) return probe + 1;
  return start;
}

/**
 * Where the recipient or the adjunct right after the cue stops: at "that", a comma, a colon or a
 * quotation, or after ten words; a quoted title inside the adjunct is passed over.
 */
function recipientProbeStop(ctx: Reading, start: number, bodyEnd: number): number {
  const { tokens, quotes, lower, isOpenQuote } = ctx;
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
      // "told CNN’s “State of the Union” the plan would fail": the clause right after the title.
      if (close > probe && close + 1 < bodyEnd && TITLE_LEADS.has(lower(probe - 1)) && lower(close - 1) !== ',' && ((PRONOUNS.has(lower(close + 1)) && lower(close + 1) !== 'it') || startsClause(ctx, close + 1, bodyEnd))) {
        probe = close + 1;
        break;
      }
    }
    if (token.lower === 'that' || token.text === ',' || token.text === ':' || isOpenQuote(probe)) break;
    probe++;
  }
  return probe;
}

/**
 * After a cue that takes a recipient ("told") or a word that opens an adjunct ("said on …"): where
 * what was said starts past them, by what the search through them stopped at. Null when a
 * recipient is followed by no clause.
 */
function startPastRecipientOrAdjunct(ctx: Reading, sentenceIndex: number, bodyEnd: number, cueStart: number, cueEnd: number): ContentStart | null {
  const { tokens, lower } = ctx;
  const start = cueEnd;
  const probe = recipientProbeStop(ctx, start, bodyEnd);
  // "told reporters the ferry would be late, not cancelled": a clause right after the recipient
  // opens the content, even when a comma follows later inside it.
  const commaAfterRecipient = probe < bodyEnd && (tokens[probe] as Token).text === ',' && takesAddressee(lower(cueStart));
  const clauseBeforeComma = commaAfterRecipient ? clauseAfterRecipient(ctx, start, probe) : undefined;
  const thatAfterApposition = commaAfterRecipient && clauseBeforeComma === undefined ? thatAfterRecipientApposition(ctx, probe + 1, bodyEnd) : undefined;
  if (clauseBeforeComma !== undefined) return { start: clauseBeforeComma, startRule: 'span.recipient-clause' };
  if (thatAfterApposition !== undefined) return { start: thatAfterApposition, startRule: 'span.recipient-apposition' };
  if (probe < bodyEnd && probe - start >= 10 && !takesAddressee(lower(cueStart)) && !opensAtProbe(ctx, probe) && ctx.state.lexicon.classes(lower(cueEnd)).has('date-word') && startsClause(ctx, cueEnd + 1, bodyEnd)) {
    // "said Friday the skipper was one of three pilots who …": no mark within reach of the day; the clause after it.
    return { start: cueEnd + 1 };
  }
  // "said in a statement the ferry shows that …": a clause opening inside the adjunct's reach holds the "that" the search stopped at.
  const clauseBeforeThat = probe < bodyEnd && lower(probe) === 'that' && !takesAddressee(lower(cueStart)) ? clauseAfterAdjunct(ctx, start, probe, bodyEnd) : undefined;
  // ("said in her opening remarks that …": a word that opens the clause with its own verb has no subject; it is a noun.)
  if (clauseBeforeThat !== undefined && opensSubjectAndVerb(ctx, clauseBeforeThat, probe)) return { start: clauseBeforeThat, startRule: 'span.clause-after-adjunct' };
  // "said in a statement the ferry was late.": the sentence ends before any mark; a clause after the adjunct is what was said.
  const clauseToEnd = probe >= bodyEnd && !takesAddressee(lower(cueStart)) ? clauseAfterAdjunct(ctx, start, probe, bodyEnd) : undefined;
  if (clauseToEnd !== undefined && opensSubjectAndVerb(ctx, clauseToEnd, probe)) return { start: clauseToEnd, startRule: 'span.clause-after-adjunct' };
  if (probe < bodyEnd && probe - start >= 10 && !takesAddressee(lower(cueStart)) && !opensAtProbe(ctx, probe)) {
    // "reported last month the envoy had tried to …", "believe this gives firms a reason to …": no
    // mark within reach, so what was said starts with the first clause after the adjunct, if any.
    const afterAdjunct = clauseAfterAdjunct(ctx, start, probe, bodyEnd) ?? afterTimeAdjunct(ctx, start, bodyEnd) ?? cueEnd;
    return afterAdjunct !== cueEnd ? { start: afterAdjunct, startRule: 'span.clause-after-adjunct' } : { start: afterAdjunct };
  }
  if (probe < bodyEnd && (tokens[probe] as Token).text === ',' && !takesAddressee(lower(cueStart)) && frontedClauseEnd(ctx, sentenceIndex, cueStart, bodyEnd)?.comma === probe && !hasFiniteVerbBetween(ctx, cueEnd, probe)) {
    // "Though Roe boasts of his record, there is …": the comma closes the fronted clause, so the main clause after it was not said.
    // ("When dockers accused of theft do appear in court, …": a verb of the clause's own after the cue makes the cue a participle.)
    return { start: cueEnd };
  }
  if (probe < bodyEnd && !(probe - start >= 10 && takesAddressee(lower(cueStart)) && !opensAtProbe(ctx, probe))) {
    const token = tokens[probe] as Token;
    // "said Wednesday she, too, wants …": a subject pronoun before the comma opens the clause; the aside after it is the clause's own.
    if (token.text === ',' && probe - 1 > start && spanWords(PRONOUN_BEFORE_ASIDE_ROW).has(lower(probe - 1))) return { start: probe - 1, startRule: PRONOUN_BEFORE_ASIDE_ROW };
    // "said on harbour radio, where he hosts a show, that …": an aside after the adjunct, then what was said.
    const afterAside = token.text === ',' ? reportAfterAside(ctx, probe + 1, bodyEnd) : undefined;
    const next = afterAside ?? (token.text === ',' || token.text === ':' ? probe + 1 : probe);
    return afterAside !== undefined ? { start: next, startRule: 'span.report-after-aside' } : { start: next };
  }
  if (takesAddressee(lower(cueStart))) {
    // "told the Beacon he meant to stay", "told the board the plan would fail": the recipient, then the clause.
    const clause = clauseAfterRecipient(ctx, start, bodyEnd) ?? clauseAfterLongRecipient(ctx, start, bodyEnd);
    if (clause === undefined) return null;
    return { start: clause };
  }
  return { start: cueEnd };
}

/** How far a recipient with its own phrases may run: "told attendees at the party's annual gala in Albany". */
const MAX_LONG_RECIPIENT_TOKENS = 12;
/** Words that open a reported question or account after a recipient: "told the crowd how he saved it". */
const ACCOUNT_OPENERS: ReadonlySet<string> = new Set(['how', 'why', 'what', 'whether']);
/** Subordinators that close a long recipient's adjuncts: what follows them is not what the recipient was told. */
const LONG_RECIPIENT_STOPS: ReadonlySet<string> = new Set(['when', 'while', 'after', 'before', 'because', 'if', 'since', 'until', 'as']);

/**
 * "told a gathering in Washington she will …", "told attendees at the gala how he …": past a
 * recipient longer than clauseAfterRecipient reads, a subject pronoun with its verb, or a word that
 * opens an account, starts what was said.
 */
function clauseAfterLongRecipient(ctx: Reading, start: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  for (let split = start + 2; split < bodyEnd && split - start <= MAX_LONG_RECIPIENT_TOKENS; split++) {
    const token = tokens[split] as Token;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'") return undefined;
    // "told ITV in an interview when asked how …": a subordinate clause ends the recipient's adjuncts, and what it holds is its own.
    if (LONG_RECIPIENT_STOPS.has(token.lower)) return undefined;
    if (ACCOUNT_OPENERS.has(token.lower)) return split;
    if (PRONOUNS.has(token.lower) && token.lower !== 'it' && token.lower !== 'you' && startsClause(ctx, split, bodyEnd)) return split;
    if (lower(split) === 'that') return undefined;
  }
  return undefined;
}

/**
 * "said Tuesday he would run", "asked in recent days whether the plan …": the first word after a
 * leading adjunct that opens a clause of its own (a subject and its verb, or a question word);
 * undefined when the words from the cue on already make one ("believe this gives …") or none opens.
 */
function clauseAfterAdjunct(ctx: Reading, start: number, limit: number, bodyEnd: number): number | undefined {
  if (startsClause(ctx, start, bodyEnd)) return undefined;
  const opensQuestion = (index: number): boolean => ACCOUNT_OPENERS.has(ctx.lower(index)) || ctx.lower(index) === 'if';
  for (let index = start + 1; index < limit; index++) {
    if (opensQuestion(index)) return index;
    // "in recent days whether …": the adjunct's last noun before a question word is no subject.
    if (opensQuestion(index + 1)) continue;
    // "on Monday the lawsuit against the state …": a noun phrase a preposition or determiner governs is no subject.
    const previous = ctx.lower(index - 1);
    if (DETERMINERS.has(previous) || NOUN_PREPOSITIONS.has(previous) || GOVERNING_WORDS.has(previous) || ctx.state.lexicon.classes(previous).has('preposition')) continue;
    if ((PRONOUNS.has(ctx.lower(index)) && ctx.lower(index) !== 'it' && ctx.lower(index) !== 'you') || startsClause(ctx, index, bodyEnd)) return index;
  }
  return undefined;
}

/**
 * Whether a subject and then its verb open at `start` before `end`: a pronoun, a name or a determiner leads, and the verb
 * comes after a noun of its own ("the ferry shows", "Roe wants"). Not "the attacks", "her opening remarks", whose "-s" is a plural.
 */
function opensSubjectAndVerb(ctx: Reading, start: number, end: number): boolean {
  const first = ctx.tokens[start] as Token;
  if (first.kind !== 'word' || isFiniteVerbAt(ctx, start)) return false;
  const pronoun = PRONOUNS.has(first.lower);
  if (!pronoun && !first.capitalized && !DETERMINERS.has(first.lower)) return false;
  for (let index = start + 1; index < end; index++) {
    if (isFiniteVerbAt(ctx, index)) return pronoun || first.capitalized || index > start + 1;
  }
  return false;
}

/** Prepositions the lexicon also lists as adjectives: "against the state", "over the plan". */
const GOVERNING_WORDS: ReadonlySet<string> = new Set(['against', 'over', 'under', 'to', 'toward', 'towards', 'about']);

/** Adverbs that may stand between a cue and its object: "announced recently a plan …". */
const CUE_OBJECT_ADVERBS: ReadonlySet<string> = new Set(['recently', 'publicly', 'privately', 'repeatedly', 'also', 'again', 'flatly', 'bluntly', 'simply']);

/** "announced on Monday a lawsuit …", "backed last week a plan …": the word after a leading time phrase or adverb; undefined when none leads. */
function afterTimeAdjunct(ctx: Reading, start: number, bodyEnd: number): number | undefined {
  let index = start;
  while (index < bodyEnd) {
    const word = ctx.lower(index);
    if (CUE_OBJECT_ADVERBS.has(word) || TIME_WORDS.has(word)) index++;
    else if ((TIME_LEADERS.has(word) || word === 'on') && TIME_WORDS.has(ctx.lower(index + 1))) index += 2;
    else break;
  }
  return index > start && index < bodyEnd && ctx.tokens[index]?.kind === 'word' ? index : undefined;
}

/** The recipient probe stopped at "that", a comma, a colon or a quotation (not at its length limit). */
function opensAtProbe(ctx: Reading, probe: number): boolean {
  const token = ctx.tokens[probe] as Token;
  return token.lower === 'that' || token.text === ',' || token.text === ':' || ctx.isOpenQuote(probe);
}

/** Words of degree before "that" that make it open a result clause: "loudly enough that", "so angry that", "such a fuss that". */
const RESULT_DEGREE_WORDS: ReadonlySet<string> = new Set(['enough', 'so', 'such']);

/** How many words a recipient may run before "to": "told the company's top executives to". */
const MAX_RECIPIENT_TOKENS = 5;

/**
 * "told executives to look for …", "told him to stay": "to" and a verb after one short noun phrase of the
 * recipient; not after a second noun phrase ("told the pilots the plan to close the pier had been shelved")
 * or a clause ("told Reuters that he tried to …").
 */
function infinitiveAfterRecipient(ctx: Reading, start: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  for (let index = start + 1; index < bodyEnd && index - start <= MAX_RECIPIENT_TOKENS; index++) {
    if (index - 1 > start && DETERMINERS.has(lower(index - 1)) && !POSSESSIVE_MARKS.has(lower(index - 2))) return undefined;
    if (lower(index - 1) === 'that' || (PRONOUNS.has(lower(index - 1)) && !OBJECT_PRONOUNS.has(lower(index - 1)))) return undefined;
    // After a recipient "to" and a bare lower-case word open an act ("to look", "to stay"), not a destination ("to the port", "to Paris").
    // ("telling them when to join the queue": a question word before "to" opens the act with it.)
    if (lower(index) === 'to') return opensBareWord(ctx, index + 1) ? (lower(index - 1) === 'not' || spanWords(QUESTION_INFINITIVE_ROW).has(lower(index - 1)) ? index - 1 : index) : undefined;
    if (spanWords(QUESTION_INFINITIVE_ROW).has(lower(index)) && lower(index + 1) === 'to') continue;
    if (lower(index) === 'not' && lower(index + 1) === 'to') continue;
    const token = tokens[index - 1] as Token;
    if (token.kind === 'punct' || !(token.capitalized || DETERMINERS.has(token.lower) || OBJECT_PRONOUNS.has(token.lower) || POSSESSIVE_MARKS.has(token.lower) || isNounLike(ctx, index - 1) || isAdjectiveAt(ctx, index - 1))) return undefined;
  }
  return undefined;
}

function opensBareWord(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  return token !== undefined && token.kind === 'word' && !token.capitalized && !DETERMINERS.has(token.lower) && !PRONOUNS.has(token.lower) && !OBJECT_PRONOUNS.has(token.lower);
}

/** How many words an apposition to a recipient and the adjunct after it may run: "members of the board, the port's owner, on Monday that". */
const MAX_RECIPIENT_APPOSITION = 12;

/**
 * "told members of the board, the port's owner, on Monday that …": after the comma that follows a
 * recipient, an apposition and an adjunct may come before "that"; returns where "that" stands,
 * unless a verb, a relative pronoun, a conjunction, a quotation or other punctuation comes first.
 */
function thatAfterRecipientApposition(ctx: Reading, from: number, bodyEnd: number): number | undefined {
  const { tokens, lower, quotes, isOpenQuote } = ctx;
  for (let index = from; index < bodyEnd && index - from <= MAX_RECIPIENT_APPOSITION; index++) {
    if (quotes.depth[index] !== 0 || isOpenQuote(index)) return undefined;
    if (lower(index) === 'that') return index > from ? index : undefined;
    const token = tokens[index] as Token;
    if (token.lower === "'s" || token.lower === '’s') continue;
    if ((token.kind === 'punct' && token.text !== ',' && token.text !== '.') || RELATIVE_SPEAKERS.has(token.lower) || CLAUSE_BREAKERS.has(token.lower) || isFiniteVerbAt(ctx, index)) return undefined;
  }
  return undefined;
}

/** Longest date between a cue and its "that": "Nov. 18", "November 18, 2019" less its comma. */
const MAX_DATE_TOKENS = 4;

/**
 * "announced Nov. 18 that …": a date (a month or day name, then numbers and stops) right after
 * the cue comes before what was said; the index of the "that" after it, if one follows at once.
 */
function dateThenThat(ctx: Reading, start: number, bodyEnd: number): number | undefined {
  const { tokens, lower, state } = ctx;
  const first = tokens[start] as Token | undefined;
  if (!first?.capitalized || !state.lexicon.classes(first.lower).has('date-word')) return undefined;
  let index = start + 1;
  while (index < bodyEnd && index - start <= MAX_DATE_TOKENS && ((tokens[index] as Token).kind === 'number' || (tokens[index] as Token).text === '.')) index++;
  return index < bodyEnd && lower(index) === 'that' ? index : undefined;
}

/** "that night", "that same day": where a time phrase that "that" opens at `index` ends, if it opens one. */
function thatTimePhraseEnd(ctx: Reading, index: number): number | undefined {
  if (ctx.lower(index) !== 'that') return undefined;
  const time = ctx.lower(index + 1) === 'same' ? index + 2 : index + 1;
  return TIME_WORDS.has(ctx.lower(time)) || spanWords('span.that-time-phrase').has(ctx.lower(time)) ? time + 1 : undefined;
}

/** "filed that same day, …": "that" and a word of time with no verb or possessive after them, a time phrase. */
function pointsAtTime(ctx: Reading, that: number, bodyEnd: number): boolean {
  const end = thatTimePhraseEnd(ctx, that);
  if (end === undefined) return false;
  return end >= bodyEnd || (ctx.tokens[end] as Token).kind === 'punct' || startsClause(ctx, end, bodyEnd);
}
