import { AUXILIARY_VERBS, IRREGULAR_PAST, MODAL_VERBS, PAST_FORM } from './word-lists.js';
import { isFiniteVerbAt } from './clause-boundaries.js';
import { verbAfterAdverbs } from './closing-clauses.js';
import { isNounLike, isVerbWord } from './word-tests.js';
import { cueBarePresentForms } from './rules.js';
import type { Reading } from './reading.js';

/** The person, number and tense a finite verb shows: "goes", "has"; "have", "are"; "went", "was". */
type FiniteForm = 'present-singular' | 'present-plural' | 'past';

const SINGULAR_PRESENT: ReadonlySet<string> = new Set(['is', 'has', 'does', "isn't", "hasn't", "doesn't"]);
const PLURAL_PRESENT: ReadonlySet<string> = new Set(['are', 'have', 'do', "aren't", "haven't", "don't"]);
const PAST_AUXILIARIES: ReadonlySet<string> = new Set(['was', 'were', 'had', 'did', "wasn't", "weren't", "hadn't", "didn't"]);
/** Words before a verb that leave it bare, showing no form of its own: "would say", "to say", "did say". */
const BARE_VERB_LEADS: ReadonlySet<string> = new Set([...MODAL_VERBS, 'to', 'do', 'does', 'did', "don't", "doesn't", "didn't"]);
/** Subjects of a singular present verb. */
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'it']);

/** The form the verb at `index` shows, when its spelling shows one; a modal or a bare form shows none. */
function finiteFormAt(ctx: Reading, index: number): FiniteForm | undefined {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized) return undefined;
  const word = token.lower;
  if (SINGULAR_PRESENT.has(word)) return 'present-singular';
  if (PLURAL_PRESENT.has(word)) return 'present-plural';
  if (PAST_AUXILIARIES.has(word)) return 'past';
  if (MODAL_VERBS.has(word)) return undefined;
  // "he feels": after a subject pronoun an "-s" word is a verb, whatever else the lexicon lists it as.
  if (/[^s]s$/.test(word) && SUBJECT_PRONOUNS.has(ctx.lower(index - 1))) return 'present-singular';
  if (isNounLike(ctx, index)) return undefined;
  // ("vote", "own": an ending of PAST_FORM on a word the lexicon gives no past tense is no past form.)
  if (word.endsWith('ed') || ctx.state.lexicon.classes(word).has('past-tense') || (PAST_FORM.test(word) && ctx.state.cues.has(word))) return 'past';
  if (/[^s]s$/.test(word) && (isVerbWord(ctx, word.slice(0, -1)) || ctx.state.cues.has(word))) return 'present-singular';
  return undefined;
}

/** The form of the cue's verb, or of the auxiliary before it ("has said"); a plain form after its subject ("they say") is plural. */
function cueForm(ctx: Reading, cueStart: number): FiniteForm | undefined {
  const before = ctx.lower(cueStart - 1);
  // "continues to insist …": a cue after "to" shows the form of the verb before "to", which a later verb may join.
  if (before === 'to' && cueStart >= 2 && ctx.tokens[cueStart - 2]?.kind === 'word') return cueForm(ctx, cueStart - 2) ?? leadVerbForm(ctx, cueStart - 2);
  if (BARE_VERB_LEADS.has(before) || before === 'not' || before === "n't") return undefined;
  const auxiliary = finiteFormAt(ctx, cueStart - 1);
  if (auxiliary && (SINGULAR_PRESENT.has(before) || PLURAL_PRESENT.has(before) || PAST_AUXILIARIES.has(before))) return auxiliary;
  const form = finiteFormAt(ctx, cueStart);
  if (form) return form;
  return ctx.state.cues.has(ctx.lower(cueStart)) && !/(?:s|ed|ing)$/.test(ctx.lower(cueStart)) ? 'present-plural' : undefined;
}

/** "continues to …", "pledged to …": the form of a verb before "to" the lexicon files under its stem only. */
function leadVerbForm(ctx: Reading, index: number): FiniteForm | undefined {
  const token = ctx.tokens[index];
  if (!token || token.capitalized) return undefined;
  const word = token.lower;
  if (/[^s]s$/.test(word) && (isVerbWord(ctx, word.slice(0, -1)) || isVerbWord(ctx, word.slice(0, -2)))) return 'present-singular';
  return /ed$/.test(word) && (isVerbWord(ctx, word.slice(0, -1)) || isVerbWord(ctx, word.slice(0, -2))) ? 'past' : undefined;
}

/**
 * The form of a verb after "and" that the lexicon files under its stem only: "refuses", "pledged";
 * a bare verb of a cue ("and warn that …") is plural, as after plural speakers.
 */
function joinedVerbForm(ctx: Reading, index: number): FiniteForm | undefined {
  const word = ctx.lower(index);
  if (ctx.tokens[index]?.capitalized !== false || AUXILIARY_VERBS.has(word)) return undefined;
  if (cueBarePresentForms().has(word)) return 'present-plural';
  // ("refuses": a cue's forms are verbs whatever else the lexicon files the stem as.)
  if (ctx.state.cues.has(word) && /[^s]s$/.test(word)) return 'present-singular';
  return leadVerbForm(ctx, index);
}

/**
 * "denies that the quay was unsafe and goes on to blame the pilots", "believe the levy is legal and have
 * asked the council …": after a reported clause, a verb right after "and" or "but" (past an adverb or two)
 * whose form is the cue's, and that of no verb of the clause, joins the cue: it is the speaker's next
 * act. A clause with a verb in the cue's form, or whose last verb is a modal ("would close and reopen") or
 * shows no form, leaves it open.
 */
export function predicateAgreesWithCue(ctx: Reading, start: number, coordinator: number, cueStart: number): boolean {
  const cue = cueForm(ctx, cueStart);
  if (!cue) return false;
  const at = verbAfterAdverbs(ctx, coordinator + 1, ctx.tokens.length);
  // "has railed against what it calls the cartel and cast itself as …": after "has" or "have" a participle
  // joins the cue's own, unless the clause has a past form it may join instead.
  if (PERFECT_PRESENT.has(ctx.lower(cueStart - 1)) && isParticipleOfCue(ctx, at)) return !clauseHasPastForm(ctx, start, coordinator);
  if ((finiteFormAt(ctx, at) ?? joinedVerbForm(ctx, at)) !== cue) return false;
  // "have taken their toll and compromised security": a past form may be a participle the clause's "have" or "was" governs.
  if (cue === 'past' && clauseHasParticiple(ctx, start, coordinator)) return false;
  // "is going to vote", "would close": a verb after "to" or a modal is bare, whatever its spelling.
  // Any verb of the clause in the cue's form may be the one "and" joins ("feels he did well and is …").
  let last: FiniteForm | 'bare' | 'modal' | undefined;
  for (let index = start; index < coordinator; index++) {
    if (BARE_VERB_LEADS.has(ctx.lower(index - 1)) || (!isFiniteVerbAt(ctx, index) && !finiteFormAt(ctx, index) && !MODAL_VERBS.has(ctx.lower(index)))) continue;
    last = MODAL_VERBS.has(ctx.lower(index)) ? 'modal' : finiteFormAt(ctx, index) ?? 'bare';
    if (last === cue) return false;
  }
  // "insists that she will fight on and refuses …": a verb after a modal is bare, so a verb of another form joins the
  // cue (an auxiliary, as in "would reopen but did not say …", is left to the rows of coordinated cues).
  return last !== undefined && last !== 'bare' && !(last === 'modal' && (cue === 'present-plural' || AUXILIARY_VERBS.has(ctx.lower(at))));
}

/** The present forms of the perfect's auxiliary: "has said", "have argued". */
const PERFECT_PRESENT: ReadonlySet<string> = new Set(['has', 'have']);

/** "and cast", "and warned": a cue's past form, regular or not, which after "has" is its participle. */
function isParticipleOfCue(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || !ctx.state.cues.has(token.lower)) return false;
  return PAST_FORM.test(token.lower) || IRREGULAR_PAST.test(token.lower);
}

/** A verb in a past form (or a participle) between `start` and `end`, which a later participle may join. */
function clauseHasPastForm(ctx: Reading, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (finiteFormAt(ctx, index) === 'past' || clauseHasParticiple(ctx, index, index + 2)) return true;
  return false;
}

/** A participle after an auxiliary in the clause ("have taken", "was closed"): a later past form may be coordinated with it. */
function clauseHasParticiple(ctx: Reading, start: number, end: number): boolean {
  for (let index = start; index < end - 1; index++) {
    if (!AUXILIARY_VERBS.has(ctx.lower(index)) || MODAL_VERBS.has(ctx.lower(index))) continue;
    const verb = ctx.lower(verbAfterAdverbs(ctx, index + 1, ctx.tokens.length));
    if (/(?:ed|en|wn)$/.test(verb) || ctx.state.lexicon.classes(verb).has('past-tense')) return true;
  }
  return false;
}

/**
 * "found that the diet enhanced metabolism, promoted fullness and …": a verb after a comma in the form of
 * the reported clause's own last verb (not an auxiliary) continues that clause's series, not the speaker's.
 */
export function seriesOwnedByClause(ctx: Reading, start: number, comma: number): boolean {
  const form = finiteFormAt(ctx, verbAfterAdverbs(ctx, comma + 1, ctx.tokens.length));
  const verb = lastFiniteVerbBetween(ctx, start, comma);
  return form !== undefined && verb !== undefined && !AUXILIARY_VERBS.has(ctx.lower(verb)) && finiteFormAt(ctx, verb) === form;
}

/**
 * "said the board rejected both bids, ruled Lee eligible and ordered a recount": "and" closing a series of
 * the reported clause's verbs, all in one form, joins the series' last member, even when that verb is a cue.
 */
export function coordinatorClosesClauseSeries(ctx: Reading, start: number, coordinator: number): boolean {
  const member = lastFiniteVerbBetween(ctx, start, coordinator);
  if (member === undefined || ctx.tokens[member - 1]?.text !== ',') return false;
  return seriesOwnedByClause(ctx, start, member - 1) && seriesOwnedByClause(ctx, start, coordinator);
}

/** The last verb between `start` and `end` that is finite or spelled as a finite form, leaving out verbs after "to" or a modal. */
function lastFiniteVerbBetween(ctx: Reading, start: number, end: number): number | undefined {
  for (let index = end - 1; index > start; index--) {
    if ((!finiteFormAt(ctx, index) && !isFiniteVerbAt(ctx, index)) || BARE_VERB_LEADS.has(ctx.lower(index - 1))) continue;
    return index;
  }
  return undefined;
}
