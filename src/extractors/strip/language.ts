import type { RuleRow } from '../../rules/table.js';

/**
 * Cheap language guess from the main text (config/languages.json): first the writing system (a
 * share of letters in a script), then, for Latin script and for a script several rows share
 * (Cyrillic), the language whose profile the text fits best: its stop words and the letters
 * only some languages write (ł, ã, ß, ø, ї …), each counted less the more languages share it,
 * quoted words less than the writer's own. A declared language is weighed against that evidence.
 */
export interface LanguageRule extends RuleRow {
  /** Unicode script test, e.g. "\\p{Script=Hangul}", or null for Latin-script languages; rows sharing one tell its languages apart by their stop words. */
  script: string | null;
  /** Share of letters that must be in `script` (script rules only). */
  minShare: number;
  stopWords: readonly string[];
  /** Letters beyond ASCII that the language writes and most others do not (lower case). */
  letters: string;
  /** Other codes pages declare the language by (ISO 639-2/3 "deu", "ger"; "nb" for Norwegian). */
  aliases: readonly string[];
}

export interface CompiledLanguages {
  scripts: readonly { code: string; pattern: RegExp; minShare: number }[];
  /** The languages told apart by stop words and letters; the indexes below point into it. */
  profiles: readonly string[];
  /** The script rule of each profile (its `script` source), or null for Latin script. */
  profileScripts: readonly (string | null)[];
  /** Stop word → the profiles listing it. */
  stopWords: ReadonlyMap<string, readonly number[]>;
  /** Letter beyond ASCII → bit mask of the profiles writing it. */
  letters: ReadonlyMap<string, number>;
  /** Every code and alias of a language row → the row's id. */
  codes: ReadonlyMap<string, string>;
}

/** BCP 47 "undetermined": enough text to tell, and no language of the table fits it. */
export const UNDETERMINED_LANGUAGE = 'und';

/** Letters are matched as bit masks of profiles: at most this many languages with stop words. */
const MAX_PROFILES = 31;

export function compileLanguages(rules: readonly LanguageRule[]): CompiledLanguages {
  const scripts: { code: string; pattern: RegExp; minShare: number }[] = [];
  const profiles: string[] = [];
  const profileScripts: (string | null)[] = [];
  const stopWords = new Map<string, number[]>();
  const letters = new Map<string, number>();
  const codes = new Map<string, string>();
  for (const rule of rules) {
    codes.set(rule.id, rule.id);
    for (const alias of rule.aliases) codes.set(alias, rule.id);
    if (rule.script !== null) scripts.push({ code: rule.id, pattern: new RegExp(rule.script, 'gu'), minShare: rule.minShare });
    // a script row without stop words is the only language of its script here
    if (rule.script !== null && rule.stopWords.length === 0) continue;
    const index = profiles.push(rule.id) - 1;
    profileScripts.push(rule.script);
    if (index >= MAX_PROFILES) throw new Error(`at most ${MAX_PROFILES} languages with stop words`);
    for (const word of rule.stopWords) {
      const key = word.replace(/’/g, "'");
      const list = stopWords.get(key);
      if (!list) stopWords.set(key, [index]);
      else if (!list.includes(index)) list.push(index);
    }
    for (const letter of rule.letters) letters.set(letter, (letters.get(letter) ?? 0) | (1 << index));
  }
  return { scripts, profiles, profileScripts, stopWords, letters, codes };
}

/**
 * The primary language of a code as the table names it: "de-AT" → "de", "deu" → "de"; a code
 * the table does not know stays as written ("uk"); null for nothing.
 */
export function languageCode(code: string | null | undefined, table: CompiledLanguages): string | null {
  const primary = code?.trim().toLowerCase().split(/[-_]/)[0];
  if (!primary) return null;
  return table.codes.get(primary) ?? primary;
}

/** Characters read from the start of the text, and as many from its middle when it is longer. */
const SAMPLE_CHARS = 1500;
/** Weighted evidence below this tells nothing (a caption, a list of names): about two unshared stop words. */
const MIN_EVIDENCE = 2;
/** One stop word repeated ("sen" in a list of share prices) is not a language. */
const MIN_DISTINCT_STOP_WORDS = 2;
/** A word whose letters only some languages write counts this much (less when several write them). */
const LETTER_WEIGHT = 0.5;
/**
 * Evidence per word below which a text of `MIN_WORDS_UNDETERMINED` words or more fits no
 * language of the table: its own function words would make up a fifth or more of it.
 */
const MIN_EVIDENCE_PER_WORD = 0.05;
const MIN_WORDS_UNDETERMINED = 40;
/**
 * The declared language stands while the text gives it at least this share of the evidence of
 * the best-fitting language: a German page quoting English at length stays German, an English
 * page declared German (a site-wide setting) is English.
 */
const DECLARED_SHARE = 0.5;

/**
 * The language of `text`, a code of the table, `UNDETERMINED_LANGUAGE` when a long text fits
 * none, or null when there is too little to tell. With `declared`, the page's own claim is kept
 * unless the text's evidence is for another language.
 */
export function detectLanguage(text: string, table: CompiledLanguages, declared: string | null = null): string | null {
  const declaredCode = languageCode(declared, table);
  const sample = text.length <= 2 * SAMPLE_CHARS
    ? text
    : `${text.slice(0, SAMPLE_CHARS)} ${text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + SAMPLE_CHARS)}`;
  const script = scriptOf(sample, table);
  if (script !== undefined) {
    if (script === null) return null;
    // A language the table has no row for ("fa", "mk") may share a script with one it has.
    if (declaredCode !== null && !table.codes.has(declaredCode)) return declaredCode;
    // Several languages of one script (Russian, Ukrainian, Bulgarian, Serbian) are told apart by their profiles.
    const source = table.scripts.find((rule) => rule.code === script)?.pattern.source ?? null;
    if (table.profileScripts.filter((profileScript) => profileScript === source).length < 2) return script;
    const declaredInScript = declaredCode !== null && table.profileScripts[table.profiles.indexOf(declaredCode)] === source;
    return bestProfileOf(sample, table, source, declaredCode).best ?? (declaredInScript ? declaredCode : script);
  }
  const { best, undetermined } = bestProfileOf(sample, table, null, declaredCode);
  return best ?? (undetermined ? UNDETERMINED_LANGUAGE : null);
}

/**
 * The profile of `script` (null: Latin) the sample fits best, weighed with the declared one; null
 * when none fits, `undetermined` when a long sample fits none and no language was declared.
 */
function bestProfileOf(sample: string, table: CompiledLanguages, script: string | null, declaredCode: string | null): { best: string | null; undetermined: boolean } {
  const { scores, distinct, words } = profileScores(sample, table);
  let bestIndex = -1;
  let bestScore = 0;
  for (let index = 0; index < scores.length; index++) {
    const score = scores[index] as number;
    if (table.profileScripts[index] !== script) continue;
    if (score > bestScore && (distinct[index] as number) >= MIN_DISTINCT_STOP_WORDS) {
      bestIndex = index;
      bestScore = score;
    }
  }
  const best = bestIndex < 0 ? null : (table.profiles[bestIndex] as string);
  // Too little evidence for any language: a list, a table of results, a text in a language the
  // table lacks. A declared language stands; without one, a long text is undetermined.
  if (best === null || bestScore < MIN_EVIDENCE || bestScore < MIN_EVIDENCE_PER_WORD * words) {
    return { best: null, undetermined: declaredCode === null && words >= MIN_WORDS_UNDETERMINED };
  }
  const declaredIndex = declaredCode === null ? -1 : table.profiles.indexOf(declaredCode);
  if (declaredIndex >= 0 && table.profileScripts[declaredIndex] === script && (scores[declaredIndex] as number) >= DECLARED_SHARE * bestScore) return { best: declaredCode, undetermined: false };
  return { best, undetermined: false };
}

/**
 * The script rule the sample's letters meet, null when a non-Latin sample has too few letters,
 * undefined when the sample is Latin (or meets no rule) and the profiles decide.
 */
function scriptOf(sample: string, table: CompiledLanguages): string | null | undefined {
  let nonLatin = 0;
  for (let index = 0; index < sample.length; index++) if (sample.charCodeAt(index) > 0x24f) nonLatin++;
  // Mostly Latin characters: no need to test the other writing systems.
  if (nonLatin / sample.length < 0.05) return undefined;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return null;
  // Japanese words quoted in an English article are not a Japanese text.
  if ((letters - (sample.match(LATIN_LETTER)?.length ?? 0)) / letters < MIN_NON_LATIN_SHARE) return undefined;
  for (const { code, pattern, minShare } of table.scripts) {
    pattern.lastIndex = 0;
    const count = sample.match(pattern)?.length ?? 0;
    if (count / letters >= minShare) return code;
  }
  return undefined;
}

const LATIN_LETTER = /\p{Script=Latin}/gu;
/**
 * A text in another script has at least this share of its letters in it, transliterations and
 * Latin names included (a Chinese song with its pinyin has about a quarter).
 */
const MIN_NON_LATIN_SHARE = 0.2;

interface ProfileScores {
  /** Weighted stop-word and letter evidence per profile. */
  scores: Float64Array;
  /** Different stop words of each profile seen. */
  distinct: Uint16Array;
  words: number;
}

const LETTER = /\p{L}/u;
const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019;

/** Reads the sample word by word (letters, with one inner apostrophe: "l'année", "it's"). */
function profileScores(sample: string, table: CompiledLanguages): ProfileScores {
  const scores = new Float64Array(table.profiles.length);
  const distinct = new Uint16Array(table.profiles.length);
  const seen = new Set<string>();
  const credit = (word: string, weight: number): boolean => {
    const listed = table.stopWords.get(word);
    if (!listed) return false;
    // a word several languages share tells less, but "to" is still English evidence
    const share = weight / Math.sqrt(listed.length);
    for (const index of listed) scores[index] = (scores[index] as number) + share;
    if (!seen.has(word)) {
      seen.add(word);
      for (const index of listed) distinct[index] = (distinct[index] as number) + 1;
    }
    return true;
  };
  const text = sample.toLowerCase();
  const quotes = quotedRanges(text);
  let quote = 0;
  let words = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    const isLetter = (code >= 0x61 && code <= 0x7a) || (code > 0x7f && LETTER.test(text[index] as string));
    if (!isLetter) {
      index++;
      continue;
    }
    const start = index;
    let apostrophe = -1;
    let letterMask = -1;
    for (; index < text.length; index++) {
      const next = text.charCodeAt(index);
      if (next >= 0x61 && next <= 0x7a) continue;
      if (next > 0x7f && LETTER.test(text[index] as string)) {
        // the languages that write every telling letter of the word (ł, ñ, ї); the others tell nothing
        const writers = table.letters.get(text[index] as string);
        if (writers !== undefined) letterMask &= writers;
        continue;
      }
      if (apostrophe < 0 && isApostrophe(next) && index + 1 < text.length && LETTER.test(text[index + 1] as string)) {
        apostrophe = index;
        continue;
      }
      break;
    }
    words++;
    while (quote < quotes.length && (quotes[quote] as [number, number])[1] <= start) quote++;
    const weight = quote < quotes.length && (quotes[quote] as [number, number])[0] <= start ? QUOTED_WEIGHT : 1;
    if (apostrophe >= 0) {
      // elided articles and clitics: "l'année", "dell'anno", "it's", "don't"
      if (!credit(`${text.slice(start, apostrophe)}'`, weight)) credit(`'${text.slice(apostrophe + 1, index)}`, weight);
    } else credit(text.slice(start, index), weight);
    if (letterMask !== -1 && letterMask !== 0) {
      const writers = bitCount(letterMask);
      const share = (LETTER_WEIGHT * weight) / Math.sqrt(writers);
      for (let profile = 0; profile < scores.length; profile++) if (letterMask & (1 << profile)) scores[profile] = (scores[profile] as number) + share;
    }
  }
  return { scores, distinct, words };
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/**
 * Quoted words count this much: an article is in its writer's language, and quotes in another
 * (an English speech in a German report) are common.
 */
const QUOTED_WEIGHT = 0.25;
const QUOTATION = /["“„«»”][^"“”„«»\n]{1,800}["“”«»]/g;

/** [start, end) of each quotation in the sample, in order. */
function quotedRanges(sample: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of sample.matchAll(QUOTATION)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}
