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

/** The number format of the text: its language's, given or detected, else English; in the other style of that format when the text's own numbers are written so. */
export function numberFormatFor(text: string, language: string | null, lex: Lexicon): NumberFormatRow {
  const format = languageFormat(text, language, lex);
  const style = lex.styles.get(format);
  return style !== undefined && groupsByPoint(text, lex) ? style : format;
}

function languageFormat(text: string, language: string | null, lex: Lexicon): NumberFormatRow {
  // detection costs more than reading a short text's numbers: skip it where the format changes nothing
  if (language === null && (!FORMAT_SENSITIVE.test(text) || looksEnglish(text))) return lex.defaultFormat;
  // the opening few hundred characters carry enough stop words to tell the languages apart
  const code = languageCode(language ?? detectLanguage(text.slice(0, DETECTION_SAMPLE_CHARS), lex.languages), lex.languages);
  return (code !== null && lex.formats.get(code)) || lex.defaultFormat;
}

/** Digits grouped in threes by a point ("1.000", "12.500.000"), and the word after them. */
const POINT_GROUPED = /(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![.,]?\d)(?:\s+(\p{L}+))?/gu;
/** A point before other than three digits ("2.5", "11.2018"): a decimal point, or a date. */
const POINT_NOT_GROUPING = /\d\.(?:\d{1,2}|\d{4,})(?!\d)/u;
/** Digits grouped in threes by a comma ("1,000"). */
const COMMA_GROUPED = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![.,]?\d)/u;

/**
 * Whether the text writes a point between groups of three digits and never as a decimal point:
 * a point grouping thousands ("1.000 LED lights") and none before other digits or a scale word
 * ("$2.408 billion" is a decimal), and no comma grouping thousands.
 */
function groupsByPoint(text: string, lex: Lexicon): boolean {
  if (!text.includes('.') || POINT_NOT_GROUPING.test(text) || COMMA_GROUPED.test(text)) return false;
  let grouped = false;
  for (const match of text.matchAll(POINT_GROUPED)) {
    if (match[1] !== undefined && lex.scales.next.has(match[1].toLowerCase())) return false;
    grouped = true;
  }
  return grouped;
}
