import type { RejectedCandidate, Span } from '../../model/claim.js';
import { cueLanguageOf, cuesRead } from '../attributions/languages.js';
import { detectLanguage, languageCode, UNDETERMINED_LANGUAGE } from '../strip/language.js';
import { loadStripRules } from '../../rules/strip-rules.js';
import { figuresRead } from '../figures/languages.js';

/** What the claim layers read in a text's language; the tables in config/ decide. */
export interface LanguageCoverage {
  /** The primary code the text is read in; null when neither the article nor the text tells (read as English). */
  language: string | null;
  /** config/figures/languages.json lists it: its numbers, scales and units are read. */
  figures: boolean;
  /** The one log entry saying why the text makes no claims, or null when it can make them. */
  note: RejectedCandidate | null;
}

export function languageCoverage(text: string, given: string | null, alreadyRead: boolean): LanguageCoverage {
  const language = alreadyRead ? languageCode(given, loadStripRules().languages) : cueLanguageOf(text, given);
  const figures = figuresRead(language);
  const attributions = cuesRead(language);
  // Without cue rules nobody's words can be told from the writer's, so a sentence with a figure
  // might be a quotation: no claims at all rather than misattributed ones.
  if (attributions && figures) return { language, figures, note: null };
  const reason = !figures
    ? `no claims: the text is in "${language}", whose numbers and words the rules do not read (no figures, no attributions)`
    : `no claims: the rules read figures in "${language}" (listed) but not who says what, so a figure may be someone's words`;
  return { language, figures, note: { start: 0, end: 0, text: '', layer: 'claim', reason, ruleId: 'claim.language-not-covered' } };
}

/**
 * The log entry for a figure sentence written in another language than the text it stands in (a
 * passage repeated in German and Greek on an English page), or null when it is in the text's
 * language or too short to tell. Its numbers were read in the text's format ("$ 80.000" as 80)
 * and its words cannot be told apart by the text's cue rules, so it makes no figure claim.
 */
export function otherLanguageNote(sentence: Span, language: string | null): RejectedCandidate | null {
  // the text's language stands unless the sentence's own words are evidence for another
  const read = detectLanguage(sentence.text, loadStripRules().languages, language ?? 'en');
  if (read === null || read === UNDETERMINED_LANGUAGE || read === (language ?? 'en')) return null;
  const reason = `not a figure claim: the sentence is in "${read}", not in the text's language`;
  return { start: sentence.start, end: sentence.end, text: sentence.text, layer: 'claim', reason, ruleId: 'claim.sentence-language' };
}
