import { figureLexicon } from './lexicon.js';
import { numberFormatFor } from './number-format.js';
import { FigureScanner, type FigureExtraction } from './scanner.js';

export { isAgeUnit } from './ages.js';
export { singularise } from './counted-nouns.js';
export type { FigureExtraction } from './scanner.js';

/**
 * Finds the figures in a text: money, percentages, counts with their counted noun, measured
 * quantities, rates, ranges, with qualifiers and change markers. Numbers that are years, dates,
 * times, ordinals, phone numbers or parts of names come back as rejected candidates with the
 * rule that rejected them. Pure: the rule tables are read once, at first use.
 */
export function extractFigures(text: string, options: FigureOptions = {}): FigureExtraction {
  const lex = figureLexicon();
  return new FigureScanner(text, lex, numberFormatFor(text, options.language ?? null, lex)).scan();
}

export interface FigureOptions {
  /**
   * The text's language (BCP 47, e.g. "de" or "de-AT"): numbers and dates are read the way it
   * writes them (a decimal comma in German). Unknown or absent: detected from the text, and
   * English when detection cannot tell.
   */
  language?: string | null;
}
