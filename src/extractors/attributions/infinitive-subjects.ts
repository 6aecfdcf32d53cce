import type { Sentence, Token } from '../text/tokens.js';
import { OBJECT_PRONOUNS, PASSIVE_MARKERS, AUXILIARIES, PRONOUNS, DETERMINERS, SENTENCE_ADVERBIAL_STARTS, MAX_SPEAKER_TOKENS, LY_ADVERB, CUE_ADVERBS } from './word-lists.js';
import { spanVerbForms, spanWords } from './span-rules.js';
import { findSetPhrase } from './set-phrases.js';
import { isModifierPosition } from './word-tests.js';
import { clauseStartBefore } from './sentence-subjects.js';
import { readSpeakerBefore, validSpeaker, type SpeakerRange } from './speaker-spans.js';
import { subjectOfVerb } from './displaced-subjects.js';
import type { Reading, Range } from './reading.js';

// Who does an infinitive cue ("tend to favor …", "urged the council to reject …", "goes on to say …"): read from the verb that governs it.

/**
 * "Farmers tend to favor …", "Roe used the speech to call for …", "she will need to keep on
 * stressing …": the noun phrase that opens the infinitive's clause, up to the first word that reads
 * as its verb (the lexicon knows few inflected verbs, so an unknown word or an "-ed"/"-s" form counts).
 */
export function infinitiveSubject(ctx: Reading, sentence: Sentence, cueStart: number): Range | undefined {
  const { tokens, state, lower } = ctx;
  let start = clauseStartBefore(ctx, sentence, cueStart);
  // An opening adverbial ("To ultimately prevail,", "Seven decades on,") ends at its comma.
  if (SENTENCE_ADVERBIAL_STARTS.has(lower(start)) || lower(start) === 'to') {
    let comma = start;
    while (comma < cueStart && (tokens[comma] as Token).text !== ',') comma++;
    if (comma >= cueStart - 1) return undefined;
    start = comma + 1;
  }
  for (let index = start + 1; index < cueStart - 1 && index - start <= MAX_SPEAKER_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'") return undefined;
    if (token.capitalized || token.kind !== 'word' || DETERMINERS.has(token.lower) || token.lower === 'of' || token.lower === "'s" || state.speakerHeads.has(token.lower)) continue;
    const classes = state.lexicon.classes(token.lower);
    const verbLike = AUXILIARIES.has(token.lower) || classes.has('verb') || classes.size === 0 || (/(?:ed|[^s]s)$/.test(token.lower) && !classes.has('noun'));
    if (!verbLike) continue;
    // "personally select", "also are": an adverb before the verb is not part of the subject.
    let end = index;
    while (end > start && /ly$/.test(lower(end - 1)) && !(tokens[end - 1] as Token).capitalized) end--;
    return validSpeaker(ctx, start, end) ? { start, end } : undefined;
  }
  return undefined;
}

/**
 * "urged the council to reject …", "allow him to call for …", "relies on users to report …": after
 * a verb that puts its object to an act, the object does the infinitive cue; after a verb of using
 * ("used the remarks to urge …") the verb's subject does.
 */
export function infinitiveObject(ctx: Reading, sentence: Sentence, cueStart: number, cueEnd: number, bodyEnd: number): SpeakerRange | undefined {
  const { tokens, lower } = ctx;
  const to = cueStart - 1;
  if (lower(to) !== 'to' || to - 2 < sentence.tokenStart) return undefined;
  const controls = spanVerbForms('span.object-control');
  // "relies on users to report": a verb and its particle govern the object too.
  const governs = (index: number): boolean => controls.has(lower(index)) || (lower(index) === 'on' && (controls.has(`${lower(index - 1)} on`) || (/ly$/.test(lower(index - 1)) && controls.has(`${lower(index - 2)} on`))));
  if (OBJECT_PRONOUNS.has(lower(to - 1))) return governs(to - 2) ? { start: to - 1, end: to, ruleId: 'span.object-control' } : undefined;
  for (let on = to - 2; on > sentence.tokenStart && to - on <= MAX_SPEAKER_TOKENS; on--) {
    if ((tokens[on] as Token).kind === 'punct') break;
    if (lower(on) === 'on' && governs(on)) return validSpeaker(ctx, on + 1, to) ? { start: on + 1, end: to, ruleId: 'span.object-control' } : undefined;
  }
  const object = readSpeakerBefore(ctx, sentence.tokenStart, to);
  if (!object) return undefined;
  // "Roe used the remarks to urge …": the object of a verb of using is the means; whoever uses it does the act.
  // The phrase read may open with that verb ("is using the delays") or run back past it ("The board used the storm figures").
  const instruments = spanVerbForms('span.instrument-object');
  for (let verb = object.start - 1; verb < to - 1; verb++) {
    if (verb <= sentence.tokenStart || !instruments.has(lower(verb)) || (tokens[verb] as Token).capitalized) continue;
    const user = subjectOfVerb(ctx, sentence.tokenStart, verb, cueEnd, bodyEnd);
    return user && { ...user, ruleId: 'span.instrument-object' };
  }
  // "leaving the party's wing to wonder", "certainly force Mr. Roe to": the phrase read may open with the verb itself, after an adverb.
  let verb = object.start;
  while (verb < object.end - 1 && (LY_ADVERB.test((tokens[verb] as Token).text) || CUE_ADVERBS.has(lower(verb)) || lower(verb) === 'almost')) verb++;
  if (controls.has(lower(verb)) && !(tokens[verb] as Token).capitalized && object.end - verb > 1 && validSpeaker(ctx, verb + 1, object.end)) return { start: verb + 1, end: object.end, ruleId: 'span.object-control' };
  return object.start - 1 >= sentence.tokenStart && governs(object.start - 1) ? { ...object, ruleId: 'span.object-control' } : undefined;
}

/**
 * "The notice then goes on to say …", "As Roe tried to discuss …", "Roe failed three times to refuse …",
 * "Roe was prompted to say …": the noun phrase before the verb chain that governs the infinitive
 * (verbs, auxiliaries, adverbs, a particle, a count of times), when such a chain stands right before "to".
 */
export function infinitiveChainSubject(ctx: Reading, sentence: Sentence, cueStart: number): SpeakerRange | undefined {
  const { tokens, lower, state } = ctx;
  const to = cueStart - 1;
  if (lower(to) !== 'to') return undefined;
  let index = to - 1;
  let verbs = 0;
  while (index > sentence.tokenStart && to - index <= 6) {
    const token = tokens[index] as Token;
    if (token.capitalized || (token.kind !== 'word' && token.kind !== 'number')) break;
    const classes = state.lexicon.classes(token.lower);
    const verbLike = AUXILIARIES.has(token.lower) || classes.has('verb') || classes.has('gerund') || (/ed$/.test(token.lower) && !classes.has('noun') && !state.speakerHeads.has(token.lower));
    const chained = verbLike || token.kind === 'number' || /ly$/.test(token.lower) || spanWords('span.infinitive-chain').has(token.lower);
    if (!chained) break;
    if (verbLike) verbs++;
    index--;
  }
  if (index === to - 1) return headlineSubject(ctx, sentence, to);
  // "One of my requests is to ask for …": a lone copula states what a thing is for, unless a person or a pronoun is its subject.
  const copulaOnly = to - index === 2 && PASSIVE_MARKERS.has(lower(to - 1));
  if (verbs === 0) return undefined;
  const subject = readSpeakerBefore(ctx, sentence.tokenStart, index + 1);
  if (!subject || subject.end !== index + 1) return undefined;
  // The phrase must open and end as a noun phrase does: "taking …" or "… mostly chosen" are not subjects.
  const first = tokens[subject.start] as Token;
  const last = tokens[subject.end - 1] as Token;
  if (/ing$/.test(first.lower) && !state.lexicon.classes(first.lower).has('noun')) return undefined;
  if (copulaOnly && !PRONOUNS.has(last.lower) && !state.speakerHeads.has(last.lower)) return undefined;
  if (!last.capitalized && last.kind === 'word' && !PRONOUNS.has(last.lower) && !state.speakerHeads.has(last.lower) && !state.lexicon.classes(last.lower).has('noun') && !isModifierPosition(ctx, subject.end - 2)) return undefined;
  // "Roe seemed to mock …": the hedged cue's reading (span.hedged-cue) names the rule.
  const ruleId = spanWords('span.hedged-cue').has(lower(to - 1)) ? 'span.hedged-cue' : 'span.infinitive-chain';
  return validSpeaker(ctx, subject.start, subject.end) ? { ...subject, ruleId } : undefined;
}

/** "Dock union to endorse Holt", "Mayor Roe to call for …": a headline's name, then "to" and the cue, reports what the name will do. */
function headlineSubject(ctx: Reading, sentence: Sentence, to: number): SpeakerRange | undefined {
  const { tokens, state } = ctx;
  // "To ask for more …": a "to" opening the sentence has no name before it (nor a token, at the text's start).
  if (to <= sentence.tokenStart) return undefined;
  const head = tokens[to - 1] as Token;
  if (!head.capitalized && !state.speakerHeads.has(head.lower)) return undefined;
  const subject = readSpeakerBefore(ctx, sentence.tokenStart, to);
  if (!subject || subject.start !== sentence.tokenStart || !(tokens[subject.start] as Token).capitalized || to - subject.start > 8) return undefined;
  return validSpeaker(ctx, subject.start, subject.end) ? { ...subject, ruleId: 'span.infinitive-chain' } : undefined;
}

/** How far before its last word a set phrase's cue word may stand: "may want to", "can't seem to". */
const MAX_SET_PHRASE_REACH = 3;

/**
 * "The council may want to endorse …", "didn't think to ask …": a set phrase of
 * config/attributions/non-cues.json that ends in the "to" before the cue makes the infinitive
 * advice or a lapse, not the subject's act. A hedge ("can't seem to") is read by span.hedged-cue.
 */
export function setPhraseBeforeInfinitive(ctx: Reading, cueStart: number): boolean {
  const to = cueStart - 1;
  return ctx.lower(to) === 'to' && !spanWords('span.hedged-cue').has(ctx.lower(to - 1)) && endsSetPhrase(ctx, to);
}

/** A set phrase of config/attributions/non-cues.json whose last word is the token at `last`. */
function endsSetPhrase(ctx: Reading, last: number): boolean {
  for (let position = last; position >= Math.max(0, last - MAX_SET_PHRASE_REACH); position--) {
    if (findSetPhrase(ctx, position, (match) => match.end - 1 === last)) return true;
  }
  return false;
}
