/** Whether a speaker reading agrees in number with its verb: "data show", "the government say", "said the officials". */
import { cueBarePresentForms } from './rules.js';
import { spanWords } from './span-rules.js';
import { isCountWord } from './speaker-spans.js';
import type { Token } from '../text/tokens.js';
import { CUE_ADVERBS, DETERMINERS, endsInSingleS, PAST_FORM, PLURAL_FORM_PRONOUNS, PLURAL_HEADS, IRREGULAR_PAST, OBJECT_PRONOUNS } from './word-lists.js';
import type { Reading, Range } from './reading.js';

/** Determiners that open a singular noun phrase ("this meal", "the same nutrition", "a new"). */
const SINGULAR_DETERMINERS = new Set(['this', 'that', 'a', 'an', 'the', 'its', 'his', 'her', 'every', 'each', 'another']);
/** Singular heads that take a plural verb in British usage ("the government say"), or are plural in form ("data show"). */
const COLLECTIVE_HEADS = new Set(['government', 'team', 'council', 'committee', 'party', 'company', 'family', 'public', 'board', 'crew', 'union', 'club', 'data', 'media', 'cabinet', 'jury', 'panel', 'majority', 'minority', 'group', 'couple', 'pair', 'side', 'squad', 'band', 'firm', 'bank', 'department', 'ministry', 'opposition', 'press', 'audience', 'electorate', 'population']);

/**
 * Whether the noun phrase before a cue can be its subject. A bare present form ("plan", "say")
 * needs a plural or collective subject: after "this meal" or "the same nutrition" the word is a
 * noun ("meal plan"), not a verb. Every other form agrees with any subject.
 */
export function agreesWithBarePresent(ctx: Reading, cueStart: number, speaker: Range): boolean {
  if (!cueBarePresentForms().has(ctx.lower(cueStart))) return true;
  if (speaker.end - speaker.start < 2) return true;
  // "quid pro quo promise …": a lowercase phrase with no determiner is a noun compound as much as a singular subject.
  if (!SINGULAR_DETERMINERS.has(ctx.lower(speaker.start)) && !isBareLowercasePhrase(ctx, speaker)) return true;
  for (let index = speaker.start; index < speaker.end; index++) if (ctx.lower(index) === 'and' || ctx.lower(index) === 'of') return true;
  const head = ctx.lower(speaker.end - 1);
  // a pronoun at the end of the phrase is the subject itself ("the longer I think"); a share of
  // people takes a plural verb whatever its determiner ("a mere 9 percent say")
  return PLURAL_HEADS.has(head) || COLLECTIVE_HEADS.has(head) || PLURAL_FORM_PRONOUNS.has(head) || endsInSingleS(head) || ctx.state.speakerHeads.get(head) === 'speaker.share' || countsPeople(ctx, speaker.end - 1);
}

/** "the two say", "the three argue": a number word above one standing for the people it counts is plural. */
function countsPeople(ctx: Reading, index: number): boolean {
  const word = ctx.lower(index);
  return (ctx.tokens[index] as Token).kind === 'word' && word !== 'one' && word !== 'a' && isCountWord(ctx, index);
}

/** Lowercase words only, none of them plural or a speaker's head, with no determiner to open them: "quid pro quo", "health care". */
function isBareLowercasePhrase(ctx: Reading, speaker: Range): boolean {
  if (DETERMINERS.has(ctx.lower(speaker.start))) return false;
  for (let index = speaker.start; index < speaker.end; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.kind !== 'word' || token.capitalized || ctx.state.speakerHeads.has(token.lower) || PLURAL_HEADS.has(token.lower) || endsInSingleS(token.lower)) return false;
  }
  return true;
}

/**
 * "…, say officials" puts a plural subject after a bare present form; "…, then add a jar of
 * honey" is an instruction, whose object follows the verb. A bare form inverts only with a subject
 * that agrees: plural at its head (the words before "of"), or joined with "and".
 */
export function agreesWithInvertedCue(ctx: Reading, cueStart: number, speaker: Range): boolean {
  const verb = ctx.lower(cueStart);
  if (PAST_FORM.test(verb) || IRREGULAR_PAST.test(verb) || endsInSingleS(verb)) return true;
  let headEnd = speaker.end;
  for (let index = speaker.start; index < speaker.end; index++) {
    if (ctx.lower(index) === 'of') {
      headEnd = index;
      break;
    }
  }
  if (headEnd <= speaker.start) return false;
  for (let index = speaker.start; index < headEnd; index++) if (ctx.lower(index) === 'and') return true;
  const head = ctx.lower(headEnd - 1);
  return PLURAL_HEADS.has(head) || endsInSingleS(head);
}


/**
 * "Chronic stress alters …", "Severe chronic stress also alters …": a phrase opening the sentence
 * with no determiner, whose last word has an adjective's ending (span.adjective-noun-subject), then
 * a bare present cue form, then (past adverbs) a verb of its own — the cue word is the head noun of
 * the subject, and the phrase before it no speaker.
 */
export function isAdjectiveNounSubject(ctx: Reading, sentenceStart: number, speaker: Range, cueStart: number, cueEnd: number): boolean {
  if (speaker.start !== sentenceStart || speaker.end !== cueStart || cueEnd !== cueStart + 1 || speaker.end - speaker.start > 3) return false;
  if (!cueBarePresentForms().has(ctx.lower(cueStart)) || DETERMINERS.has(ctx.lower(speaker.start))) return false;
  for (let index = speaker.start; index < speaker.end; index++) {
    const token = ctx.tokens[index] as Token;
    // the opening word is capitalised by its place only; a capital later names someone
    if (token.kind !== 'word' || (index > speaker.start && token.capitalized)) return false;
  }
  const adjective = ctx.lower(speaker.end - 1);
  if (!hasAdjectiveEnding(adjective)) return false;
  let at = cueEnd;
  while (at - cueEnd < 2 && (CUE_ADVERBS.has(ctx.lower(at)) || /ly$/.test(ctx.lower(at)))) at++;
  const next = ctx.tokens[at] as Token | undefined;
  // a short word ("as", "its", "this") or one in "-us" ("thus") is no verb
  if (!next || next.kind !== 'word' || next.capitalized || next.lower.length < 4 || next.lower.endsWith('us')) return false;
  return endsInSingleS(next.lower) || PAST_FORM.test(next.lower) || IRREGULAR_PAST.test(next.lower);
}

/** An adjective ending of span.adjective-noun-subject on a word long enough to have a stem before it. */
function hasAdjectiveEnding(word: string): boolean {
  for (const ending of spanWords('span.adjective-noun-subject')) if (word.length > ending.length + 2 && word.endsWith(ending)) return true;
  return false;
}

/** Subject pronouns that take a bare present verb ("they fear"), never an -s form. */
const BARE_FORM_PRONOUNS: ReadonlySet<string> = new Set(['they', 'we', 'i', 'you']);

/**
 * "They listed the delays and claims the firm ignored", "… face the barriers and fears they have":
 * an -s present form after "and" cannot be a second verb of a plural pronoun subject, nor of a
 * plural noun phrase read right before that "and" (the noun it is joined to): it is a plural noun.
 */
export function disagreesWithPluralSubject(ctx: Reading, cueStart: number, cueEnd: number, subject: Range, coordinator: number): boolean {
  const verb = ctx.lower(cueStart);
  if (cueEnd !== cueStart + 1 || !endsInSingleS(verb) || PAST_FORM.test(verb) || IRREGULAR_PAST.test(verb)) return false;
  if (subject.end - subject.start === 1 && BARE_FORM_PRONOUNS.has(ctx.lower(subject.start))) return true;
  // (a subject read up to the "and" itself ends with it)
  if (subject.end !== coordinator && subject.end !== coordinator + 1) return false;
  const head = ctx.tokens[coordinator - 1] as Token;
  // "analysis", "virus", "series": singular nouns that end in -s
  return head.kind === 'word' && !head.capitalized && !COLLECTIVE_HEADS.has(head.lower) && (PLURAL_HEADS.has(head.lower) || (endsInSingleS(head.lower) && !/(?:is|us|ies)$/.test(head.lower)));
}

/**
 * "the mayor feuds with the board and dismisses …", "the ad hits Lee for … and claims that …": before an "-s"
 * cue coordinated with an earlier verb, the first "-s" word after a noun, whose stem is a verb (or unknown to the
 * lexicon), with an object or a phrase after it, is that earlier verb, even where the lexicon files it as a noun
 * too. Returns its position between `from` and the coordinator, if there is one.
 */
export function singularVerbBefore(ctx: Reading, from: number, cueStart: number, coordinator: number): number | undefined {
  if (!endsInSingleS(ctx.lower(cueStart))) return undefined;
  const { tokens, state } = ctx;
  for (let index = from + 1; index < coordinator - 1; index++) {
    const token = tokens[index] as Token;
    const before = tokens[index - 1] as Token;
    if (ctx.quotes.depth[index] !== 0) return undefined;
    if (token.kind !== 'word' || token.capitalized || !/[^s'’]s$/.test(token.lower) || PLURAL_HEADS.has(token.lower)) continue;
    if (before.kind !== 'word' || DETERMINERS.has(before.lower) || before.lower === "'s" || before.lower === '’s' || state.lexicon.classes(before.lower).has('adjective')) continue;
    // ("the nominee feuds with": a stem the lexicon does not know is a verb after a name or a word for a person, not
    // after another noun: "policy differences between".)
    const stem = state.lexicon.classes(token.lower.slice(0, -1));
    const personBefore = before.capitalized || state.speakerHeads.has(before.lower);
    if (!(stem.has('verb') || stem.has('verb-reading') || (stem.size === 0 && personBefore)) && !state.cues.has(token.lower)) continue;
    const next = tokens[index + 1] as Token;
    // an object or a phrase follows a verb: "feuds with", "hits Lee", "runs the"
    if (next.capitalized || DETERMINERS.has(next.lower) || OBJECT_PRONOUNS.has(next.lower) || state.lexicon.classes(next.lower).has('preposition')) return index;
    return undefined;
  }
  return undefined;
}
