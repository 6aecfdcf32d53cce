import type { Sentence, Token } from '../text/tokens.js';
import type { Span } from '../../model/claim.js';
import { AUXILIARIES, AUXILIARY_VERBS, CLAUSE_WORDS, PAST_FORM, COORDINATORS, CUE_ADVERBS, MAX_SPEAKER_TOKENS, OBJECT_PRONOUNS, POSSESSIVE_MARKS, PRONOUNS, DETERMINERS, endsInSingleS, CUE_ADJUNCT_STARTS, THAT_ADJUNCT_STARTS, CLAUSE_CONTINUERS, CLAUSE_BREAKERS, CONTRAST_OPENERS, OBJECT_STOPS, QUOTE_INTRODUCERS, DASHES, RELATIVE_SPEAKERS, TIME_WORDS, TIME_LEADERS, NOUN_PREPOSITIONS, LY_ADVERB } from './word-lists.js';
import { spanWords, takesAddressee } from './span-rules.js';
import { quotationOpeningNext } from './quotes-across-sentences.js';
import { readSpeakerAfter } from './speaker-spans.js';
import { isAdjectiveAt, isNounLike, isNounWord, isPhraseBreak, isVerbWord } from './word-tests.js';
import { clauseAfterRecipient, thatAfterToAddressee, cueInSubjectInsert, opensSubjectsVerb, frontedClauseEnd, opensInsert, isFiniteVerbAt, isSentenceEndAfterCue, startsCoordinatedPredicate, opensFiniteClause, startsClause, TITLE_LEADS, reportAfterAside, clauseAfterOpeningPhrase, opensCueAdjunct, seriesCoordinatorAfter } from './clause-boundaries.js';
import { clauseWithOwnCue, closingReportAt, matchCue, comparedReportAt, coordinatedCueAt, isFindingVerbAt, speechClauseAt } from './cue-matching.js';
import { namedObjectAdjunctStart, occasionAdjunctStart } from './occasion-adjuncts.js';
import { bracketDepthAfter } from './quotes.js';
import type { CueForm } from './engine.js';
import type { Reading } from './reading.js';

/** Rows of config/attributions/cues.json whose verbs take an object, never a clause ("talked about", "went after"); span.coordinated-clause-after-object lists such verbs of other rows ("praised"). */
const OBJECT_CUE_ROWS: ReadonlySet<string> = new Set(['cue.stance', 'cue.evaluation', 'cue.judgement', 'cue.discussion', 'cue.desire', 'cue.attitude-object']);

/** "such as", "as well as", "just as": "as" here does not open a clause. */
const AS_COMPOUND_LEADS: ReadonlySet<string> = new Set(['such', 'well', 'as', 'so', 'same', 'just']);

/** Content after the cue: skips a recipient or adjunct, keeps "that", follows a quotation to its end. */
export function contentAfter(ctx: Reading, sentenceIndex: number, bodyEnd: number, cueStart: number, cueEnd: number, cue: CueForm): Span | null {
  const { tokens, sentences, text, quotes, state, lower, isOpenQuote, isCloseQuote, spanOf } = ctx;
  let start = cueEnd;
  let startRule: string | undefined;
  const recipientInfinitive = takesAddressee(lower(cueStart)) ? infinitiveAfterRecipient(ctx, start, bodyEnd) : undefined;
  const thatAfterDate = dateThenThat(ctx, start, bodyEnd);
  const thatAfterAddressee = thatAfterDate === undefined && cue.frame === 'speech' ? thatAfterToAddressee(ctx, start, bodyEnd) : undefined;
  if (thatAfterDate !== undefined) {
    start = thatAfterDate;
  } else if (thatAfterAddressee !== undefined) {
    // "admitted to the newspaper that …": the one spoken to is no part of what was said.
    start = thatAfterAddressee;
    startRule = 'span.addressee-before-that';
  } else if (THAT_ADJUNCT_STARTS.has(lower(start))) {
    let probe = start;
    while (probe < bodyEnd && probe - start < 10 && lower(probe) !== 'that' && (tokens[probe] as Token).text !== ',' && (tokens[probe] as Token).text !== ':' && !isOpenQuote(probe)) probe++;
    // "complained loudly enough that the rule was dropped": "that" after a degree word opens a result, not what was said.
    if (lower(probe) === 'that' && !RESULT_DEGREE_WORDS.has(lower(probe - 1))) start = probe;
    // "said after his appointment: “…”": the quotation the colon opens is what was said, not the occasion before it.
    else if ((tokens[probe] as Token | undefined)?.text === ':' && isOpenQuote(probe + 1)) start = probe + 1;
  } else if (recipientInfinitive !== undefined) {
    // "told executives to look for new revenue": after the recipient, the act they were told to do.
    start = recipientInfinitive;
  } else if (takesAddressee(lower(cueStart)) || opensCueAdjunct(ctx, start)) {
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
    // "told reporters the ferry would be late, not cancelled": a clause right after the recipient
    // opens the content, even when a comma follows later inside it.
    const commaAfterRecipient = probe < bodyEnd && (tokens[probe] as Token).text === ',' && takesAddressee(lower(cueStart));
    const clauseBeforeComma = commaAfterRecipient ? clauseAfterRecipient(ctx, start, probe) : undefined;
    const thatAfterApposition = commaAfterRecipient && clauseBeforeComma === undefined ? thatAfterRecipientApposition(ctx, probe + 1, bodyEnd) : undefined;
    if (clauseBeforeComma !== undefined) {
      start = clauseBeforeComma;
      startRule = 'span.recipient-clause';
    } else if (thatAfterApposition !== undefined) {
      start = thatAfterApposition;
      startRule = 'span.recipient-apposition';
    } else if (probe < bodyEnd && probe - start >= 10 && !takesAddressee(lower(cueStart)) && !opensAtProbe(ctx, probe) && ctx.state.lexicon.classes(lower(cueEnd)).has('date-word') && startsClause(ctx, cueEnd + 1, bodyEnd)) {
      // "said Monday the victim was one of two people who …": no mark within reach of the day; the clause after it.
      start = cueEnd + 1;
    } else if (probe < bodyEnd && probe - start >= 10 && !takesAddressee(lower(cueStart)) && !opensAtProbe(ctx, probe)) {
      // "reported last month the envoy had tried to …", "believe this gives firms a reason to …": no
      // mark within reach, so what was said starts with the first clause after the adjunct, if any.
      start = clauseAfterAdjunct(ctx, start, probe, bodyEnd) ?? afterTimeAdjunct(ctx, start, bodyEnd) ?? cueEnd;
      if (start !== cueEnd) startRule = 'span.clause-after-adjunct';
    } else if (probe < bodyEnd && (tokens[probe] as Token).text === ',' && !takesAddressee(lower(cueStart)) && frontedClauseEnd(ctx, sentenceIndex, cueStart, bodyEnd)?.comma === probe && !hasFiniteVerbBetween(ctx, cueEnd, probe)) {
      // "Though Roe boasts of his record, there is …": the comma closes the fronted clause, so the main clause after it was not said.
      // ("When dockers accused of theft do appear in court, …": a verb of the clause's own after the cue makes the cue a participle.)
      start = cueEnd;
    } else if (probe < bodyEnd && !(probe - start >= 10 && takesAddressee(lower(cueStart)) && !opensAtProbe(ctx, probe))) {
      const token = tokens[probe] as Token;
      // "said on CNN, where he is a contributor, that …": an aside after the adjunct, then what was said.
      const afterAside = token.text === ',' ? reportAfterAside(ctx, probe + 1, bodyEnd) : undefined;
      start = afterAside ?? (token.text === ',' || token.text === ':' ? probe + 1 : probe);
      if (afterAside !== undefined) startRule = 'span.report-after-aside';
    } else if (takesAddressee(lower(cueStart))) {
      // "told POLITICO he planned to stay", "told the board the plan would fail": the recipient, then the clause.
      const clause = clauseAfterRecipient(ctx, start, bodyEnd) ?? clauseAfterLongRecipient(ctx, start, bodyEnd);
      if (clause === undefined) return null;
      start = clause;
    } else {
      start = cueEnd;
    }
  }
  // "The trend is worrying, the analyst said.": a word of feeling or belief with nothing after it but a
  // closing report of someone else's is no view held; that report covers the sentence before it.
  if (start === cueEnd && cue.frame !== 'speech' && (tokens[start] as Token | undefined)?.text === ',' && closingReportAt(ctx, start + 1, bodyEnd)) return null;
  while (start < bodyEnd && ((tokens[start] as Token).text === ':' || (tokens[start] as Token).text === ',')) start++;
  if (start >= bodyEnd) {
    // "He said:" ending its paragraph: the quotation that opens the next one is what he said.
    const quoted = (tokens[bodyEnd - 1] as Token | undefined)?.text === ':' ? quotationOpeningNext(ctx, sentenceIndex) : null;
    if (quoted) ctx.contentRuleOf.set(quoted, 'span.colon-quotation');
    return quoted;
  }
  const first = tokens[start] as Token;
  if (isOpenQuote(start)) {
    const close = quotes.closeOf[start] ?? -1;
    if (close > start) {
      const closeToken = tokens[close] as Token;
      const quotation = { start: first.start, end: closeToken.end, text: text.slice(first.start, closeToken.end) };
      if (startRule) ctx.contentRuleOf.set(quotation, startRule);
      if (closeToken.end > (sentences[sentenceIndex] as Sentence).end) {
        ctx.quotedUntil = Math.max(ctx.quotedUntil, closeToken.end);
        return quotation;
      }
      // A quotation followed by more of the clause ("to “go vote” and then …") runs on.
      if (close + 1 >= bodyEnd || (tokens[close + 1] as Token).text === ',') return quotation;
      if (narrationFollowsQuote(ctx, start, close, bodyEnd)) {
        ctx.contentRuleOf.set(quotation, 'span.quote-then-narration');
        return quotation;
      }
    }
  }
  let end = bodyEnd;
  let endRule: string | undefined;
  // ", and that …": set when a second clause of what was reported carries the content on.
  let keptRule: string | undefined;
  const fronted = frontedClauseEnd(ctx, sentenceIndex, cueStart, bodyEnd);
  const inInsert = opensInsert(ctx, cueStart);
  // "His popularity, even after he criticized Roe, shows …": a phrase set off after the subject ends before the subject's verb.
  const subjectInsert = !inInsert && !isOpenQuote(start) && cueInSubjectInsert(ctx, sentenceIndex, cueStart);
  let contentComma = false;
  const clauseContent = opensFiniteClause(ctx, start, bodyEnd);
  // "demonized the banks and Lee has …": a cue that takes only an object reports no clause, so a subject and verb after a coordinator start the writer's own.
  const objectOnlyCue = (OBJECT_CUE_ROWS.has(cue.ruleId) || spanWords('span.coordinated-clause-after-object').has(lower(cueStart))) && !isOpenQuote(start);
  let objectClauseWord = false;
  // "declined to renew the deal and the league could not …": an act has no subject a noun after "and" could join, so a subject and its verb there start a clause of the writer's.
  const infinitiveContent = !isOpenQuote(start) && (lower(start) === 'to' || (lower(start) === 'not' && lower(start + 1) === 'to'));
  // "says the plan is fair and warns that …": a present cue after a subject that is not plural.
  const presentCue = endsInSingleS(lower(cueStart)) && !endsInSingleS(lower(cueStart - 1));
  // "its long-awaited (and long-delayed) rocket": words in brackets start no clause of their own.
  let bracketDepth = 0;
  // "(the firm … called it “small”) and Roe laid off …": a cue inside brackets reports nothing past the bracket that closes them.
  const insideBrackets = opensBracketBefore(ctx, sentenceIndex, cueStart);
  // "Democrats supporting Roe have said …", "the novice who wants to unseat Roe is …": the object ends where the subject's own verb begins.
  // ("to unseat Mayor Roe is …" is no clause; "who believe the council made …" may be one, "supporting Roe have …" is not.)
  const subjectModifier = (!clauseContent || objectOnlyCue || lower(start) === 'to') && !isOpenQuote(start) ? subjectModifierAt(ctx, sentenceIndex, cueStart) : undefined;
  let subjectVerbSearch = subjectModifier !== undefined;
  for (let index = start + 1; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    if (subjectVerbSearch && quotes.depth[index] === 0 && bracketDepth === 0) {
      if (isOpenQuote(index) || PRONOUNS.has(token.lower) || (CLAUSE_WORDS.has(token.lower) && !COORDINATORS.has(token.lower) && token.lower !== 'as')) subjectVerbSearch = false;
      else if (isSubjectsVerbAt(ctx, index)) {
        // "who believe the council made a grab …": a relative's noun phrase right before the verb may be that verb's subject.
        // (A cue that takes only an object reports no clause: "who support Roe are …".)
        if (subjectModifier === 'relative' && !objectOnlyCue && subjectBeforeVerb(ctx, start, index)) break;
        end = subjectModifierEnd(ctx, start, laterSubjectsVerb(ctx, index, bodyEnd) ?? index);
        endRule = 'span.subject-modifier-ends';
        break;
      }
    }
    // "argue that, while the tax may …, workers …": a clause that has only its "that" has not yet begun.
    if (index === start + 1 && lower(start) === 'that') continue;
    if (token.text === ')' && bracketDepth === 0 && insideBrackets) {
      end = index;
      endRule = 'span.bracket-ends';
      break;
    }
    bracketDepth = bracketDepthAfter(bracketDepth, token.text);
    // "… as many expected, according to an email …": a source phrase names who reported the words before it.
    // ("reported that, according to …, the …" still has its clause to come; a source between dashes is an insert.)
    const beforeSource = tokens[index - 1] as Token;
    if (token.lower === 'according' && lower(index + 1) === 'to' && quotes.depth[index] === 0 && bracketDepth === 0 && index > start + 2 && (beforeSource.kind === 'word' || (beforeSource.text === ',' && lower(index - 2) !== 'that'))) {
      end = (tokens[index - 1] as Token).text === ',' ? index - 1 : index;
      endRule = 'span.source-phrase-ends';
      break;
    }
    if (token.text === ';' || index === fronted?.comma) {
      end = index;
      if (index === fronted?.comma) endRule = fronted.ruleId;
      break;
    }
    // "Roe, saying wages had stalled, called a strike": the insert the cue opened closes before the main verb.
    const quotedComma = isCloseQuote(index) && (tokens[index - 1] as Token | undefined)?.text === ',';
    // ("…, which challenges new fees, limits on berths and the levy": a comma inside a series closes nothing.)
    if (inInsert && ((token.text === ',' && quotes.depth[index] === 0) || quotedComma) && opensSubjectsVerb(ctx, verbAfterAdverbs(ctx, index + 1, bodyEnd)) && seriesCoordinatorAfter(ctx, index, bodyEnd) === undefined) {
      end = quotedComma ? index + 1 : index;
      endRule = 'span.insert-ends';
      break;
    }
    if (subjectInsert && token.text === ',' && quotes.depth[index] === 0 && bracketDepth === 0) {
      if (!contentComma && opensSubjectsVerb(ctx, verbAfterAdverbs(ctx, index + 1, bodyEnd))) {
        end = index;
        endRule = 'span.subject-insert-ends';
        break;
      }
      contentComma = true;
    }
    // "urged the council to act and tried to …": the speaker's own next predicate.
    if (COORDINATORS.has(token.lower) && quotes.depth[index] === 0 && bracketDepth === 0 && (!clauseContent || /ing$/.test(lower(cueStart))) && !closesCorrelative(ctx, start, index) && startsCoordinatedPredicate(ctx, index + 1, cueStart)) {
      end = index > start + 1 && (tokens[index - 1] as Token).text === ',' ? index - 1 : index;
      endRule = 'span.coordinated-predicate';
      break;
    }
    // "…, with the mayor's aides insisting …": a noun phrase and a participle after "with" set the scene in the writer's words.
    // (What a poll or record shows goes on with its figures: "shows Roe ahead, with 13 percent undecided".)
    if (token.text === ',' && cue.frame !== 'finding' && quotes.depth[index] === 0 && bracketDepth === 0 && index > start + 1 && opensAbsolutePhrase(ctx, index + 1, bodyEnd)) {
      end = index;
      endRule = 'span.with-absolute';
      break;
    }
    // "… as he noted that …", "… but the council said …": a subordinate or coordinated clause
    // whose own subject reports something is an attribution of its own.
    if (quotes.depth[index] === 0 && index > start + 1 && spanWords('span.own-cue-clause').has(token.lower) && !AS_COMPOUND_LEADS.has(lower(index - 1)) && !closesComparison(ctx, start, index) && clauseWithOwnCue(ctx, CLAUSE_BREAKERS.has(token.lower) ? index : index + 1, bodyEnd)) {
      end = (tokens[index - 1] as Token).text === ',' ? index - 1 : index;
      endRule = 'span.own-cue-clause';
      break;
    }
    // "… and one in four said …": a coordinated clause whose own subject says something.
    if (quotes.depth[index] === 0 && index > start + 1 && speechClauseAt(ctx, start, index, bodyEnd)) {
      end = (tokens[index - 1] as Token).text === ',' ? index - 1 : index;
      endRule = 'span.coordinated-speech-clause';
      break;
    }
    // "asked for a photo and the mayor said yes", "praised the banks but Lee attacked them": after an
    // object, a coordinator before a subject and its verb starts a clause of the writer's.
    // "frustration that the allies and …": a clause inside the object may have a coordinated subject.
    if (OBJECT_CLAUSE_WORDS.has(token.lower)) objectClauseWord = true;
    if ((objectOnlyCue || (!clauseContent && (infinitiveContent || PRONOUNS.has(lower(index + 1))))) && !objectClauseWord && subjectModifier === undefined && index > start && quotes.depth[index] === 0 && bracketDepth === 0 && (token.lower === 'and' || token.lower === 'but') && opensClauseWithSubject(ctx, index + 1, bodyEnd)) {
      end = (tokens[index - 1] as Token).text === ',' ? index - 1 : index;
      endRule = 'span.coordinated-clause-after-object';
      break;
    }
    if (((token.text === ',' && quotes.depth[index] === 0) || quotedComma) && opensSecondComplement(ctx, index + 1)) keptRule = 'span.second-complement';
    // ", and he urged …", ", though no numbers …", "“…,” but he gave …", ", but public attitudes make …": a new clause with its own subject.
    if (((token.text === ',' && quotes.depth[index] === 0) || quotedComma) && CLAUSE_BREAKERS.has(lower(index + 1)) && !closesSeries(ctx, start, index, bodyEnd) && !opensSecondComplement(ctx, index + 1) && !closesCorrelative(ctx, start, index + 1) && (PRONOUNS.has(lower(index + 2)) || DETERMINERS.has(lower(index + 2)) || (tokens[index + 2] as Token | undefined)?.capitalized === true || adjectiveLedClause(ctx, index + 2, bodyEnd) || (lower(index + 1) !== 'and' && (clauseAfterOpeningPhrase(ctx, index + 2, bodyEnd) || bareNounClause(ctx, index + 2, bodyEnd))))) {
      end = quotedComma ? index + 1 : index;
      break;
    }
    // "praised the bridge, which opened in May", "claims the screen will stay small, although …": a
    // clause about the last noun, or a concession, closing the sentence is the writer's, not what was reported.
    const closingClause = (token.text === ',' && quotes.depth[index] === 0) || quotedComma ? closingClauseRule(ctx, start, index, bodyEnd) : undefined;
    if (closingClause) {
      end = quotedComma ? index + 1 : index;
      endRule = closingClause;
      break;
    }
    // ", arguing that …", "“…,” adding that …": a participial cue starts an attribution of its own.
    if ((token.text === ',' && quotes.depth[index] === 0) || quotedComma) {
      // ", even suggesting …", ", again calling …": an adverb may stand before the participle.
      const participle = CUE_ADVERBS.has(lower(index + 1)) || /ly$/.test(lower(index + 1)) ? index + 2 : index + 1;
      if (/ing$/.test(lower(participle)) && state.cues.has(lower(participle))) {
        end = quotedComma ? index + 1 : index;
        break;
      }
      // "…, compared with 64 percent who say …": the group compared reports for itself.
      if (comparedReportAt(ctx, index + 1, bodyEnd)) {
        end = quotedComma ? index + 1 : index;
        endRule = 'span.compared-report';
        break;
      }
      // "…, said the union on Tuesday": an inverted cue after the comma reports the clause before it.
      if (opensInvertedReport(ctx, index + 1, bodyEnd)) {
        end = quotedComma ? index + 1 : index;
        endRule = 'span.inverted-report';
        break;
      }
      // "…, a Gazette analysis shows.": a document and its verb of finding closing the sentence report the clause before them.
      if (opensClosingFinding(ctx, index + 1, bodyEnd)) {
        end = quotedComma ? index + 1 : index;
        endRule = 'span.closing-finding';
        break;
      }
      // ", and three-quarters said …", ", he claimed …": a subject with a cue of its own.
      if (index + 1 < bodyEnd && !opensWithSubordinateClause(ctx, start, index) && clauseWithOwnCue(ctx, index + 1, bodyEnd)) {
        end = quotedComma ? index + 1 : index;
        break;
      }
      // "supported the effort, attending the opening", "criticized Comey, a Republican appointed by …":
      // after an object, a participle or an apposition is the writer's comment, not what was judged.
      const objectComment = !clauseContent && !isOpenQuote(start) ? commentAfterObject(ctx, start, index, bodyEnd) : undefined;
      if (objectComment) {
        end = quotedComma ? index + 1 : index;
        endRule = objectComment;
        break;
      }
    }
    // "…—and officials later admitted …": a dash and a coordinator before a clause with its own subject and cue, as a comma.
    if (DASHES.has(token.text) && quotes.depth[index] === 0 && index > start + 1 && CLAUSE_BREAKERS.has(lower(index + 1)) && !AUXILIARIES.has(lower(index + 2)) && !/ly$/.test(lower(index + 2)) && clauseWithOwnCue(ctx, index + 1, bodyEnd)) {
      end = index;
      break;
    }
    // "insist the tide is turning — and the Senate is …", "said he would stay - and then flew …": a dash
    // and a coordinator running to the end of the sentence start a second clause or act, not more of what
    // was said; "— and that …" reports a second clause.
    if (quotes.depth[index] === 0 && index > start + 1 && (DASHES.has(token.text) || token.text === '-') && spanWords('span.dash-coordination').has(lower(index + 1)) && lower(index + 2) !== 'that' && !dashFollows(ctx, index + 2, bodyEnd)) {
      end = index;
      endRule = 'span.dash-coordination';
      break;
    }
    // "said he was encouraged by the plan — a modest boost for the mayor", "called for $275 billion - half of what …":
    // a dash and a noun phrase running to the end of the sentence are the writer's comment on what was reported.
    if (quotes.depth[index] === 0 && bracketDepth === 0 && index > start + 1 && !isOpenQuote(start) && (DASHES.has(token.text) || token.text === '-' || token.text === '--') && spanWords('span.dash-apposition').has(lower(index + 1)) && index + 2 < bodyEnd && !dashFollows(ctx, index + 2, bodyEnd)) {
      end = index;
      endRule = 'span.dash-apposition';
      break;
    }
    // "said the pier was safe — although the divers found cracks": a dash and a concession with a clause of its own are the writer's aside, as after a comma.
    if (quotes.depth[index] === 0 && bracketDepth === 0 && index > start + 1 && (DASHES.has(token.text) || token.text === '-' || token.text === '--') && opensDashConcession(ctx, index + 1, bodyEnd)) {
      end = index;
      endRule = 'span.dash-concession';
      break;
    }
    // "… while voters say …": a contrasting clause with its own speaker and cue.
    if (CONTRAST_OPENERS.has(token.lower) && quotes.depth[index] === 0 && clauseWithOwnCue(ctx, index, bodyEnd)) {
      end = index;
      break;
    }
    // "said the plan was fair and warned that …": a second past-tense cue of the same subject
    // is its own attribution, so the first content stops before the coordinator.
    const coordinatedCue = COORDINATORS.has(token.lower) && quotes.depth[index] === 0 ? coordinatedCueAt(ctx, index + 1, bodyEnd, presentCue) : undefined;
    if (coordinatedCue) {
      end = index > start + 1 && (tokens[index - 1] as Token).text === ',' ? index - 1 : index;
      if (coordinatedCue.negated) endRule = 'span.negated-coordinated-cue';
      break;
    }
    // "suggested the plan was late, called it “a joke” and walked out": a past-tense cue after a comma that a
    // coordinated verb closes is the next act in a series of the speaker's own, not more of what was said.
    if (token.text === ',' && quotes.depth[index] === 0 && bracketDepth === 0 && index > start + 1 && !PRONOUNS.has(lower(index + 1)) && coordinatedCueAt(ctx, index + 1, bodyEnd) && closesPredicateSeries(ctx, index + 2, bodyEnd, cueStart) && !insertBeforeVerb(ctx, index, bodyEnd)) {
      end = index;
      endRule = 'span.predicate-series';
      break;
    }
    // "condemned the launch as Pyongyang fired …", "backed Roe because …": after a view's object, a clause of time or cause is the writer's setting.
    // "such as Pseudomonas" gives an example; only an "as" with a clause after it is a subordinator.
    const subordinate = spanWords('span.object-adjunct-clause').has(token.lower) && (token.lower !== 'as' || (lower(index - 1) !== 'such' && (PRONOUNS.has(lower(index + 1)) || (tokens[index + 1] as Token | undefined)?.capitalized === true)));
    if ((cue.frame === 'belief' || cue.frame === 'noun') && quotes.depth[index] === 0 && (subordinate || (token.text === ',' && (lower(index + 1) === 'which' || CLAUSE_CONTINUERS.has(lower(index + 1))) && !closesSeries(ctx, start, index, bodyEnd) && !opensSecondComplement(ctx, index + 1) && !closesCorrelative(ctx, start, index + 1) && !(clauseContent && insertBeforeVerb(ctx, index, bodyEnd))))) {
      end = index;
      if (subordinate) endRule = 'span.object-adjunct-clause';
      break;
    }
    // "warned the pilots to slow down after a ferry ran aground": after what was asked or told to someone, a clause of time or cause is the writer's setting.
    if ((cue.frame === 'speech' || cue.frame === 'question') && !clauseContent && !isOpenQuote(start) && quotes.depth[index] === 0 && bracketDepth === 0 && index > start && spanWords('span.told-object-adjunct-clause').has(token.lower) && !measuresTimeBefore(ctx, index) && opensAdjunctClause(ctx, index + 1, bodyEnd) && (infinitiveContent || !hasVerbBetween(ctx, start, index))) {
      end = (tokens[index - 1] as Token).text === ',' ? index - 1 : index;
      endRule = 'span.told-object-adjunct-clause';
      break;
    }
  }
  // "… even though she …", "… even as he …": the adverb belongs to the clause it leads into.
  if (end > start + 1 && lower(end - 1) === 'even' && end < bodyEnd) end--;
  // "endorsed Roe at a rally on Sunday": after an object, when and where the act took place is not what was judged.
  if (!clauseContent && !isOpenQuote(start) && (cue.frame === 'belief' || cue.frame === 'speech')) {
    const adjunct = occasionAdjunctStart(ctx, start, end);
    if (adjunct) {
      end = adjunct.index;
      endRule = adjunct.ruleId;
    }
    // "opposed it throughout the year", "backed Ruth Calder in the primary": a pronoun or a name is a whole object.
    // ("called them in a speech “traitors”": a verb of naming has its second object still to come.)
    const afterName = spanWords('span.as-clause-object').has(lower(cueStart)) ? undefined : namedObjectAdjunctStart(ctx, start, end);
    if (afterName !== undefined) {
      end = afterName;
      endRule = 'span.named-object-adjunct';
    }
    // "favored Roe 46 percent to 32 percent", "backed Roe by broad margins": by how much a group held the view is the writer's count.
    const margin = cue.frame === 'belief' ? pollMarginStart(ctx, start, end) : undefined;
    if (margin !== undefined) {
      end = margin;
      endRule = 'span.poll-margin';
    }
  }
  // A quotation opened inside the content runs to its close, even past the sentence.
  let lastQuoteOpen = -1;
  for (let index = start; index < end; index++) if (isOpenQuote(index)) lastQuoteOpen = index;
  if (lastQuoteOpen !== -1) {
    const close = quotes.closeOf[lastQuoteOpen] ?? -1;
    if (close >= end) {
      const closeToken = tokens[close] as Token;
      if (closeToken.end > (sentences[sentenceIndex] as Sentence).end) ctx.quotedUntil = Math.max(ctx.quotedUntil, closeToken.end);
      return { start: first.start, end: closeToken.end, text: text.slice(first.start, closeToken.end) };
    }
  }
  const content = spanOf(start, end);
  if (content && (endRule ?? startRule ?? keptRule)) ctx.contentRuleOf.set(content, (endRule ?? startRule ?? keptRule) as string);
  return content;
}

/** After a subordinator: a subject and its verb ("after a ferry ran aground") or an -ing form ("after arriving late"), so the word opens a clause, not a phrase. */
function opensAdjunctClause(ctx: Reading, index: number, bodyEnd: number): boolean {
  return /ing$/.test(ctx.lower(index)) || startsClause(ctx, index, bodyEnd) || (PRONOUNS.has(ctx.lower(index)) && ctx.lower(index) !== 'it');
}

/** "two days after", "the night before", "soon after": a count or time word right before a subordinator makes it part of a time phrase, not the opening of an adjunct clause. */
function measuresTimeBefore(ctx: Reading, subordinator: number): boolean {
  const word = ctx.lower(subordinator - 1);
  return ctx.tokens[subordinator - 1]?.kind === 'number' || TIME_WORDS.has(word) || spanWords('span.fronted-time-clause').has(word) || spanWords('span.modified-fronted-clause').has(word);
}

/** A verb contracted onto its subject: "they’re", "we'll", "she’d". */
const CONTRACTED_VERBS = /^['’](?:re|ve|ll|d|m)$/;

/** An auxiliary or a finite verb from `from` up to `to`, quoted or not: the words there hold a clause of their own ("caucuses “are such an unknown”"); "'s" counts only where it is no possessive. */
function hasVerbBetween(ctx: Reading, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const word = ctx.lower(index);
    if (POSSESSIVE_MARKS.has(word) && isNounLike(ctx, index + 1)) continue;
    if (AUXILIARY_VERBS.has(word) || CONTRACTED_VERBS.test(word) || isFiniteVerbAt(ctx, index)) return true;
  }
  return false;
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
/**
 * "Democrats supporting Roe …", "the novice who wants …", "groups that have endorsed him …": the
 * cue is a participle right after a noun or sits in a relative clause, and nothing before that
 * clause in the sentence is a verb or opens a phrase or clause of its own, so the clause modifies
 * the sentence's subject and the sentence's own verb comes after the cue's object.
 */
function subjectModifierAt(ctx: Reading, sentenceIndex: number, cueStart: number): 'relative' | 'participle' | undefined {
  const { tokens, lower } = ctx;
  let first = Math.max((ctx.sentences[sentenceIndex] as Sentence).tokenStart, ctx.currentSentenceStart);
  // "And a lot of voters who prefer …": a coordinator joining the sentence to the one before.
  if ((lower(first) === 'and' || lower(first) === 'but') && first + 1 < cueStart) first++;
  let at = cueStart - 1;
  while (at > first && (AUXILIARIES.has(lower(at)) || LY_ADVERB.test((tokens[at] as Token).text))) at--;
  const relative = RELATIVE_SPEAKERS.has(lower(at)) || lower(at) === 'that';
  if (!relative && !(/ing$/.test(lower(cueStart)) && at === cueStart - 1 && at >= first && (tokens[at] as Token).kind === 'word' && isNounLike(ctx, at))) return undefined;
  const clauseStart = relative ? at : cueStart;
  const opener = tokens[first] as Token;
  if (clauseStart <= first || ctx.state.lexicon.classes(opener.lower).has('preposition') || CLAUSE_WORDS.has(opener.lower)) return undefined;
  for (let index = first; index < clauseStart; index++) {
    const token = tokens[index] as Token;
    if (ctx.quotes.depth[index] !== 0 || ctx.isOpenQuote(index) || token.text === ':' || token.text === ';' || isSubjectsVerbAt(ctx, index)) return undefined;
  }
  return relative ? 'relative' : 'participle';
}

/** Forms of "be" that are no finite verb, and marks that are possessives here ("Iowa's"). */
const NON_FINITE_AUXILIARIES: ReadonlySet<string> = new Set(['being', 'be', 'been', 'not', "n't", "'s", '’s', "'re"]);

/**
 * A finite verb of the sentence's subject at `index`: an auxiliary ("is", "could", "have") or a
 * past form ("paid", "included"); not after "to", a determiner or a preposition, not an -ing form,
 * and not a participle before "by" ("a plan approved by …").
 */
function isSubjectsVerbAt(ctx: Reading, index: number): boolean {
  const { tokens, lower, state } = ctx;
  const token = tokens[index] as Token;
  if (token.kind !== 'word' || token.capitalized || /ing$/.test(token.lower)) return false;
  let before = index - 1;
  while (before > 0 && (CUE_ADVERBS.has(lower(before)) || LY_ADVERB.test((tokens[before] as Token).text))) before--;
  const previous = lower(before);
  if (previous === 'to' || DETERMINERS.has(previous) || POSSESSIVE_MARKS.has(previous) || state.lexicon.classes(previous).has('preposition')) return false;
  if (AUXILIARY_VERBS.has(token.lower)) return !NON_FINITE_AUXILIARIES.has(token.lower);
  if (lower(index + 1) === 'by') return false;
  // A base or present form ("plan", "votes") is too often a noun here: only a past form counts.
  return PAST_FORM.test(token.lower) && (state.cues.has(token.lower) || (isVerbWord(ctx, token.lower) && !isNounWord(ctx, token.lower)));
}

/**
 * "showing the moment a girl was rescued by police was released …": a second verb of the same kind
 * after the verb group at `verb`, with no comma, coordinator, pronoun or clause word between, shows
 * the first belonged to a clause inside the object; returns that second verb.
 */
function laterSubjectsVerb(ctx: Reading, verb: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  // "offering to run the clinic said the findings were wrong": the verbs after a verb of saying or belief are in what it reports.
  const frame = matchCue(ctx, verb, bodyEnd)?.frame;
  if (frame === 'speech' || frame === 'belief') return undefined;
  let index = verb + 1;
  while (index < bodyEnd && (AUXILIARIES.has(lower(index)) || LY_ADVERB.test((tokens[index] as Token).text) || (PAST_FORM.test(lower(index)) && AUXILIARY_VERBS.has(lower(index - 1))))) index++;
  for (; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    if (ctx.quotes.depth[index] !== 0 || token.kind === 'punct' && token.text !== '.' || PRONOUNS.has(token.lower) || CLAUSE_WORDS.has(token.lower)) return undefined;
    if (isSubjectsVerbAt(ctx, index)) return index;
  }
  return undefined;
}

/** Tokens `start` to `verb` are a bare noun phrase that is no object pronoun and no infinitive: "the council", "Mrs. Roe". */
function subjectBeforeVerb(ctx: Reading, start: number, verb: number): boolean {
  const { tokens, lower, state } = ctx;
  if (OBJECT_PRONOUNS.has(lower(start)) || lower(start) === 'to') return false;
  for (let index = start; index < verb; index++) {
    const token = tokens[index] as Token;
    if ((token.kind === 'punct' && token.text !== '.') || state.lexicon.classes(token.lower).has('preposition') || CLAUSE_WORDS.has(token.lower)) return false;
  }
  return true;
}

/**
 * Where an object before the subject's verb at `verb` ends: before a coordinator that joins a
 * second act of the modifier ("who opposed the plan and again did …"), else at the first comma
 * that closes the modifier ("the group backing Roe, spent …", "one pastor backing Roe, Jo Lee,
 * said …") unless it is part of a series ("backing Roe, Lee, and Diaz paid …"), else before the verb.
 */
function subjectModifierEnd(ctx: Reading, start: number, verb: number): number {
  const { tokens, lower } = ctx;
  let before = verb - 1;
  while (before > start && (CUE_ADVERBS.has(lower(before)) || LY_ADVERB.test((tokens[before] as Token).text))) before--;
  if (COORDINATORS.has(lower(before)) && before > start) return (tokens[before - 1] as Token).text === ',' ? before - 1 : before;
  let comma = -1;
  for (let index = start + 1; index < verb; index++) {
    if ((tokens[index] as Token).text !== ',' || ctx.quotes.depth[index] !== 0) continue;
    if (COORDINATORS.has(lower(index + 1))) return verb - 1 > start && (tokens[verb - 1] as Token).text === ',' ? verb - 1 : verb;
    if (comma === -1) comma = index;
  }
  return comma !== -1 ? comma : verb;
}

/**
 * "…, called her “a joke” and walked out": from `from`, before any other comma, semicolon or dash of
 * the sentence, "and" and a verb of the speaker's (span.coordinated-predicate's reading) end the series.
 */
export function closesPredicateSeries(ctx: Reading, from: number, bodyEnd: number, cueStart: number): boolean {
  const { tokens, quotes } = ctx;
  for (let index = from; index < bodyEnd; index++) {
    const text = (tokens[index] as Token).text;
    if (quotes.depth[index] !== 0) continue;
    if (text === ',' || text === ';' || DASHES.has(text)) return false;
    if (ctx.lower(index) === 'and' && startsCoordinatedPredicate(ctx, index + 1, cueStart)) return true;
  }
  return false;
}

/** Determiners that do not open an apposition after a comma ("…, that is, …", "…, one that …", "…, all of them …"). */
const NON_APPOSITION_DETERMINERS: ReadonlySet<string> = new Set(['that', 'this', 'these', 'those', 'one', 'all', 'both', 'each', 'no', 'most', 'many', 'some', 'several', 'few', 'other', 'others']);
/** Words that open a relative clause inside an apposition: "a banker who has …". */
const APPOSITION_RELATIVES: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'which', 'that', 'where']);
/** How many words before the comma a gerund may stand and make the object a series of acts: "accused Roe of covering up, delaying, …". */
const GERUND_SERIES_REACH = 3;

/**
 * The row of the writer's comment that the comma at `comma` opens after an object content: a
 * participle ("…, attending the opening", "…, not wanting to …") or an apposition closing the
 * sentence ("…, a Republican appointed by …", "…, the state's largest county"); not an insert
 * before more of the content ("Roe, the mayor, of lying"), a series ("the mayor, the council and
 * the port", "of covering up, delaying, and …"), a clause after the comma, a word of the row that
 * carries the object on ("…, including …"), nor anything after content that is itself a clause.
 */
function commentAfterObject(ctx: Reading, start: number, comma: number, bodyEnd: number): string | undefined {
  const { tokens, lower } = ctx;
  if (comma <= start || comma + 1 >= bodyEnd || CLAUSE_WORDS.has(lower(start)) || insertBeforeVerb(ctx, comma, bodyEnd)) return undefined;
  // "rushing through the final steps, possibly even bringing …": an object that is an act goes on with the next.
  if (/ing$/.test(lower(lower(start) === 'to' ? start + 1 : start))) return undefined;
  for (let index = start; index < comma; index++) {
    // "includes: free tuition, …": a list after a colon; "of covering up, delaying": a series of acts;
    // "Roe, his rival, an ISIS founder": after an insert the next phrase may still be what was said.
    const text = (tokens[index] as Token).text;
    if (text === ':' || (text === ',' && ctx.quotes.depth[index] === 0) || (comma - index <= GERUND_SERIES_REACH && /ing$/.test(lower(index)))) return undefined;
  }
  // "shows officers racing up a staircase, converging outside …": an object doing something goes on with its next act.
  for (let index = start + 1; index < comma; index++) if (/^[a-z]{3,}ing$/.test((tokens[index] as Token).text) && !isNounWord(ctx, lower(index)) && !spanWords('span.object-participle').has(lower(index))) return undefined;
  let at = comma + 1;
  while (at + 1 < bodyEnd && at - comma <= 2 && (lower(at) === 'not' || CUE_ADVERBS.has(lower(at)) || LY_ADVERB.test((tokens[at] as Token).text))) at++;
  const word = tokens[at] as Token;
  if (word.kind !== 'word' || word.capitalized) return undefined;
  if (/^[a-z]{3,}ing$/.test(word.lower)) {
    // "something", "morning": nouns, not participles.
    const classes = ctx.state.lexicon.classes(word.lower);
    return spanWords('span.object-participle').has(word.lower) || (classes.has('noun') && !classes.has('gerund')) ? undefined : 'span.object-participle';
  }
  if (at !== comma + 1 || !DETERMINERS.has(word.lower) || NON_APPOSITION_DETERMINERS.has(word.lower)) return undefined;
  let relative = false;
  for (let index = at + 1; index < bodyEnd; index++) {
    if (ctx.quotes.depth[index] !== 0) continue;
    const text = (tokens[index] as Token).text;
    if (text === ',' || text === ';' || DASHES.has(text) || text === '-') return undefined;
    if (APPOSITION_RELATIVES.has(lower(index))) relative = true;
    // "the earlier they act, the more likely it is …": a subject or verb of its own makes a clause, not a description.
    if (!relative && (COORDINATORS.has(lower(index)) || PRONOUNS.has(lower(index)) || (AUXILIARY_VERBS.has(lower(index)) && !POSSESSIVE_MARKS.has(lower(index))))) return undefined;
  }
  return 'span.object-apposition';
}

/** How many words a recipient may run before "to": "told the company's top executives to". */
const MAX_RECIPIENT_TOKENS = 5;

/**
 * "told executives to look for …", "told him to stay": "to" and a verb after one short noun phrase of the
 * recipient; not after a second noun phrase ("told reporters the decision to drop the case had been taken")
 * or a clause ("told Reuters that he tried to …").
 */
function infinitiveAfterRecipient(ctx: Reading, start: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  for (let index = start + 1; index < bodyEnd && index - start <= MAX_RECIPIENT_TOKENS; index++) {
    if (index - 1 > start && DETERMINERS.has(lower(index - 1)) && !POSSESSIVE_MARKS.has(lower(index - 2))) return undefined;
    if (lower(index - 1) === 'that' || (PRONOUNS.has(lower(index - 1)) && !OBJECT_PRONOUNS.has(lower(index - 1)))) return undefined;
    // After a recipient "to" and a bare lower-case word open an act ("to look", "to stay"), not a destination ("to the port", "to Paris").
    if (lower(index) === 'to') return opensBareWord(ctx, index + 1) ? (lower(index - 1) === 'not' ? index - 1 : index) : undefined;
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

/** "…, quickly went up with …", "…, notably stopped short …": adverbs may stand between an insert's closing comma and the subject's own verb. */
export function verbAfterAdverbs(ctx: Reading, index: number, bodyEnd: number): number {
  let at = index;
  while (at + 1 < bodyEnd && at - index < 2 && (CUE_ADVERBS.has(ctx.lower(at)) || LY_ADVERB.test((ctx.tokens[at] as Token).text))) at++;
  return at;
}

/** A finite verb among the words from `start` to `end`: "accused of theft do appear". */
function hasFiniteVerbBetween(ctx: Reading, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (isFiniteVerbAt(ctx, index)) return true;
  return false;
}

/** Whether a bracket opened in the sentence before `cueStart` is still open there. */
function opensBracketBefore(ctx: Reading, sentenceIndex: number, cueStart: number): boolean {
  const { tokens, sentences } = ctx;
  let depth = 0;
  for (let index = (sentences[sentenceIndex] as Sentence).tokenStart; index < cueStart; index++) depth = bracketDepthAfter(depth, (tokens[index] as Token).text);
  return depth > 0;
}

/** Content before a speaker: the quotation ending at `end`, else the sentence up to `end`. */
export function quotedOrClauseBefore(ctx: Reading, sentence: Sentence, end: number): Span | null {
  const { tokens, quotes, isCloseQuote, spanOf } = ctx;
  let start = sentence.tokenStart;
  const closeIndex = isCloseQuote(end - 1) ? end - 1 : -1;
  if (closeIndex !== -1) {
    // A quotation that opens the sentence (or an earlier one) is the content; a quoted word
    // inside a clause ("were “preliminary,”") leaves the clause as the content.
    const open = quotes.openOf[closeIndex] ?? -1;
    if (open !== -1 && open < sentence.tokenStart) start = open;
    // "… once — “I now recall,” he said": a quotation introduced by a dash or colon is the content alone.
    else if (open > sentence.tokenStart && QUOTE_INTRODUCERS.has((tokens[open - 1] as Token).text)) start = open;
  }
  return spanOf(start, end);
}

export function trimContent(ctx: Reading, content: Span): Span {
  const { text } = ctx;
  let { start, end } = content;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1] ?? '')) end--;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  return { start, end, text: text.slice(start, end) };
}

/** "told Reuters that although flights are few, both countries expect …": the first comma after an opening subordinate clause leads to its main clause, which is still the content. */
function opensWithSubordinateClause(ctx: Reading, start: number, comma: number): boolean {
  let first = start;
  if (ctx.lower(first) === 'that') first++;
  if (!OBJECT_STOPS.has(ctx.lower(first)) && !CONTRAST_OPENERS.has(ctx.lower(first))) return false;
  for (let index = first; index < comma; index++) if ((ctx.tokens[index] as Token).text === ',' && ctx.quotes.depth[index] === 0) return false;
  return true;
}

/**
 * ", and that the towns had …", ", but that sometimes …": a coordinator and "that" opening a clause
 * (a subject, an adverb or an aside comes next) add a second clause to what was reported; "and that
 * decision angered …" is a noun phrase of the writer's own.
 */
function opensSecondComplement(ctx: Reading, coordinator: number): boolean {
  if (!COORDINATORS.has(ctx.lower(coordinator)) || ctx.lower(coordinator + 1) !== 'that') return false;
  const next = ctx.tokens[coordinator + 2];
  if (!next) return false;
  // ("that sometimes the lesser evil will do": a word before a subject and its verb is an adverb.)
  return next.kind !== 'word' || next.capitalized || PRONOUNS.has(next.lower) || DETERMINERS.has(next.lower) || CUE_ADVERBS.has(next.lower) || LY_ADVERB.test(next.text) || startsClause(ctx, coordinator + 3, ctx.tokens.length);
}

/** How many words the noun phrase of an absolute phrase may run: "with the state's interior minister". */
const MAX_ABSOLUTE_SUBJECT_TOKENS = 6;

/**
 * "with Lee taking to the radio", "with some polls showing …": a word of span.with-absolute, a
 * noun phrase with no preposition or verb in it, then a participle (not a noun such as "morning",
 * and not after a preposition: "with his plan for cutting …" is a noun phrase).
 */
function opensAbsolutePhrase(ctx: Reading, index: number, bodyEnd: number): boolean {
  const { tokens, lower, state } = ctx;
  // ("…, with it having the lowest failure rate": a pronoun takes up what was said and goes on with it.)
  // ("with her aides insisting": "her" there is a possessive.)
  if (!spanWords('span.with-absolute').has(lower(index)) || PRONOUNS.has(lower(index + 1)) || (OBJECT_PRONOUNS.has(lower(index + 1)) && lower(index + 1) !== 'her')) return false;
  for (let at = index + 2; at < bodyEnd && at - index <= MAX_ABSOLUTE_SUBJECT_TOKENS + 1; at++) {
    const token = tokens[at] as Token;
    if ((token.kind === 'punct' && token.text !== '.' && token.text !== "'") || ctx.quotes.depth[at] !== 0 || CLAUSE_WORDS.has(token.lower)) return false;
    // ("reportedly yelling": an adverb may come before the participle.)
    if (LY_ADVERB.test(token.text) && /ing$/.test(lower(at + 1))) continue;
    if (/^[a-z]{3,}ing$/.test(token.text)) {
      const classes = state.lexicon.classes(token.lower);
      return !(classes.has('noun') && !classes.has('gerund')) && !state.lexicon.classes(lower(at - 1)).has('preposition') && !DETERMINERS.has(lower(at - 1)) && !POSSESSIVE_MARKS.has(lower(at - 1));
    }
    if (token.kind === 'word' && !token.capitalized && (state.lexicon.classes(token.lower).has('preposition') || AUXILIARY_VERBS.has(token.lower) || isFiniteVerbAt(ctx, at))) return false;
  }
  return false;
}

/** How far back the first "as" of "as many cases as they reported" may stand. */
const MAX_COMPARISON_TOKENS = 5;

/** "as many cases as they had reported": an "as" that closes an "as … as" comparison opens no clause of its own. */
function closesComparison(ctx: Reading, start: number, index: number): boolean {
  if (ctx.lower(index) !== 'as') return false;
  for (let at = index - 2; at >= start && index - at <= MAX_COMPARISON_TOKENS; at--) if (ctx.lower(at) === 'as') return true;
  return false;
}

/** "said the union", "says Roe", "wrote his lawyer": a verb of the row, then the noun phrase of its speaker up to the sentence end or a clause break. */
function opensInvertedReport(ctx: Reading, index: number, bodyEnd: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || !spanWords('span.inverted-report').has(token.lower)) return false;
  const speaker = readSpeakerAfter(ctx, index + 1, bodyEnd, false);
  if (!speaker) return false;
  // "…, recited her policy ideas": the phrase must name someone, or something that speaks.
  for (let at = speaker.start; at < speaker.end; at++) {
    const word = ctx.tokens[at] as Token;
    if (word.capitalized || ctx.state.speakerHeads.has(word.lower)) return true;
  }
  return false;
}

/** "records show.", "a new Gazette analysis found.": a noun phrase headed by a document, then a verb of finding ending the sentence. */
function opensClosingFinding(ctx: Reading, index: number, bodyEnd: number): boolean {
  const { tokens, state } = ctx;
  let document = false;
  for (let at = index; at < bodyEnd && at - index <= MAX_SPEAKER_TOKENS; at++) {
    const token = tokens[at] as Token;
    if (document && isFindingVerbAt(ctx, at)) return isSentenceEndAfterCue(ctx, at + 1, bodyEnd);
    if (isPhraseBreak(token)) return false;
    if (state.speakerHeads.get(token.lower) === 'speaker.document') document = true;
  }
  return false;
}

/** Words that open a clause inside an object: "frustration that …", "the plan, which …", "how the plan works". */
const OBJECT_CLAUSE_WORDS: ReadonlySet<string> = new Set(['that', 'which', 'who', 'whom', 'whose', 'whether', 'how', 'what', 'why', 'where', 'when', 'if']);
/** How many words the subject of a coordinated clause may run: "the state's interior minister". */
const MAX_COORDINATED_SUBJECT_TOKENS = 5;

/**
 * "he didn't …", "the mayor fired …", "his campaign did …", "Lee has …": a subject pronoun, a name
 * or a determined noun phrase, then a verb that shows its tense (an auxiliary or a past form; "his
 * 2005 vote" is no clause).
 */
function opensClauseWithSubject(ctx: Reading, index: number, bodyEnd: number): boolean {
  const { tokens, lower, state } = ctx;
  const first = tokens[index];
  if (!first || first.kind !== 'word') return false;
  let verb = index + 1;
  if (PRONOUNS.has(first.lower)) {
    if (first.lower === 'it' || first.lower === 'you') return false;
  } else {
    // ("… and that he lied" reports a second clause.)
    if (!(first.capitalized || DETERMINERS.has(first.lower)) || first.lower === 'that') return false;
    // "Nega's excitement": a possessive stays in the subject.
    // "Mr. Lee", "Sen. Roe": the stop of a title is part of the name.
    const titleStop = (at: number): boolean => (tokens[at] as Token).text === '.' && (tokens[at - 1] as Token).capitalized;
    while (verb < bodyEnd && verb - index < MAX_COORDINATED_SUBJECT_TOKENS && (POSSESSIVE_MARKS.has(lower(verb)) || (!AUXILIARY_VERBS.has(lower(verb)) && !isFiniteVerbAt(ctx, verb))) && ((tokens[verb] as Token).kind !== 'punct' || titleStop(verb))) {
      // "other candidates that he was …": a clause inside the phrase makes it an object, not a subject.
      if (CLAUSE_WORDS.has(lower(verb)) || PRONOUNS.has(lower(verb))) return false;
      verb++;
    }
  }
  while (verb < bodyEnd && (CUE_ADVERBS.has(lower(verb)) || LY_ADVERB.test((tokens[verb] as Token).text))) verb++;
  const word = tokens[verb];
  if (!word || word.kind !== 'word' || word.capitalized) return false;
  if (POSSESSIVE_MARKS.has(word.lower)) return false;
  // "the White House and its leaders not to pass …": "not" before "to" shows no tense.
  if (AUXILIARY_VERBS.has(word.lower)) return !((word.lower === 'not' || word.lower === "n't") && lower(verb + 1) === 'to');
  // "the full details": after a determiner, a possessive or an adjective a verb-looking word is a noun.
  // "his 2005 vote": after a number too.
  if (DETERMINERS.has(lower(verb - 1)) || POSSESSIVE_MARKS.has(lower(verb - 1)) || isAdjectiveAt(ctx, verb - 1) || (tokens[verb - 1] as Token).kind === 'number') return false;
  return isFiniteVerbAt(ctx, verb) || (state.lexicon.classes(word.lower).has('past-tense') && !isNounWord(ctx, word.lower));
}

/** "public attitudes make …", "older voters say …": adjectives, then a noun phrase and its verb. */
function adjectiveLedClause(ctx: Reading, index: number, bodyEnd: number): boolean {
  let subject = index;
  while (subject < bodyEnd && subject - index < 3 && isAdjectiveAt(ctx, subject)) subject++;
  return subject > index && ctx.lower(subject) !== 'to' && isNounLike(ctx, subject) && startsClause(ctx, subject, bodyEnd);
}

/** ", but people keep …", ", yet voters want …": a bare noun (one the lexicon lists, or an unlisted plural) and its verb. */
function bareNounClause(ctx: Reading, index: number, bodyEnd: number): boolean {
  const token = ctx.tokens[index];
  return token !== undefined && token.kind === 'word' && !token.capitalized && !CLAUSE_WORDS.has(token.lower) && (isNounWord(ctx, token.lower) || (/[^su]s$/.test(token.lower) && ctx.state.lexicon.classes(token.lower).size === 0)) && startsClause(ctx, index, bodyEnd);
}

/** Rows of config/attributions/spans.json whose word after a comma opens a clause that ends what was reported. */
const CLOSING_CLAUSE_ROWS = ['span.nonrestrictive-modifier', 'span.concessive-clause'];

/**
 * The row whose word follows `comma` and opens a clause running to the end of the sentence, in
 * reported words opened by no quotation. A relative clause closed by a comma is an insert inside the
 * reported clause ("said the bridge, which opened in May, was cracked").
 */
function closingClauseRule(ctx: Reading, start: number, comma: number, bodyEnd: number): string | undefined {
  if (comma <= start) return undefined;
  const word = ctx.lower(comma + 1);
  const ruleId = CLOSING_CLAUSE_ROWS.find((id) => spanWords(id).has(word));
  if (!ruleId) return undefined;
  for (let index = start; index < comma; index++) if (ctx.isOpenQuote(index)) return undefined;
  // "…, though." ends it; "…, although not in winter" qualifies what was reported and stays in it.
  if (ruleId === 'span.concessive-clause') return comma + 2 >= bodyEnd || hasFiniteVerb(ctx, comma + 2, bodyEnd) ? ruleId : undefined;
  for (let index = comma + 2; index < bodyEnd; index++) {
    const text = (ctx.tokens[index] as Token).text;
    if (ctx.quotes.depth[index] === 0 && (text === ',' || DASHES.has(text) || ctx.isOpenQuote(index))) return undefined;
  }
  return ruleId;
}

/** "although the divers found cracks", "even as the board met": a concession of span.dash-concession, or "even as" / "even though", with a finite verb and no dash closing it as an insert. */
function opensDashConcession(ctx: Reading, index: number, bodyEnd: number): boolean {
  const led = ctx.lower(index) === 'even';
  if (led ? !EVEN_CONCESSIONS.has(ctx.lower(index + 1)) : !spanWords('span.dash-concession').has(ctx.lower(index))) return false;
  const from = led ? index + 2 : index + 1;
  return (startsClause(ctx, from, bodyEnd) || hasFiniteVerb(ctx, from, bodyEnd)) && !dashFollows(ctx, from, bodyEnd);
}

/** Concessions that "even" may lead: "even as", "even though" (not "even if", which states a condition of what was said). */
const EVEN_CONCESSIONS: ReadonlySet<string> = new Set(['as', 'though']);

/** A finite verb in tokens `start` to `end` ("given its record we would not …", "the screen is small"). */
function hasFiniteVerb(ctx: Reading, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (isFiniteVerbAt(ctx, index) || (PRONOUNS.has(ctx.lower(index - 1)) && endsInSingleS(ctx.lower(index)))) return true;
  return false;
}

/** A dash at or after `from`: the second of a pair that sets a phrase off ("the plan — and the vote — would pass"). */
function dashFollows(ctx: Reading, from: number, bodyEnd: number): boolean {
  for (let index = from; index < bodyEnd; index++) {
    const text = (ctx.tokens[index] as Token).text;
    if (DASHES.has(text) || text === '-') return true;
  }
  return false;
}

/** How many words an item of a series may have: "French, German, and Dutch", "covering up, delaying, and withholding". */
const MAX_SERIES_ITEM_WORDS = 3;

/** The words after "not" that open the first half of a correlative pair: "not only … but …". */
const CORRELATIVE_FIRST_HALVES: ReadonlySet<string> = new Set(['only', 'just', 'merely', 'simply', 'solely']);
/** How far back from ", but" the "not only" of its pair may stand. */
const MAX_CORRELATIVE_SPAN = 25;

/**
 * "would not only cover her show, but the show of her rival", "is not only cheap but also lasts":
 * the "but" after a "not only" of the content, with no "but" between, is the second half of the pair
 * and belongs to the same clause.
 */
function closesCorrelative(ctx: Reading, start: number, but: number): boolean {
  const { lower, quotes } = ctx;
  if (lower(but) !== 'but') return false;
  for (let index = but - 1; index > start && but - index <= MAX_CORRELATIVE_SPAN; index--) {
    if (lower(index) === 'but' || quotes.depth[index] !== quotes.depth[but]) return false;
    if (lower(index) === 'not' && CORRELATIVE_FIRST_HALVES.has(lower(index + 1))) return true;
  }
  return false;
}

/**
 * "talked with French, German, and Dutch leaders", "attacked voters, lawmakers, and thinkers": the
 * comma at `comma`, before "and" or "or", closes a series when the item before it is a few words
 * without a verb that follow another comma of the content.
 */
function closesSeries(ctx: Reading, start: number, comma: number, bodyEnd: number): boolean {
  const { tokens, lower, quotes } = ctx;
  // ", and he urged …", ", and his symptoms did …": a subject and its verb after the coordinator open a clause, not a last item.
  if (!['and', 'or'].includes(lower(comma + 1)) || PRONOUNS.has(lower(comma + 2)) || startsClause(ctx, comma + 2, bodyEnd)) return false;
  let index = comma - 1;
  // ", if at all,": an item has no verb and opens no clause.
  while (index > start && comma - index <= MAX_SERIES_ITEM_WORDS && (tokens[index] as Token).kind === 'word' && !AUXILIARIES.has(lower(index)) && !CLAUSE_CONTINUERS.has(lower(index)) && !OBJECT_STOPS.has(lower(index))) index--;
  return index > start && index < comma - 1 && (tokens[index] as Token).text === ',' && quotes.depth[index] === 0;
}

/**
 * "believed that a pledge from China, which was struggling with smog, would help": the phrase the
 * comma at `comma` opens is closed by a second comma right before a finite verb, so it is an insert
 * inside the subject of the reported clause, not the end of it.
 */
function insertBeforeVerb(ctx: Reading, comma: number, bodyEnd: number): boolean {
  const { tokens, quotes } = ctx;
  for (let index = comma + 2; index < bodyEnd; index++) {
    const text = (tokens[index] as Token).text;
    if (quotes.depth[index] !== 0) continue;
    if (text === ',') return isFiniteVerbAt(ctx, index + 1);
    if ((tokens[index] as Token).kind === 'punct' && text !== '.' && text !== "'" && text !== '-') return false;
  }
  return false;
}

/**
 * "whispered “Lumos” again: Then the room …", "shouted “Run!” once more; the crowd …": a quoted
 * utterance, then at most a few adverbs (span.quote-then-narration) and a colon, semicolon or dash —
 * what follows is the writer's narration, not more of what was said.
 */
function narrationFollowsQuote(ctx: Reading, open: number, close: number, bodyEnd: number): boolean {
  const { tokens, lower } = ctx;
  const opening = tokens[open + 1] as Token | undefined;
  if (!opening || open + 1 >= close || !opening.capitalized) return false;
  const adverbs = spanWords('span.quote-then-narration');
  let at = close + 1;
  while (at < bodyEnd && at - close <= 3 && (tokens[at] as Token).kind === 'word' && !(tokens[at] as Token).capitalized && (adverbs.has(lower(at)) || /ly$/.test(lower(at)))) at++;
  const stop = tokens[at] as Token | undefined;
  return at + 1 < bodyEnd && stop !== undefined && (stop.text === ':' || stop.text === ';' || DASHES.has(stop.text));
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

/** How many words "by" may stand before the noun of a margin: "by about a 67 percentage point margin". */
const MAX_MARGIN_TOKENS = 6;

/**
 * "Roe 46 percent to 32 percent", "Roe, 57 percent to 22 percent", "her by broad margins in polls":
 * where a poll's split ("N percent to M percent") or a "by" phrase with a noun of span.poll-margin
 * starts after an object, before anything else follows the object.
 */
function pollMarginStart(ctx: Reading, start: number, end: number): number | undefined {
  const { tokens, lower, quotes } = ctx;
  const nouns = spanWords('span.poll-margin');
  for (let index = start + 1; index < end; index++) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] !== 0) return undefined;
    const from = lower(index - 1) === ',' ? index - 1 : index;
    if (token.kind === 'number' && (lower(index + 1) === 'percent' || lower(index + 1) === '%') && lower(index + 2) === 'to' && (tokens[index + 3] as Token | undefined)?.kind === 'number') return from;
    if (token.lower === 'by') {
      for (let at = index + 1; at < end && at - index <= MAX_MARGIN_TOKENS; at++) {
        if ((tokens[at] as Token).kind === 'punct') break;
        if (nouns.has(lower(at))) return from;
      }
    }
    // "backed the plan to cut fares by ten points": the margin of a verb inside the object is part of it.
    if (token.lower === 'to' || (token.kind === 'punct' && token.text !== ',' && token.text !== '.')) return undefined;
  }
  return undefined;
}
