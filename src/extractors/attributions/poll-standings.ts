import type { Token } from '../text/tokens.js';
import type { Reading } from './reading.js';
import { spanWords } from './span-rules.js';
import { DETERMINERS, OBJECT_PRONOUNS, POSSESSIVE_MARKS } from './word-lists.js';

/**
 * "The latest poll has Roe leading Park", "a survey gave Roe a ten-point lead", "the poll had him at 4 percent":
 * after a poll's "has" or "gives" a candidate and that candidate's standing are what the poll found.
 * "The poll has a margin of error", "the report gives details" hold no candidate and no standing.
 */

/** Row of config/attributions/spans.json whose words tell a candidate's standing after the candidate. */
export const CANDIDATE_STANDING_ROW = 'span.candidate-standing';
/** Most capitalised words of a candidate's name: "Hillary Rodham Clinton". */
const MAX_NAME_TOKENS = 4;
/** Most words between the candidate and the noun of standing: "a whopping 30 - point advantage". */
const MAX_STANDING_PHRASE_TOKENS = 6;

/** A candidate (a name or "him", "her", "them", or a name's noun: "Clinton's lead") at `start`, and a standing after it. */
export function candidateStandingFollows(ctx: Reading, start: number, end: number): boolean {
  const { tokens, lower } = ctx;
  let index = start;
  if (OBJECT_PRONOUNS.has(lower(index)) && lower(index) !== 'reporters') index++;
  else {
    while (index < end && index - start < MAX_NAME_TOKENS && (tokens[index] as Token).kind === 'word' && (tokens[index] as Token).capitalized && !DETERMINERS.has(lower(index))) index++;
    if (index === start) return false;
    // "the polls have Clinton's lead growing": the name's noun stands for the candidate.
    if (POSSESSIVE_MARKS.has(lower(index)) && (tokens[index + 1] as Token | undefined)?.kind === 'word') index += 2;
  }
  if (index >= end) return false;
  const standing = spanWords(CANDIDATE_STANDING_ROW);
  const next = tokens[index] as Token;
  // "has Roe leading", "had Lee trailing by six": the candidate's act in the race.
  if (next.kind === 'word' && !next.capitalized && /^[a-z]{2,}ing$/.test(next.lower)) return true;
  if (standing.has(next.lower)) return true;
  // "gave Roe a ten-point lead", "has Lee 12 points ahead": a noun of standing closes the phrase after the candidate.
  if (!DETERMINERS.has(next.lower) && next.kind !== 'number') return false;
  for (let at = index + 1; at < end && at - index <= MAX_STANDING_PHRASE_TOKENS; at++) {
    const token = tokens[at] as Token;
    if (token.kind === 'punct' && token.text !== '-') return false;
    if (standing.has(token.lower)) return true;
  }
  return false;
}
