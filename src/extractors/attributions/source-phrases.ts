import type { Attribution, Span } from '../../model/claim.js';
import type { Sentence, Token } from '../text/tokens.js';
import { matchCue } from './cue-matching.js';
import type { CueForm } from './engine.js';
import { nextCommaOrEnd, type Range, type Reading } from './reading.js';
import { buildAttribution } from './relation-assembly.js';
import { isCountWord, readSpeakerBefore, speakerHasHead } from './speaker-spans.js';
import { documentAfterPreposition, documentSubjectBefore } from './document-subjects.js';
import { CANDIDATE_STANDING_ROW, candidateStandingFollows } from './poll-standings.js';
import { AUXILIARY_VERBS, CLAUSE_BREAKERS, COORDINATORS, DASHES, DETERMINERS, MAX_SPEAKER_TOKENS, POSSESSIVE_MARKS, PRONOUNS, TIME_WORDS } from './word-lists.js';
import { spanWords } from './span-rules.js';
import { isFiniteVerbAt, startsClause } from './clause-boundaries.js';
import { isNounLike, isPhraseBreak } from './word-tests.js';
import { hasAuxiliaryFiniteOrSubjectVerbBetween } from './verb-ranges.js';

/**
 * "In a fresh survey out Friday, 50 percent chose Roe.": a poll, statement or report named
 * after a sentence-opening "in" is the source of the sentence's claim,
 * unless the sentence has a cue of its own ("In a statement, the council said …" is the council's).
 * "Roe leads Park by ten points in the latest poll": a poll named after the clause is its source too.
 */

type SourcePlace = { source: Range; content: Range; ruleId?: string };

/** Row of config/attributions/spans.json whose words head a poll named after the clause it reports. */
const TRAILING_POLL_ROW = 'span.trailing-poll-source';
/** How many words a poll's name may run after "in": "an NBC News/Marist South Carolina poll". */
const MAX_POLL_NAME_TOKENS = 14;

/** Row of config/attributions/cues.json whose words ("for", "to") open a phrase naming whose view the clause after it gives. */
const VIEWPOINT_ROW = 'cue.viewpoint';

export function matchSourcePhrase(ctx: Reading, position: number, end: number): CueForm | undefined {
  const option = ctx.state.phraseCues.get(ctx.lower(position))?.find((candidate) => candidate.frame === 'source');
  return option && placeOfPhrase(ctx, position, end, option) ? option : undefined;
}

export function readSourcePhrase(ctx: Reading, sentence: Sentence, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, cue: CueForm): Attribution | null {
  const place = placeOfPhrase(ctx, cueStart, bodyEnd, cue);
  if (!place || place.content.start < sentence.tokenStart) return null;
  const content = ctx.spanOf(place.content.start, place.content.end);
  if (!content) return null;
  const ruleIds = place.ruleId ? ['attribution.source-phrase', place.ruleId] : ['attribution.source-phrase'];
  return buildAttribution(ctx, ctx.spanOf(place.source.start, place.source.end), cueSpan, content, cue.ruleId, place.source.start, ruleIds);
}

function placeOfPhrase(ctx: Reading, position: number, bodyEnd: number, cue: CueForm): SourcePlace | undefined {
  if (cue.ruleId === POLL_STANDING_ROW) return placeOfStanding(ctx, position, bodyEnd);
  return cue.ruleId === VIEWPOINT_ROW ? placeOfViewpoint(ctx, position, bodyEnd) : placeOfSource(ctx, position, bodyEnd);
}

/** Row of config/attributions/cues.json whose verbs ("has", "gave") give a candidate's standing as a poll's finding. */
const POLL_STANDING_ROW = 'cue.poll-standing';

/**
 * "The latest poll has Roe leading Park", "a survey released Friday had him at 4 percent": a document as subject
 * (read back from the verb, or a document described by a participle or relative clause) and a candidate with a
 * standing after the verb; the content runs from the candidate to the next comma.
 */
function placeOfStanding(ctx: Reading, position: number, bodyEnd: number): SourcePlace | undefined {
  if (ctx.quotes.depth[position] !== 0 || !candidateStandingFollows(ctx, position + 1, bodyEnd)) return undefined;
  const sentenceStart = ctx.currentSentenceStart;
  const named = readSpeakerBefore(ctx, sentenceStart, position);
  const sentence = ctx.sentences[ctx.currentSentence];
  // ("…, with a new poll giving him a 10-point lead": a participle's document may stand after a preposition.)
  const afterPreposition = sentence && /ing$/.test(ctx.lower(position)) ? documentAfterPreposition(ctx, { ...sentence, tokenStart: sentenceStart }, position) : undefined;
  const source = named && named.end === position && speakerHasHead(ctx, named, 'speaker.document') ? named : (afterPreposition && speakerHasHead(ctx, afterPreposition, 'speaker.document') ? afterPreposition : undefined) ?? (sentence && documentSubjectBefore(ctx, { ...sentence, tokenStart: sentenceStart }, position));
  if (!source) return undefined;
  return { source, content: { start: position + 1, end: nextCommaOrEnd(ctx, position + 1, bodyEnd) }, ruleId: CANDIDATE_STANDING_ROW };
}

/** Words that open a sentence before its viewpoint phrase: "But for Roe, …", "And now, to them, …". */
const VIEWPOINT_LEADERS: ReadonlySet<string> = new Set(['but', 'and', 'yet', 'so', 'because', 'now', 'still', ',']);
/** Words that alone stand for people: "To many, …", "For others, …", "For anyone who …". "Her" only alone ("For her part" is no view). */
const PEOPLE_WORDS: ReadonlySet<string> = new Set(['him', 'her', 'them', 'us', 'me', 'many', 'others', 'some', 'most', 'anyone', 'everyone', 'everybody', 'anybody', 'those', 'few']);
/** Words after which a viewpoint's holder goes on with what qualifies it: "voters in Florida", "many who lived …", "students of the genre". */
const HOLDER_QUALIFIERS: ReadonlySet<string> = new Set(['who', 'whom', 'of', 'in', 'like', 'across', 'at', 'from', 'on', 'as']);
/** Relative pronouns of a person: "To Sexton, who …". */
const HOLDER_RELATIVES: ReadonlySet<string> = new Set(['who', 'whom', 'whose']);
/** Speaker rows whose heads name people, not documents or shares. */
export const PEOPLE_SPEAKER_ROWS: ReadonlySet<string> = new Set(['speaker.person-description', 'speaker.role']);
/** Longest viewpoint phrase, a relative clause included: "To anybody who has kept track of the harbour board vote, …". */
const MAX_VIEWPOINT_TOKENS = 16;

/**
 * "For Roe, the plan is a mistake.", "To many voters, Park is a hero.", "But for them, …": "for" or
 * "to" opening a sentence before people (a person, a pronoun, a noun of people) and a comma gives the
 * clause after it as their view. "For years,", "For example,", "To be sure,", "For his part, Roe said …"
 * name no one, or leave the view to a cue of the sentence.
 */
function placeOfViewpoint(ctx: Reading, position: number, bodyEnd: number): SourcePlace | undefined {
  const { tokens, quotes, lower } = ctx;
  if (quotes.depth[position] !== 0) return undefined;
  const opening = ctx.currentSentenceStart;
  if (position !== opening && !(position - opening <= 2 && VIEWPOINT_LEADERS.has(lower(position - 1)) && VIEWPOINT_LEADERS.has(lower(opening)))) return undefined;
  const holderStart = position + 1;
  let comma = holderStart;
  while (comma < bodyEnd && comma - holderStart <= MAX_VIEWPOINT_TOKENS && (tokens[comma] as Token).text !== ',' && quotes.depth[comma] === 0) comma++;
  if (comma >= bodyEnd || (tokens[comma] as Token).text !== ',' || comma === holderStart) return undefined;
  // "To be the nominee, …", "For four years as secretary, …": an infinitive or a span of time names no one.
  const first = tokens[holderStart] as Token;
  if (first.kind === 'number' || (!first.capitalized && isVerbOnly(ctx, first.lower))) return undefined;
  let core = holderStart;
  while (core < comma && !(core > holderStart && HOLDER_QUALIFIERS.has(lower(core)))) core++;
  // "For most Democrats today": a time word closing the phrase is no part of who holds the view.
  let coreEnd = core;
  while (coreEnd - 1 > holderStart && TIME_WORDS.has(lower(coreEnd - 1))) coreEnd--;
  // "For men, the sites are …", "For fans of the show, there are …": after "for" a bare noun of people most often says whom a fact
  // concerns; only a person, a pronoun or a quantifier standing for people gives a view ("For Roe, …", "For many, …").
  if (!namesPeople(ctx, holderStart, coreEnd, core, comma, lower(position) === 'to')) return undefined;
  // "To Sexton, who has studied the rallies, Tuesday marked …": a relative clause after the holder belongs to it.
  let holderEnd = comma;
  let contentStart = comma + 1;
  if (HOLDER_RELATIVES.has(lower(contentStart))) {
    let next = contentStart;
    while (next < bodyEnd && (tokens[next] as Token).text !== ',') next++;
    if (next >= bodyEnd) return undefined;
    holderEnd = next;
    contentStart = next + 1;
  }
  // "For other readers, though, it goes too far": a connective set off by commas opens the view.
  if (tokens[contentStart + 1]?.text === ',' && spanWords('span.speaker-aside').has(lower(contentStart))) contentStart += 2;
  // "For Roe, 56, a tactician, this is …", "For Roe, a former mayor, 33% would …": an appositive, not the view, follows the comma.
  let firstPart = contentStart;
  while (firstPart < bodyEnd && (tokens[firstPart] as Token).text !== ',') firstPart++;
  const content = { start: contentStart, end: bodyEnd };
  // "For those who have not seen it, what are you waiting for?", "For fans, there are now …": a question or a bare existence is no view.
  if ((tokens[bodyEnd] as Token | undefined)?.text === '?' || (lower(contentStart) === 'there' && AUXILIARY_VERBS.has(lower(contentStart + 1)))) return undefined;
  if (content.end - content.start < 3 || quotes.depth[contentStart] !== 0 || !hasAuxiliaryFiniteOrSubjectVerbBetween(ctx, content.start, firstPart) || hasOwnCue(ctx, content, bodyEnd)) return undefined;
  return { source: { start: holderStart, end: holderEnd }, content };
}

function isVerbOnly(ctx: Reading, lowerWord: string): boolean {
  const classes = ctx.state.lexicon.classes(lowerWord);
  return classes.has('verb') && !classes.has('noun') && !classes.has('adjective');
}

/** The words before the comma name people: a person or group, a pronoun or quantifier standing for people, or a noun of people heading the phrase. */
function namesPeople(ctx: Reading, start: number, coreEnd: number, core: number, comma: number, nounsOfPeople: boolean): boolean {
  const { lower, state } = ctx;
  const last = coreEnd - 1;
  if (last < start) return false;
  const headWord = lower(last);
  if (PEOPLE_WORDS.has(headWord) && (coreEnd === start + 1 || (lower(start) !== 'her' && !DETERMINERS.has(lower(start)) && PEOPLE_WORDS.has(lower(start))))) {
    // "most of the year" names no one; "many of his supporters" does.
    if (lower(core) === 'of') return namesPeople(ctx, core + 1, comma, comma, comma, true);
    return lower(start) !== 'her' || coreEnd === comma;
  }
  const headRow = state.speakerHeads.get(headWord);
  if (nounsOfPeople && headRow !== undefined && PEOPLE_SPEAKER_ROWS.has(headRow)) return true;
  if (nounsOfPeople && state.lexicon.classes(headWord).has('plural-demonym')) return true;
  const tokenEnd = (ctx.tokens[last] as Token).end;
  const tokenStart = (ctx.tokens[start] as Token).start;
  return ctx.actors.some((actor) => (actor.type === 'person' || actor.type === 'group') && actor.end === tokenEnd && actor.start >= tokenStart);
}

/** Where the document phrase and the claim lie: "In X, claim". */
function placeOfSource(ctx: Reading, position: number, bodyEnd: number): SourcePlace | undefined {
  const { tokens, quotes } = ctx;
  if (quotes.depth[position] !== 0) return undefined;
  if (position !== ctx.currentSentenceStart) return placeOfTrailingPoll(ctx, position, bodyEnd);
  const phraseStart = position + 1;
  let phraseEnd = phraseStart;
  while (phraseEnd < bodyEnd && phraseEnd - phraseStart < MAX_SPEAKER_TOKENS && (tokens[phraseEnd] as Token).text !== ',') phraseEnd++;
  const source = { start: phraseStart, end: phraseEnd };
  // "in the latest poll", "in a statement", "in Roe's letter"; not "in order to".
  const first = tokens[phraseStart];
  if (!first || !(first.capitalized || DETERMINERS.has(first.lower))) return undefined;
  // "In their view, …", "In Roe's view, …": the holder of the view is the source, the clause after the comma their view.
  const holder = phraseEnd < bodyEnd ? viewHolder(ctx, phraseStart, phraseEnd) : undefined;
  if (phraseEnd >= bodyEnd || (holder === undefined && !speakerHasHead(ctx, source, 'speaker.document'))) return undefined;
  const content = { start: phraseEnd + 1, end: bodyEnd };
  if (content.end - content.start < 3 || hasOwnCue(ctx, content, bodyEnd)) return undefined;
  if (holder !== undefined && (quotes.depth[content.start] !== 0 || !startsClause(ctx, content.start, bodyEnd))) return undefined;
  return holder === undefined ? { source, content } : { source: holder, content, ruleId: VIEW_HOLDER_ROW };
}

/** Rule row of config/attributions/spans.json for the nouns of a view held by someone ("in their view"). */
const VIEW_HOLDER_ROW = 'span.view-holder';
/** Possessive pronouns that name the holder of a view. */
const HOLDER_POSSESSIVES: ReadonlySet<string> = new Set(['his', 'her', 'their', 'our', 'my']);

/**
 * "their view", "Roe's view", "the mayor's opinion": a phrase from `start` to `end` that is a possessive and a
 * noun of span.view-holder; the holder (the pronoun, or the name before "'s"), or undefined.
 */
function viewHolder(ctx: Reading, start: number, end: number): Range | undefined {
  const { lower } = ctx;
  if (end - start < 2 || !spanWords(VIEW_HOLDER_ROW).has(lower(end - 1))) return undefined;
  if (end - start === 2 && HOLDER_POSSESSIVES.has(lower(start))) return { start, end: start + 1 };
  if (!POSSESSIVE_MARKS.has(lower(end - 2)) || end - 2 <= start) return undefined;
  const holder = { start, end: end - 2 };
  const tokenStart = (ctx.tokens[holder.start] as Token).start;
  const tokenEnd = (ctx.tokens[holder.end - 1] as Token).end;
  const named = ctx.actors.some((actor) => (actor.type === 'person' || actor.type === 'organization' || actor.type === 'group') && actor.end === tokenEnd && actor.start >= tokenStart);
  return named || speakerHasHead(ctx, holder, 'speaker.person-description') || speakerHasHead(ctx, holder, 'speaker.role') ? holder : undefined;
}

/** Cue rows whose verbs are what a poll reports of those it asked ("40 percent backed the levy"), not a speaker's own act. */
const POLLED_STANCE_RULES: ReadonlySet<string> = new Set(['cue.stance', 'cue.evaluation']);

function hasOwnCue(ctx: Reading, range: Range, bodyEnd: number): boolean {
  for (let index = range.start; index < range.end; index++) {
    if (ctx.quotes.depth[index] !== 0 || !ctx.state.cues.has(ctx.lower(index))) continue;
    // A verb of saying or finding has its own speaker, and so has an act of accusing, describing,
    // demanding or talking about ("In an open letter, many activists are demanding …"); stance verbs do not.
    const cue = matchCue(ctx, index, bodyEnd);
    if (!cue) continue;
    if (cue.frame === 'speech' || cue.frame === 'finding' || cue.frame === 'according') return true;
    if (cue.frame === 'belief' && cue.complement !== 'linked' && !POLLED_STANCE_RULES.has(cue.ruleId)) return true;
  }
  return false;
}

/**
 * "Roe leads Park by ten points in the latest poll", "…, although Roe moved up in a more recent survey":
 * the clause before "in" (from the sentence start or the last comma that opens a clause) is what the poll found.
 */
function placeOfTrailingPoll(ctx: Reading, position: number, bodyEnd: number): SourcePlace | undefined {
  const { tokens, quotes } = ctx;
  const head = pollNameHead(ctx, position, bodyEnd);
  if (head === undefined || !endsClauseAfterPoll(ctx, head + 1, bodyEnd)) return undefined;
  if (isPollsInGeneral(ctx, position, head)) {
    ctx.rejected.push({ ...(ctx.spanOf(position, head + 1) as Span), layer: 'attribution', reason: 'polls in general, not a poll that reported the clause', ruleId: POLLS_IN_GENERAL_ROW });
    return undefined;
  }
  let start = ctx.currentSentenceStart;
  // "…, although Roe moved …": the coordinator or concession after the comma opens the clause without belonging to it.
  for (let index = position - 1; index > ctx.currentSentenceStart; index--) {
    const text = (tokens[index] as Token).text;
    if (quotes.depth[index] !== 0) continue;
    // "…; Obama rocketed in the polls": a semicolon or dash always opens a new clause.
    if (text === ';' || DASHES.has(text)) {
      start = CLAUSE_BREAKERS.has(ctx.lower(index + 1)) ? index + 2 : index + 1;
      break;
    }
    if (text !== ',') continue;
    const opener = CLAUSE_BREAKERS.has(ctx.lower(index + 1)) ? index + 2 : index + 1;
    if (position - opener >= 3 && startsClause(ctx, opener, position)) {
      start = opener;
      break;
    }
  }
  // "As a result, Roe leads …": an opening phrase closed by a comma before the clause is no part of it.
  if (start === ctx.currentSentenceStart && opensWithPhrase(ctx, start)) start = afterOpeningPhrase(ctx, start, position) ?? start;
  // "The protest arrives just as Roe has slipped in the polls": the clause after the last subordinator.
  for (let index = position - 3; index > start; index--) {
    if (quotes.depth[index] !== 0 || (tokens[index] as Token).text === ',') break;
    if (SUBORDINATORS.has(ctx.lower(index)) && startsClause(ctx, index + 1, position)) {
      start = index + 1;
      break;
    }
  }
  // "But Roe fell to 10 percent …": the coordinator joins the sentence to the one before, not the clause.
  if (start === ctx.currentSentenceStart && CLAUSE_BREAKERS.has(ctx.lower(start)) && startsClause(ctx, start + 1, position)) start++;
  // "Of the participants who filled in the survey, …", "Depending on her strength in the polls": no clause opens there.
  if (opensWithPhrase(ctx, start)) return undefined;
  if (position - start < 3 || quotes.depth[start] !== 0 || !hasAuxiliaryFiniteOrSubjectVerbBetween(ctx, start, position)) return undefined;
  // A semicolon closes the clause the poll reports: a cue after it ("…; the race appears closer") has its own clause.
  let clauseEnd = head + 1;
  while (clauseEnd < bodyEnd && (tokens[clauseEnd] as Token).text !== ';') clauseEnd++;
  if (hasOwnCue(ctx, { start: ctx.currentSentenceStart, end: clauseEnd }, bodyEnd)) return undefined;
  return { source: { start: position + 1, end: head + 1 }, content: { start, end: position }, ruleId: TRAILING_POLL_ROW };
}

/** Row of config/attributions/spans.json whose plural poll words, unnamed and uncounted, speak of polls in general. */
const POLLS_IN_GENERAL_ROW = 'span.polls-in-general';

/** "in the polls", "in national polls", "in polling": a plural poll word with no name or number between "in" and it. */
function isPollsInGeneral(ctx: Reading, position: number, head: number): boolean {
  if (!spanWords(POLLS_IN_GENERAL_ROW).has(ctx.lower(head))) return false;
  for (let index = position + 1; index < head; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.capitalized || token.kind === 'number' || isCountWord(ctx, index)) return false;
  }
  return true;
}

/** A preposition or an "-ing" word opens an adjunct ("As a result", "Depending on …"), not a clause. */
function opensWithPhrase(ctx: Reading, start: number): boolean {
  return ctx.state.lexicon.classes(ctx.lower(start)).has('preposition') || /ing$/.test(ctx.lower(start));
}

/** The clause after the comma that closes an opening phrase, if that comma comes before `before`. */
function afterOpeningPhrase(ctx: Reading, start: number, before: number): number | undefined {
  for (let index = start + 1; index < before - 3; index++) {
    if (ctx.quotes.depth[index] !== 0) return undefined;
    if ((ctx.tokens[index] as Token).text === ',') return index + 1;
  }
  return undefined;
}

/**
 * Where the poll's name after "in" ends: a head word of the row closing a noun phrase of names,
 * determiners, numbers and adjectives ("the latest NBC News/Marist poll"), not a phrase that goes on
 * past a preposition, a verb or a conjunction ("in three wards going to the polls", "in the wake of
 * polls") or into another noun ("in poll numbers"). "Average" needs a name or polls of its own
 * ("the RealClearPolitics average", "an average of polls"), so "take in an average of $40" is none.
 */
function pollNameHead(ctx: Reading, position: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  const heads = spanWords(TRAILING_POLL_ROW);
  let named = false;
  for (let index = position + 1; index < bodyEnd && index - position <= MAX_POLL_NAME_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (heads.has(token.lower)) {
      if (isNounLike(ctx, index + 1) && !(tokens[index + 1] as Token | undefined)?.capitalized && (tokens[index + 1] as Token | undefined)?.kind === 'word' && !COORDINATORS.has(lower(index + 1))) return undefined;
      if (/^averages?$/.test(token.lower) && !named && !(lower(index + 1) === 'of' && pollWordWithin(ctx, index + 2, bodyEnd))) return undefined;
      return index;
    }
    if (isPhraseBreak(token)) return undefined;
    if (token.capitalized) named = true;
    // "the 50-state poll": a word joined by a hyphen modifies what follows.
    if ((tokens[index - 1] as Token).text === '-') continue;
    const classes = ctx.state.lexicon.classes(token.lower);
    if (!token.capitalized && (classes.has('preposition') || (classes.has('verb') && !classes.has('noun') && !classes.has('adjective')) || COORDINATORS.has(token.lower) || RELATIVE_WORDS.has(token.lower) || /ing$/.test(token.lower))) return undefined;
  }
  return undefined;
}

/** Words that open a clause inside a sentence: "at a time when Roe has sagged", "Iowa, where Roe led". */
const SUBORDINATORS: ReadonlySet<string> = new Set(['when', 'where', 'because', 'while', 'although', 'though', 'whereas', 'since', 'after', 'as', 'if']);
/** Words that open a relative or subordinate clause inside a noun phrase: "the states where exit polls …". */
const RELATIVE_WORDS: ReadonlySet<string> = new Set(['where', 'when', 'who', 'which', 'that', 'whose']);
/** How far "of" may stand from the poll word it leads to: "an average of recent national polls". */
const MAX_AVERAGE_OF_TOKENS = 4;

function pollWordWithin(ctx: Reading, from: number, bodyEnd: number): boolean {
  const heads = spanWords(TRAILING_POLL_ROW);
  for (let index = from; index < bodyEnd && index - from < MAX_AVERAGE_OF_TOKENS; index++) if (heads.has(ctx.lower(index)) && !/^averages?$/.test(ctx.lower(index))) return true;
  return false;
}

/** "… in the poll released Sunday." ends the clause; "… of riders in the poll had no view" goes on with the verb the poll phrase sat before. */
function endsClauseAfterPoll(ctx: Reading, from: number, bodyEnd: number): boolean {
  for (let index = from; index < bodyEnd; index++) {
    const token = ctx.tokens[index] as Token;
    // "… in the polls and is dealing with …": a coordinated predicate after the poll.
    if (token.text === ',' || token.text === ';' || DASHES.has(token.text) || COORDINATORS.has(token.lower)) return true;
    // "ahead of the state's primary": a possessive, not "is".
    if (POSSESSIVE_MARKS.has(token.lower) && !PRONOUNS.has(ctx.lower(index - 1))) continue;
    if (AUXILIARY_VERBS.has(token.lower) || (isFiniteVerbAt(ctx, index) && !PARTICIPLE_AFTER_POLL.has(token.lower))) return false;
  }
  return true;
}

/** Participles that describe a poll rather than go on with the clause: "a poll released Sunday", "surveys conducted in May". */
const PARTICIPLE_AFTER_POLL: ReadonlySet<string> = new Set(['released', 'conducted', 'taken', 'published', 'completed', 'carried', 'commissioned', 'issued']);
