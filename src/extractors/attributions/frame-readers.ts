import { spanWords, takesAddressee } from './span-rules.js';
import { bareParticiplePassiveEnd, BARE_PARTICIPLE_PASSIVE_ROW } from './bare-participle-passives.js';
import type { Sentence, Token } from '../text/tokens.js';
import type { Attribution, Span } from '../../model/claim.js';
import { AUXILIARY_VERBS, AUXILIARIES, PRONOUNS, DETERMINERS, OBJECT_PRONOUNS, endsInSingleS, PAST_FORM, RELATIVE_SPEAKERS, PASSIVE_MARKERS, NEGATED_BE, COORDINATORS, DASHES, LY_ADVERB, FLOATING_QUANTIFIERS } from './word-lists.js';
import { participleClauseSubject, participleSubject } from './participle-subjects.js';
import { cleftSubject, isExpletiveIt } from './expletive-subjects.js';
import { infinitiveSubject, infinitiveObject, infinitiveChainSubject, setPhraseBeforeInfinitive } from './infinitive-subjects.js';
import { opensReportedClause, isSentenceEndAfterCue, isQuotedTitle, opensFiniteClause, relativeBeforeCue, commaPastSeries, opensReportedCondition, CONDITION_AFTER_REPORT_ROW } from './clause-boundaries.js';
import { quotationEndingBefore, unquotedRestAfterCue, withContinuation } from './quotes-across-sentences.js';
import { isModifierPosition, isNounLike, isNounWord } from './word-tests.js';
import { nextCommaOrEnd } from './reading.js';
import { quotingThingRelativeBefore, QUOTING_THING_ROW } from './cue-matching.js';
import { buildAttribution } from './relation-assembly.js';
import { readPassiveWithAgent } from './passive-agents.js';
import { readNounCue } from './noun-cues.js';
import { readSourcePhrase } from './source-phrases.js';
import { readOpeningParticiple } from './opening-participles.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import { relativeObjectClauseStart, opensRelativeGap, readContactRelative, readObjectGap, RESTRICTIVE_OBJECT_GAP, readRelativeGap, infinitiveGapEnd, commaClosedQuotationEnd, relativeAsPhraseEnd, readGapBeforeSentenceVerb, longestSpeakerEndingAt } from './relative-gaps.js';
import { NO_AS_CLAUSE_CONTENT, readAsClause } from './as-clauses.js';
import { documentAfterPreposition, documentSubjectBefore } from './document-subjects.js';
import { readHearsay } from './hearsay-adverbs.js';
import { judgesObject, JUDGED_OBJECT_ROW, valuesObject, VALUED_OBJECT_ROW } from './judged-objects.js';
import { readAttitudeAdjective } from './attitude-adjectives.js';
import { readExperiencerObject } from './experiencer-objects.js';
import type { CueForm } from './engine.js';
import type { Reading, Range } from './reading.js';
import { readAccording, readAsReportedBy } from './according-sources.js';
import { readEvidential, thatAfterAdjunct, readRelativeFinding, DOCUMENT_RELATIVES } from './evidential-frames.js';
import { agreesWithBarePresent, agreesWithInvertedCue, isAdjectiveNounSubject, disagreesWithPluralSubject, singularVerbBefore } from './subject-agreement.js';
import { dashAfter, dashBefore, writerPhraseAfterCue, onlyAdjunctsAfterCue, onlyRecipientAndAdjuncts, adjunctEndsSentence, commentAfterAdjunct } from './adjuncts-after-cue.js';
import { readAppositiveSpeaker, closesTitleWithComma, QUOTED_TITLE_ROW, isDescribedSpeaker, speakerAroundInsert } from './appositive-speakers.js';
import { closesPredicateSeries } from './closing-clauses.js';
import { contentAfter, interruptedStretch, quotedOrClauseBefore } from './content-spans.js';
import { coordinatedWithPassive } from './coordinated-passives.js';
import { speakerBeyondTimePhrase, nounCueSubject, participleTakingCue, PARTICIPLE_OBJECT_ROW } from './displaced-subjects.js';
import { invertedInsertEnd, onlyConnectiveBefore, readFrontedCue, opensFirstName, summarisesClause } from './inverted-cues.js';
import { subjectAfterOpeningTimePhrase, subjectAfterOpeningPreposition, afterOpeningConnective } from './opening-phrases.js';
import { readQuestion } from './passive-questions.js';
import { quotationAfterAddressee, quotedAfterVerbOrPreposition, quotedInsideClause } from './quotes-before-subject.js';
import { mainSpeechCueAfter, isVerbTakingObject, relativeClauseBefore, subjectBeforeRelative, subjectBeforeParticiple } from './relative-heads.js';
import { subordinateClauseSubject, sentenceSubject, clauseStartBefore, earlierReportOfSentence, speakerOfEarlierCue, speakerOfReport } from './sentence-subjects.js';
import { type SpeakerRange, readSpeakerBefore, speakerReadingRules, speakerHasHead, startsAdverbial, isModalName } from './speaker-spans.js';
import { hasFiniteVerbBetween, hasVerbWordBetween, pastAfterOpeningSubject, PAST_AFTER_SUBJECT_ROW } from './verb-ranges.js';
import { readSpeakerAfter, appositionToEnd } from './speakers-after-cue.js';

/** Row of config/attributions/spans.json: an -s form after "and" with a plural subject is a noun. */
const SINGULAR_FORM_ROW = 'span.singular-form-plural-subject';
/** Rule row of config/attributions/spans.json for a writer's phrase after a cue that reports the quotation closing the sentence before. */
const WRITER_PHRASE_ROW = 'span.writer-phrase-after-quoted-report';
/** Rule row of config/attributions/spans.json for a demand or belief verb taking the quotation that opens its sentence. */
const QUOTED_DEMAND_ROW = 'span.quotation-before-demand';

export function readFrame(ctx: Reading, sentenceIndex: number, sentence: Sentence, bodyEnd: number, cueStart: number, cue: CueForm): Attribution | null {
  const read = readFrameAt(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cue);
  if (read && byMedium(ctx, cueStart + cue.words.length)) read.ruleIds.push('span.speech-medium');
  if (read && cue.adverbInside) read.ruleIds.push(cue.adverbInside === 'degree' ? 'span.degree-in-phrasal-cue' : 'span.adverb-in-phrasal-cue');
  if (read && cue.addresseeInside) read.ruleIds.push('span.addressee-in-phrasal-cue');
  if (read && degreeAdverbBeforeCue(ctx, sentence, cueStart - 1, cueStart)) read.ruleIds.push(DEGREE_BEFORE_CUE_ROW);
  return read;
}

/** "said by telephone", "told by email": "by" and the means of speaking after a verb, not a passive's agent. */
function byMedium(ctx: Reading, cueEnd: number): boolean {
  return ctx.lower(cueEnd) === 'by' && spanWords('span.speech-medium').has(ctx.lower(cueEnd + 1));
}

function readFrameAt(ctx: Reading, sentenceIndex: number, sentence: Sentence, bodyEnd: number, cueStart: number, cue: CueForm): Attribution | null {
  const { tokens, text, state, lower, isCloseQuote, spanOf } = ctx;
  const cueEnd = cueStart + cue.words.length;
  const cueSpan = spanOf(cueStart, cueEnd) as Span;
  if (cue.frame === 'according') return readAccording(ctx, sentence, bodyEnd, cueStart, cueEnd, cueSpan, cue.ruleId);
  if (cue.frame === 'hearsay') return readHearsay(ctx, sentence, bodyEnd, cueStart, cueEnd, cueSpan, cue.ruleId);
  if (cue.frame === 'evidential') return readEvidential(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cueEnd, cueSpan, cue);
  if (cue.frame === 'question') return readQuestion(ctx, bodyEnd, cueEnd, cueSpan, cue.ruleId);
  if (cue.frame === 'noun') return readNounCue(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cueSpan, cue);
  if (cue.frame === 'source') return readSourcePhrase(ctx, sentence, bodyEnd, cueStart, cueEnd, cueSpan, cue);
  if (cue.complement === 'experiencer') return readExperiencerObject(ctx, sentence, bodyEnd, cueStart, cueEnd, cueSpan, cue);
  if (cue.complement === 'linked') return readAttitudeAdjective(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cueSpan, cue);
  let auxiliaryStart = cueStart - 1;
  // "are quietly saying": a manner adverb between the auxiliary and the participle keeps the form progressive.
  while (auxiliaryStart >= sentence.tokenStart && (AUXILIARIES.has(lower(auxiliaryStart)) || LY_ADVERB.test((tokens[auxiliaryStart] as Token).text))) auxiliaryStart--;
  let progressive = false;
  for (let index = auxiliaryStart + 1; index < cueStart; index++) if (PASSIVE_MARKERS.has(lower(index)) || lower(index) === "'s" || lower(index) === "'re") progressive = /ing$/.test(lower(cueStart));
  // "is expected to", "was told", "weren't told" (not "isn't saying"): a passive reports only with its agent ("was criticized by the mayor").
  if ((PASSIVE_MARKERS.has(lower(cueStart - 1)) || (NEGATED_BE.has(lower(cueStart - 1)) && !/ing$/.test(lower(cueStart)))) && !progressive) return readPassiveWithAgent(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cue);
  // "were mocked and pilloried, tarred …", "was arrested and charged with …": a participle coordinated with a passive is passive too.
  if (!progressive && cue.words.length === 1 && coordinatedWithPassive(ctx, sentence.tokenStart, cueStart)) {
    const withAgent = readPassiveWithAgent(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cue);
    if (withAgent) withAgent.ruleIds.push('span.coordinated-passive');
    else ctx.rejected.push({ ...cueSpan, layer: 'attribution', reason: 'a participle sharing the passive before it: what was done to the subject, not its words', ruleId: 'span.coordinated-passive' });
    return withAgent;
  }
  // "…, having referred to it as a scam": a perfect participle is read as the -ing participle is.
  const perfectParticiple = lower(cueStart - 1) === 'having' && !/ing$/.test(lower(cueStart));
  const gerund = (/ing$/.test(lower(cueStart)) || perfectParticiple) && !progressive;
  // "a new poll showing …" reports the poll's finding; "officers finding the child" reports nothing.
  if (gerund && cue.frame === 'finding') {
    const document = readSpeakerBefore(ctx, sentence.tokenStart, cueStart) ?? documentAfterPreposition(ctx, sentence, cueStart);
    if (!document || !speakerHasHead(ctx, document, 'speaker.document')) return null;
    // "The harbour office put out grainy footage showing …": the document is the phrase after the verb.
    for (let index = cueStart - 2; index > document.start; index--) {
      const token = tokens[index] as Token;
      if (!token.capitalized && /ed$/.test(token.lower) && !isModifierPosition(ctx, index - 1)) {
        document.start = index + 1;
        break;
      }
    }
    // "Roe leads the race with polls showing …": the document of an absolute phrase starts after its "with".
    for (let index = cueStart - 1; index > document.start; index--) if (lower(index) === 'with' && ctx.quotes.depth[index] === 0) {
      document.start = index + 1;
      break;
    }
    // "Despite polls showing her behind, Roe campaigned": a finding inside an opening phrase ends at its comma.
    const preposition = document.start - 1;
    const openingPhrase = (preposition === sentence.tokenStart || (preposition === sentence.tokenStart + 1 && COORDINATORS.has(lower(sentence.tokenStart)))) && state.lexicon.classes(lower(preposition)).has('preposition');
    const content = contentAfter(ctx, sentenceIndex, openingPhrase ? nextCommaOrEnd(ctx, cueEnd, bodyEnd) : bodyEnd, cueStart, cueEnd, cue);
    return content ? buildAttribution(ctx, spanOf(document.start, document.end), cueSpan, content, cue.ruleId, document.start, ['attribution.document-participle']) : null;
  }
  // "As reported by the Times, …", "…, as reported by the Times.": the agent is the source of the clause beside it.
  if (cue.frame === 'speech' && lower(cueStart - 1) === 'as' && PAST_FORM.test(lower(cueEnd - 1)) && lower(cueEnd) === 'by') {
    const asSource = readAsReportedBy(ctx, sentence, bodyEnd, cueStart - 1, cueEnd, cue.ruleId);
    if (asSource) return asSource;
  }
  // "a deal backed by the fund": a past participle with its agent is a passive, not a stance.
  if (PAST_FORM.test(lower(cueEnd - 1)) && lower(cueEnd) === 'by' && !(cue.frame === 'speech' && byMedium(ctx, cueEnd))) return readPassiveWithAgent(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cue);
  let left = perfectParticiple ? cueStart - 2 : cueStart - 1;
  let floatingAdverb = false;
  while (left >= sentence.tokenStart) {
    const afterAuxiliary = adverbAfterAuxiliary(ctx, sentence, left);
    if (!afterAuxiliary && !AUXILIARIES.has(lower(left)) && !(/ly$/.test(lower(left)) && !(tokens[left] as Token).capitalized) && !placeAdverbAfterNoun(ctx, sentence, left) && !degreeAdverbBeforeCue(ctx, sentence, left, cueStart)) break;
    if (isModalName(ctx, left)) break;
    floatingAdverb ||= afterAuxiliary;
    left--;
  }
  // "… but instead focuses on …", "… and most recently defended …", "… and will instead focus on …": adverbs and auxiliaries between a coordinator and its verb leave the verb coordinated.
  let coordinator = left;
  while (coordinator > sentence.tokenStart && (AUXILIARIES.has(lower(coordinator)) || spanWords('span.floating-before-cue').has(lower(coordinator)) || (lower(coordinator) === 'most' && /ly$/.test(lower(coordinator + 1))))) coordinator--;
  // (Only when the coordinated reading finds a subject: "the whispering in the hall … but instead focuses on" keeps its own.)
  if (coordinator < left && COORDINATORS.has(lower(coordinator)) && (speakerOfEarlierCue(ctx, sentence) ?? sentenceSubject(ctx, sentence, cueStart, clauseStartBefore(ctx, sentence, cueStart))) !== undefined) left = coordinator;
  // "Said Roe, “We are ready.”", "But, said Roe, “…”": a cue opening the sentence, its speaker, then the quotation.
  if (cue.frame === 'speech' && !gerund && onlyConnectiveBefore(ctx, sentence.tokenStart, cueStart)) {
    const fronted = readFrontedCue(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cueSpan, cue);
    if (fronted) return fronted;
  }
  if (left < sentence.tokenStart) {
    // "Noting that fares rose, the mayor said …": the participle opens the sentence; the main clause's subject speaks.
    if (gerund) {
      const opening = readOpeningParticiple(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cueEnd, cueSpan, cue);
      if (opening !== undefined) return opening;
    }
    // "“Why not?” | asked Trump." — a quotation that closed the previous sentence, then the inverted cue.
    const quoted = quotationEndingBefore(ctx, sentenceIndex);
    if (!quoted || cue.frame !== 'speech' || gerund) return null; // a sentence opening with its cue ("Asked about …") names no speaker
    const after = readSpeakerAfter(ctx, cueEnd, bodyEnd, true);
    if (!after) return null;
    return buildAttribution(ctx, spanOf(after.start, after.end), cueSpan, withContinuation(ctx, quoted, sentenceIndex, bodyEnd, after.end), cue.ruleId, after.start, ['attribution.quote-previous-sentence']);
  }
  for (let index = left + 1; index < cueStart; index++) if (PASSIVE_MARKERS.has(lower(index)) && !progressive) return readPassiveWithAgent(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cue); // "was first reported by"
  // "a rule which officials said will take effect": the verb after the cue belongs to a relative clause.
  if (opensRelativeGap(ctx, cueEnd)) {
    const gap = readRelativeGap(ctx, sentence, bodyEnd, cueStart, cue);
    if (gap) return gap;
  }
  // "Health worries have dogged …", "state and local leaders": a cue word followed by an auxiliary or "and" is a noun.
  // A capitalised "Will" or "May" after the cue opens a name ("said Will Doyle").
  // "vowed not to return": a negated infinitive is the cue's content, not an auxiliary.
  // ("The plan the council backed was dropped": unless the cue's object stands before its subject and the auxiliary is the sentence's verb.)
  if (AUXILIARY_VERBS.has(lower(cueEnd)) && !opensFirstName(ctx, cueEnd) && !(lower(cueEnd) === 'not' && lower(cueEnd + 1) === 'to')) return readGapBeforeSentenceVerb(ctx, sentence, bodyEnd, left + 1, cueStart, cue);
  if (COORDINATORS.has(lower(cueEnd)) && !/(?:ed|aid|old)$/.test(lower(cueStart))) return null;
  const leftText = (tokens[left] as Token).text;
  // The speaker chain before a comma ("Roe, a senator,"), read once: the inverted-cue test and the speaker-first reading both ask for it.
  // A name after the cue is its object, for a verb of saying as for one of stance ("Roe, a senator, praised Lee",
  // "Roe, speaking at a rally, did not mention Lee"); a day or an addressee after "said" or "told" ("said Tuesday.") is left
  // to the content rules, which find nothing said in it.
  let chainBeforeComma: { range: SpeakerRange | undefined } | undefined;
  const appositiveBeforeComma = (): SpeakerRange | undefined => (chainBeforeComma ??= { range: readAppositiveSpeaker(ctx, sentence.tokenStart, left, cueEnd, bodyEnd, true) }).range;

  // "…, said the officials." / "“…,” said Smith."
  // "“…,” Roe, a senator, told reporters.": the phrase after "told" is who heard it, so the speaker stays before the cue.
  const addresseeFollows = takesAddressee(lower(cueStart));
  // "…, had confirmed …": an auxiliary makes the cue the verb of the clause before it, which never inverts.
  let auxiliaryBeforeCue = false;
  for (let index = left + 1; index < cueStart; index++) if (AUXILIARY_VERBS.has(lower(index))) auxiliaryBeforeCue = true;
  // "… suggested the plan was late, called it “a joke” and walked out": a past-tense (or "-s") cue after a comma in a
  // series of the speaker's acts that "and" closes shares the speaker of the cue before it (span.predicate-series).
  // (Only when that cue's content ended at this comma for the series: "Roe, who backed Lee, repeated …" closes an insert.)
  let seriesSpeakerRead: { range: SpeakerRange | undefined } | undefined;
  const seriesSpeakerOf = (): SpeakerRange | undefined => (seriesSpeakerRead ??= { range: predicateSeriesSpeaker(ctx, sentence, left, cueStart, cueEnd, bodyEnd, gerund) }).range;
  // ("…, recited his plans, and left": a verb in the series is no inverted cue before its object.)
  if ((leftText === ',' || isCloseQuote(left)) && cue.frame === 'speech' && !gerund && !addresseeFollows && !auxiliaryBeforeCue && (leftText !== ',' || seriesSpeakerOf() === undefined)) {
    const afterQuote = isCloseQuote(left) || (leftText === ',' && isCloseQuote(left - 1));
    // "Roe, who has led the council since May, repeated her demand …": a name and its apposition before the comma are the cue's subject, not what was said.
    const subjectBefore = !afterQuote && leftText === ',' && isDescribedSpeaker(ctx, appositiveBeforeComma(), left);
    // "Roe, who starred in “Harbour Lights,” posted the clip": a title quoted inside the clause, then a verb that
    // puts no speaker after itself, is the clause's own verb and its object.
    const titleInClause = afterQuote && !spanWords('span.inverted-report').has(lower(cueStart)) && quotedInsideClause(ctx, sentence, isCloseQuote(left) ? left : left - 1);
    const after = subjectBefore || titleInClause ? undefined : readSpeakerAfter(ctx, cueEnd, bodyEnd, afterQuote);
    if (after && agreesWithInvertedCue(ctx, cueStart, after)) {
      const contentEnd = leftText === ',' && isCloseQuote(left - 1) ? left : isCloseQuote(left) ? left + 1 : left;
      // "Maria Roe, the city's mayor, announced a plan", "Roe, at a rally, mentioned Lee": an unquoted phrase with no verb
      // (a word after a determiner heads a noun) is the subject, not what was said.
      const quoted = isCloseQuote(contentEnd - 1);
      const verbBefore = !quoted && hasVerbWordBetween(ctx, sentence.tokenStart, contentEnd, false, false);
      const pastAfterSubject = !quoted && !verbBefore && pastAfterOpeningSubject(ctx, sentence.tokenStart, contentEnd);
      const content = quoted || verbBefore || pastAfterSubject ? quotedOrClauseBefore(ctx, sentence, contentEnd) : null;
      if (content) {
        const span = quoted ? withContinuation(ctx, content, sentenceIndex, bodyEnd, after.end) : content;
        // "…, said Jo Roe, a spokeswoman for the city." — the apposition describing the speaker is part of the speaker.
        const described = appositionToEnd(ctx, after.end, bodyEnd);
        const speakerEnd = described ?? after.end;
        // "It is safe, says Jo Roe, as long as the wind drops.": a condition after the speaker is part of what was said.
        const condition = !quoted && lower(speakerEnd) === ',' && opensReportedCondition(ctx, speakerEnd + 1);
        const conditioned = condition ? spanOf(firstStartingAtOrAfter(tokens, span.start), bodyEnd) : null;
        const afterRules = [...(described === undefined ? ['attribution.inverted-cue-first'] : ['attribution.inverted-cue-first', 'span.inverted-apposition']), ...(conditioned ? [CONDITION_AFTER_REPORT_ROW] : []), ...(pastAfterSubject ? [PAST_AFTER_SUBJECT_ROW] : [])];
        return buildAttribution(ctx, spanOf(after.start, speakerEnd), cueSpan, conditioned ?? span, cue.ruleId, after.start, after.ruleId ? [...afterRules, after.ruleId] : afterRules);
      }
    }
    // "The plan, said Roe, would fail.": the speaker set off by commas inside the clause, whose verb follows them.
    const insertEnd = !subjectBefore && !afterQuote && spanWords('span.inverted-report').has(lower(cueStart)) ? invertedInsertEnd(ctx, cueEnd, bodyEnd) : undefined;
    const whole = insertEnd === undefined ? null : spanOf(sentence.tokenStart, bodyEnd);
    if (insertEnd !== undefined && whole) return buildAttribution(ctx, spanOf(cueEnd, insertEnd), cueSpan, whole, cue.ruleId, cueEnd, ['attribution.parenthetical', 'span.inverted-insert']);
  }

  if (gerund && cue.frame !== 'finding') {
    const opening = readOpeningParticiple(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cueEnd, cueSpan, cue);
    if (opening !== undefined) return opening;
  }

  const seriesSpeaker = seriesSpeakerOf();
  // "… and pledged to …", "…, saying …", "tended to support …": the speaker is the subject of the sentence.
  const infinitive = lower(cueStart - 1) === 'to';
  if (seriesSpeaker) {
    const content = contentAfter(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
    return content ? buildAttribution(ctx, spanOf(seriesSpeaker.start, seriesSpeaker.end), cueSpan, content, cue.ruleId, seriesSpeaker.start, ['attribution.subject-of-sentence', 'span.predicate-series']) : null;
  }
  if (infinitive && setPhraseBeforeInfinitive(ctx, cueStart)) return null;
  if (COORDINATORS.has(lower(left)) || gerund || infinitive) {
    // "Scott blasted Congress and said …": a coordinated verb shares the speaker of the cue before it in the sentence.
    // "…, and in May the ministers went to Paris to ask for aid": an infinitive's subject is
    // that of its own clause, not of the sentence's first one.
    // "“…,” she said, adding that …": a participle after a comma shares the earlier cue's speaker (participleSubject).
    const participle = gerund ? participleSubject(ctx, sentence, cueStart, left) : undefined;
    // "before Roe took the stage to thank …": the infinitive of a subordinate clause's verb takes that clause's subject.
    // "… after Roe took the stage and promised …", "…; he met the envoy and said …": a verb coordinated in a later clause shares that clause's subject.
    const coordinated = COORDINATORS.has(lower(left)) && !gerund && !infinitive;
    const subordinate = infinitive || coordinated ? subordinateClauseSubject(ctx, sentence, left) : undefined;
    const sentenceSubjectBefore = (limit: number): SpeakerRange | undefined => {
      const from = infinitive || coordinated ? clauseStartBefore(ctx, sentence, limit) : sentence.tokenStart;
      // "the mayor feuds with the board and dismisses …": the subject ends before the verb the cue is coordinated with.
      const verb = coordinated ? singularVerbBefore(ctx, from, cueStart, left) : undefined;
      return sentenceSubject(ctx, sentence, verb ?? limit, from);
    };
    const plainSubject: SpeakerRange | undefined = participle?.subject ?? (COORDINATORS.has(lower(left)) ? speakerOfEarlierCue(ctx, sentence) : undefined) ?? (infinitive ? infinitiveObject(ctx, sentence, cueStart, cueEnd, bodyEnd) ?? infinitiveChainSubject(ctx, sentence, cueStart) ?? subordinate : coordinated ? subordinate : undefined) ?? (gerund ? participleClauseSubject(ctx, sentence, cueStart) : sentenceSubjectBefore(cueStart));
    // ("“We should go,” said Roe, the only senator to endorse Lee": words of a quotation are no subject of the narration after it.)
    const openerRead = plainSubject === undefined && infinitive ? infinitiveSubject(ctx, sentence, cueStart) : undefined;
    const infinitiveOpener = openerRead !== undefined && (ctx.isOpenQuote(openerRead.start) || ctx.quotes.depth[openerRead.start] !== 0) && ctx.quotes.depth[cueStart] === 0 ? undefined : openerRead;
    // "…, having referred to …": "having" read back as the subject is the perfect participle's own auxiliary.
    const subject = perfectParticiple && plainSubject !== undefined && plainSubject.start >= cueStart - 1 ? undefined : plainSubject ?? infinitiveOpener;
    const afterConnective = plainSubject !== undefined && participle === undefined && plainSubject.start > sentence.tokenStart && afterOpeningConnective(ctx, sentence.tokenStart, cueStart) === plainSubject.start;
    const subjectRules = participle?.ruleId ? ['attribution.subject-of-sentence', participle.ruleId] : infinitiveOpener ? ['attribution.subject-of-sentence', 'span.infinitive-subject'] : afterConnective ? ['attribution.subject-of-sentence', 'span.opening-connective'] : ['attribution.subject-of-sentence'];
    if (plainSubject?.ruleId) subjectRules.push(plainSubject.ruleId);
    // "… is more likely to support X": with no plain subject the speaker stays unknown rather than "likely to".
    if (!subject && !infinitive && !perfectParticiple) return null;
    if (subject && opensCondition(ctx, sentence, subject, cueSpan)) return null;
    if (coordinated && subject && disagreesWithPluralSubject(ctx, cueStart, cueEnd, subject, left)) {
      ctx.rejected.push({ ...cueSpan, layer: 'attribution', reason: 'an -s form after "and" whose subject is plural: a noun joined to the one before, not a second verb', ruleId: SINGULAR_FORM_ROW });
      return null;
    }
    if (cue.frame === 'finding' && lower(cueEnd) !== 'that') return null;
    const content = contentAfter(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
    if (!content) return null;
    // "It is hard to say …" names no one; "It was there that Roe spoke, calling …" names who did it after "that".
    if (subject && !participle?.ruleId && isExpletiveIt(ctx, subject, cueStart)) {
      const cleft = cleftSubject(ctx, sentence, subject.end, cueStart);
      if (cleft) return buildAttribution(ctx, spanOf(cleft.start, cleft.end), cueSpan, content, cue.ruleId, cleft.start, ['attribution.subject-of-sentence', 'span.expletive-it']);
      return buildAttribution(ctx, null, cueSpan, content, cue.ruleId, cueStart, ['span.expletive-it']);
    }
    if (!subject) return buildAttribution(ctx, null, cueSpan, content, cue.ruleId, cueStart, [infinitive ? 'attribution.infinitive-no-subject' : 'attribution.participle-no-subject']);
    // "Roe, who was quick to endorse …", "the union, which issued a statement questioning …": in a
    // relative clause after the subject the relative pronoun does the act, as it does a cue of the clause itself.
    // ("The pilots who were hired on Monday refused to …": a relative clause with no comma may end before the main verb.)
    const relative = relativeBeforeCue(ctx, cueStart);
    if (relative !== undefined && relative > subject.end && lower(relative - 1) === ',' && spanWords('span.relative-clause-subject').has(lower(relative))) return buildAttribution(ctx, spanOf(relative, relative + 1), cueSpan, content, cue.ruleId, relative, ['attribution.subject-of-sentence', 'span.relative-clause-subject']);
    return buildAttribution(ctx, spanOf(subject.start, subject.end), cueSpan, content, cue.ruleId, subject.start, subjectRules);
  }

  // "a new poll that shows …", "the surveys, which found …": a document's finding in a relative clause.
  if (cue.frame === 'finding' && !gerund && DOCUMENT_RELATIVES.has(lower(left))) return readRelativeFinding(ctx, sentenceIndex, sentence, bodyEnd, left, cueStart, cueSpan, cue);
  let speaker: Range | undefined;
  let ruleId = 'attribution.speaker-first';
  const speakerRules: string[] = [];
  const quotedThing = cue.frame === 'speech' && cue.complement !== 'quote' && left > sentence.tokenStart && left === cueStart - 1 && quotingThingRelativeBefore(ctx, cueStart, cueEnd);
  const partitive = partitiveRelativeStart(ctx, sentence, left);
  if (RELATIVE_SPEAKERS.has(lower(left)) || quotedThing || partitive !== undefined) {
    // "a rigger who said he was never paid", "Democrats, who have argued …": the relative pronoun is the speaker.
    // "two senators, both of whom opposed the deal,": so is a share of them.
    speaker = { start: partitive ?? left, end: left + 1 };
    ruleId = 'attribution.relative-speaker';
    if (quotedThing) speakerRules.push(QUOTING_THING_ROW);
    if (partitive !== undefined) speakerRules.push(PARTITIVE_RELATIVE_ROW);
  } else if (leftText === ',' || closesTitleWithComma(ctx, sentence.tokenStart, left)) {
    // "Rendell, a party veteran, said …": appositives between commas belong to the speaker.
    const appositive = appositiveBeforeComma();
    speaker = appositive;
    ruleId = 'attribution.appositive';
    if (appositive?.ruleId) speakerRules.push(appositive.ruleId);
  } else {
    // "Supporters who want to ban the toll said …": a relative clause ending in a phrase no speaker reading takes still has its head speak.
    speaker = readSpeakerBefore(ctx, sentence.tokenStart, left + 1) ?? relativeClauseBefore(ctx, sentence.tokenStart, left + 1);
    // "Back in 2009 she said", "Later that day the mayor said": a time phrase opening the sentence is not the speaker.
    const afterTime = subjectAfterOpeningTimePhrase(ctx, sentence.tokenStart, left + 1);
    if (afterTime && (!speaker || (speaker.start < afterTime.start && speaker.end === afterTime.end))) {
      speaker = afterTime;
      speakerRules.push('span.opening-time-phrase');
    }
    // "After the storm the harbour board said", "Prior to launch the firm promised": a phrase opening the sentence without a comma is not the speaker.
    // (The words from the sentence's start are read: the speaker read back may have stopped inside the phrase, or found none.)
    const opening = afterOpeningConnective(ctx, sentence.tokenStart, left + 1);
    const fromOpening = subjectAfterOpeningPreposition(ctx, sentence.tokenStart, { start: opening, end: left + 1 });
    const afterPhrase = fromOpening && (!speaker || speaker.start < fromOpening.start) ? fromOpening : undefined;
    if (afterPhrase) {
      speaker = afterPhrase;
      speakerRules.push('span.opening-preposition-phrase');
    }
    // "The man who lives next door said …": the phrase read is the end of a relative clause; its head, with the clause, speaks.
    // "The group trying to buy the bank said …": likewise a participle phrase with its object.
    const relativeClauseHead = speaker && subjectBeforeRelative(ctx, sentence.tokenStart, speaker.start);
    const participleHead = speaker && relativeClauseHead === undefined ? subjectBeforeParticiple(ctx, sentence.tokenStart, speaker.start) : undefined;
    const relativeHead = relativeClauseHead ?? participleHead;
    // "This meal plan works …": a bare present form right after a singular noun phrase is no verb of it, but a noun
    // (unless that phrase ends a relative clause: "Pilots who know the channel say …" agree with "Pilots").
    if (speaker && relativeHead === undefined && left === cueStart - 1 && speaker.end === cueStart && !agreesWithBarePresent(ctx, cueStart, speaker)) return null;
    if (speaker && relativeHead === undefined && isAdjectiveNounSubject(ctx, sentence.tokenStart, speaker, cueStart, cueEnd)) {
      ctx.rejected.push({ ...cueSpan, layer: 'attribution', reason: 'the head noun of a subject opened by an adjective, not a verb of saying', ruleId: 'span.adjective-noun-subject' });
      return null;
    }
    // "seeing people suffer urges me on": the phrase is the object of a verb, whose clause is part of the subject; no one speaks.
    // (A subject found after an opening phrase follows that phrase's noun, not a verb: "In an interview Roe said".)
    if (speaker && relativeHead === undefined && !afterPhrase && isVerbTakingObject(ctx, speaker.start - 1, cueStart)) return null;
    if (speaker && relativeHead !== undefined) {
      speaker = { start: relativeHead, end: speaker.end };
      speakerRules.push(participleHead !== undefined ? 'span.subject-participle-phrase' : 'span.restrictive-relative');
    }
    if (speaker && speaker.end === left) speakerRules.push('span.floating-before-cue');
    if (speaker) speakerRules.push(...speakerReadingRules(ctx, speaker));
    // "Police had last month charged …": a time phrase between the subject and its verb is not the speaker.
    const beyondTime = speaker && (speakerBeyondTimePhrase(ctx, sentence.tokenStart, speaker, cueEnd, bodyEnd) ?? nounCueSubject(ctx, sentence.tokenStart, speaker, cueEnd, bodyEnd));
    if (beyondTime) {
      speaker = beyondTime;
      speakerRules.push(beyondTime.ruleId);
    }
    // "…, stoking fears about the ferry": the participle read as the speaker takes the cue word as its object.
    const participleObject = speaker && !beyondTime ? participleTakingCue(ctx, sentence.tokenStart, speaker, cueStart, cueEnd) : undefined;
    if (participleObject === 'object') {
      ctx.rejected.push({ ...cueSpan, layer: 'attribution', reason: 'a noun ending the object of a participle, not a verb of the phrase before it', ruleId: PARTICIPLE_OBJECT_ROW });
      return null;
    }
    if (participleObject === 'alone') {
      const content = contentAfter(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
      return content ? buildAttribution(ctx, null, cueSpan, content, cue.ruleId, cueStart, [PARTICIPLE_OBJECT_ROW]) : null;
    }
  }
  // "a state seen as critical": a participle-only form with no auxiliary is a passive cut short; the phrase before it is what is seen.
  const passiveEnd = speaker && (ruleId === 'attribution.speaker-first' || ruleId === 'attribution.appositive') ? bareParticiplePassiveEnd(ctx, speaker.start, speaker.end, cueStart, cueEnd, bodyEnd) : undefined;
  if (speaker && passiveEnd !== undefined) return buildAttribution(ctx, null, cueSpan, spanOf(speaker.start, passiveEnd) as Span, cue.ruleId, speaker.start, ['attribution.speaker-unread', BARE_PARTICIPLE_PASSIVE_ROW]);
  // "Should the council reject the plan, …", "Had he known …": an auxiliary opening the sentence before the subject
  // makes the clause a condition, which reports no one's act or view.
  if (speaker && ruleId === 'attribution.speaker-first' && opensCondition(ctx, sentence, speaker, cueSpan)) return null;
  // "Roe, a judge, has always maintained": the adverb skipped after the auxiliary floated off this speaker.
  if (speaker && floatingAdverb && !speakerRules.includes('span.floating-before-cue')) speakerRules.push('span.floating-before-cue');
  // "the allegations, which Mr. Roe denies,": the relative pronoun before the speaker is the cue's object.
  const objectGap = speaker && ruleId === 'attribution.speaker-first' ? readObjectGap(ctx, bodyEnd, speaker, cueStart, cue) : null;
  if (objectGap === RESTRICTIVE_OBJECT_GAP) return null;
  if (objectGap) return objectGap;
  // "a plan she once backed", "everything they promised": a noun phrase right before the subject is the cue's object.
  // ("He spoke on a topic she knew": with no speaker read, the longest phrase that could speak may still hold that noun phrase and subject.)
  const contactSpeaker = ruleId === 'attribution.speaker-first' ? speaker ?? longestSpeakerEndingAt(ctx, sentence, left + 1) : undefined;
  const contact = contactSpeaker ? readContactRelative(ctx, sentence, bodyEnd, contactSpeaker, cueStart, cue) : null;
  if (contact) return contact;
  // "Records compiled by the commission show …": a document with what describes it, too long a phrase to read back from the verb.
  if (cue.frame === 'finding' && !gerund && (!speaker || !speakerHasHead(ctx, speaker, 'speaker.document'))) {
    const document = documentSubjectBefore(ctx, sentence, left + 1);
    if (document) {
      speaker = document;
      speakerRules.push('span.described-document');
    }
  }
  if (!speaker) {
    // "Pilots — and some deckhands — say that …", "Ms. Calder, who represents the harbour ward, said …":
    // the speaker phrase is too involved to read, but a speech verb followed by its clause still reports one.
    // "Roe — a former judge who led the inquiry — praised the plan": a speaker and its insert between dashes, then the cue and its object.
    const dashed = cue.frame !== 'finding' && !/ing$/.test(lower(cueStart)) && (DASHES.has(leftText) || leftText === '-') ? speakerAroundInsert(ctx, sentence.tokenStart, left + 1) : undefined;
    // The speaker is the sentence's subject: it opens the sentence, or follows an opening connective or a coordinator.
    // ("Even if Roe wins, insiders — and some donors — said …": after a fronted clause's comma too.)
    if (dashed && (dashed.start === sentence.tokenStart || dashed.start === afterOpeningConnective(ctx, sentence.tokenStart, cueStart) || COORDINATORS.has(lower(dashed.start - 1)) || (tokens[dashed.start - 1] as Token | undefined)?.text === ',')) {
      const object = contentAfter(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
      if (object) return buildAttribution(ctx, spanOf(dashed.start, dashed.end), cueSpan, object, cue.ruleId, dashed.start, ['attribution.speaker-unread', 'span.dash-insert-speaker']);
    }
    if (cue.frame === 'finding' || /ing$/.test(lower(cueStart)) || !opensReportedClause(ctx, cueEnd, bodyEnd)) return null;
    const content = contentAfter(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
    if (!content) return null;
    // "The pier, once expected to open in June, is shut": a participle opening an insert after the subject is a passive cut short.
    if (opensParticipleInsert(ctx, sentence.tokenStart, cueStart)) return buildAttribution(ctx, null, cueSpan, content, cue.ruleId, cueStart, ['attribution.speaker-unread', PARTICIPLE_INSERT_ROW]);
    const subject = speakerAroundInsert(ctx, sentence.tokenStart, left + 1) ?? sentenceSubject(ctx, sentence, cueStart);
    return buildAttribution(ctx, subject ? spanOf(subject.start, subject.end) : null, cueSpan, content, cue.ruleId, subject?.start ?? cueStart, ['attribution.speaker-unread']);
  }
  // People "find" things all the time; only a document finds, unless a "that" clause follows or the
  // finding closes the sentence after the clause it reports ("…, Gallup found.").
  const before = speaker.start - 1;
  const findsClauseBefore = cue.frame === 'finding' && before > sentence.tokenStart && (tokens[before] as Token).text === ',' && isSentenceEndAfterCue(ctx, cueEnd, bodyEnd)
    && (PAST_FORM.test(lower(cueStart)) || endsInSingleS(lower(cueStart)) || agreesWithInvertedCue(ctx, cueStart, speaker)) && hasVerbWordBetween(ctx, sentence.tokenStart, before)
    // "no one forecast Hurricane Roe": a name after the verb is its object; only a date may follow ("found Tuesday").
    && !(cueEnd < bodyEnd && (tokens[cueEnd] as Token).capitalized && !ctx.state.lexicon.classes(lower(cueEnd)).has('date-word'));
  // "I find his plan troubling": a judgement of the object by an adjective after it is the subject's view.
  const personFinds = cue.frame === 'finding' && !speakerHasHead(ctx, speaker, 'speaker.document') && !thatAfterAdjunct(ctx, cueEnd, bodyEnd) && !findsClauseBefore;
  const judged = personFinds && !gerund && judgesObject(ctx, cueStart, cueEnd, bodyEnd);
  if (judged) speakerRules.push(JUDGED_OBJECT_ROW);
  // "Forbes puts his net worth at $45 billion": an estimate of the object at a figure is the subject's, person, firm or document.
  const valued = personFinds && !judged && !gerund && valuesObject(ctx, cueStart, cueEnd, bodyEnd);
  if (valued) speakerRules.push(VALUED_OBJECT_ROW);
  if (personFinds && !judged && !valued) return null;
  const asClause = readAsClause(ctx, sentenceIndex, bodyEnd, speaker, cueStart, cue);
  // "…, as the Gazette noted before.": what follows the cue in an "as" clause is never what was said.
  if (asClause === NO_AS_CLAUSE_CONTENT) return null;
  if (asClause) return asClause;
  // "As Roe, a pilot, joked with friends, the crowd …": an "as" clause that reports no clause beside it tells when, not what was said.
  if (ruleId === 'attribution.appositive' && before === sentence.tokenStart && lower(before) === 'as' && leftText !== ':' && (tokens[cueEnd] as Token | undefined)?.text !== ':' && !ctx.isOpenQuote(cueEnd)) return null;
  const closeBefore = before < sentence.tokenStart ? -1 : isCloseQuote(before) ? before : (tokens[before] as Token).text === ',' && isCloseQuote(before - 1) ? before - 1 : -1;
  // "After hitting “Roam,” the singer told the crowd, “…”": a quotation inside a clause before the subject is a title, not what the cue reports, when the cue reports a clause or a quotation after its addressee.
  const quoteBefore = closeBefore >= 0 && !isQuotedTitle(ctx, closeBefore)
    && !(quotedInsideClause(ctx, sentence, closeBefore) && (opensReportedClause(ctx, cueEnd, bodyEnd) || answerAfterCue(ctx, cueEnd, bodyEnd) || (addresseeFollows && quotedAfterVerbOrPreposition(ctx, closeBefore) && quotationAfterAddressee(ctx, cueEnd, bodyEnd))));
  // "“Stay calm,” Jo Lee urged the crowd.": a demand or recommendation voiced as a quotation opening the sentence;
  // after a clause the quotation is only part of what the belief cue is about.
  const quotedDemand = quoteBefore && cue.frame === 'belief' && ctx.isOpenQuote(sentence.tokenStart);
  if (quoteBefore && (cue.frame === 'speech' || quotedDemand)) {
    // "“We are ready,” she said." — the quotation, and its continuation in the next sentence.
    const quoteEnd = isCloseQuote(before) ? before + 1 : before;
    const content = quotedOrClauseBefore(ctx, sentence, quoteEnd);
    if (!content) return null;
    // "“It is our bad luck,” he said, that the storm hit …": the quoted sentence goes on unquoted after the cue.
    const restEnd = unquotedRestAfterCue(ctx, content, cueEnd, bodyEnd);
    const span = restEnd === undefined ? withContinuation(ctx, content, sentenceIndex, bodyEnd, cueEnd) : { start: content.start, end: restEnd, text: ctx.text.slice(content.start, restEnd) };
    // ("“…,” Roe, star of “Harbour Lights,” said": a title inside the speaker's description is named among its rules.)
    const rules = [...(addresseeFollows ? ['attribution.quote-before', 'span.addressee-after-cue'] : ['attribution.quote-before']), ...(quotedDemand ? [QUOTED_DEMAND_ROW] : []), ...speakerRules.filter((rule) => rule === QUOTED_TITLE_ROW)];
    return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, span, cue.ruleId, speaker.start, restEnd === undefined ? rules : [...rules, 'span.unquoted-rest-of-quotation']);
  }
  // "“Did you know?” | Todd asked the harbour master.": after "asked" the noun phrase is who was asked.
  const askedWhom = !addresseeFollows && spanWords('span.question-addressee').has(lower(cueStart));
  if (cue.frame === 'speech' && !gerund && speaker.start === sentence.tokenStart && (isSentenceEndAfterCue(ctx, cueEnd, bodyEnd) || onlyAdjunctsAfterCue(ctx, cueEnd, bodyEnd) || ((addresseeFollows || askedWhom) && onlyRecipientAndAdjuncts(ctx, cueEnd, bodyEnd)))) {
    // "“We will win.” | Trump said." — the sentence splitter ended the quotation's sentence at its stop.
    const quoted = quotationEndingBefore(ctx, sentenceIndex);
    const rules = askedWhom && !isSentenceEndAfterCue(ctx, cueEnd, bodyEnd) && !onlyAdjunctsAfterCue(ctx, cueEnd, bodyEnd) ? ['attribution.quote-previous-sentence', 'span.question-addressee'] : ['attribution.quote-previous-sentence'];
    if (quoted) return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, withContinuation(ctx, quoted, sentenceIndex, bodyEnd, cueEnd), cue.ruleId, speaker.start, rules);
  }
  // "“All aboard!” | Roe shouted, a cry heard across the harbour.": the writer's phrase after the cue's comma leaves the quotation before as what was said.
  if (cue.frame === 'speech' && !gerund && speaker.start === sentence.tokenStart && writerPhraseAfterCue(ctx, cueEnd, bodyEnd)) {
    const quoted = quotationEndingBefore(ctx, sentenceIndex);
    if (quoted) return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, quoted, cue.ruleId, speaker.start, ['attribution.quote-previous-sentence', WRITER_PHRASE_ROW]);
  }
  const documentFinds = cue.frame === 'finding' && (findsClauseBefore || speakerHasHead(ctx, speaker, 'speaker.document'));
  // "A win would help, his team believes.": a cue of belief after the clause it reports closes the sentence as one of saying does.
  // (Only with nothing after it but the stop or a dash: a belief verb followed by a name or a phrase has it as its object, "…, Roe backed Doe.")
  // (A word that is also a noun closes it only after a pronoun or in its past form: "…, by gun advocates." is a noun phrase.)
  const beliefCloses = cue.frame === 'belief' && CLAUSE_BELIEF_ROWS.has(cue.ruleId) && !(tokens[cueStart] as Token).capitalized && (cueEnd >= bodyEnd || dashAfter(ctx, cueEnd))
    && (PAST_FORM.test(lower(cueEnd - 1)) || !isNounWord(ctx, lower(cueEnd - 1)) || (speaker.end - speaker.start === 1 && PRONOUNS.has(lower(speaker.start))))
    && before > sentence.tokenStart && hasVerbWordBetween(ctx, sentence.tokenStart, before);
  if (before >= sentence.tokenStart && (tokens[before] as Token).text === ',' && (cue.frame === 'speech' || documentFinds || beliefCloses) && !gerund) {
    // "Coty bought half the brand, a deal announced on Monday.": an act named after the comma, with a participle, sums up the clause.
    if (summarisesClause(ctx, speaker, cueStart)) {
      ctx.rejected.push({ ...cueSpan, layer: 'attribution', reason: 'a participle describing an act that sums up the clause before it, not a report', ruleId: 'span.clause-summary' });
      return null;
    }
    // "Mexico brings leverage, Roe said during a visit to Ohio.": only an adjunct after the cue, which says when or where, not what.
    // (Not after a relative pronoun: "…, the late Jo Roe, who wrote as Lee Park." tells who Roe was.)
    const adjunctOnly = ruleId !== 'attribution.relative-speaker' && (spanWords('span.inverted-report').has(lower(cueStart)) || addresseeFollows) && !isSentenceEndAfterCue(ctx, cueEnd, bodyEnd) && adjunctEndsSentence(ctx, cueEnd, bodyEnd);
    // "Prices fell, the board reported on Tuesday -- a result that …": the writer's comment after the cue's adjunct says nothing the speaker said.
    const commentAfter = !adjunctOnly && ruleId !== 'attribution.relative-speaker' && hasVerbWordBetween(ctx, sentence.tokenStart, before) && !startsAdverbial(ctx, sentence.tokenStart, before) && commentAfterAdjunct(ctx, cueEnd, bodyEnd);
    // "That won't happen, they said — but …": a dash after the cue closes the report as the sentence's end does.
    if ((isSentenceEndAfterCue(ctx, cueEnd, bodyEnd) || adjunctOnly || commentAfter || dashAfter(ctx, cueEnd)) && !(startsAdverbial(ctx, sentence.tokenStart, before) && !hasVerbWordBetween(ctx, sentence.tokenStart, before))) {
      // "Mexico brings leverage, the officials said." — content before the speaker.
      // "…: whether he quits — that won't happen, they believe — or …": a report between dashes starts after the first.
      const dashed = dashAfter(ctx, cueEnd) ? dashBefore(ctx, sentence.tokenStart, before) : undefined;
      const read = dashed !== undefined ? spanOf(dashed + 1, before) : quotedOrClauseBefore(ctx, sentence, before);
      if (!read) return null;
      const content = withContinuation(ctx, read, sentenceIndex, bodyEnd, cueEnd, 'span.quotation-after-report');
      return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, ['attribution.inverted', ...speakerRules, ...(adjunctOnly ? ['span.adjunct-after-inverted-cue'] : []), ...(commentAfter ? ['span.comment-after-inverted-cue'] : [])]);
    }
    // "The deal is close, he said, adding that …": a participle after the cue's comma is the speaker's
    // own act; what was said is the clause before.
    const participleAfter = (tokens[cueEnd] as Token | undefined)?.text === ',' && /ing$/.test(lower(cueEnd + 1)) && !(tokens[cueEnd + 1] as Token).capitalized && hasVerbWordBetween(ctx, sentence.tokenStart, before) && !startsAdverbial(ctx, sentence.tokenStart, before);
    if (participleAfter) {
      const read = quotedOrClauseBefore(ctx, sentence, before);
      if (read) return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, read, cue.ruleId, speaker.start, ['attribution.inverted', ...speakerRules, 'span.participle-after-inverted-cue']);
    }
    // ("After the storm, she said, the ferry would sail again": a fronted adverbial is part of the clause around the speaker too,
    // unless a quotation follows the cue's comma and is what was said.)
    // ("Holding open a map, Roe said, “I …”": an opening participle phrase and a quotation that starts a sentence of its own after the cue's comma
    // are no clause around the speaker; "Building it, Roe said, “would cost …”" goes on with its gerund subject.)
    // ("The plan, she told reporters, is sound": who heard it may stand between the cue and its comma.)
    const cueComma = (tokens[cueEnd] as Token | undefined)?.text === ',' ? cueEnd : addresseeFollows ? commaAfterAddressee(ctx, cueEnd, bodyEnd) : undefined;
    const openingParticiple = /ing$/.test(lower(sentence.tokenStart)) && ctx.isOpenQuote(cueEnd + 1) && (tokens[cueEnd + 2] as Token | undefined)?.capitalized === true;
    // ("Roe said the ferry was late, and when asked about it, she said, “I hope not.”": after a clause of its own a quotation
    // that opens a sentence after the cue's comma is what was said.)
    const quotationAfterClause = ctx.isOpenQuote(cueEnd + 1) && (tokens[cueEnd + 2] as Token | undefined)?.capitalized === true && hasFiniteVerbBetween(ctx, sentence.tokenStart, before);
    // ("Roe, who said, “…,” resigned": a relative pronoun is no speaker set off inside the clause it reports.)
    const relativeSpeaker = speaker.end - speaker.start === 1 && RELATIVE_SPEAKERS.has(lower(speaker.start));
    if (cueComma !== undefined && !relativeSpeaker && (cueComma === cueEnd || !ctx.isOpenQuote(cueComma + 1)) && (!startsAdverbial(ctx, sentence.tokenStart, before) || !ctx.isOpenQuote(cueEnd + 1)) && !openingParticiple && !quotationAfterClause) {
      // "The deal, he said, is close." — the content covers the sentence around the speaker.
      // (After a fronted adverbial the clause after the cue ends where a clause read on its own would.)
      // ("…, the rest of the pilots — all of whom, she said, worked late — …": inside an aside, only the aside.)
      const stretch = interruptedStretch(ctx, sentence.tokenStart, before, cueComma, bodyEnd);
      const clause = !stretch && startsAdverbial(ctx, sentence.tokenStart, before) ? contentAfter(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cue) : null;
      const around = stretch ? spanOf(stretch.start, stretch.close ?? bodyEnd) : spanOf(sentence.tokenStart, clause ? firstStartingAtOrAfter(tokens, clause.end) : bodyEnd);
      if (!around) return null;
      // Words said up to the sentence's end go on in a quotation after them, as after any report.
      const toSentenceEnd = clause !== null && cue.frame === 'speech' && clause.end >= (tokens[bodyEnd - 1] as Token).end && clause.end <= sentence.end;
      const content = toSentenceEnd ? withContinuation(ctx, around, sentenceIndex, bodyEnd, bodyEnd, 'span.quotation-after-report') : around;
      const conditionRules = cueComma === cueEnd && opensReportedCondition(ctx, cueEnd + 1) ? [CONDITION_AFTER_REPORT_ROW] : [];
      return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, ['attribution.parenthetical', ...speakerRules, ...(clause ? ['span.adverbial-around-report'] : []), ...conditionRules]);
    }
  }
  if (gerund && speaker.start > sentence.tokenStart) return null;
  // "the senator, who has endorsed Roe, said …": a stance in a relative clause set off by commas ends at the next one
  // ("the board, which fought the fees, the levy and the berths, met": past the commas of a series).
  const relativeSetOff = (tokens[(speaker.start === left ? left : speaker.start) - 1] as Token | undefined)?.text === ',';
  const setOffEnd = ruleId === 'attribution.relative-speaker' && cue.frame !== 'speech' && leftText !== ',' && relativeSetOff ? commaPastSeries(ctx, cueEnd, bodyEnd) : undefined;
  const clauseEnd = setOffEnd
    ? setOffEnd.index
    // "Voters who backed the mayor said …": a restrictive clause ends before the sentence's own verb of saying.
    : ruleId === 'attribution.relative-speaker' && !relativeSetOff ? mainSpeechCueAfter(ctx, cueEnd, bodyEnd) ?? bodyEnd : bodyEnd;
  // "Bloomberg pegged him at $2.9 billion, which Roe called a disgrace": a relative clause after the figure's comma is the writer's.
  const valuedEnd = valued ? relativeCommaAfter(ctx, cueEnd, clauseEnd) ?? clauseEnd : clauseEnd;
  const read = contentAfter(ctx, sentenceIndex, valuedEnd, cueStart, cueEnd, cue);
  if (!read) return null;
  // "She said the bridge is old. “We will fix it.”": words said up to the sentence's end go on in the quotation after them.
  const toSentenceEnd = cue.frame === 'speech' && clauseEnd === bodyEnd && read.end >= (tokens[bodyEnd - 1] as Token).end && read.end <= sentence.end;
  // "a levy that skippers called unfair", "what economists call spending": the relative pronoun standing for the cue's object opens what was said.
  // ("which the board regards as its best chance" stays a phrase of role: not-claim.adverbial-content reads it.)
  const readStart = firstStartingAtOrAfter(tokens, read.start);
  // "what the mayor threatened to do": an infinitive without its object leaves the pronoun's place after it (span.infinitive-gap).
  const infinitiveGap = lower(readStart) === 'to' ? infinitiveGapEnd(ctx, readStart, bodyEnd) : undefined;
  const gapRelative = ruleId === 'attribution.speaker-first' && lower(readStart) !== 'as' && (infinitiveGap !== undefined || (lower(readStart) !== 'to' && !opensFiniteClause(ctx, readStart, bodyEnd))) ? relativeObjectClauseStart(ctx, speaker, cueStart, infinitiveGap !== undefined && !state.lexicon.classes(lower(readStart + 2)).has('preposition')) : undefined;
  // ("In trade, which he views as part of a wider talk, the aim …": a relative clause's "as" phrase ends at its comma.)
  const asPhraseEnd = gapRelative === undefined && ruleId === 'attribution.speaker-first' ? relativeAsPhraseEnd(ctx, speaker, cueStart, readStart, bodyEnd) : undefined;
  const asPhrase = asPhraseEnd === undefined ? undefined : spanOf(readStart, asPhraseEnd);
  const readFrom = asPhrase && asPhrase.end < read.end ? asPhrase : gapRelative === undefined ? read : spanOf(gapRelative, infinitiveGap ?? commaClosedQuotationEnd(ctx, readStart, bodyEnd) ?? firstStartingAtOrAfter(tokens, read.end)) ?? read;
  const endRule = ctx.contentRuleOf.get(read);
  if (readFrom !== read && readFrom !== asPhrase && endRule) ctx.contentRuleOf.set(readFrom, endRule);
  const content = toSentenceEnd ? withContinuation(ctx, readFrom, sentenceIndex, bodyEnd, bodyEnd, 'span.quotation-after-report') : readFrom;
  const rules = [ruleId, ...speakerRules, ...(readFrom === read ? [] : readFrom === asPhrase ? ['span.relative-as-phrase-ends'] : infinitiveGap === undefined ? ['span.relative-object-clause'] : ['span.relative-object-clause', 'span.infinitive-gap']), ...(setOffEnd?.pastSeries === true && read.end > (tokens[cueEnd] as Token).end ? ['span.series-continues'] : [])];
  return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, rules);
}

/** The first comma between `from` and `end` that opens a relative clause (", which …", ", who …"), if any. */
function relativeCommaAfter(ctx: Reading, from: number, end: number): number | undefined {
  for (let index = from; index + 1 < end; index++) if ((ctx.tokens[index] as Token).text === ',' && ctx.quotes.depth[index] === 0 && RELATIVE_OPENERS.has(ctx.lower(index + 1))) return index;
  return undefined;
}

/** Relative pronouns that open a clause about the phrase before their comma. */
const RELATIVE_OPENERS: ReadonlySet<string> = new Set(['which', 'who', 'whom', 'whose']);

/** Rule row of config/attributions/spans.json for the quantifiers of a relative "both of whom", "all of whom". */
const PARTITIVE_RELATIVE_ROW = 'span.partitive-relative';

/** "…, both of whom opposed …": where the quantifier before "of whom" ending at `left` starts, after a comma; undefined when none stands there. */
function partitiveRelativeStart(ctx: Reading, sentence: Sentence, left: number): number | undefined {
  const { lower } = ctx;
  if (lower(left) !== 'whom' || lower(left - 1) !== 'of' || left - 3 < sentence.tokenStart) return undefined;
  if (!spanWords(PARTITIVE_RELATIVE_ROW).has(lower(left - 2)) || (ctx.tokens[left - 3] as Token).text !== ',') return undefined;
  return left - 2;
}

/** Rows of cues of belief whose verbs take a clause ("believe", "know", "suspect"), so may close the clause they report. */
const CLAUSE_BELIEF_ROWS: ReadonlySet<string> = new Set(['cue.belief', 'cue.cognition', 'cue.judge-clause', 'cue.conjecture-clause']);

/**
 * "will instead focus on", "may well endorse", "have always argued": an adverb of span.floating-before-cue right
 * after an auxiliary belongs to the verb phrase; the subject stands before the auxiliary. (Not a quantifier:
 * "they have both said" floats "both" off the subject, which speaker-spans reads.)
 */
function adverbAfterAuxiliary(ctx: Reading, sentence: Sentence, index: number): boolean {
  const word = ctx.lower(index);
  return index - 1 >= sentence.tokenStart && !FLOATING_QUANTIFIERS.has(word) && spanWords('span.floating-before-cue').has(word) && AUXILIARY_VERBS.has(ctx.lower(index - 1));
}

/** Row of config/attributions/spans.json: auxiliaries that open a condition before its subject ("Should the council …"). */
const CONDITIONAL_INVERSION_ROW = 'span.conditional-inversion';

/** "Should the council …", "Had he …": the subject read opens the sentence with an auxiliary of a condition (the cue is then rejected). */
function opensCondition(ctx: Reading, sentence: Sentence, subject: Range, cueSpan: Span): boolean {
  if (subject.start !== sentence.tokenStart || subject.end - subject.start < 2 || !spanWords(CONDITIONAL_INVERSION_ROW).has(ctx.lower(subject.start))) return false;
  ctx.rejected.push({ ...cueSpan, layer: 'attribution', reason: 'a cue in a condition opened by an auxiliary before its subject', ruleId: CONDITIONAL_INVERSION_ROW });
  return true;
}

/** Row of config/attributions/spans.json: adverbs of degree between the subject and its cue ("what the pilots so fear"). */
const DEGREE_BEFORE_CUE_ROW = 'span.degree-before-cue';

/**
 * "what the pilots so fear", "the leader Roe so admires": "so" right before the cue, after a word of the
 * subject, is an adverb of degree (span.degree-before-cue), not a connective ("and so said"); not before
 * a word that is also an adjective ("took so long for"), which "so" modifies.
 */
function degreeAdverbBeforeCue(ctx: Reading, sentence: Sentence, index: number, cueStart: number): boolean {
  const before = ctx.tokens[index - 1];
  const cueWord = ctx.lower(cueStart);
  return index === cueStart - 1 && spanWords(DEGREE_BEFORE_CUE_ROW).has(ctx.lower(index)) && index - 1 > sentence.tokenStart && before !== undefined && before.kind === 'word' && !COORDINATORS.has(before.lower) && !AUXILIARIES.has(before.lower) && !/ing$/.test(cueWord) && !ctx.state.lexicon.classes(cueWord).has('adjective');
}

/** "Officials there said", "Polls here show": "there" or "here" after the speaker's noun says where, it is not the speaker. */
function placeAdverbAfterNoun(ctx: Reading, sentence: Sentence, index: number): boolean {
  const word = ctx.lower(index);
  if ((word !== 'there' && word !== 'here') || index - 1 < sentence.tokenStart) return false;
  const before = ctx.tokens[index - 1] as Token;
  return before.kind === 'word' && !DETERMINERS.has(before.lower) && !AUXILIARIES.has(before.lower) && isNounLike(ctx, index - 1);
}

/** The speaker a cue after a comma shares as the next act of a series the sentence's earlier report opened (span.predicate-series), if it is one. */
function predicateSeriesSpeaker(ctx: Reading, sentence: Sentence, left: number, cueStart: number, cueEnd: number, bodyEnd: number, gerund: boolean): SpeakerRange | undefined {
  if ((ctx.tokens[left] as Token).text !== ',' || gerund || !(PAST_FORM.test(ctx.lower(cueStart)) || endsInSingleS(ctx.lower(cueStart))) || !closesPredicateSeries(ctx, cueEnd, bodyEnd, cueStart)) return undefined;
  const seriesReport = earlierReportOfSentence(ctx, sentence);
  return seriesReport?.ruleIds.includes('span.predicate-series') ? speakerOfReport(ctx, seriesReport) : undefined;
}

/**
 * "…, she told reporters, is sound", "…, he told the crowd, was late": the index of the comma
 * after a short addressee (an object pronoun, or a determiner and its noun) right after the cue.
 */
function commaAfterAddressee(ctx: Reading, cueEnd: number, bodyEnd: number): number | undefined {
  const first = ctx.tokens[cueEnd];
  if (!first || first.kind !== 'word' || first.capitalized) return undefined;
  const comma = OBJECT_PRONOUNS.has(first.lower) || first.lower === 'you' ? cueEnd + 1 : DETERMINERS.has(first.lower) && isNounLike(ctx, cueEnd + 1) ? cueEnd + 2 : undefined;
  return comma !== undefined && comma < bodyEnd && ctx.tokens[comma]?.text === ',' ? comma : undefined;
}

/** "Asked whether the pier “is safe,” most pilots said no": an answer word right after the cue is what was said, so the quotation before is part of the question. */
function answerAfterCue(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  return cueEnd < bodyEnd && ANSWER_WORDS.has(ctx.lower(cueEnd));
}

const ANSWER_WORDS: ReadonlySet<string> = new Set(['yes', 'no']);

/** Row of config/attributions/spans.json: a cue's past participle opening an insert after the subject. */
const PARTICIPLE_INSERT_ROW = 'span.participle-insert';

/**
 * "The pier, once expected to …": the cue at `cueStart` is an -ed participle right after the first comma of the
 * sentence (adverbs of the row may stand between), the comma after a subject that opens the sentence.
 */
function opensParticipleInsert(ctx: Reading, sentenceStart: number, cueStart: number): boolean {
  const { tokens, lower } = ctx;
  if (!/ed$/.test(lower(cueStart))) return false;
  let comma = cueStart - 1;
  while (comma > sentenceStart && spanWords(PARTICIPLE_INSERT_ROW).has(lower(comma))) comma--;
  if (comma <= sentenceStart || (tokens[comma] as Token).text !== ',') return false;
  for (let index = sentenceStart; index < comma; index++) {
    const token = tokens[index] as Token;
    if (token.text === ',' || token.text === ';' || ctx.isOpenQuote(index) || ctx.isCloseQuote(index)) return false;
  }
  // "In May, expected …", "However, …": an opening phrase before the comma is no subject.
  return readSpeakerBefore(ctx, sentenceStart, comma)?.start === sentenceStart;
}
