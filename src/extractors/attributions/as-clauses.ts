import type { Attribution, Span } from '../../model/claim.js';
import type { Sentence, Token } from '../text/tokens.js';
import type { CueForm } from './engine.js';
import type { Range, Reading } from './reading.js';
import { quotedOrClauseBefore } from './content-spans.js';
import { verbAfterAdverbs } from './closing-clauses.js';
import { isFiniteVerbAt, startsClause } from './clause-boundaries.js';
import { hasVerbWordBetween } from './verb-ranges.js';
import { buildAttribution } from './relation-assembly.js';
import { withContinuation } from './quotes-across-sentences.js';
import { spanWords, takesAddressee } from './span-rules.js';
import { DASHES, DETERMINERS, OBJECT_PRONOUNS, POSSESSIVE_MARKS, PRONOUNS } from './word-lists.js';
import { isNounLike, isVerbWord } from './word-tests.js';

/**
 * "As the Gazette reported, the pier closed in May." / "The pier closed in May, as the mayor
 * noted." / "The pier, as the mayor noted, closed in May." — a cue in an "as" clause reports the
 * main clause around it, not the words after the cue ("reported [on Monday]"): the "as" stands
 * for the cue's object, so what follows the cue in the clause only says when or where.
 */

/** No attribution: a comment clause whose reported clause cannot be told apart. */
export const NO_AS_CLAUSE_CONTENT = 'none';

/** How far after the cue the punctuation closing an "as" clause may stand: "as the mayor said on the radio program on Monday,". */
const MAX_AS_CLAUSE_TAIL = 12;

export function readAsClause(ctx: Reading, sentenceIndex: number, bodyEnd: number, speaker: Range, cueStart: number, cue: CueForm): Attribution | typeof NO_AS_CLAUSE_CONTENT | null {
  // "The pier runs late (as the mayor noted in May), and …": an "as" clause closed by a bracket comments from inside it;
  // the words after the bracket are the writer's, so they are not read as what was said.
  if (ctx.lower(speaker.start - 1) === 'as' && closesBracketAfter(ctx, cueStart + cue.words.length, bodyEnd)) return NO_AS_CLAUSE_CONTENT;
  if (cue.frame !== 'speech' && cue.frame !== 'finding' && cue.frame !== 'belief') return null;
  // A view or stance in an "as" clause ("…, as the crowd cheered", "…, as councillors accused one another of …") is mostly a
  // clause of time: only a name given to the thing before it is read here.
  const { tokens, lower, spanOf } = ctx;
  const sentence = ctx.sentences[sentenceIndex] as Sentence;
  const as = speaker.start - 1;
  if (as < sentence.tokenStart || lower(as) !== 'as') return null;
  const cueEnd = cueStart + cue.words.length;
  const tailEnd = adjunctTailEnd(ctx, cueEnd, bodyEnd);
  const opening = as === sentence.tokenStart;
  // "the vote “is far too close,” as Roe said": the comma may close inside the quotation before.
  const commaBefore = !opening && ((tokens[as - 1] as Token).text === ',' || (ctx.isCloseQuote(as - 1) && as - 2 >= sentence.tokenStart && (tokens[as - 2] as Token).text === ','));
  // "As she said that, …", "As he reported the news, …": an object after the cue makes it an event, not a report of the main clause.
  // "The “new pier,” as the mayor dubbed the project, will …", "…, as critics called it, …": a name given to the thing the
  // comment clause is about, whose words are the name before it; the main clause around it is the writer's.
  const cueSpan = spanOf(cueStart, cueEnd) as Span;
  const speakerSpan = spanOf(speaker.start, speaker.end);
  const rules = tailEnd > cueEnd ? ['attribution.as-clause', 'span.as-clause-adjunct'] : ['attribution.as-clause'];
  const attribute = (content: Span | null): Attribution | null => content && buildAttribution(ctx, speakerSpan, cueSpan, content, cue.ruleId, speaker.start, rules);
  // "The landers would be launched, as the agency envisioned, on hired rockets.": the clause before the insert runs on after
  // it with no clause of its own, so the insert comments on that whole clause, which holds the cue as a parenthetical does.
  if (commaBefore && tailEnd >= cueEnd && hostRunsOnAfterInsert(ctx, sentence, as, tailEnd, bodyEnd)) {
    // "… on hired rockets (the final plan let others bid.)": a closing aside in brackets is the writer's, not the view.
    let end = bodyEnd;
    if (ctx.tokens[bodyEnd - 1]?.text === ')') {
      for (let index = tailEnd + 2; index < bodyEnd - 1; index++) {
        if ((ctx.tokens[index] as Token).text === '(') {
          end = index;
          break;
        }
      }
    }
    const whole = spanOf(sentence.tokenStart, end);
    return (whole && buildAttribution(ctx, speakerSpan, cueSpan, whole, cue.ruleId, speaker.start, [...rules, 'span.as-insert-continuation'])) ?? NO_AS_CLAUSE_CONTENT;
  }
  if (cue.frame === 'belief') {
    if (tailEnd >= 0 || !commaBefore || !namesThingBefore(ctx, cueStart, cueEnd, bodyEnd)) return null;
    ctx.rejected.push({ ...(spanOf(cueStart, cueEnd) as Span), layer: 'attribution', reason: 'a view or name given in an "as" comment clause, not a report of the clause around it', ruleId: 'span.as-clause-object' });
    return NO_AS_CLAUSE_CONTENT;
  }
  if (tailEnd < 0) return null;
  if (!opening && !commaBefore) return null;
  // With words after the cue, a later reading would take them for what was said; with none, the clause after a comma stands.
  const unclear = tailEnd > cueEnd ? NO_AS_CLAUSE_CONTENT : null;
  const stop = tailEnd < bodyEnd ? (tokens[tailEnd] as Token).text : '';
  if (opening) {
    // "As the Gazette reported on Monday, …", "As the Gazette put it in May: …": the main clause after the comma or colon.
    if ((stop !== ',' && stop !== ':') || bodyEnd - tailEnd < 4) return unclear;
    const after = spanOf(tailEnd + 1, bodyEnd);
    return attribute(after && withContinuation(ctx, after, sentenceIndex, bodyEnd, tailEnd + 1)) ?? unclear;
  }
  if (tailEnd >= bodyEnd) {
    // "…, as the mayor noted at the hearing.": the clause before the comma.
    return attribute(quotedOrClauseBefore(ctx, sentence, ctx.isCloseQuote(as - 1) ? as : as - 1)) ?? unclear;
  }
  if (stop === ',' && bodyEnd - tailEnd >= 4) {
    // "The pier, as the mayor noted last week, (only) closed in May.": the main clause's verb follows the insert, its subject before it;
    // the sentence around the insert, which holds the cue as a parenthetical does.
    if (isMainVerbAt(ctx, verbAfterAdverbs(ctx, tailEnd + 1, bodyEnd))) return attribute(spanOf(sentence.tokenStart, bodyEnd)) ?? unclear;
    // "Weeks ago, as the paper reported on Monday, the pier closed …": after a phrase with no verb, or before a clause of its own,
    // the insert comments on what follows, which the reading of a cue's clause finds past the adjunct.
    if (!hasVerbWordBetween(ctx, sentence.tokenStart, as - 1) || startsClause(ctx, tailEnd + 1, bodyEnd) || (lower(tailEnd + 1) === 'and' && startsClause(ctx, tailEnd + 2, bodyEnd))) return null;
  }
  return unclear;
}

/**
 * "…was launched, as the agency envisioned, on hired rockets": an insert closed by its comma after a clause with a verb of
 * its own, followed by words that open no clause and no main verb (those are read as usual), a phrase of the clause before.
 */
function hostRunsOnAfterInsert(ctx: Reading, sentence: Sentence, as: number, tailEnd: number, bodyEnd: number): boolean {
  if (tailEnd >= bodyEnd || (ctx.tokens[tailEnd] as Token).text !== ',' || bodyEnd - tailEnd < 3) return false;
  const next = tailEnd + 1;
  if (!hasVerbWordBetween(ctx, sentence.tokenStart, as - 1) || isMainVerbAt(ctx, verbAfterAdverbs(ctx, next, bodyEnd))) return false;
  if (startsClause(ctx, next, bodyEnd) || (ctx.lower(next) === 'and' && startsClause(ctx, next + 1, bodyEnd))) return false;
  return spanWords('span.as-insert-continuation').has(ctx.lower(next));
}

/**
 * Where the words after the cue of an "as" clause end when they only say when or where ("on
 * Monday", "a few days later", "in The Harbor Review", "before"): the index of the comma, colon
 * or dash closing the clause, or bodyEnd; -1 when an object, a "that" or a quotation follows.
 */
/** A closing bracket after a few words past the cue ("… as Roe noted in her answer)"), before any other punctuation. */
function closesBracketAfter(ctx: Reading, from: number, bodyEnd: number): boolean {
  for (let index = from; index < bodyEnd && index - from <= MAX_AS_CLAUSE_TAIL; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.text === ')') return true;
    if (token.kind === 'punct' && !POSSESSIVE_MARKS.has(token.lower)) return false;
  }
  return false;
}

function adjunctTailEnd(ctx: Reading, cueEnd: number, bodyEnd: number): number {
  const { tokens, lower, quotes } = ctx;
  const leads = spanWords('span.as-clause-adjunct');
  let inPhrase = false;
  let index = cueEnd;
  // "as Roe told reporters on Monday", "as she told the Gazette": the one told comes before the adjuncts.
  if (takesAddressee(lower(cueEnd - 1))) {
    if (index < bodyEnd && DETERMINERS.has(lower(index))) index++;
    while (index < bodyEnd && index - cueEnd < MAX_RECIPIENT_TOKENS && !leads.has(lower(index)) && ((tokens[index] as Token).kind === 'word' || POSSESSIVE_MARKS.has(lower(index))) && ((tokens[index] as Token).capitalized || OBJECT_PRONOUNS.has(lower(index)) || POSSESSIVE_MARKS.has(lower(index)) || isNounLike(ctx, index))) index++;
  }
  for (; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] === 0 && (token.text === ',' || token.text === ':' || token.text === ';' || token.text === '-' || DASHES.has(token.text))) return index;
    if (index - cueEnd >= MAX_AS_CLAUSE_TAIL || ctx.isOpenQuote(index) || token.lower === 'that' || (token.kind === 'punct' && !POSSESSIVE_MARKS.has(token.lower) && token.text !== '.')) return -1;
    if (leads.has(token.lower)) {
      inPhrase = true;
      continue;
    }
    if (TIME_ADJUNCT_WORD.test(lower(index))) continue;
    // "in The Harbor Review", "on the radio program": a phrase a preposition opened runs on, but a verb in it starts a clause.
    if (!inPhrase || isFiniteVerbAt(ctx, index)) return -1;
  }
  return bodyEnd;
}

/** How many words may name the one told: "told Fox News's Jo Park". */
const MAX_RECIPIENT_TOKENS = 5;

/** A finite verb after an insert, also in the present: "…, as the mayor noted, (only) magnifies the cost". */
function isMainVerbAt(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (isFiniteVerbAt(ctx, index)) return true;
  return token !== undefined && token.kind === 'word' && !token.capitalized && /[^s]s$/.test(token.lower) && !DETERMINERS.has(token.lower) && !PRONOUNS.has(token.lower) && isVerbWord(ctx, token.lower);
}

/** Words of time that may follow the cue inside its "as" clause without a preposition: "last week", "a few days ago", "Monday". */
const TIME_ADJUNCT_WORD = /^(?:last|this|next|earlier|previously|first|recently|just|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|morning|afternoon|evening|night|ago|a|the|few|days?|weeks?|months?|years?|\d+|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|\.)$/;

/** How many words the object of a naming verb in an "as" clause may run: "as the mayor dubbed the new harbour project". */
const MAX_NAMED_OBJECT_TOKENS = 5;

/**
 * "as the mayor dubbed the project,", "as critics called it.": a naming verb of span.as-clause-object whose short object
 * closes the clause, so the name is the one before the "as", not words after the object ("as the Gazette styled them in
 * a column, ‘anchors’" names after it and is read as usual).
 */
function namesThingBefore(ctx: Reading, cueStart: number, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower } = ctx;
  if (cueEnd - cueStart !== 1 || !spanWords('span.as-clause-object').has(lower(cueStart))) return false;
  for (let index = cueEnd; index < bodyEnd && index - cueEnd <= MAX_NAMED_OBJECT_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (token.text === ',') return index > cueEnd;
    if (token.kind !== 'word') return false;
  }
  return bodyEnd > cueEnd && bodyEnd - cueEnd <= MAX_NAMED_OBJECT_TOKENS;
}
