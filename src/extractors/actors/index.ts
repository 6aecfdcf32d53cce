import type { ActorMention, RejectedCandidate } from '../../model/claim.js';
import { analyzeText, type AnalyzedText, type Token } from '../text/tokens.js';
import type { Candidate } from './candidate.js';
import { candidateSpans } from './candidate-spans.js';
import { classify } from './classify.js';
import { resolveCoreference, type NameSexEvidence } from './coreference.js';
import { HONORIFIC_ROWS } from './engine.js';
import { typeActingCountries } from './country-agents.js';
import { emitNamesInsideOrganizations } from './nested-names.js';
import { typePlaceAppositions } from './place-appositions.js';
import { reject, startScan } from './scan.js';

/**
 * Actors: capitalised runs of tokens, cut at connectors, stripped of titles and sentence-initial
 * common words, typed by the alias table, the lexicons in config/actors and compromise's word
 * lexicon, then linked within the article (short forms and acronyms to the full name).
 */

/** The row for a sentence-opening everyday word kept because the article writes it with the next word mid-sentence. */
const NAME_PAIR_ROW = 'actor.name-pair-seen-mid-sentence';

export interface ActorExtraction {
  actors: ActorMention[];
  rejected: RejectedCandidate[];
}

export function extractActors(text: string, analyzed: AnalyzedText = analyzeText(text)): ActorExtraction {
  const scan = startScan(text, analyzed);
  const { state, tokens } = scan;
  for (const span of candidateSpans(state, tokens)) {
    const before = scan.candidates.length;
    classify(scan, span);
    if (scan.keptOpeners.size > 0) for (let index = before; index < scan.candidates.length; index++) if (scan.keptOpeners.has((scan.candidates[index] as Candidate).start)) (scan.candidates[index] as Candidate).ruleIds.push(NAME_PAIR_ROW);
    const { possessive } = span;
    if (possessive) for (const candidate of scan.candidates.slice(before)) if (candidate.start < possessive.at && candidate.end > possessive.at) candidate.ruleIds.push(possessive.ruleId);
  }
  emitNamesInsideOrganizations(scan);
  typeActingCountries(scan);
  typePlaceAppositions(scan);

  /** Whether a word may be part of a name at all: not a title, nor the head of an organisation's or a place's name. */
  const mayNamePerson = (token: Token): boolean => {
    if (token.kind !== 'word' || token.text.length < 3 || state.titleHeads.has(token.lower)) return false;
    return !(state.orgHeads.has(token.lower) || state.placeHeads.has(token.lower) || state.notActorHeads.has(token.lower));
  };
  const isNamePart = (token: Token): boolean => {
    if (!mayNamePerson(token)) return false;
    const classes = state.lexicon.classes(token.lower);
    return classes.has('first-name') || classes.has('last-name') || !(classes.has('common') || classes.has('place') || classes.has('organization') || classes.has('date-word'));
  };
  const isCommonNoun = (token: Token): boolean => {
    const classes = state.lexicon.classes(token.lower);
    if (classes.size === 0) return !/(ed|ing|ly|s)$/.test(token.lower); // compromise lists few nouns ("language", "culture")
    return classes.has('noun') && !classes.has('verb') && !classes.has('preposition') && !classes.has('adjective') && !classes.has('pronoun');
  };
  const peopleNameRule = (word: string): string | undefined => (state.peopleNames.words.has(word) ? state.peopleNames.ruleId : undefined);
  const sexes: NameSexEvidence = {
    honorific: (lowerWord) => state.honorificSexes.get(lowerWord),
    givenName: (word) => {
      const classes = state.lexicon.classes(word.toLowerCase());
      const male = classes.has('male-name');
      return male === classes.has('female-name') ? undefined : male ? 'male' : 'female';
    },
    ruleIds: HONORIFIC_ROWS,
  };
  const actors = resolveCoreference(text, tokens, scan.candidates, scan.acronyms, (span, reason, ruleId) => reject(scan, span, reason, ruleId), isNamePart, mayNamePerson, isCommonNoun, peopleNameRule, { personVerbs: state.personVerbs, bodyPossessions: state.bodyPossessions, agentVerbs: state.agentVerbs }, sexes);
  return { actors, rejected: scan.rejected };
}
