import { FALL_IN_AMOUNT_ROW, fallsInAmount } from './amount-changes.js';
import type { Sentence, Token } from '../text/tokens.js';
import { gapSpeakerEndsPlainly, opensRelativeGap, relativeGapAt } from './relative-gaps.js';
import type { ActorMention, Span } from '../../model/claim.js';
import { GRADING_WORDS, ADJECTIVE_ENDINGS, AUXILIARY_VERBS, LY_ADVERB, POSSESSIVE_MARKS, NEGATED_BE, MAX_SPEAKER_TOKENS, POSSESSIVE_ENDINGS, RELATIVE_SUBJECTS, CLAUSE_WORDS, DETERMINERS, endsInSingleS, OBJECT_PRONOUNS, CUE_ADVERBS, AUXILIARIES, PAST_FORM, PASSIVE_MARKERS, PRONOUNS, NOUN_MARKERS, CLAUSE_OPENERS, NOUN_PREPOSITIONS, QUESTION_LEADERS, SCALE_WORDS, TIME_WORDS } from './word-lists.js';
import { carriesContractedVerb, isFiniteVerbBefore, isNounLike, isNounWord, isPronounWithBe, isVerbAfter, isVerbWord, looksAdjective, mayBeVerbWord } from './word-tests.js';
import { isCountWord, readSpeakerBefore } from './speaker-spans.js';
import { spanVerbForms, spanWords } from './span-rules.js';
import { isFiniteVerbAt, opensReportedClause, startsClause, thatAfterToAddressee, thatClosingAdjunct } from './clause-boundaries.js';
import { matchNounCue, opensInfinitive, readsAsInfinitive } from './noun-cues.js';
import { matchSourcePhrase, PEOPLE_SPEAKER_ROWS } from './source-phrases.js';
import { hasFiniteVerbBetween } from './verb-ranges.js';
import { documentBeforeRelative } from './document-subjects.js';
import { isPredicateAdjective } from './predicate-adjectives.js';
import { isAttributiveParticiple, isCountedNounParticiple, isReducedPassiveAccusation, isReducedRelativeParticiple, isDegreeModified, isNamingParticiple, isNounAfterPreposition, isPrepositionParticiple } from './attributive-participles.js';
import { matchAttitudeAdjective } from './attitude-adjectives.js';
import { addsToSomething, asksUnstatedQuestion, invitesGuest, knowsPerson, objectHeadOfRow, runsAgainstPerson, telephonesPerson } from './person-objects.js';
import { opensSentence } from './opening-participles.js';
import type { CueForm } from './engine.js';
import { isPassiveComplement } from './rules.js';
import { inHeadline, type Reading } from './reading.js';
import { isTitleCaseRun } from './headlines.js';
import { experiencerAfter } from './experiencer-objects.js';

/** A verb of finding ("show", "found", "suggests") at `index`. */
export function isFindingVerbAt(ctx: Reading, index: number): boolean {
  return ctx.state.cues.get(ctx.lower(index))?.some((option) => option.frame === 'finding') ?? false;
}

/** Row of config/attributions/cues.json whose nouns take the infinitive of what was intended ("a detailed plan to …"). */
const INTENT_NOUN_ROW = 'cue.noun-intent';

export function matchCue(ctx: Reading, position: number, end: number): CueForm | undefined {
  // Called for nearly every token: the look-ups that rule most words out come first.
  const token = ctx.tokens[position] as Token;
  const state = ctx.state;
  if (state.phraseCues.has(token.lower)) {
    const phraseCue = matchNounCue(ctx, position, end) ?? matchSourcePhrase(ctx, position, end);
    if (phraseCue) return phraseCue;
  }
  const options = state.cues.get(token.lower);
  // Apart, so that only a listed word pays for the closures the readings of its options build.
  return options ? matchCueOptions(ctx, position, end, token, options) : undefined;
}

/**
 * The cue at `position` stands in a relative clause whose subject it left behind: "which they say allowed …" (attribution.relative-gap).
 * A present form needs a speaker ending in a pronoun, a name or a lone quantifier: "which battleground states could …" is a noun.
 */
function inRelativeGap(ctx: Reading, position: number, end: number, option: CueForm, anySpeaker = false): boolean {
  if (!opensRelativeGap(ctx, position + option.words.length)) return false;
  const sentence = { ...(ctx.sentences[ctx.currentSentence] as Sentence), tokenStart: ctx.currentSentenceStart };
  const gap = relativeGapAt(ctx, sentence, end, position, option);
  return gap !== undefined && (anySpeaker || PAST_FORM.test(ctx.lower(position)) || gapSpeakerEndsPlainly(ctx, gap));
}

/** The cue form of the listed word at `position` (its `options`) that the words around it read as a cue, if any. */
function matchCueOptions(ctx: Reading, position: number, end: number, token: Token, options: readonly CueForm[]): CueForm | undefined {
  const state = ctx.state;
  const { tokens, lower, isOpenQuote } = ctx;
  // "reportedly", "allegedly": an adverb, so none of the tests below for telling a verb from a noun apply.
  const hearsay = options.find((option) => option.frame === 'hearsay');
  if (hearsay) return hearsayBeforeOwnCue(ctx, position, end) ? undefined : hearsay;
  // "according to": a fixed phrase, not a verb, so the tests below for telling a verb from a noun do not apply ("leading by 11 points according to the survey");
  // right after a participle it says how a thing was done ("may be moored according to the bylaws"), which the tests below still rule out.
  const according = options.find((option) => option.frame === 'according');
  if (according && ctx.lower(position + 1) === 'to' && position + 1 < end && !PAST_FORM.test(ctx.lower(position - 1))) return according;
  const question = options.find((option) => option.frame === 'question');
  if (question && isQuestionContext(ctx, position)) return question;
  // "is critical of", "was confident that": an adjective of attitude after a linking verb.
  if (options.some((option) => option.complement === 'linked')) {
    const attitude = matchAttitudeAdjective(ctx, position, end, options);
    if (attitude) return attitude;
  }
  // "That rattled the pilots", "the levy angered Jo Lee": a verb of the amuse class with people after it, read before the tests
  // for telling a verb from a noun, which take "that" before it for a determiner.
  const experiencer = options.find((option) => option.complement === 'experiencer');
  if (experiencer && experiencerAfter(ctx, position, position + 1, end) !== undefined) return experiencer;
  // "new fundraising reports show …": a document noun before a verb of finding is that verb's subject.
  if (state.speakerHeads.get(token.lower) === 'speaker.document' && isFindingVerbAt(ctx, position + 1)) return undefined;
  if (token.capitalized && options.every((option) => option.frame !== 'according') && !isTitleCaseHeadline(ctx, position, end) && !frontedBeforeQuotation(ctx, position, end) && !opensSentenceAsParticiple(ctx, position)) return undefined;
  // "Jo Roe, defending, said …": a participle set off by commas right before a speech verb names the speaker's role.
  if (/ing$/.test(token.lower) && tokens[position - 1]?.text === ',' && tokens[position + 1]?.text === ',' && state.cues.has(lower(position + 2)) && PAST_FORM.test(lower(position + 2))) return undefined;
  // "gold-leaf detailing, columns, and lamps", "shouting, pointing, jeering": an -ing word followed by one more bare word set off by
  // commas is an item of a series of nouns or acts, with no content of its own ("adding, however, that …" sets off an aside).
  if (/ing$/.test(token.lower) && inSeriesOfItems(ctx, position)) return undefined;
  const contraction = lower(position - 1) === "'s" && PRONOUNS.has(lower(position - 2)); // "He’s claiming"
  if (NOUN_MARKERS.has(lower(position - 1)) && !contraction && !documentRelativeBefore(ctx, position, options) && !(options.some((option) => option.frame === 'speech' && option.complement !== 'quote' && !option.nounForm) && quotingThingRelativeBefore(ctx, position, position + 1))) return undefined;
  const pastForm = PAST_FORM.test(token.lower);
  // "amid reports that …", "with claims that …": an -s form of saying right after a preposition is a noun, whose speaker goes
  // unnamed (a word of intent keeps the subject's: "campaigned with promises to …").
  if (!pastForm && endsInSingleS(token.lower) && options.every((option) => option.frame === 'speech' && option.complement !== 'intent') && position > ctx.currentSentenceStart && !(tokens[position - 1] as Token).capitalized && lower(position - 1) !== 'to' && state.lexicon.classes(lower(position - 1)).has('preposition')) return undefined;
  // Read at most once: several tests below ask whether a clause or object follows the word.
  let reports: boolean | undefined;
  const reportsAfterCue = (): boolean => (reports ??= reportsAfter(ctx, position, end));
  // "a $12 million plan", "won with 60% support: …"; but "64 percent call him competent", "six in 10 say they …" are verbs with an object or clause,
  // and after a share of people ("61 percent say the plan …", "one in five say it's …") a clause of its own, or an
  // object opened by a determiner or a reflexive ("61% support the levy", "53% describe themselves"), makes the word a verb.
  if (!pastForm && (tokens[position - 1]?.kind === 'number' || SCALE_WORDS.has(lower(position - 1))) && !opensObjectOrClause(ctx, position + 1) && !(endsShareOfPeople(ctx, position - 1) && (reportsAfterCue() || opensObjectAfterShare(ctx, position + 1)))) return undefined;
  // Past forms are verbs; "asks", "calls", "demands" after an adjective are nouns.
  // "warm backing to keep them afloat": after an adjective an infinitive is the noun's purpose, unless the word is one of intent ("a detailed plan to …").
  // "two critical reports that depicted …": a "that" followed by a past verb opens a relative clause, no report.
  const relativeAfter = (): boolean => lower(position + 1) === 'that' && PAST_FORM.test(lower(position + 2)) && !AUXILIARY_VERBS.has(lower(position + 2)) && opensRelativeVerb(ctx, position + 2);
  // ("a rule that most pilots still believes is fair": an adverb before the verb of a relative clause whose subject left it modifies no noun.)
  if (!pastForm && modifiesNounAt(ctx, position - 1, token.lower) && !afterPolledGroup(ctx, position - 1) && (purposeAfterAdjective(ctx, position, options) || !reportsAfterCue() || relativeAfter()) && !(AUXILIARIES.has(lower(position - 1)) && options.some((option) => inRelativeGap(ctx, position, end, option, true)))) return undefined;
  // "10-year notes": a present form after a number joined to a noun is a noun.
  if (!pastForm && tokens[position - 2]?.text === '-' && tokens[position - 3]?.kind === 'number') return undefined;
  // "there are still a number of picky details to …": a noun phrase after "there is" has no subject in it,
  // unless the word before could be a subject of its own ("there are two reasons Israel refuses …", "no doubt officials say …").
  if (!pastForm && !/ing$/.test(token.lower) && isModifierWordAt(ctx, position - 1) && inExistentialNounPhrase(ctx, position)) return undefined;
  // "Preliminary reveal shows that …": a word right before a verb of finding that opens its content is that verb's subject.
  if (!pastForm && endsInSingleS(lower(position + 1)) && isFindingVerbAt(ctx, position + 1) && lower(position + 2) === 'that') return undefined;
  if (isPredicateAdjective(ctx, position)) return undefined;
  if (isAttributiveParticiple(ctx, position)) return undefined;
  const describing = isCountedNounParticiple(ctx, position) ? 'span.counted-participle' : isPrepositionParticiple(ctx, position) ? 'span.preposition-participle' : isNamingParticiple(ctx, position) ? 'span.naming-participle' : isDegreeModified(ctx, position) ? 'span.degree-modified' : isReducedRelativeParticiple(ctx, position) ? 'span.reduced-relative-participle' : isNounAfterPreposition(ctx, position) ? 'span.noun-after-preposition' : undefined;
  const personOnly = knowsPerson(ctx, position) ? 'span.acquaintance-object' : telephonesPerson(ctx, position) ? 'span.telephone-object' : asksUnstatedQuestion(ctx, position) ? 'span.question-object' : runsAgainstPerson(ctx, position) ? 'span.opponent-object' : objectHeadOfRow(ctx, position, end, 'span.audience-object') ? 'span.audience-object' : objectHeadOfRow(ctx, position, end, 'span.occasion-object') ? 'span.occasion-object' : addsToSomething(ctx, position, end) ? 'span.increase-object' : invitesGuest(ctx, position, end) ? 'span.guest-invitation' : fallsInAmount(ctx, position, end) ? FALL_IN_AMOUNT_ROW : undefined;
  if (personOnly) {
    ctx.rejected.push({ ...(ctx.spanOf(position, position + 1) as Span), layer: 'attribution', reason: 'a person known, telephoned, asked an unstated question, run against or invited as a guest, an audience spoken to, an occasion marked, a thing added or a fall in amount, not a view held', ruleId: personOnly });
    return undefined;
  }
  if (describing) {
    ctx.rejected.push({ ...(ctx.spanOf(position, position + 1) as Span), layer: 'attribution', reason: 'a cue word describing a noun, not a verb of saying or thinking', ruleId: describing });
    return undefined;
  }
  // "gained support", "welcomed calls": a past verb right before a present form makes it its object,
  // also before a clause when that verb has a subject of its own ("we received reports that …").
  if (!pastForm && !/ing$/.test(token.lower) && isFiniteVerbBefore(ctx, position - 1) && !afterPolledGroup(ctx, position - 1) && !reportsAfterCue()) return undefined;
  // "we received reports that …", "the port got claims that …": an -s form right after a past verb is that verb's object.
  if (!pastForm && endsInSingleS(token.lower) && isPastObjectTaker(ctx, position - 1)) return undefined;
  // "the fishers have claims in the bay", "we have reports of a fire": a perfect takes a past participle, never an -s form, so a
  // word of saying after "have" is its object, and whoever holds the claims or reports is not shown making them (words of
  // thought or intent keep their holder: "Roe has plans to sell", "Lee had hopes that …").
  if (!pastForm && endsInSingleS(token.lower) && HAVE_FORMS.has(lower(position - 1)) && options.every((option) => option.frame === 'speech' && option.complement !== 'intent')) return undefined;
  // "the man accused of theft": a passive with its auxiliary left out; the noun before is the one accused, so only the passive rows read it.
  const reducedPassive = isReducedPassiveAccusation(ctx, position);
  if (reducedPassive) ctx.rejected.push({ ...(ctx.spanOf(position, position + 1) as Span), layer: 'attribution', reason: 'a passive of accusing without its auxiliary: the noun before is the one accused, not the speaker', ruleId: 'span.reduced-passive-accusation' });
  // Looked up once, on the first passive option: the auxiliary before the word does not depend on the option.
  let hasPassiveAuxiliary: boolean | undefined = reducedPassive || undefined;
  for (const option of options) {
    if (option.frame === 'question' || option.complement === 'linked') continue;
    if (isPassiveComplement(option.complement) && !(hasPassiveAuxiliary ??= passiveAuxiliaryBefore(ctx, position) !== undefined)) continue;
    if (reducedPassive && !isPassiveComplement(option.complement)) continue;
    // "was announced by the board": with its agent the passive is read as the verb's own row reads it.
    if (option.complement === 'passive-alone' && agentFollows(ctx, position + option.words.length, end)) continue;
    if (position + option.words.length > end) continue;
    const matched = option.words.length === 1 ? option : phraseWithAdverbs(ctx, position, end, option);
    if (!matched) continue;
    const after = position + matched.words.length;
    // "He jokes, “…”": after a pronoun or a name, a comma before a quotation opens it as well.
    const quoteAfterComma = tokens[after]?.text === ',' && isOpenQuote(after + 1) && (PRONOUNS.has(lower(position - 1)) || tokens[position - 1]?.capitalized === true);
    const opensContent = lower(after) === 'that' || isOpenQuote(after) || tokens[after]?.text === ':' || quoteAfterComma;
    // "which officials say allowed …", "which he estimates will …": the verb of a relative clause whose subject left the cue's
    // clause for the pronoun before the speaker follows the cue, which none of the tests below for a noun or a clause may read.
    if (inRelativeGap(ctx, position, end, matched)) return matched;
    // "Harbour Board Backs Roe", "Jo Lee tweets fare chart": in a headline an -s form right after a name is the name's verb.
    if (option.nounForm && !opensContent && !headlineVerbAfterName(ctx, position)) continue;
    // "the states that have voted", "a bold look that adds": a noun form, or a word of intent, before a relative clause is a noun.
    if ((option.nounForm || option.complement === 'intent') && lower(after) === 'that' && opensRelativeVerb(ctx, after + 1)) continue;
    // "made the case to voters that …": the addressee may stand before the clause of a verb of saying.
    // ("learned from experience that …": a short adjunct may stand before the "that"; not for an "-ing" form, which a
    // phrase of its own makes a noun, "a gathering of pilots that …", nor after a preposition's noun, which the word
    // describes: "made the case to pilots gathered in the port that …".)
    const adjunctBeforeThat = !(option.words.length === 1 && token.lower.endsWith('ing')) && !(lower(position - 2) === 'to' || ctx.state.lexicon.classes(lower(position - 2)).has('preposition')) && clauseAfterAdjunct(ctx, after, end);
    if (option.complement === 'clause' && !opensContent && !CLAUSE_OPENERS.has(lower(after)) && !(option.frame === 'speech' && thatAfterToAddressee(ctx, after, end) !== undefined) && !adjunctBeforeThat) continue;
    if (option.complement === 'as' && lower(after) !== 'that' && !asFollows(ctx, after, end)) continue;
    // "decided to run", "decided not to run".
    const infinitive = lower(after) === 'not' && lower(after + 1) === 'to' ? after + 1 : after;
    if (option.complement === 'intent' && !opensContent && !CLAUSE_OPENERS.has(lower(after)) && !(lower(infinitive) === 'to' && opensInfinitive(ctx, infinitive + 1))) continue;
    if (option.complement === 'object-infinitive' && !opensContent && !directiveFollows(ctx, position, after, end)) continue;
    // A verb of the amuse class was read above, or its object names no people.
    if (option.complement === 'experiencer') continue;
    // "convinced that …" after a linking verb is the adjective of attitude's, so only the object and infinitive count.
    // "helped persuade the board to …": a bare infinitive after "help" has its subject before "help", which the reading of the speaker does not reach.
    if (option.complement === 'person-infinitive' && (!peopleUrgedToAct(ctx, after, end) || HELP_FORMS.has(lower(position - 1)))) continue;
    // "support from", "attacks on": a present form followed by a preposition of its own is a noun; not when the phrase
    // is an adjunct closed by "that" and a clause ("we know from experience that the ferry is late").
    if (!pastForm && option.frame === 'belief' && option.words.length === 1 && NOUN_PREPOSITIONS.has(lower(after)) && !(subjectBefore(ctx, position) && clauseAfterAdjunct(ctx, after, end))) continue;
    // "his support remains", "the questions often contained": a verb right after a present form makes it a noun subject.
    if (!pastForm && option.words.length === 1 && isVerbAfter(ctx, after)) continue;
    // "Ferry report gives pilots a lift": in a headline, which drops the article, a noun of saying or intending before an -s
    // verb that reads as no cue is that verb's subject.
    if (!pastForm && option.words.length === 1 && inHeadline(ctx, position) && presentVerbAt(ctx, after) && matchCue(ctx, after, end) === undefined) {
      ctx.rejected.push({ ...(ctx.spanOf(position, position + 1) as Span), layer: 'attribution', reason: 'in a headline, a noun of saying that is the subject of the verb after it', ruleId: HEADLINE_NOUN_SUBJECT_ROW });
      continue;
    }
    return matched;
  }
  return undefined;
}

/**
 * "advised the board to sell", "invited Roe to speak": a "to" infinitive after the object, before any punctuation or
 * clause word; also a clause ("advises patients stay home", "advised him that …") or a quotation ("advised, “…”").
 * Without one the verb takes a client or a guest ("advises the port on leases", "invited Roe to lunch").
 */
function directiveFollows(ctx: Reading, position: number, start: number, end: number): boolean {
  const { tokens, lower, isOpenQuote } = ctx;
  const relative = inRelativeClause(ctx, position);
  if ((!relative && opensReportedClause(ctx, start, end)) || (lower(start) === ',' && isOpenQuote(start + 1))) return true;
  for (let index = start; index < end - 1 && index - start <= MAX_SPEAKER_TOKENS; index++) {
    const word = lower(index);
    if (((tokens[index] as Token).kind === 'punct' && !POSSESSIVE_ENDINGS.has(word) && word !== '-') || (CLAUSE_WORDS.has(word) && index > start + 1)) return false;
    if (word === 'that' && OBJECT_PRONOUNS.has(lower(start)) && index === start + 1) return true;
    // "patients stay home" opens a clause; "who advised the port declined to comment": the verb after the object is the
    // sentence's own, whose subject the relative clause describes.
    if (index > start && !(tokens[index] as Token).capitalized && isVerbWord(ctx, word) && !isNounWord(ctx, word)) return !relative;
    if (word !== 'to') continue;
    // "to “become …”": the quotation opens with the verb.
    return readsAsInfinitive(ctx, isOpenQuote(index + 1) ? index + 2 : index + 1);
  }
  return false;
}

/** Most words of the object between a verb of pressing and its "to": "pressed fellow Senate Democrats to". */
const MAX_URGED_OBJECT_TOKENS = 6;
/** Forms of "help", which take a bare infinitive: "helped persuade". */
const HELP_FORMS: ReadonlySet<string> = new Set(['help', 'helps', 'helped', 'helping']);

/**
 * "pressed the council to close the pier", "pushed China and India to curb emissions", "persuaded him to run": an
 * object naming people (a name, an object pronoun or a word for people) and then a "to" infinitive of a verb, the
 * object's act the subject pressed for. A thing pushed or pressed ("pushed the cart to the gate", "pressed the button
 * to open it") or a noun after "to" ("pushed her to victory") is no position.
 */
function peopleUrgedToAct(ctx: Reading, start: number, end: number): boolean {
  const { tokens, lower, state } = ctx;
  let people = false;
  for (let index = start; index < end - 1 && index - start <= MAX_URGED_OBJECT_TOKENS; index++) {
    const token = tokens[index] as Token;
    const word = lower(index);
    if (word === 'to') {
      return people && index > start && opensVerbAfterTo(ctx, index + 1);
    }
    if ((token.kind === 'punct' && !POSSESSIVE_ENDINGS.has(word) && word !== '-' && word !== '.') || (CLAUSE_WORDS.has(word) && word !== 'and')) return false;
    if (token.capitalized || OBJECT_PRONOUNS.has(word) || PEOPLE_SPEAKER_ROWS.has(state.speakerHeads.get(word) ?? '')) people = true;
  }
  return false;
}

/**
 * A word the lexicon knows as a verb, or one it lists only as an adjective with an object after it ("to close the pier",
 * "to open them"): "to victory", "to office", "to new heights" say where a push led, not an act pushed for.
 */
function opensVerbAfterTo(ctx: Reading, index: number): boolean {
  const classes = ctx.state.lexicon.classes(ctx.lower(index));
  if (classes.has('verb') || classes.has('verb-reading')) return true;
  const next = ctx.lower(index + 1);
  return classes.has('adjective') && (DETERMINERS.has(next) || OBJECT_PRONOUNS.has(next));
}

/** "who advised", "which has long advised": a relative pronoun, past auxiliaries and adverbs, before the verb at `position`. */
function inRelativeClause(ctx: Reading, position: number): boolean {
  let index = position - 1;
  while (index > ctx.currentSentenceStart && (AUXILIARIES.has(ctx.lower(index)) || LY_ADVERB.test(ctx.tokens[index]?.text ?? ''))) index--;
  return RELATIVE_SUBJECTS.has(ctx.lower(index));
}

/** How far after a passive participle its "by" may stand ("was announced on Monday by the board"). */
const MAX_AGENT_GAP = 5;

/** "by" within a few words after `start`, before any punctuation: the passive names its agent. */
function agentFollows(ctx: Reading, start: number, end: number): boolean {
  for (let index = start; index < end && index - start < MAX_AGENT_GAP; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.kind === 'punct') return false;
    if (token.lower === 'by') return true;
  }
  return false;
}

/** Most manner adverbs a phrasal cue takes between its words: "spoke only briefly about". */
const MAX_ADVERBS_IN_PHRASE = 2;

/**
 * The phrasal cue `option` (a verb and its particles) as it stands at `position`, manner adverbs
 * inside it ("spoke briefly about", "talked more about", "spoke out sharply against") kept in its
 * words so the cue span covers them; undefined when the words are not there. Only verbs of
 * talking take them: "focused heavily on Iowa" tells where effort went, not what anyone said.
 */
function phraseWithAdverbs(ctx: Reading, position: number, end: number, option: CueForm): CueForm | undefined {
  const { lower } = ctx;
  const words = [option.words[0] as string];
  const takesAdverbs = spanVerbForms('span.adverb-in-phrasal-cue').has(words[0] as string);
  let index = position + 1;
  let adverbs = 0;
  let degree = false;
  let addressed = false;
  for (let offset = 1; offset < option.words.length; offset++) {
    while (takesAdverbs && lower(index) !== option.words[offset] && adverbs < MAX_ADVERBS_IN_PHRASE && index < end && isMannerAdverbAt(ctx, index)) {
      if (spanWords('span.degree-in-phrasal-cue').has(lower(index))) degree = true;
      words.push(lower(index));
      index++;
      adverbs++;
    }
    // "talked to reporters about", "spoke with Jo Lee about": who was talked to stands before "about" ("spoke to a
    // gathering of pilots" holds no "speak of").
    const addressee = lower(index) !== option.words[offset] && offset === option.words.length - 1 && option.words[offset] === 'about' ? addresseeEnd(ctx, position, index, end, option.words[offset] as string) : undefined;
    if (addressee !== undefined) {
      for (; index < addressee; index++) words.push(lower(index));
      addressed = true;
    }
    if (index >= end || lower(index) !== option.words[offset]) return undefined;
    words.push(lower(index));
    index++;
  }
  if (adverbs === 0 && !addressed) return option;
  return { ...option, words, ...(adverbs > 0 ? { adverbInside: degree ? 'degree' : 'manner' } : {}), ...(addressed ? { addresseeInside: true } : {}) };
}

/** Row of config/attributions/spans.json: who was talked to, between a verb of talking and its particle ("talked to reporters about"). */
const ADDRESSEE_IN_PHRASE_ROW = 'span.addressee-in-phrasal-cue';
/** The prepositions before who was talked to. */
const ADDRESSEE_PREPOSITIONS: ReadonlySet<string> = new Set(['to', 'with']);
/** Most words the person talked to may have: "spoke with the harbour board's chair about". */
const MAX_ADDRESSEE_TOKENS = 5;

/**
 * "talked to reporters about", "spoke with Jo Lee about", "is talking to his inner circle about": after a verb of
 * talking (span.addressee-in-phrasal-cue), "to" or "with" and who was talked to (an object pronoun, a name, or a
 * phrase a determiner opens) up to the cue's particle. Returns the particle's index, or undefined.
 */
function addresseeEnd(ctx: Reading, verb: number, start: number, end: number, particle: string): number | undefined {
  const { lower, tokens } = ctx;
  if (!spanVerbForms(ADDRESSEE_IN_PHRASE_ROW).has(lower(verb)) || !ADDRESSEE_PREPOSITIONS.has(lower(start))) return undefined;
  const first = tokens[start + 1];
  if (first === undefined || first.kind !== 'word' || !(OBJECT_PRONOUNS.has(first.lower) || DETERMINERS.has(first.lower) || first.capitalized)) return undefined;
  for (let index = start + 2; index < end && index - start <= MAX_ADDRESSEE_TOKENS + 1; index++) {
    const token = tokens[index] as Token;
    if (token.lower === particle) return index;
    if ((token.kind !== 'word' && !POSSESSIVE_MARKS.has(token.lower)) || CLAUSE_WORDS.has(token.lower) || AUXILIARIES.has(token.lower) || ctx.quotes.depth[index] !== 0) return undefined;
  }
  return undefined;
}

/** A lower-case "-ly" adverb that is no noun, adjective or verb ("briefly", "highly", not "family", "early"), or a degree word ("more"). */
function isMannerAdverbAt(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized) return false;
  if (spanWords('span.degree-in-phrasal-cue').has(token.lower)) return true;
  if (!/ly$/.test(token.lower)) return false;
  const classes = ctx.state.lexicon.classes(token.lower);
  return !classes.has('noun') && !classes.has('adjective') && !classes.has('verb');
}

/**
 * An adjective ("ambitious asks"), an -ing modifier ("fast charging support") or, for a bare form of the
 * word, an adjective opening the sentence ("Early support grew …"): the word
 * at `index` modifies the cue word, which is then a noun unless a clause follows.
 */
function modifiesNounAt(ctx: Reading, index: number, cueWord: string): boolean {
  if (looksAdjective(ctx, index)) return true;
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || ctx.state.speakerHeads.has(token.lower)) return false;
  const classes = ctx.state.lexicon.classes(token.lower);
  // An -ing word is a modifier only after an adjective or a determiner ("fast charging support"); else it is a verb
  // taking the word as its object ("raising questions about …").
  // ("the most telling promise": a degree word grades the -ing word as an adjective too.)
  if (!token.capitalized) return /ing$/.test(token.lower) && classes.has('gerund') && (NOUN_MARKERS.has(ctx.lower(index - 1)) || looksAdjective(ctx, index - 1) || GRADING_WORDS.has(ctx.lower(index - 1)));
  // An adjective opening the sentence ("Chronic stress alters …") is no name; a bare form after a singular word needs no subject test.
  return index === ctx.currentSentenceStart && !endsInSingleS(cueWord) && (classes.has('adjective') || ADJECTIVE_ENDINGS.test(token.lower));
}


/**
 * A lower-case content word that is no pronoun and no word for a speaker: it may modify a noun after it.
 * After "to" the word is an infinitive ("reason to believe"), after a determiner or preposition the other tests decide.
 */
function isModifierWordAt(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (token === undefined || token.kind !== 'word' || token.capitalized || token.lower === 'to') return false;
  if (PRONOUNS.has(token.lower) || DETERMINERS.has(token.lower) || NOUN_MARKERS.has(token.lower)) return false;
  return !ctx.state.speakerHeads.has(token.lower) && !ctx.state.lexicon.classes(token.lower).has('preposition');
}

/** Forms of "be" after which "there" opens a noun phrase with no subject of its own. */
const EXISTENTIAL_BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", "'re"]);
/** How far back from the cue word the "there is" of its noun phrase may stand: "there'll be two new 40-tonne mooring winch upgrades". */
const MAX_EXISTENTIAL_PHRASE_TOKENS = 8;

/** "there are still a great many loose mooring ropes", "there'll be mooring winch upgrades": the word heads the noun phrase that "there is" introduces. */
function inExistentialNounPhrase(ctx: Reading, position: number): boolean {
  const { tokens, lower, state } = ctx;
  for (let index = position - 1; index >= ctx.currentSentenceStart && position - index <= MAX_EXISTENTIAL_PHRASE_TOKENS; index--) {
    const token = tokens[index] as Token;
    if (EXISTENTIAL_BE.has(token.lower)) {
      let before = index - 1;
      // "there will be", "there'll be", "there have been"
      while (before > index - 3 && before >= ctx.currentSentenceStart && (AUXILIARY_VERBS.has(lower(before)) || lower(before) === "'ll")) before--;
      return lower(before) === 'there';
    }
    // A clause word, a punctuation mark or another cue ends the noun phrase: "there are those who say …".
    if (token.kind === 'punct' || CLAUSE_WORDS.has(token.lower) || state.cues.has(token.lower)) return false;
  }
  return false;
}

/**
 * "the levy", "their plan", "themselves", "they're liberal": a determiner, a reflexive or a pronoun
 * carrying its verb, none of which a noun "support" or "say" is followed by.
 */
function opensObjectAfterShare(ctx: Reading, index: number): boolean {
  const word = ctx.lower(index);
  if (word === 'that' || word === "'s" || word === 'whose') return false;
  return NOUN_MARKERS.has(word) || /sel(?:f|ves)$/.test(word) || carriesContractedVerb(word);
}

/** "61 percent", "47 %", "one in five": a share of people ends at `index`, unlike an amount ("$12 million", "2016"). */
function endsShareOfPeople(ctx: Reading, index: number): boolean {
  const word = ctx.lower(index);
  if (word === 'percent' || word === '%') return true;
  return isCountWord(ctx, index) && ctx.lower(index - 1) === 'in';
}

/** "it's not …", "it would …": "it" and its verb open a clause (reportsAfter leaves "it" out, which is mostly an object). */
function opensItClause(ctx: Reading, index: number): boolean {
  return ctx.lower(index) === 'it' && (ctx.lower(index + 1) === "'s" || AUXILIARY_VERBS.has(ctx.lower(index + 1)));
}

/**
 * "those surveyed say", "voters polled said", "riders questioned support …": a participle after
 * "those" or a word for people, or a participle of polling (span.polled-group) after any plural, is
 * no adjective of the cue word, but ends its subject.
 */
function afterPolledGroup(ctx: Reading, index: number): boolean {
  const before = ctx.lower(index - 1);
  if (!/ed$/.test(ctx.lower(index))) return false;
  return before === 'those' || ctx.state.speakerHeads.get(before) === 'speaker.person-description' || (spanWords('span.polled-group').has(ctx.lower(index)) && endsInSingleS(before));
}

/** "warm backing to keep them afloat": "to" after the word, which is no word of intent ("a detailed plan to …"), and no "-ly" adverb before it. */
function purposeAfterAdjective(ctx: Reading, position: number, options: readonly CueForm[]): boolean {
  const { lower, state } = ctx;
  if (lower(position + 1) !== 'to' || /ly$/.test(lower(position - 1)) || options.some((option) => option.complement === 'intent')) return false;
  return !state.phraseCues.get(lower(position))?.some((option) => option.ruleId === INTENT_NOUN_ROW);
}

/** "detailing, columns, and …": after the word at `position`, a comma, one lower-case word that is no aside, adverb or clause word, and another comma. */
function inSeriesOfItems(ctx: Reading, position: number): boolean {
  const { tokens, lower } = ctx;
  const item = tokens[position + 2];
  if (tokens[position + 1]?.text !== ',' || tokens[position + 3]?.text !== ',' || !item || item.kind !== 'word' || item.capitalized) return false;
  return !LY_ADVERB.test(item.lower) && !spanWords('span.speaker-aside').has(item.lower) && !CLAUSE_OPENERS.has(item.lower) && !PRONOUNS.has(item.lower);
}

/** Row of config/attributions/spans.json: a headline's noun of saying before the verb it is the subject of. */
const HEADLINE_NOUN_SUBJECT_ROW = 'span.headline-noun-subject';

/** "gives", "leaves": a lower-case -s form the lexicon files as a verb and not as a noun, with a word after it. */
function presentVerbAt(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || !endsInSingleS(token.lower) || ctx.tokens[index + 1]?.kind !== 'word') return false;
  return isVerbWord(ctx, token.lower) && !isNounWord(ctx, token.lower);
}

/** Forms of "have", which as an auxiliary take a past participle and otherwise an object. */
const HAVE_FORMS: ReadonlySet<string> = new Set(['have', 'has', 'had', 'having']);

/** "received", "got": a past form of a word that is no speaker head, right before an -s form that it takes as its object. */
function isPastObjectTaker(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || ctx.state.speakerHeads.has(token.lower) || AUXILIARIES.has(token.lower)) return false;
  return /[^e]ed$|^got$/.test(token.lower) && !ctx.state.lexicon.classes(token.lower).has('noun');
}

/** "those surveyed say the fund should …", "one in five say they …": a pronoun or clause after the word makes it the verb. */
function reportsAfter(ctx: Reading, position: number, end: number): boolean {
  const next = ctx.lower(position + 1);
  // "say stricter laws would help": an adjective may open the clause's subject.
  return (PRONOUNS.has(next) && next !== 'it') || startsClause(ctx, position + 1, end) || opensItClause(ctx, position + 1) || (looksAdjective(ctx, position + 1) && startsClause(ctx, position + 2, end));
}

/** "Asked whether …" opening a sentence, "when asked about …", "was pressed on …": a participle with no subject of its own. */
function isQuestionContext(ctx: Reading, position: number): boolean {
  const { tokens, lower, isOpenQuote } = ctx;
  let before = position - 1;
  while (before >= ctx.currentSentenceStart && (CUE_ADVERBS.has(lower(before)) || (/ly$/.test(lower(before)) && !(tokens[before] as Token).capitalized))) before--;
  if (before < ctx.currentSentenceStart) return true;
  if (isOpenQuote(before) && before === ctx.currentSentenceStart) return true;
  return QUESTION_LEADERS.has(lower(before)) || PASSIVE_MARKERS.has(lower(before));
}

/** "Mayor Says Bridge Will Reopen", "COUNCIL BACKS PLAN": a capitalised cue inside a Title Case or capitals headline is still a verb. */
function isTitleCaseHeadline(ctx: Reading, position: number, end: number): boolean {
  const { tokens, lower } = ctx;
  const headline = inHeadline(ctx, position);
  const titleHeadline = headline && ctx.titleCaseHeadline;
  // In the text's own Title Case headline the word before may be a small word that lost its capital ("Jo Lee Just Said"),
  // and in any headline a comma may join a second act of the name that opened it ("Roe Says Fares Will Fall, Calls Levy ‘Theft’").
  const afterHeadlineComma = headline && tokens[position - 1]?.text === ',';
  if (position <= ctx.currentSentenceStart || !((tokens[position - 1] as Token).capitalized || titleHeadline || afterHeadlineComma)) return false;
  // Only a finite form ("Says", "Slams", "Endorsed") reads as the headline's verb; "Call", "Post", "Email" are mostly nouns there.
  const word = (tokens[position] as Token).lower;
  // "New Poll Shows …", "Polls Show …": after a document a verb of finding is the headline's verb, noun-like or bare.
  const findingAfterDocument = ctx.state.speakerHeads.get(ctx.lower(position - 1)) === 'speaker.document' && isFindingVerbAt(ctx, position);
  // "Obama Claims …", "Party Chief Praises …": after a person's or organisation's name a form that is also a noun is the verb.
  // "Some Say …", "Voters Say …": after a share of people or a plural of a speaker's noun the bare form is the verb too.
  const previous = ctx.lower(position - 1);
  const afterPlural = ctx.state.speakerHeads.get(previous) === 'speaker.share' || SHARE_PRONOUNS.has(previous) || (/[^s]s$/.test(previous) && ctx.state.speakerHeads.has(previous));
  // (Only before a clause's pronoun or determiner, "Some Say It …": in a Title Case line of the body "Republicans Tweet Prayers" names what was sent, not what was said.)
  const bareSpeech = afterPlural && ctx.state.cues.get(word)?.some((option) => option.frame === 'speech') === true && position + 2 < end && (PRONOUNS.has(lower(position + 1)) || DETERMINERS.has(lower(position + 1)));
  // "Pilots Support Mayor Roe", "Harbour Democrats Call For A Vote": in the text's own headline, which tells what someone did,
  // a bare verb of saying or of a view after any plural is the verb when words follow it.
  const barePlural = !bareSpeech && headline && /[^s]s$/.test(previous) && !/(?:s|ed|ing)$/.test(word) && ctx.state.cues.get(word)?.some((option) => option.frame === 'speech' || option.frame === 'belief') === true && position + 1 < end && ((tokens[position + 1] as Token).kind !== 'punct' || ctx.isOpenQuote(position + 1));
  if (!findingAfterDocument && !bareSpeech && !barePlural && (!/(?:[^s]s|ed|aid|old)$/.test(word) || (isNounWord(ctx, word) && !afterNamedSpeaker(ctx, position) && !afterHeadlineComma))) return false;
  // (The text's headline has lost the capitals of its small words already: whether it is in Title Case was read from the whole line.)
  return titleHeadline || isTitleCaseRun(tokens, ctx.currentSentenceStart, end);
}

/**
 * In a headline, an -s form right after a person's or organisation's name, before its object ("Harbour Board Backs Roe",
 * "Jo Lee tweets a fare chart"): the name's verb, not a plural noun ("Roe emails released", "Roe emails now public").
 */
function headlineVerbAfterName(ctx: Reading, position: number): boolean {
  if (!inHeadline(ctx, position) || !endsInSingleS(ctx.lower(position)) || position <= ctx.currentSentenceStart) return false;
  return (opensObjectOrClause(ctx, position + 1) || DETERMINERS.has(ctx.lower(position + 1))) && afterNamedSpeaker(ctx, position);
}

/** Words that stand for a group of people as a subject: "Some Say …", "Others Warn …". */
const SHARE_PRONOUNS: ReadonlySet<string> = new Set(['some', 'others', 'few', 'all', 'both']);

/**
 * A person or organisation the actors layer found, or a noun of a person's role, ends right before `position`.
 * In a title-case headline the name may run on over the verb ("Mayor Ines Dorr Praises Harbour Board"): a name
 * of two capitalised words or more before the word counts too.
 */
function afterNamedSpeaker(ctx: Reading, position: number): boolean {
  const before = ctx.tokens[position - 1] as Token;
  if (ctx.state.speakerHeads.get(before.lower) === 'speaker.role') return true;
  const word = ctx.tokens[position] as Token;
  const nameStart = ctx.tokens[position - 2];
  const runsOver = (actor: ActorMention): boolean => nameStart !== undefined && nameStart.capitalized && position - 2 >= ctx.currentSentenceStart && actor.start <= nameStart.start && actor.end >= word.end;
  return ctx.actors.some((actor) => (actor.type === 'person' || actor.type === 'organization') && (actor.end === before.end || runsOver(actor)));
}

/** Longest speaker phrase between a fronted cue and its quotation. */
const MAX_FRONTED_SPEAKER_TOKENS = 12;

/** "Said Roe, “We are ready.”": a capitalised cue opening the sentence, a phrase, then a comma or colon and a quotation. */
function frontedBeforeQuotation(ctx: Reading, position: number, end: number): boolean {
  const { tokens, isOpenQuote } = ctx;
  if (position !== ctx.currentSentenceStart) return false;
  for (let index = position + 2; index < end - 1 && index - position <= MAX_FRONTED_SPEAKER_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (token.text === ',' || token.text === ':') return isOpenQuote(index + 1) || (token.text === ',' && frontedRelativeEnd(ctx, index + 1, end) !== undefined);
    if (token.kind === 'punct' && token.text !== '.') return false;
  }
  return false;
}

/**
 * "Noting that fares rose, the mayor said …": an -ing form opening the sentence (after a quotation
 * mark or "But" at most) is a participle, not a name; "Regarding the plan, …" is a preposition.
 */
function opensSentenceAsParticiple(ctx: Reading, position: number): boolean {
  return /ing$/.test(ctx.lower(position)) && !spanWords('span.object-participle').has(ctx.lower(position)) && opensSentence(ctx, ctx.currentSentenceStart, position);
}

/** Longest relative clause about the speaker of a fronted cue ("Said Jo Roe, who grew up here, “…”"). */
const MAX_FRONTED_RELATIVE_TOKENS = 20;

/** The comma ending a "who" or "whose" clause at `start` when a quotation follows it, else undefined. */
export function frontedRelativeEnd(ctx: Reading, start: number, end: number): number | undefined {
  const { tokens, lower, isOpenQuote } = ctx;
  if (lower(start) !== 'who' && lower(start) !== 'whose') return undefined;
  for (let index = start + 1; index < end - 1 && index - start <= MAX_FRONTED_RELATIVE_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (isOpenQuote(index)) return undefined;
    if (token.text === ',') return isOpenQuote(index + 1) ? index : undefined;
  }
  return undefined;
}

/** A name, a pronoun, "that" or a quotation: what follows a reporting verb rather than a noun. */
function opensObjectOrClause(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token) return false;
  return token.capitalized || PRONOUNS.has(token.lower) || OBJECT_PRONOUNS.has(token.lower) || token.lower === 'that' || ctx.isOpenQuote(index);
}

/** How far after the cue the "as" of "sees the pier as a landmark" may stand. */
const MAX_AS_OBJECT_TOKENS = 12;

/** "sees Cruz as a uniter", "cast the vote as a rebuke", "whom Roe views as a peer": "as" after the object (or in its place), before any punctuation. */
function asFollows(ctx: Reading, after: number, end: number): boolean {
  for (let index = after; index < end && index - after <= MAX_AS_OBJECT_TOKENS; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.lower === 'as') return true;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'" && token.text !== '-' && !ctx.isOpenQuote(index) && !ctx.isCloseQuote(index)) return false;
  }
  return false;
}

/** A verb right after "that": the "that" is a relative pronoun standing as its subject ("states that have voted"), not a complementizer. */
/**
 * "from experience that the ferry is late": a short adjunct with no verb of its own, then "that" and a clause,
 * not a relative ("from donors that has grown", "in presenting a plan that addresses …"), the verb of the
 * sentence ("advocates for the plan said that …") or a time phrase ("with the port that month").
 */
function clauseAfterAdjunct(ctx: Reading, after: number, end: number): boolean {
  const that = thatClosingAdjunct(ctx, after, end);
  if (that === undefined || that + 1 >= end || hasFiniteVerbBetween(ctx, after, that)) return false;
  const next = ctx.tokens[that + 1] as Token;
  return next.kind === 'word' && !TIME_WORDS.has(next.lower) && !AUXILIARY_VERBS.has(next.lower) && (next.capitalized || !mayBeVerbWord(ctx, ctx.lower(that + 1)));
}

/** "we know", "pilots still believe", "didn't know": a subject or an auxiliary right before the word, not a determiner, possessive or verb that would make it a noun ("some advocates", "faces challenges"). */
function subjectBefore(ctx: Reading, position: number): boolean {
  const word = ctx.lower(position - 1);
  if (position - 1 < ctx.currentSentenceStart || ctx.tokens[position - 1]?.kind !== 'word' || POSSESSIVE_ENDINGS.has(word) || DETERMINERS.has(word)) return false;
  return PRONOUNS.has(word) || AUXILIARIES.has(word) || (isNounLike(ctx, position - 1) && !mayBeVerbWord(ctx, word));
}

function opensRelativeVerb(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized) return false;
  if (AUXILIARY_VERBS.has(token.lower) && token.lower !== 'not') return true;
  return isVerbWord(ctx, token.lower) && !isNounWord(ctx, token.lower) && !DETERMINERS.has(token.lower) && !PRONOUNS.has(token.lower);
}

/** "Roe reportedly said …": the verb of saying after the adverb is the cue, with its own speaker. */
function hearsayBeforeOwnCue(ctx: Reading, position: number, end: number): boolean {
  let next = position + 1;
  while (next < end && AUXILIARIES.has(ctx.lower(next))) next++;
  if (next >= end || !ctx.state.cues.has(ctx.lower(next))) return false;
  return matchCue(ctx, next, end) !== undefined;
}

/**
 * Finite forms of "be" (and "be", "been" after a modal or "have") that make the participle after them a passive stated of its subject,
 * also with "not" written into them ("isn't expected"); "being viewed as" and "to be seen as" state nothing.
 */
const PASSIVE_AUXILIARIES = new Set([...[...PASSIVE_MARKERS].filter((word) => word !== 'being'), ...NEGATED_BE]);
/** Contracted "be" after a pronoun: "they're seen as" ("'s" is as often "has": "he's said"). */
const CONTRACTED_BE = new Set(["'re", "’re"]);
/** Words that may stand between "be" and its participle: "is not expected", "are also widely seen as", "is well known for". */
const PASSIVE_INSERTS = new Set(['not', "n't", 'no', 'longer', 'increasingly', 'generally', 'widely', 'broadly', 'commonly', 'largely', 'still', 'also', 'now', 'already', 'long', 'often', 'sometimes', 'once', 'even', 'best', 'better', 'perhaps', 'probably', 'well']);

/**
 * The position of the form of "be" that makes the participle at `position` a passive ("is expected",
 * "were not widely seen as", "they're believed"), skipping adverbs between; undefined when there is none.
 */
export function passiveAuxiliaryBefore(ctx: Reading, position: number): number | undefined {
  const { lower } = ctx;
  let before = position - 1;
  while (before > ctx.currentSentenceStart && (PASSIVE_INSERTS.has(lower(before)) || CUE_ADVERBS.has(lower(before)) || (/ly$/.test(lower(before)) && !(ctx.tokens[before] as Token).capitalized))) before--;
  if (before < ctx.currentSentenceStart) return undefined;
  const word = lower(before);
  if (PASSIVE_AUXILIARIES.has(word)) return word === 'be' && lower(before - 1) === 'to' ? undefined : before;
  // "they're deemed", "I'm told": the form of "be" written into its pronoun.
  if (isPronounWithBe(word)) return before;
  return CONTRACTED_BE.has(word) && PRONOUNS.has(lower(before - 1)) ? before : undefined;
}

/** "a new poll that shows …": "that" after a document's name is the relative pronoun standing for it, not a determiner ("that show"). */
function documentRelativeBefore(ctx: Reading, position: number, options: readonly CueForm[]): boolean {
  if (ctx.lower(position - 1) !== 'that' || !options.some((option) => option.frame === 'finding')) return false;
  return ctx.state.speakerHeads.get(ctx.lower(position - 2)) === 'speaker.document' || documentBeforeRelative(ctx, ctx.currentSentenceStart, position - 1) !== undefined;
}

/** Row of config/attributions/spans.json whose words ("that") open a relative clause in which a thing says a quotation. */
export const QUOTING_THING_ROW = 'span.quoting-thing-relative';

/**
 * "a sign that said, “Ferry cancelled.”", "a letter that says, “…”": a relative pronoun of the
 * row right after a noun and right before the verb, with a quotation after the verb, stands for the thing
 * that carries the quotation. Only before a quotation: "a bylaw that says the quay must close" is most often
 * the writer's own summary. Verbs that take only a quotation ("a shirt that read “…”") give a slogan's wording, not a claim.
 */
export function quotingThingRelativeBefore(ctx: Reading, cueStart: number, cueEnd: number): boolean {
  const relative = cueStart - 1;
  if (relative - 1 < ctx.currentSentenceStart || !spanWords(QUOTING_THING_ROW).has(ctx.lower(relative))) return false;
  const before = ctx.tokens[relative - 1] as Token;
  if (before.kind !== 'word' || !(isNounLike(ctx, relative - 1) || isNounWord(ctx, before.lower))) return false;
  const quoteAt = ctx.lower(cueEnd) === ',' ? cueEnd + 1 : cueEnd;
  return ctx.isOpenQuote(quoteAt) && (ctx.quotes.closeOf[quoteAt] ?? -1) > quoteAt;
}
