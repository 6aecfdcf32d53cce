import type { RejectedCandidate } from '../../model/claim.js';
import { cueLanguageOf, cuesRead } from '../attributions/languages.js';
import { languageCode } from '../strip/language.js';
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
