import { detectLanguage, languageCode } from '../strip/language.js';
import type { Lexicon, NumberFormatRow } from './lexicon.js';

const DETECTION_SAMPLE_CHARS = 500;

/** " the " twice in the opening: English, the default, without the cost of detection. */
function looksEnglish(text: string): boolean {
  const sample = text.slice(0, DETECTION_SAMPLE_CHARS);
  const first = sample.indexOf(' the ');
  return first >= 0 && sample.indexOf(' the ', first + 4) >= 0;
}

/** Text where the number format matters: digits around a point, comma or space, or a day with a point ("1. Januar"). */
const FORMAT_SENSITIVE = /\d[.,\s\u00a0\u202f\u2009]\d|\d\.\s\p{L}/u;

/** The number format of the text: its language's, given or detected, else English. */
export function numberFormatFor(text: string, language: string | null, lex: Lexicon): NumberFormatRow {
  // detection costs more than reading a short text's numbers: skip it where the format changes nothing
  if (language === null && (!FORMAT_SENSITIVE.test(text) || looksEnglish(text))) return lex.defaultFormat;
  // the opening few hundred characters carry enough stop words to tell the languages apart
  const code = languageCode(language ?? detectLanguage(text.slice(0, DETECTION_SAMPLE_CHARS), lex.languages), lex.languages);
  return (code !== null && lex.formats.get(code)) || lex.defaultFormat;
}
