import { wordLexicon } from '../nlp.js';
import { HYPHENS, matchPhrase, type ScanContext } from './context.js';
import { readNumber } from './numbers.js';
import { capitalised, glued, type Token } from './tokens.js';

/** What a count counts: the noun phrase after it, a noun hyphenated to it, or the noun of "of the …". */

/** The counted noun after a count: the first plural-looking word of a short noun phrase. */
export function readCountedNoun(ctx: ScanContext, i: number, singular: boolean): { unit: string; end: number; ruleIds: string[] } | null {
  const tokens = ctx.tokens;
  const lex = ctx.lex;
  let words = 0;
  let firstNoun: { token: Token; end: number } | null = null;
  // rules of the words read as modifiers on the way to the head
  const modifierRules: string[] = [];
  // "460 Kia and Hyundai vehicles": after names joined by "and", the noun alone is what is counted
  let coordinated = false;
  let afterNames = i;
  for (let j = i; j < tokens.length && words < ctx.rules.countedWindow; j++) {
    const token = tokens[j] as Token;
    if (HYPHENS.has(token.text) && glued(tokens[j - 1], token) && glued(token, tokens[j + 1]) && tokens[j - 1]?.type === 'word') continue;
    // "two new 737 Max jets", "63,000 Model 3 sedans": a model number inside the counted noun phrase
    if (token.type === 'num' && (isModelNumber(ctx, j) || (j > i && capitalised(tokens[j - 1]) && tokens[j + 1]?.type === 'word'))) {
      words++;
      afterNames = j + 1;
      continue;
    }
    if (token.type !== 'word') break;
    const lower = token.lower;
    if (j > i && COORDINATORS.has(lower) && capitalised(tokens[j - 1]) && capitalised(tokens[j + 1])) {
      coordinated = true;
      continue;
    }
    // "1,200 dock and harbour workers": nouns of kind joined before a plural head leave the head alone
    const sharedHead = !singular && j > i && COORDINATORS.has(lower) && !capitalised(tokens[j - 1]) ? pluralHeadAfter(ctx, j + 1) : -1;
    if (sharedHead > 0) {
      coordinated = true;
      afterNames = sharedHead;
      continue;
    }
    // the words of a name count as one ("Sea Hawk and Sea Kite ferries")
    if (capitalised(token)) {
      afterNames = j + 1;
      if (j > i && capitalised(tokens[j - 1])) words--;
    }
    if (j > i && !glued(tokens[j - 1], token) && lex.stopWords.has(lower)) break;
    if (j === i && lex.stopWords.has(lower)) break;
    // "bought one last month": a time phrase after the number says when, not what is counted
    if (j === i && ctx.rules.timeDeictics.has(lower) && matchPhrase(lex.units, tokens, j + 1)?.value.time === true) break;
    // "four of five despite two losses": a preposition or another number starts a new phrase
    if ((j > i && lex.numberWords.has(lower)) || isPreposition(lower)) break;
    // a possessive or contraction ("one doesn't", "one narrative's") ends the phrase
    if (/['’]/.test(lower)) break;
    // "one billionaire onstage and …": an adverb of place with no noun after it says where, not what
    // before a noun it only says where ("two overseas trips": 'overseas' is no plural)
    if (ctx.rules.placeAdverbs.has(lower)) {
      if (j > i && !nounWordAfter(ctx, j)) break;
      words++;
      continue;
    }
    words++;
    // "U.S." and other dotted abbreviations are modifiers, and so is a word hyphenated to the next ("gas-only")
    if (lower.includes('.')) continue;
    const hyphenAfter = tokens[j + 1];
    if (hyphenAfter && HYPHENS.has(hyphenAfter.text) && glued(token, hyphenAfter) && glued(hyphenAfter, tokens[j + 2]) && tokens[j + 2]?.type === 'word') continue;
    // "eight more picks", "eight other employees": said of a plural only ("one more time" counts nothing)
    if (ctx.rules.pluralOnlyModifiers.has(lower)) {
      if (singular) break;
      continue;
    }
    const alias = lex.countedAliases.get(lower) ?? lex.countedAliases.get(hyphenated(ctx, j));
    if (alias && alias.unit !== null) return { unit: alias.unit, end: j + 1, ruleIds: [...modifierRules, alias.id, 'pattern.counted-noun'] };
    const irregular = lex.irregularPlurals.get(lower);
    // "40 news outlets": a noun that is its own plural, before another noun, only says what kind it is
    if (irregular && irregular.singular === lower && nounFollows(ctx, j)) {
      modifierRules.push(irregular.row.id);
      continue;
    }
    if (irregular) return { unit: nounPhrase(ctx, i, j, irregular.singular), end: j + 1, ruleIds: [...modifierRules, irregular.row.id, 'pattern.counted-noun'] };
    if (lower.endsWith(ctx.rules.menPlural.plural) && !ctx.rules.menPlural.notPlural.has(lower)) {
      const singularForm = `${lower.slice(0, -ctx.rules.menPlural.plural.length)}${ctx.rules.menPlural.singular}`;
      return { unit: nounPhrase(ctx, i, j, singularForm), end: j + 1, ruleIds: ['pattern.counted-noun'] };
    }
    // "nine CLPS companies", "two United States service members": an acronym's capital S ("CLPS",
    // "NHS") is no plural, nor is the last word of a name before a lower-case plural head
    const plural = looksPlural(lower);
    if (plural && (ACRONYM_ENDING_IN_S.test(token.text) || (j > i && capitalised(token) && capitalised(tokens[j - 1]) && pluralHeadAfter(ctx, j + 1) > 0))) continue;
    // "one steps back", "one man tells": after "one" (and its noun) a plural-looking word is a verb
    if (plural) {
      if (singular && (j === i || firstNoun !== null)) return j === i ? null : singularNoun(ctx, i, firstNoun);
      return { unit: nounPhrase(ctx, coordinated ? afterNames : i, j, singularise(lower)), end: j + 1, ruleIds: [...modifierRules, 'pattern.counted-noun'] };
    }
    // a capitalised word after "one" names something ("One Napa resident", "Xbox One X")
    const nounLike = !/(?:ed|ing|ly)$/.test(lower) && !lex.changeAfter.has(lower) && !/^\p{Lu}/u.test(token.text);
    if (firstNoun === null) {
      if (nounLike) firstNoun = { token, end: j + 1 };
    } else if (singular) {
      // "one gigantic spider", "one new car": the noun phrase runs on to its head, not into a verb ("one official said")
      if (j !== firstNoun.end || !nounLike || isVerb(lower)) break;
      firstNoun = { token, end: j + 1 };
    }
  }
  return singular ? singularNoun(ctx, i, firstNoun) : attributiveNoun(ctx, i);
}

/** The plural noun one or two lower-case words after `at` ("cleaning workers"), or -1. */
function pluralHeadAfter(ctx: ScanContext, at: number): number {
  for (let j = at; j < at + 2; j++) {
    const token = ctx.tokens[j];
    if (!token || token.type !== 'word' || !/^\p{Ll}/u.test(token.text) || ctx.lex.stopWords.has(token.lower)) return -1;
    if (looksPlural(token.lower) || ctx.lex.irregularPlurals.has(token.lower)) return j;
  }
  return -1;
}

/** A word that is not a function word follows token j ("overseas trips", not "overseas and"). */
function nounWordAfter(ctx: ScanContext, j: number): boolean {
  const next = ctx.tokens[j + 1];
  return next !== undefined && next.type === 'word' && !ctx.lex.stopWords.has(next.lower);
}

/** The word after token j is a noun that can head the phrase: a plural or a listed counted noun. */
function nounFollows(ctx: ScanContext, j: number): boolean {
  const next = ctx.tokens[j + 1];
  if (!next || next.type !== 'word' || ctx.lex.stopWords.has(next.lower)) return false;
  if (ctx.text.slice((ctx.tokens[j] as Token).end, next.start).trim() !== '') return false;
  return looksPlural(next.lower) || ctx.lex.irregularPlurals.has(next.lower) || ctx.lex.countedAliases.has(next.lower);
}

/**
 * "a 3 cylinder engine", "a 180 page book": a singular noun between a count and the noun it
 * describes is what is counted (the hyphen of "3-cylinder" left out).
 */
function attributiveNoun(ctx: ScanContext, i: number): { unit: string; end: number; ruleIds: string[] } | null {
  const [counted, described] = [ctx.tokens[i], ctx.tokens[i + 1]];
  if (!counted || !described || counted.type !== 'word' || described.type !== 'word') return null;
  const plainNoun = (token: Token): boolean => /^\p{Ll}+$/u.test(token.text) && !ctx.lex.stopWords.has(token.lower) && !/(?:ed|ing|ly)$/.test(token.lower) && !isVerb(token.lower) && !isPreposition(token.lower) && !ctx.lex.changeAfter.has(token.lower);
  if (!plainNoun(counted) || !plainNoun(described) || ctx.rules.pluralOnlyModifiers.has(counted.lower) || wordLexicon().classes(counted.lower).has('adjective')) return null;
  return { unit: counted.lower, end: i + 1, ruleIds: ['pattern.attributive-noun'] };
}

function singularNoun(ctx: ScanContext, i: number, head: { token: Token; end: number } | null): { unit: string; end: number; ruleIds: string[] } | null {
  // "one similar 3-in-1 charger", "one holistic end-to-end tool": a word followed by more of the
  // phrase (a number, a hyphenated compound) or known only as an adjective is a modifier, not the noun
  if (!head) return null;
  const [after, hyphen] = [ctx.tokens[head.end], ctx.tokens[head.end + 1]];
  const phraseGoesOn = after !== undefined && (after.type === 'num' || (after.type === 'word' && HYPHENS.has(hyphen?.text ?? '') && glued(after, hyphen)));
  if (phraseGoesOn || isAdjective(head.token.lower)) return null;
  return { unit: nounPhrase(ctx, i, head.end - 1, head.token.lower), end: head.end, ruleIds: ['pattern.counted-noun'] };
}

/** A word the lexicon knows as an adjective and not as a noun ("similar", "holistic"). */
function isAdjective(lower: string): boolean {
  const classes = wordLexicon().classes(lower);
  return classes.has('adjective') && !classes.has('noun');
}

/** A word the lexicon knows as a preposition and not as a noun ("despite", "during"). */
function isPreposition(lower: string): boolean {
  const classes = wordLexicon().classes(lower);
  return classes.has('preposition') && !classes.has('noun');
}

/** A word the lexicon knows as a verb and not as a noun ("said", "told"). */
function isVerb(lower: string): boolean {
  const classes = wordLexicon().classes(lower);
  return classes.has('verb') && !classes.has('noun');
}

/**
 * The counted noun with the modifiers between the number and it ("public housing property",
 * "first-team player"): what is counted, not just its head. Dotted abbreviations are left out.
 */
function nounPhrase(ctx: ScanContext, start: number, head: number, headForm: string): string {
  let phrase = '';
  for (let j = start; j < head; j++) {
    const token = ctx.tokens[j] as Token;
    if (token.lower.includes('.') || ctx.rules.notModifiers.has(token.lower)) continue;
    const joined = HYPHENS.has(token.text) || (j > start && HYPHENS.has((ctx.tokens[j - 1] as Token).text));
    const joinedAfter = HYPHENS.has((ctx.tokens[j + 1] as Token | undefined)?.text ?? '');
    if (!joined && !joinedAfter && describes(ctx, token)) continue;
    phrase += phrase === '' || joined ? token.lower : ` ${token.lower}`;
  }
  const joinedHead = head > start && HYPHENS.has((ctx.tokens[head - 1] as Token).text);
  return phrase === '' ? headForm : `${phrase}${joinedHead ? '' : ' '}${headForm}`;
}

/**
 * "two particularly exciting events", "one gigantic spider", "263 daily news organizations": an
 * adverb, or an adjective that says what the things are like, is no part of what is counted. An
 * adjective that says what kind they are ("public housing", "commercial fishermen": made from a
 * noun, -al, -ic, -ary ...) and a noun used as modifier ("news", "ad") narrow what is counted and stay.
 */
function describes(ctx: ScanContext, token: Token): boolean {
  const lower = token.lower;
  // a capitalised word is part of a name ("Premier League players")
  if (capitalised(token)) return false;
  if (ctx.rules.descriptiveModifiers.has(lower)) return true;
  if (ctx.rules.pluralOnlyModifiers.has(lower) || ctx.rules.kindModifiers.has(lower)) return false;
  const classes = wordLexicon().classes(lower);
  if (classes.has('noun') || classes.has('person-noun')) return false;
  if (ADVERB_ENDING.test(lower)) return classes.size === 0 || classes.has('adjective');
  if (classes.has('adjective')) return !CLASSIFYING_ENDINGS.test(lower);
  // words the lexicon does not list: only endings that make qualities alone
  return classes.size === 0 && QUALITY_ENDINGS.test(lower);
}

const ADVERB_ENDING = /^\p{Ll}{3,}ly$/u;
const CLASSIFYING_ENDINGS = /(?:al|ic|ary|ory|ive|ian|an|ese|ish|ar)$/;
const QUALITY_ENDINGS = /^\p{Ll}{3,}(?:ous|ful|less)$/u;

/** "12-member jury": the singular word hyphenated to the number. */
export function readCompoundNoun(ctx: ScanContext, i: number): { unit: string; end: number; ruleIds: string[] } | null {
  const tokens = ctx.tokens;
  const hyphen = tokens[i];
  const word = tokens[i + 1];
  if (!hyphen || !word || !HYPHENS.has(hyphen.text) || !glued(tokens[i - 1], hyphen) || !glued(hyphen, word) || word.type !== 'word') return null;
  // "a 24-hour-old", "three-legged": a participle; but "six-speed", "three-ring", "two-bed" are nouns
  const participle = word.lower.length > 3 && /(?:ed|ing|ly)$/.test(word.lower) && !wordLexicon().classes(word.lower).has('noun');
  if (ctx.lex.stopWords.has(word.lower) || participle) return null;
  const alias = ctx.lex.countedAliases.get(word.lower);
  const unit = alias?.unit ?? (looksPlural(word.lower) ? singularise(word.lower) : word.lower);
  return { unit, end: i + 2, ruleIds: alias ? [alias.id, 'pattern.compound-noun'] : ['pattern.compound-noun'] };
}

export function hyphenated(ctx: ScanContext, j: number): string {
  const tokens = ctx.tokens;
  if (tokens[j - 1] && HYPHENS.has((tokens[j - 1] as Token).text) && tokens[j - 2]?.type === 'word') return `${(tokens[j - 2] as Token).lower} ${(tokens[j] as Token).lower}`;
  return (tokens[j] as Token).lower;
}

/** "two of the victims": the noun of the "of the" phrase. */
export function readCountedOf(ctx: ScanContext, i: number): { unit: string; ruleIds: string[] } | null {
  const tokens = ctx.tokens;
  if (tokens[i]?.lower !== 'of') return null;
  const determiner = tokens[i + 1]?.lower;
  if (!determiner || !ctx.rules.determiners.has(determiner)) return null;
  // "half of its four chances": the group's own count is no part of its noun
  const groupCount = readNumber(tokens, i + 2, ctx.lex);
  // "30 million of the 90 million euros" is an amount of that money, which the unit ellipsis gives it
  if (groupCount && (matchPhrase(ctx.lex.scales, tokens, groupCount.end) || matchPhrase(ctx.lex.currencyWords, tokens, groupCount.end))) return null;
  const counted = readCountedNoun(ctx, groupCount ? groupCount.end : i + 2, false);
  return counted ? { unit: counted.unit, ruleIds: counted.ruleIds } : null;
}

/**
 * "two new 737 Max jets": digits between a count (and its adjectives) and a capitalised word
 * name a model, what the count counts.
 */
export function isModelNumber(ctx: ScanContext, i: number): boolean {
  const tokens = ctx.tokens;
  const next = tokens[i + 1];
  if (!capitalised(next) || (tokens[i] as Token).type !== 'num') return false;
  let j = i - 1;
  for (let skipped = 0; skipped < 2 && tokens[j]?.type === 'word' && /^\p{Ll}/u.test((tokens[j] as Token).text) && !ctx.lex.stopWords.has((tokens[j] as Token).lower) && !ctx.lex.numberWords.has((tokens[j] as Token).lower); skipped++) j--;
  const count = tokens[j];
  // "five 787 Dreamliner sales": a count in words right before the digits needs no adjective between;
  // a count in digits ("400 737 Max jets") only where a lower-case noun ends the name, not in a row of numbers
  if (j === i - 1 && count?.type === 'num' && (tokens[j - 1]?.type === 'num' || !nameEndsInNoun(tokens, i + 1))) return false;
  return count !== undefined && (count.type === 'num' || ctx.lex.numberWords.get(count.lower)?.row.role === 'unit');
}

/** The capitalised words from `start` ("Max", "Dreamliner") are followed by a lower-case word, the noun they name. */
function nameEndsInNoun(tokens: Token[], start: number): boolean {
  let k = start;
  while (capitalised(tokens[k])) k++;
  const after = tokens[k];
  return after?.type === 'word' && /^\p{Ll}/u.test(after.text);
}

const COORDINATORS = new Set(['and', 'or', '&']);

const NOT_PLURAL_ENDINGS = /(?:ss|us|is|ous|'s|’s)$/;

/** An acronym whose last letter is a capital S ("NHS", "GPS"): plurals of acronyms take a lower-case s ("NGOs"). */
const ACRONYM_ENDING_IN_S = /^\p{Lu}+S$/u;

export function looksPlural(word: string): boolean {
  return word.length > 2 && word.endsWith('s') && !NOT_PLURAL_ENDINGS.test(word) && /^\p{L}[\p{L}'’]*$/u.test(word);
}

/** Regular English plural -> singular; irregular ones come from the counted-nouns table. */
export function singularise(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
  if (/[^aeiou]oes$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
