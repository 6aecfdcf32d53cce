import { spanWords, takesAddressee } from './span-rules.js';
import { cueBarePresentForms } from './rules.js';
import type { Sentence, Token } from '../text/tokens.js';
import type { Attribution, Span } from '../../model/claim.js';
import { AUXILIARY_VERBS, AUXILIARIES, PRONOUNS, CLAUSE_WORDS, DETERMINERS, endsInSingleS, PAST_FORM, RELATIVE_SPEAKERS, PASSIVE_MARKERS, POSSESSIVE_MARKS, IRREGULAR_PAST, COORDINATORS, QUESTION_CONTENT_OPENERS, TIME_WORDS, TIME_LEADERS, MAX_SPEAKER_TOKENS, DASHES, CUE_ADVERBS } from './word-lists.js';
import { afterOpeningConnective, isDescribedSpeaker, speakerAroundInsert, speakerOfEarlierCue, earlierReportOfSentence, speakerOfReport, appositionToEnd, speakerBeyondTimePhrase, readSpeakerAfter, readAppositiveSpeaker, readSpeakerBefore, clauseStartBefore, sentenceSubject, validSpeaker, hasVerb, startsAdverbial, speakerHasHead, speakerReadingRules, nounCueSubject, subjectAfterOpeningTimePhrase, subordinateClauseSubject, type SpeakerRange } from './speaker-spans.js';
import { participleClauseSubject, participleSubject } from './participle-subjects.js';
import { cleftSubject, isExpletiveIt } from './expletive-subjects.js';
import { infinitiveSubject, infinitiveObject, infinitiveChainSubject, setPhraseBeforeInfinitive } from './infinitive-subjects.js';
import { opensAmountBound, opensReportedClause, isSentenceEndAfterCue, startsClause, isQuotedTitle, opensFiniteClause, isFiniteVerbAt, relativeBeforeCue, reportAfterAside, commaPastSeries } from './clause-boundaries.js';
import { closesPredicateSeries, contentAfter, quotedOrClauseBefore, verbAfterAdverbs } from './content-spans.js';
import { quotationEndingBefore, withContinuation } from './quotes-across-sentences.js';
import { isAdjectiveAt, isModifierPosition, isNounLike, isNounWord, isVerbWord } from './word-tests.js';
import { nextCommaOrEnd } from './reading.js';
import { frontedRelativeEnd, passiveAuxiliaryBefore, quotingThingRelativeBefore, QUOTING_THING_ROW } from './cue-matching.js';
import { buildAttribution } from './relation-assembly.js';
import { readPassiveWithAgent } from './passive-agents.js';
import { readNounCue } from './noun-cues.js';
import { readSourcePhrase } from './source-phrases.js';
import { readOpeningParticiple } from './opening-participles.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import { relativeObjectClauseStart, opensRelativeGap, readContactRelative, readObjectGap, readRelativeGap, infinitiveGapEnd } from './relative-gaps.js';
import { NO_AS_CLAUSE_CONTENT, readAsClause } from './as-clauses.js';
import { documentAfterPreposition, documentSubjectBefore } from './document-subjects.js';
import { readHearsay } from './hearsay-adverbs.js';
import { readAttitudeAdjective } from './attitude-adjectives.js';
import type { CueForm } from './engine.js';
import type { Reading, Range } from './reading.js';
import { readAccording, readAsReportedBy } from './according-sources.js';
import { readEvidential, thatAfterAdjunct, readRelativeFinding, DOCUMENT_RELATIVES } from './evidential-frames.js';
import { agreesWithBarePresent, agreesWithInvertedCue, isAdjectiveNounSubject } from './subject-agreement.js';

export function readFrame(ctx: Reading, sentenceIndex: number, sentence: Sentence, bodyEnd: number, cueStart: number, cue: CueForm): Attribution | null {
  const read = readFrameAt(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cue);
  if (read && byMedium(ctx, cueStart + cue.words.length)) read.ruleIds.push('span.speech-medium');
  if (read && cue.adverbInside) read.ruleIds.push(cue.adverbInside === 'degree' ? 'span.degree-in-phrasal-cue' : 'span.adverb-in-phrasal-cue');
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
  if (cue.complement === 'linked') return readAttitudeAdjective(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cueSpan, cue);
  let auxiliaryStart = cueStart - 1;
  while (auxiliaryStart >= sentence.tokenStart && AUXILIARIES.has(lower(auxiliaryStart))) auxiliaryStart--;
  let progressive = false;
  for (let index = auxiliaryStart + 1; index < cueStart; index++) if (PASSIVE_MARKERS.has(lower(index)) || lower(index) === "'s" || lower(index) === "'re") progressive = /ing$/.test(lower(cueStart));
  // "is expected to", "was told": a passive reports only with its agent ("was criticized by the mayor").
  if (PASSIVE_MARKERS.has(lower(cueStart - 1)) && !progressive) return readPassiveWithAgent(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cue);
  // "were mocked and pilloried, tarred …", "was arrested and charged with …": a participle coordinated with a passive is passive too.
  if (!progressive && cue.words.length === 1 && coordinatedWithPassive(ctx, sentence.tokenStart, cueStart)) {
    const withAgent = readPassiveWithAgent(ctx, sentenceIndex, sentence, bodyEnd, cueStart, cue);
    if (withAgent) withAgent.ruleIds.push('span.coordinated-passive');
    else ctx.rejected.push({ ...cueSpan, layer: 'attribution', reason: 'a participle sharing the passive before it: what was done to the subject, not its words', ruleId: 'span.coordinated-passive' });
    return withAgent;
  }
  const gerund = /ing$/.test(lower(cueStart)) && !progressive;
  // "a new poll showing …" reports the poll's finding; "officers finding the child" reports nothing.
  if (gerund && cue.frame === 'finding') {
    const document = readSpeakerBefore(ctx, sentence.tokenStart, cueStart) ?? documentAfterPreposition(ctx, sentence, cueStart);
    if (!document || !speakerHasHead(ctx, document, 'speaker.document')) return null;
    // "Police released dramatic video showing …": the document is the phrase after the verb.
    for (let index = cueStart - 2; index > document.start; index--) {
      const token = tokens[index] as Token;
      if (!token.capitalized && /ed$/.test(token.lower) && !isModifierPosition(ctx, index - 1)) {
        document.start = index + 1;
        break;
      }
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
  let left = cueStart - 1;
  while (left >= sentence.tokenStart && (AUXILIARIES.has(lower(left)) || (/ly$/.test(lower(left)) && !(tokens[left] as Token).capitalized) || placeAdverbAfterNoun(ctx, sentence, left))) left--;
  // "… but instead focuses on …", "… and most recently defended …": adverbs between a coordinator and its verb leave the verb coordinated.
  let coordinator = left;
  while (coordinator > sentence.tokenStart && (CUE_ADVERBS.has(lower(coordinator)) || spanWords('span.floating-before-cue').has(lower(coordinator)) || (lower(coordinator) === 'most' && /ly$/.test(lower(coordinator + 1))))) coordinator--;
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
  if (AUXILIARY_VERBS.has(lower(cueEnd)) && !opensFirstName(ctx, cueEnd) && !(lower(cueEnd) === 'not' && lower(cueEnd + 1) === 'to')) return null;
  if (COORDINATORS.has(lower(cueEnd)) && !/(?:ed|aid|old)$/.test(lower(cueStart))) return null;
  const leftText = (tokens[left] as Token).text;
  // "Roe, a senator, praised Lee": after a cue of stance or thought a name is its object; after a verb of saying it is a day or who heard it ("said Tuesday", "told Reuters").
  const takesObject = cue.frame !== 'speech';
  // The speaker chain before a comma ("Roe, a senator,"), read once: the inverted-cue test and the speaker-first reading both ask for it.
  let chainBeforeComma: { range: SpeakerRange | undefined } | undefined;
  const appositiveBeforeComma = (): SpeakerRange | undefined => (chainBeforeComma ??= { range: readAppositiveSpeaker(ctx, sentence.tokenStart, left, cueEnd, bodyEnd, takesObject) }).range;

  // "…, said the officials." / "“…,” said Smith."
  // "“…,” Roe, a senator, told reporters.": the phrase after "told" is who heard it, so the speaker stays before the cue.
  const addresseeFollows = takesAddressee(lower(cueStart));
  // "…, had confirmed …": an auxiliary makes the cue the verb of the clause before it, which never inverts.
  let auxiliaryBeforeCue = false;
  for (let index = left + 1; index < cueStart; index++) if (AUXILIARY_VERBS.has(lower(index))) auxiliaryBeforeCue = true;
  if ((leftText === ',' || isCloseQuote(left)) && cue.frame === 'speech' && !gerund && !addresseeFollows && !auxiliaryBeforeCue) {
    const afterQuote = isCloseQuote(left) || (leftText === ',' && isCloseQuote(left - 1));
    // "Roe, who has led the council since May, repeated her demand …": a name and its apposition before the comma are the cue's subject, not what was said.
    const subjectBefore = !afterQuote && leftText === ',' && isDescribedSpeaker(ctx, appositiveBeforeComma(), left);
    const after = subjectBefore ? undefined : readSpeakerAfter(ctx, cueEnd, bodyEnd, afterQuote);
    if (after && agreesWithInvertedCue(ctx, cueStart, after)) {
      const contentEnd = leftText === ',' && isCloseQuote(left - 1) ? left : isCloseQuote(left) ? left + 1 : left;
      // "Maria Roe, the city's mayor, announced a plan": an unquoted phrase with no verb is the subject, not what was said.
      const content = isCloseQuote(contentEnd - 1) || hasVerb(ctx, sentence.tokenStart, contentEnd, false) ? quotedOrClauseBefore(ctx, sentence, contentEnd) : null;
      if (content) {
        const span = isCloseQuote(contentEnd - 1) ? withContinuation(ctx, content, sentenceIndex, bodyEnd, after.end) : content;
        // "…, said Jo Roe, a spokeswoman for the city." — the apposition describing the speaker is part of the speaker.
        const described = appositionToEnd(ctx, after.end, bodyEnd);
        const speakerEnd = described ?? after.end;
        return buildAttribution(ctx, spanOf(after.start, speakerEnd), cueSpan, span, cue.ruleId, after.start, described === undefined ? ['attribution.inverted-cue-first'] : ['attribution.inverted-cue-first', 'span.inverted-apposition']);
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

  // "… suggested the plan was late, called it “a joke” and walked out": a past-tense cue after a comma in a
  // series of the speaker's acts that "and" closes shares the speaker of the cue before it (span.predicate-series).
  // (Only when that cue's content ended at this comma for the series: "Roe, who backed Lee, repeated …" closes an insert.)
  const seriesReport = leftText === ',' && !gerund && PAST_FORM.test(lower(cueStart)) && closesPredicateSeries(ctx, cueEnd, bodyEnd, cueStart) ? earlierReportOfSentence(ctx, sentence) : undefined;
  const seriesSpeaker = seriesReport?.ruleIds.includes('span.predicate-series') ? speakerOfReport(ctx, seriesReport) : undefined;
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
    const plainSubject: SpeakerRange | undefined = participle?.subject ?? (COORDINATORS.has(lower(left)) ? speakerOfEarlierCue(ctx, sentence) : undefined) ?? (infinitive ? infinitiveObject(ctx, sentence, cueStart, cueEnd, bodyEnd) ?? infinitiveChainSubject(ctx, sentence, cueStart) ?? subordinate : coordinated ? subordinate : undefined) ?? (gerund ? participleClauseSubject(ctx, sentence, cueStart) : sentenceSubject(ctx, sentence, cueStart, infinitive || coordinated ? clauseStartBefore(ctx, sentence, cueStart) : sentence.tokenStart));
    const infinitiveOpener = plainSubject === undefined && infinitive ? infinitiveSubject(ctx, sentence, cueStart) : undefined;
    const subject = plainSubject ?? infinitiveOpener;
    const afterConnective = plainSubject !== undefined && participle === undefined && plainSubject.start > sentence.tokenStart && afterOpeningConnective(ctx, sentence.tokenStart, cueStart) === plainSubject.start;
    const subjectRules = participle?.ruleId ? ['attribution.subject-of-sentence', participle.ruleId] : infinitiveOpener ? ['attribution.subject-of-sentence', 'span.infinitive-subject'] : afterConnective ? ['attribution.subject-of-sentence', 'span.opening-connective'] : ['attribution.subject-of-sentence'];
    if (plainSubject?.ruleId) subjectRules.push(plainSubject.ruleId);
    // "… is more likely to support X": with no plain subject the speaker stays unknown rather than "likely to".
    if (!subject && !infinitive) return null;
    if (cue.frame === 'finding' && lower(cueEnd) !== 'that') return null;
    const content = contentAfter(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cue);
    if (!content) return null;
    // "It is hard to say …" names no one; "It was there that Roe spoke, calling …" names who did it after "that".
    if (subject && !participle?.ruleId && isExpletiveIt(ctx, subject, cueStart)) {
      const cleft = cleftSubject(ctx, sentence, subject.end, cueStart);
      if (cleft) return buildAttribution(ctx, spanOf(cleft.start, cleft.end), cueSpan, content, cue.ruleId, cleft.start, ['attribution.subject-of-sentence', 'span.expletive-it']);
      return buildAttribution(ctx, null, cueSpan, content, cue.ruleId, cueStart, ['span.expletive-it']);
    }
    if (!subject) return buildAttribution(ctx, null, cueSpan, content, cue.ruleId, cueStart, ['attribution.infinitive-no-subject']);
    // "Roe, who was reluctant to endorse …", "the union, which issued a statement questioning …": in a
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
  if (RELATIVE_SPEAKERS.has(lower(left)) || quotedThing) {
    // "an architect who said he was stiffed", "Democrats, who have argued …": the relative pronoun is the speaker.
    speaker = { start: left, end: left + 1 };
    ruleId = 'attribution.relative-speaker';
    if (quotedThing) speakerRules.push(QUOTING_THING_ROW);
  } else if (leftText === ',') {
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
    if (speaker && relativeHead === undefined && isVerbTakingObject(ctx, speaker.start - 1, cueStart)) return null;
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
  }
  // "the allegations, which Mr. Roe denies,": the relative pronoun before the speaker is the cue's object.
  const objectGap = speaker && ruleId === 'attribution.speaker-first' ? readObjectGap(ctx, bodyEnd, speaker, cueStart, cue) : null;
  if (objectGap) return objectGap;
  // "a plan she once backed", "everything they promised": a noun phrase right before the subject is the cue's object.
  const contact = speaker && ruleId === 'attribution.speaker-first' ? readContactRelative(ctx, sentence, bodyEnd, speaker, cueStart, cue) : null;
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
    // "Democrats — and some Republicans — say that …", "Mr. Coffman, who represents a swing district, said …":
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
    const subject = speakerAroundInsert(ctx, sentence.tokenStart, left + 1) ?? sentenceSubject(ctx, sentence, cueStart);
    return buildAttribution(ctx, subject ? spanOf(subject.start, subject.end) : null, cueSpan, content, cue.ruleId, subject?.start ?? cueStart, ['attribution.speaker-unread']);
  }
  // People "find" things all the time; only a document finds, unless a "that" clause follows or the
  // finding closes the sentence after the clause it reports ("…, Gallup found.").
  const before = speaker.start - 1;
  const findsClauseBefore = cue.frame === 'finding' && before > sentence.tokenStart && (tokens[before] as Token).text === ',' && isSentenceEndAfterCue(ctx, cueEnd, bodyEnd)
    && (PAST_FORM.test(lower(cueStart)) || endsInSingleS(lower(cueStart)) || agreesWithInvertedCue(ctx, cueStart, speaker)) && hasVerb(ctx, sentence.tokenStart, before)
    // "no one forecast Hurricane Roe": a name after the verb is its object; only a date may follow ("found Tuesday").
    && !(cueEnd < bodyEnd && (tokens[cueEnd] as Token).capitalized && !ctx.state.lexicon.classes(lower(cueEnd)).has('date-word'));
  if (cue.frame === 'finding' && !speakerHasHead(ctx, speaker, 'speaker.document') && !thatAfterAdjunct(ctx, cueEnd, bodyEnd) && !findsClauseBefore) return null;
  const asClause = readAsClause(ctx, sentenceIndex, bodyEnd, speaker, cueStart, cue);
  // "…, as the Gazette noted before.": what follows the cue in an "as" clause is never what was said.
  if (asClause === NO_AS_CLAUSE_CONTENT) return null;
  if (asClause) return asClause;
  // "As Roe, a pilot, joked with friends, the crowd …": an "as" clause that reports no clause beside it tells when, not what was said.
  if (ruleId === 'attribution.appositive' && before === sentence.tokenStart && lower(before) === 'as' && leftText !== ':' && (tokens[cueEnd] as Token | undefined)?.text !== ':' && !ctx.isOpenQuote(cueEnd)) return null;
  const closeBefore = before < sentence.tokenStart ? -1 : isCloseQuote(before) ? before : (tokens[before] as Token).text === ',' && isCloseQuote(before - 1) ? before - 1 : -1;
  // "After hitting “Roam,” the singer told the crowd, “…”": a quotation inside a clause before the subject is a title, not what the cue reports, when the cue reports a clause or a quotation after its addressee.
  const quoteBefore = closeBefore >= 0 && !isQuotedTitle(ctx, closeBefore)
    && !(quotedInsideClause(ctx, sentence, closeBefore) && (opensReportedClause(ctx, cueEnd, bodyEnd) || (addresseeFollows && quotedAfterVerbOrPreposition(ctx, closeBefore) && quotationAfterAddressee(ctx, cueEnd, bodyEnd))));
  if (quoteBefore && cue.frame === 'speech') {
    // "“We are ready,” she said." — the quotation, and its continuation in the next sentence.
    const quoteEnd = isCloseQuote(before) ? before + 1 : before;
    const content = quotedOrClauseBefore(ctx, sentence, quoteEnd);
    if (!content) return null;
    const span = withContinuation(ctx, content, sentenceIndex, bodyEnd, cueEnd);
    return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, span, cue.ruleId, speaker.start, addresseeFollows ? ['attribution.quote-before', 'span.addressee-after-cue'] : ['attribution.quote-before']);
  }
  // "“Did you know?” | Todd asked the harbour master.": after "asked" the noun phrase is who was asked.
  const askedWhom = !addresseeFollows && spanWords('span.question-addressee').has(lower(cueStart));
  if (cue.frame === 'speech' && !gerund && speaker.start === sentence.tokenStart && (isSentenceEndAfterCue(ctx, cueEnd, bodyEnd) || onlyAdjunctsAfterCue(ctx, cueEnd, bodyEnd) || ((addresseeFollows || askedWhom) && onlyRecipientAndAdjuncts(ctx, cueEnd, bodyEnd)))) {
    // "“We will win.” | Trump said." — the sentence splitter ended the quotation's sentence at its stop.
    const quoted = quotationEndingBefore(ctx, sentenceIndex);
    const rules = askedWhom && !isSentenceEndAfterCue(ctx, cueEnd, bodyEnd) && !onlyAdjunctsAfterCue(ctx, cueEnd, bodyEnd) ? ['attribution.quote-previous-sentence', 'span.question-addressee'] : ['attribution.quote-previous-sentence'];
    if (quoted) return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, withContinuation(ctx, quoted, sentenceIndex, bodyEnd, cueEnd), cue.ruleId, speaker.start, rules);
  }
  const documentFinds = cue.frame === 'finding' && (findsClauseBefore || speakerHasHead(ctx, speaker, 'speaker.document'));
  // "A win would help, his team believes.": a cue of belief after the clause it reports closes the sentence as one of saying does.
  // (Only with nothing after it but the stop or a dash: a belief verb followed by a name or a phrase has it as its object, "…, Roe backed Doe.")
  // (A word that is also a noun closes it only after a pronoun or in its past form: "…, by gun advocates." is a noun phrase.)
  const beliefCloses = cue.frame === 'belief' && CLAUSE_BELIEF_ROWS.has(cue.ruleId) && !(tokens[cueStart] as Token).capitalized && (cueEnd >= bodyEnd || dashAfter(ctx, cueEnd))
    && (PAST_FORM.test(lower(cueEnd - 1)) || !isNounWord(ctx, lower(cueEnd - 1)) || (speaker.end - speaker.start === 1 && PRONOUNS.has(lower(speaker.start))))
    && before > sentence.tokenStart && hasVerb(ctx, sentence.tokenStart, before);
  if (before >= sentence.tokenStart && (tokens[before] as Token).text === ',' && (cue.frame === 'speech' || documentFinds || beliefCloses) && !gerund) {
    // "Coty bought half the brand, a deal announced on Monday.": an act named after the comma, with a participle, sums up the clause.
    if (summarisesClause(ctx, speaker, cueStart)) {
      ctx.rejected.push({ ...cueSpan, layer: 'attribution', reason: 'a participle describing an act that sums up the clause before it, not a report', ruleId: 'span.clause-summary' });
      return null;
    }
    // "Mexico brings leverage, Roe said during a visit to Ohio.": only an adjunct after the cue, which says when or where, not what.
    // (Not after a relative pronoun: "…, the late Jo Roe, who wrote as Lee Park." tells who Roe was.)
    const adjunctOnly = ruleId !== 'attribution.relative-speaker' && spanWords('span.inverted-report').has(lower(cueStart)) && !isSentenceEndAfterCue(ctx, cueEnd, bodyEnd) && adjunctEndsSentence(ctx, cueEnd, bodyEnd);
    // "That won't happen, they said — but …": a dash after the cue closes the report as the sentence's end does.
    if ((isSentenceEndAfterCue(ctx, cueEnd, bodyEnd) || adjunctOnly || dashAfter(ctx, cueEnd)) && !(startsAdverbial(ctx, sentence.tokenStart, before) && !hasVerb(ctx, sentence.tokenStart, before))) {
      // "Mexico brings leverage, the officials said." — content before the speaker.
      // "…: whether he quits — that won't happen, they believe — or …": a report between dashes starts after the first.
      const dashed = dashAfter(ctx, cueEnd) ? dashBefore(ctx, sentence.tokenStart, before) : undefined;
      const read = dashed !== undefined ? spanOf(dashed + 1, before) : quotedOrClauseBefore(ctx, sentence, before);
      if (!read) return null;
      const content = withContinuation(ctx, read, sentenceIndex, bodyEnd, cueEnd, 'span.quotation-after-report');
      return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, ['attribution.inverted', ...speakerRules, ...(adjunctOnly ? ['span.adjunct-after-inverted-cue'] : [])]);
    }
    // "The deal is close, he said, adding that …": a participle after the cue's comma is the speaker's
    // own act; what was said is the clause before.
    const participleAfter = (tokens[cueEnd] as Token | undefined)?.text === ',' && /ing$/.test(lower(cueEnd + 1)) && !(tokens[cueEnd + 1] as Token).capitalized && hasVerb(ctx, sentence.tokenStart, before) && !startsAdverbial(ctx, sentence.tokenStart, before);
    if (participleAfter) {
      const read = quotedOrClauseBefore(ctx, sentence, before);
      if (read) return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, read, cue.ruleId, speaker.start, ['attribution.inverted', ...speakerRules, 'span.participle-after-inverted-cue']);
    }
    // ("In a merger, he said, the line would survive": a fronted adverbial is part of the clause around the speaker too,
    // unless a quotation follows the cue's comma and is what was said.)
    // ("Holding open a map, Roe said, “I …”": an opening participle phrase and a quotation that starts a sentence of its own after the cue's comma
    // are no clause around the speaker; "Building it, Roe said, “would cost …”" goes on with its gerund subject.)
    const openingParticiple = /ing$/.test(lower(sentence.tokenStart)) && ctx.isOpenQuote(cueEnd + 1) && (tokens[cueEnd + 2] as Token | undefined)?.capitalized === true;
    if ((tokens[cueEnd] as Token | undefined)?.text === ',' && (!startsAdverbial(ctx, sentence.tokenStart, before) || !ctx.isOpenQuote(cueEnd + 1)) && !openingParticiple) {
      // "The deal, he said, is close." — the content covers the sentence around the speaker.
      // (After a fronted adverbial the clause after the cue ends where a clause read on its own would.)
      const clause = startsAdverbial(ctx, sentence.tokenStart, before) ? contentAfter(ctx, sentenceIndex, bodyEnd, cueStart, cueEnd, cue) : null;
      const around = spanOf(sentence.tokenStart, clause ? firstStartingAtOrAfter(tokens, clause.end) : bodyEnd);
      if (!around) return null;
      // Words said up to the sentence's end go on in a quotation after them, as after any report.
      const toSentenceEnd = clause !== null && cue.frame === 'speech' && clause.end >= (tokens[bodyEnd - 1] as Token).end && clause.end <= sentence.end;
      const content = toSentenceEnd ? withContinuation(ctx, around, sentenceIndex, bodyEnd, bodyEnd, 'span.quotation-after-report') : around;
      return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, ['attribution.parenthetical', ...speakerRules, ...(clause ? ['span.adverbial-around-report'] : [])]);
    }
  }
  if (gerund && speaker.start > sentence.tokenStart) return null;
  // "the senator, who has endorsed Roe, said …": a stance in a relative clause set off by commas ends at the next one
  // ("the board, which fought the fees, the levy and the berths, met": past the commas of a series).
  const relativeSetOff = (tokens[left - 1] as Token | undefined)?.text === ',';
  const setOffEnd = ruleId === 'attribution.relative-speaker' && cue.frame !== 'speech' && leftText !== ',' && relativeSetOff ? commaPastSeries(ctx, cueEnd, bodyEnd) : undefined;
  const clauseEnd = setOffEnd
    ? setOffEnd.index
    // "Voters who backed the mayor said …": a restrictive clause ends before the sentence's own verb of saying.
    : ruleId === 'attribution.relative-speaker' && !relativeSetOff ? mainSpeechCueAfter(ctx, cueEnd, bodyEnd) ?? bodyEnd : bodyEnd;
  const read = contentAfter(ctx, sentenceIndex, clauseEnd, cueStart, cueEnd, cue);
  if (!read) return null;
  // "She said the bridge is old. “We will fix it.”": words said up to the sentence's end go on in the quotation after them.
  const toSentenceEnd = cue.frame === 'speech' && clauseEnd === bodyEnd && read.end >= (tokens[bodyEnd - 1] as Token).end && read.end <= sentence.end;
  // "a bill that critics called anti-gay", "what economists call spending": the relative pronoun standing for the cue's object opens what was said.
  // ("which the board regards as its best chance" stays a phrase of role: not-claim.adverbial-content reads it.)
  const readStart = firstStartingAtOrAfter(tokens, read.start);
  // "what the mayor threatened to do": an infinitive without its object leaves the pronoun's place after it (span.infinitive-gap).
  const infinitiveGap = lower(readStart) === 'to' ? infinitiveGapEnd(ctx, readStart, bodyEnd) : undefined;
  const gapRelative = ruleId === 'attribution.speaker-first' && lower(readStart) !== 'as' && (infinitiveGap !== undefined || (lower(readStart) !== 'to' && !opensFiniteClause(ctx, readStart, bodyEnd))) ? relativeObjectClauseStart(ctx, speaker, cueStart) : undefined;
  const readFrom = gapRelative === undefined ? read : spanOf(gapRelative, infinitiveGap ?? firstStartingAtOrAfter(tokens, read.end)) ?? read;
  const endRule = ctx.contentRuleOf.get(read);
  if (readFrom !== read && endRule) ctx.contentRuleOf.set(readFrom, endRule);
  const content = toSentenceEnd ? withContinuation(ctx, readFrom, sentenceIndex, bodyEnd, bodyEnd, 'span.quotation-after-report') : readFrom;
  const rules = [ruleId, ...speakerRules, ...(readFrom === read ? [] : infinitiveGap === undefined ? ['span.relative-object-clause'] : ['span.relative-object-clause', 'span.infinitive-gap']), ...(setOffEnd?.pastSeries === true && read.end > (tokens[cueEnd] as Token).end ? ['span.series-continues'] : [])];
  return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, rules);
}

/** Rows of cues of belief whose verbs take a clause ("believe", "know", "suspect"), so may close the clause they report. */
const CLAUSE_BELIEF_ROWS: ReadonlySet<string> = new Set(['cue.belief', 'cue.cognition', 'cue.judge-clause', 'cue.conjecture-clause']);

/** A dash right after the cue ("— but …", " - and …"), outside quotations. */
function dashAfter(ctx: Reading, cueEnd: number): boolean {
  const token = ctx.tokens[cueEnd] as Token | undefined;
  return token !== undefined && ctx.quotes.depth[cueEnd] === 0 && (DASHES.has(token.text) || (token.text === '-' && token.spaceBefore));
}

/** The last dash before `end` in the sentence, outside quotations. */
function dashBefore(ctx: Reading, sentenceStart: number, end: number): number | undefined {
  for (let index = end - 1; index > sentenceStart; index--) if (dashAfter(ctx, index)) return index + 1 < end ? index : undefined;
  return undefined;
}

/** "Officials there said", "Polls here show": "there" or "here" after the speaker's noun says where, it is not the speaker. */
function placeAdverbAfterNoun(ctx: Reading, sentence: Sentence, index: number): boolean {
  const word = ctx.lower(index);
  if ((word !== 'there' && word !== 'here') || index - 1 < sentence.tokenStart) return false;
  const before = ctx.tokens[index - 1] as Token;
  return before.kind === 'word' && !DETERMINERS.has(before.lower) && !AUXILIARIES.has(before.lower) && isNounLike(ctx, index - 1);
}

/** "told the audience, “…”": a quotation opens after the cue's addressee and its comma (read as an aside is). */
function quotationAfterAddressee(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const report = reportAfterAside(ctx, cueEnd - 1, bodyEnd);
  return report !== undefined && ctx.isOpenQuote(report);
}

/** "hitting “Roam,”", "of “Roam,”": the quotation is an object, not the rest of a subject phrase ("The “animosity is …,”") or of its clause ("Customers “began to …,”"). */
function quotedAfterVerbOrPreposition(ctx: Reading, close: number): boolean {
  const open = ctx.quotes.openOf[close] ?? -1;
  if (open <= 0 || (ctx.tokens[open - 1] as Token).capitalized) return false;
  const before = ctx.lower(open - 1);
  const classes = ctx.state.lexicon.classes(before);
  return /ing$/.test(before) || classes.has('preposition') || (classes.has('verb') && !classes.has('noun'));
}

/**
 * "Walking in to chants of “Go, Roe!,” the senator said his campaign …", "Even as Roe claimed
 * that “…,” Doe said the cases differ": a quotation that words of the same sentence lead into is
 * part of an opening phrase; when the cue has a clause of its own, that clause is what was said.
 */
function quotedInsideClause(ctx: Reading, sentence: Sentence, close: number): boolean {
  const open = ctx.quotes.openOf[close] ?? -1;
  return open > sentence.tokenStart && (ctx.tokens[open - 1] as Token).kind === 'word';
}


/** How long a speaker set off inside a clause may run, with its description: "said Jo Roe, a historian at the museum,". */
const MAX_INSERT_SPEAKER_TOKENS = 24;

/**
 * "The plan, said Roe, would fail.", "Trump, said Jo Roe, who knows him, doesn't forgive.": after
 * an inverted cue, a name (and a description or relative clause of it) ends at a comma followed by
 * the clause's own verb. Returns that comma's index.
 */
function invertedInsertEnd(ctx: Reading, cueEnd: number, bodyEnd: number): number | undefined {
  const { tokens, lower, quotes } = ctx;
  const first = tokens[cueEnd];
  if (!first || !(first.capitalized || (DETERMINERS.has(first.lower) && first.lower !== 'that')) || TIME_WORDS.has(first.lower)) return undefined;
  let nameEnd: number | undefined;
  for (let index = cueEnd + 1; index < bodyEnd && index - cueEnd <= MAX_INSERT_SPEAKER_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] !== 0 || ctx.isOpenQuote(index) || token.text === ';') return undefined;
    if (token.text !== ',') continue;
    nameEnd ??= index;
    const verb = verbAfterAdverbs(ctx, index + 1, bodyEnd);
    const verbToken = tokens[verb];
    const finite = isFiniteVerbAt(ctx, verb) || (verbToken !== undefined && !verbToken.capitalized && endsInSingleS(verbToken.lower) && isVerbWord(ctx, verbToken.lower) && !isNounWord(ctx, verbToken.lower));
    if (finite && !COORDINATORS.has(lower(index + 1))) return validSpeaker(ctx, cueEnd, nameEnd) ? index : undefined;
  }
  return undefined;
}


/** "Asked by Roe whether …," — the question or topic to the next comma; the asker after "by", if any, is the speaker. */
function readQuestion(ctx: Reading, bodyEnd: number, cueEnd: number, cueSpan: Span, ruleId: string): Attribution | null {
  const { tokens, quotes, lower, isOpenQuote, spanOf } = ctx;
  let index = cueEnd;
  let speaker: Range | undefined;
  while (index < bodyEnd && index - cueEnd < 10) {
    const token = tokens[index] as Token;
    if (isOpenQuote(index) || QUESTION_CONTENT_OPENERS.has(token.lower)) break;
    if (token.text === ':' || (token.text === ',' && isOpenQuote(index + 1))) {
      index++;
      break;
    }
    if (token.kind === 'punct') return null;
    if (token.lower === 'by' && speaker === undefined) {
      let end = index + 1;
      while (end < bodyEnd && end - index <= MAX_SPEAKER_TOKENS && (tokens[end] as Token).text !== ',' && !isOpenQuote(end) && !QUESTION_CONTENT_OPENERS.has(lower(end)) && !TIME_LEADERS.has(lower(end)) && !TIME_WORDS.has(lower(end))) end++;
      if (end > index + 1 && validSpeaker(ctx, index + 1, end)) speaker = { start: index + 1, end };
      index = end;
      continue;
    }
    index++;
  }
  if (index >= bodyEnd) return null;
  let end = index + 1;
  let series = false;
  if (isOpenQuote(index)) {
    const close = quotes.closeOf[index] ?? -1;
    if (close <= index) return null;
    end = close + 1;
  } else {
    // ("Asked about fares, berths and the levy, Roe said …": past the commas of a series.)
    const comma = commaPastSeries(ctx, end, bodyEnd);
    end = comma.index;
    series = comma.pastSeries;
  }
  const content = spanOf(index, end);
  if (!content || end - index < 2) return null;
  return buildAttribution(ctx, speaker ? spanOf(speaker.start, speaker.end) : null, cueSpan, content, ruleId, speaker?.start ?? cueEnd, ['attribution.passive-question', ...(series ? ['span.series-continues'] : [])]);
}




/**
 * The first verb of saying after a restrictive relative clause's cue, in its past, -s or bare
 * present form ("said", "says", "told", "say"): the verb of the sentence's subject, which ends the clause.
 */
function mainSpeechCueAfter(ctx: Reading, from: number, bodyEnd: number): number | undefined {
  const bareForms = cueBarePresentForms();
  for (let index = from + 1; index < bodyEnd; index++) {
    const word = ctx.lower(index);
    const previous = ctx.lower(index - 1);
    if (previous === 'to') continue;
    // A bare present ("Pilots who know the waters say …") agrees with a plural head; after a determiner it is a noun ("the say").
    const barePresent = bareForms.has(word) && !DETERMINERS.has(previous) && !AUXILIARIES.has(previous);
    if (!(PAST_FORM.test(word) || IRREGULAR_PAST.test(word) || word.endsWith('s') || barePresent)) continue;
    if (ctx.state.cues.get(word)?.some((form) => form.frame === 'speech' && form.words.length === 1) === true) return index;
  }
  return undefined;
}

/** Words that may open a sentence before a fronted cue ("But, said Roe, …"). */
const FRONTED_CUE_OPENERS: ReadonlySet<string> = new Set(['but', 'and', 'yet', 'so', 'or']);

/** Nothing but a conjunction or connective (and its comma) stands between the sentence start and the cue. */
function onlyConnectiveBefore(ctx: Reading, sentenceStart: number, cueStart: number): boolean {
  if (cueStart === sentenceStart) return true;
  const word = ctx.lower(sentenceStart);
  if (!FRONTED_CUE_OPENERS.has(word) && !spanWords('span.opening-connective').has(word)) return false;
  return cueStart === sentenceStart + 1 || (cueStart === sentenceStart + 2 && (ctx.tokens[sentenceStart + 1] as Token).text === ',');
}

/**
 * "Said Roe, “We are ready.”", "But, said Roe, “I don't want a fight.”": the speaker right after a
 * fronted cue, then a comma or colon and the quotation, which is what was said.
 */
function readFrontedCue(ctx: Reading, sentenceIndex: number, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, cue: CueForm): Attribution | null {
  const { tokens, quotes, text, sentences, isOpenQuote, spanOf } = ctx;
  const speaker = readSpeakerAfter(ctx, cueEnd, bodyEnd, true);
  if (!speaker || speaker.end + 1 >= bodyEnd) return null;
  // "Said Jo Roe, who grew up here, “…”": the relative clause belongs to the speaker.
  const relativeEnd = (tokens[speaker.end] as Token).text === ',' ? frontedRelativeEnd(ctx, speaker.end + 1, bodyEnd) : undefined;
  if (relativeEnd !== undefined) speaker.end = relativeEnd;
  const mark = (tokens[speaker.end] as Token).text;
  const open = speaker.end + 1;
  if ((mark !== ',' && mark !== ':') || !isOpenQuote(open)) return null;
  const close = quotes.closeOf[open] ?? -1;
  if (close <= open) return null;
  const first = tokens[open] as Token;
  const last = tokens[close] as Token;
  if (last.end > (sentences[sentenceIndex] as Sentence).end) ctx.quotedUntil = Math.max(ctx.quotedUntil, last.end);
  return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, { start: first.start, end: last.end, text: text.slice(first.start, last.end) }, cue.ruleId, speaker.start, ['attribution.fronted-cue']);
}

/** Auxiliaries that are also first names. */
const AUXILIARY_FIRST_NAMES: ReadonlySet<string> = new Set(['will', 'may']);

/** "said Will Doyle": a capitalised auxiliary before a capitalised word is a first name. */
function opensFirstName(ctx: Reading, index: number): boolean {
  return AUXILIARY_FIRST_NAMES.has(ctx.lower(index)) && ctx.tokens[index]?.capitalized === true && ctx.tokens[index + 1]?.capitalized === true;
}

/** Words that open an adjunct of a speech verb rather than what was said ("said to a crowd", "said of the plan"). */
const SPEECH_ADJUNCT_LEADS: ReadonlySet<string> = new Set(['to', 'of', 'about', 'in', 'on', 'at', 'during', 'from', 'outside', 'by', 'afterward', 'later', 'then']);
/** Words that open a subordinate clause of time or manner after a speech verb ("he tweeted when the vote ended"). */
const SPEECH_SUBORDINATORS: ReadonlySet<string> = new Set(['when', 'while', 'as', 'after', 'before', 'until', 'with']);

/**
 * "“Why now?” | Roe said to a crowd of 300.": after a quotation closed by its own question or
 * exclamation mark, a cue followed only by an adjunct, a subordinate clause of time or a
 * participle ("Roe asked, turning to the crowd") says nothing of its own; the quotation before is
 * what was said. A "that", a quotation, a colon or a clause right after the cue is its own content.
 */
function onlyAdjunctsAfterCue(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower, isOpenQuote } = ctx;
  if (cueEnd >= bodyEnd) return false;
  // "reported at least six planes flew over": the bound counts the subject of the clause said, it opens no adjunct.
  if (opensAmountBound(ctx, cueEnd)) return false;
  const participle = (tokens[cueEnd] as Token).text === ',' && /ing$/.test(lower(cueEnd + 1));
  const subordinate = SPEECH_SUBORDINATORS.has(lower(cueEnd));
  if (!participle && !subordinate && (!SPEECH_ADJUNCT_LEADS.has(lower(cueEnd)) || opensReportedClause(ctx, cueEnd, bodyEnd))) return false;
  for (let index = cueEnd; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    if (token.lower === 'that' || token.text === ':' || isOpenQuote(index)) return false;
    // "Roe said on Monday the plan was late", "Roe said to Kim they would go": a clause right after a day or a name is what was said.
    // ("told reporters on Monday when asked …": a subordinator after the day opens one more adjunct.)
    if (!participle && !subordinate && index > cueEnd + 1 && !SPEECH_SUBORDINATORS.has(lower(index)) && (TIME_WORDS.has(lower(index - 1)) || (tokens[index - 1] as Token).capitalized) && startsClause(ctx, index, bodyEnd)) return false;
  }
  return true;
}

/**
 * "“Why now?” | Roe told Britain's ITV station in an interview aired Monday.": after "told", a
 * recipient named in capitals (with its possessives and the words of its name) and then only
 * adjuncts: nothing after the cue is what was said.
 */
function onlyRecipientAndAdjuncts(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens } = ctx;
  // "told Reuters", "asked the harbour master": a name, or a determiner and the words of a noun phrase.
  if (cueEnd >= bodyEnd || !((tokens[cueEnd] as Token).capitalized || DETERMINERS.has(ctx.lower(cueEnd)))) return false;
  let index = cueEnd;
  for (; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    const word = token.lower;
    const recipientWord = token.kind === 'word' && (index > cueEnd || DETERMINERS.has(word)) && !SPEECH_ADJUNCT_LEADS.has(word) && !SPEECH_SUBORDINATORS.has(word) && !isVerbWord(ctx, word) && word !== 'that';
    if (!token.capitalized && !POSSESSIVE_MARKS.has(word) && !recipientWord) break;
  }
  return index >= bodyEnd || onlyAdjunctsAfterCue(ctx, index, bodyEnd);
}

/**
 * "…, Roe said during a visit to Ohio.", "…, he said after meeting the board.": after the cue, one
 * adjunct of time or place (a word of the span.adjunct-after-inverted-cue row opens it) runs to the
 * sentence end with no comma, "that", colon or quotation, so nothing after the cue is what was said.
 */
function adjunctEndsSentence(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  if (cueEnd >= bodyEnd || !spanWords('span.adjunct-after-inverted-cue').has(ctx.lower(cueEnd))) return false;
  for (let index = cueEnd; index < bodyEnd; index++) if ((ctx.tokens[index] as Token).text === ',' && ctx.quotes.depth[index] === 0) return false;
  return onlyAdjunctsAfterCue(ctx, cueEnd, bodyEnd);
}

/** Longest subject a restrictive relative clause can follow ("the former head of the port authority who …"). */
const MAX_RELATIVE_HEAD_TOKENS = 8;

/** "-ing" words that work as prepositions: "following the vote officials said". */
const PREPOSITION_GERUNDS = new Set(['following', 'including', 'according', 'regarding', 'concerning', 'excluding', 'considering', 'pending', 'barring', 'notwithstanding', 'beginning', 'starting']);

/** "how to grow …", "what to say …": an infinitive that opens a question or a topic. */
const QUESTION_INFINITIVE_LEADERS = new Set(['how', 'what', 'where', 'when', 'whether', 'which']);
/** Verbs of perceiving or causing, which take a phrase and a bare verb after it ("hearing officials say", "to let experts decide"). */
const BARE_INFINITIVE_TAKERS = new Set(['see', 'hear', 'watch', 'let', 'make', 'have', 'help']);

/**
 * A lowercase verb right before a phrase, taking that phrase as its object: a gerund before a
 * finite cue ("while seeing people suffer urges me on") or an infinitive after "how to" ("guides
 * on how to grow lemon trees recommend"). Not a participle used as an adjective ("the visiting
 * scholars", "two striking workers"), nor a perception verb before a bare infinitive ("to see
 * officials say").
 */
function isVerbTakingObject(ctx: Reading, index: number, cueStart: number): boolean {
  const { tokens, lower } = ctx;
  const token = tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || index <= ctx.currentSentenceStart || PREPOSITION_GERUNDS.has(token.lower)) return false;
  const classes = ctx.state.lexicon.classes(token.lower);
  if (classes.has('adjective') || classes.has('noun')) return false;
  const finiteCue = PAST_FORM.test(lower(cueStart)) || endsInSingleS(lower(cueStart));
  // Only after "how to" and its kin: "the last man to mount a campaign says" is a subject with its infinitive.
  if (lower(index - 1) === 'to') return QUESTION_INFINITIVE_LEADERS.has(lower(index - 2)) && classes.has('verb') && (finiteCue || !BARE_INFINITIVE_TAKERS.has(token.lower));
  if (!/ing$/.test(token.lower) || !classes.has('gerund')) return false;
  const previous = tokens[index - 1] as Token;
  if (DETERMINERS.has(previous.lower) || previous.kind === 'number' || lower(index - 1) === "'s" || isAdjectiveAt(ctx, index - 1)) return false;
  // A bare cue after a gerund's phrase may be its bare infinitive ("hearing officials say") or agree with a subject further back ("voters … voting Tuesday support").
  return finiteCue;
}

/** The relative clause that ends right before `end`, as a one-word range at its pronoun (subjectBeforeRelative then finds its head). */
function relativeClauseBefore(ctx: Reading, sentenceStart: number, end: number): Range | undefined {
  // The clause ends in a noun phrase: after a verb, a preposition or a determiner the cue word is their object ("friends who have lent support", "the lack of detail").
  const last = ctx.tokens[end - 1] as Token | undefined;
  if (!last || (last.kind !== 'number' && !last.capitalized && (last.kind !== 'word' || DETERMINERS.has(last.lower) || AUXILIARIES.has(last.lower) || ctx.state.lexicon.classes(last.lower).has('preposition') || (isVerbWord(ctx, last.lower) && !isNounWord(ctx, last.lower))))) return undefined;
  const head = subjectBeforeRelative(ctx, sentenceStart, end);
  if (head === undefined) return undefined;
  let pronoun = end - 1;
  while (pronoun > head && ctx.lower(pronoun) !== 'who' && ctx.lower(pronoun) !== 'that') pronoun--;
  return pronoun > head && pronoun + 1 < end ? { start: pronoun + 1, end } : undefined;
}

/**
 * The start of the subject when a restrictive relative clause ("who lives next door", no commas)
 * sits between the sentence's subject and the cue: the phrase read before the cue then lies inside
 * that clause. Undefined when there is no such clause.
 */
function subjectBeforeRelative(ctx: Reading, sentenceStart: number, phraseStart: number): number | undefined {
  // "Adults who … recognize what the research tells us": after "what" the phrase opens a clause of its own.
  if (ctx.lower(phraseStart - 1) === 'what') return undefined;
  for (let index = phraseStart - 1; index > sentenceStart; index--) {
    const token = ctx.tokens[index] as Token;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'") return undefined;
    if (token.lower !== 'who' && !(token.lower === 'that' && opensRelativeClause(ctx, index))) continue;
    // The head opens the sentence or the clause after a comma and its coordinator (", and those who …").
    const head = relativeHeadStart(ctx, sentenceStart, index);
    if (index - head > MAX_RELATIVE_HEAD_TOKENS) continue;
    // "a statement that appeared …" after a verb is the verb's object, not a speaker with its clause.
    if (token.lower === 'that' && hasVerb(ctx, head, index)) return undefined;
    return head < index && validSpeaker(ctx, head, index) ? head : undefined;
  }
  return undefined;
}

/**
 * "The group trying to buy the bank said …", "Doctors offering to run the clinic noted …": the start
 * of the subject when a participle phrase with its object (no commas) stands between the sentence's
 * subject and the cue, so the phrase read before the cue is that object. The participle follows the
 * subject's noun right away, and the subject opens its clause.
 */
function subjectBeforeParticiple(ctx: Reading, sentenceStart: number, phraseStart: number): number | undefined {
  const { tokens, lower } = ctx;
  let at = phraseStart - 1;
  let participle = -1;
  for (; at > sentenceStart && phraseStart - at <= MAX_PARTICIPLE_CHAIN_TOKENS; at--) {
    const token = tokens[at] as Token;
    if (token.kind !== 'word' || token.capitalized) break;
    if (/^[a-z]{3,}ing$/.test(token.lower)) participle = at;
    else if (token.lower !== 'to' && !(lower(at - 1) === 'to' && isVerbWord(ctx, token.lower))) break;
  }
  if (participle === -1 || at !== participle - 1) return undefined;
  const head = relativeHeadStart(ctx, sentenceStart, participle);
  if (head >= participle || !isNounLike(ctx, participle - 1) || ctx.state.lexicon.classes(lower(head)).has('preposition')) return undefined;
  // "while seeing people suffering …", "In opposing the request …": the words before the participle are a plain noun phrase, no clause or phrase of a verb.
  for (let index = head; index < participle; index++) if (CLAUSE_WORDS.has(lower(index)) || /^[a-z]{3,}ing$/.test(lower(index))) return undefined;
  return validSpeaker(ctx, head, participle) && !hasVerb(ctx, head, participle) ? head : undefined;
}

/** How many words a participle phrase before its object may run: "hoping to be able to buy". */
const MAX_PARTICIPLE_CHAIN_TOKENS = 6;

/** Where the clause holding `index` starts: the sentence start, or after the last comma or semicolon before it (and a coordinator after that). */
function relativeHeadStart(ctx: Reading, sentenceStart: number, index: number): number {
  for (let at = index - 1; at >= sentenceStart; at--) {
    const text = (ctx.tokens[at] as Token).text;
    if (text !== ',' && text !== ';') continue;
    return COORDINATORS.has(ctx.lower(at + 1)) ? at + 2 : at + 1;
  }
  return sentenceStart;
}

/**
 * "people that need the tool": a "that" between a noun and a verb opens a relative clause, unlike
 * the determiner of "that tool" or the "that" after a verb of saying.
 */
function opensRelativeClause(ctx: Reading, index: number): boolean {
  const before = ctx.tokens[index - 1];
  const after = ctx.tokens[index + 1];
  if (!before || !after || before.kind !== 'word' || after.kind !== 'word' || after.capitalized) return false;
  // A plural the lexicon lacks ("crews") is a noun as much as a listed one.
  const unlisted = ctx.state.lexicon.classes(before.lower).size === 0;
  if (ctx.state.cues.has(before.lower) || !(unlisted || isNounWord(ctx, before.lower)) || isVerbWord(ctx, before.lower)) return false;
  return isVerbWord(ctx, after.lower);
}

/** How many participles a coordinated passive may chain before the cue ("was stopped, searched and warned"). */
const MAX_COORDINATED_PARTICIPLES = 4;

/**
 * "were mocked and pilloried, tarred …", "was stopped, searched and warned about …": a past form
 * after "and", "or" or a comma that follows a passive participle shares its "be" (span.coordinated-passive).
 * Only when no object or clause follows it: "was elected and said that …" and "was sworn in and
 * told reporters …" are active verbs of the same subject.
 */
function coordinatedWithPassive(ctx: Reading, sentenceStart: number, cueStart: number): boolean {
  const { tokens, lower, state } = ctx;
  if (!PAST_FORM.test(lower(cueStart)) && !IRREGULAR_PAST.test(lower(cueStart))) return false;
  const after = tokens[cueStart + 1];
  const noObject = after === undefined || (after.kind === 'punct' && !ctx.isOpenQuote(cueStart + 1)) || COORDINATORS.has(after.lower) || (state.lexicon.classes(after.lower).has('preposition') && after.lower !== 'that' && after.lower !== 'to');
  if (!noObject || !spanWords('span.coordinated-passive').has(lower(cueStart - 1))) return false;
  let index = cueStart - 1;
  for (let count = 0; count < MAX_COORDINATED_PARTICIPLES; count++) {
    // the separator: "and", "or", "," or ", and"
    while (index > sentenceStart && spanWords('span.coordinated-passive').has(lower(index))) index--;
    if (index <= sentenceStart || index === cueStart - 1) return false;
    const participle = lower(index);
    if (!PAST_FORM.test(participle) && !IRREGULAR_PAST.test(participle)) return false;
    if (passiveAuxiliaryBefore(ctx, index) !== undefined) return true;
    index--;
  }
  return false;
}

/** Articles opening a noun phrase that sums up the clause before it: "…, a deal announced on Monday". */
const SUMMARY_OPENERS: ReadonlySet<string> = new Set(['a', 'an', 'another']);

/**
 * "…, a deal announced at the start of the week.", "…, a plan unveiled last year.": after a comma, an
 * indefinite noun phrase headed by a noun for an act (span.clause-summary) and a past form: the
 * participle describes the act the clause before it told of; no deal or plan reports anything.
 */
function summarisesClause(ctx: Reading, speaker: SpeakerRange, cueStart: number): boolean {
  const { lower } = ctx;
  return speaker.end === cueStart && SUMMARY_OPENERS.has(lower(speaker.start)) && spanWords('span.clause-summary').has(lower(speaker.end - 1)) && PAST_FORM.test(lower(cueStart));
}
