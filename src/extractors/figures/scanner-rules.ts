import { isRecord, isStringArray } from '../../rules/table.js';
import type { Lexicon } from './lexicon.js';
import { tokenize } from './tokens.js';

/** The rule parameters the scanner consults, read from the lexicon once rather than for every text. */
export interface ScannerRules {
  yearMin: number;
  yearMax: number;
  /** Words after which four digits are a year whatever follows: prepositions ("in 2019"), "fiscal", possessive determiners ("your 2020 costume"). */
  yearPrepositions: ReadonlySet<string>;
  /** "the 2016 elections": plurals that after a year name what it held */
  yearNouns: ReadonlySet<string>;
  months: ReadonlySet<string>;
  capitalisedMonths: ReadonlySet<string>;
  timeMarkers: ReadonlySet<string>;
  ordinalSuffixes: ReadonlySet<string>;
  decadeSuffixes: ReadonlySet<string>;
  nameLabels: ReadonlySet<string>;
  /** Numbers that with a glued k and nothing counted name a video resolution ("4k"). */
  resolutionKs: ReadonlySet<number>;
  /** Line counts that with a glued p name a video resolution ("1080p"), not pence. */
  resolutionPs: ReadonlySet<number>;
  /** Units that, hyphenated to a number before a noun, name a class of thing ("a 64-bit version"). */
  labelUnits: ReadonlySet<string>;
  /** -er nouns that, hyphenated to a number, name one thing ("3-pointer"). */
  numberedThings: ReadonlySet<string>;
  streetWords: ReadonlySet<string>;
  countedWindow: number;
  anaphoraDistance: number;
  pronounOneAfter: ReadonlySet<string>;
  /** "only one": a pronoun unless a counted noun follows */
  pronounOneUnlessCounted: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  rangeSeparators: ReadonlySet<string>;
  rangeOpener: string;
  rangeJoiner: string;
  rangeNotAfter: ReadonlySet<string>;
  rangeVerbs: ReadonlySet<string>;
  /** "±", "+/-": the signs of a margin either side of a value, each as its glued tokens */
  marginSigns: readonly string[][];
  /** A range's low end in a plain unit takes the high end's refined one ("70°–85° Fahrenheit"): refined unit -> plain unit. */
  rangeRefinedUnits: ReadonlyMap<string, string>;
  placeAdverbs: ReadonlySet<string>;
  ageCopula: { subjects: ReadonlySet<string>; verbs: ReadonlySet<string>; modals: ReadonlySet<string>; notBefore: ReadonlySet<string> };
  conjunctions: ReadonlySet<string>;
  /** "20 or 30 people": conjunctions of alternatives, whose first number counts what the second does */
  countedAlternatives: ReadonlySet<string>;
  /** "from Python 2 to 3": words that join a name's version to a later one, as a conjunction joins a list. */
  versionLinks: ReadonlySet<string>;
  minusSigns: ReadonlySet<string>;
  minusWords: ReadonlySet<string>;
  /** "tested negative 3 times": words after which a minus word is a result, not a sign */
  minusWordNotAfter: ReadonlySet<string>;
  rateSkip: ReadonlySet<string>;
  serviceNumbers: { numbers: ReadonlySet<string>; before: ReadonlySet<string>; after: ReadonlySet<string> };
  scoreBefore: ReadonlySet<string>;
  /** Words after which three digits dashed to a number name a model's series ("the 737-800"). */
  seriesBefore: ReadonlySet<string>;
  scoreAfter: ReadonlySet<string>;
  ratingWords: ReadonlySet<string>;
  /** The top of a rating scale: "4 stars" is a grade, "50 stars" a count */
  maxRating: number;
  /** "4.5/5", "Verdict: 8/10": the tops of rating scales written after a slash, and the words that announce a grade */
  ratingScales: ReadonlySet<number>;
  ratingBefore: ReadonlySet<string>;
  /** "aged", "age of": the words, each phrase as its lower-case words, that make the number after them an age */
  agePhrases: readonly string[][];
  /** "0-60 mph": the speed units whose span from zero names a sprint */
  benchmarkSpeeds: ReadonlySet<string>;
  ageUnit: string;
  maxAge: number;
  notModifiers: ReadonlySet<string>;
  /** Adjectives the word lexicon does not list, left out of a counted noun phrase. */
  descriptiveModifiers: ReadonlySet<string>;
  /** Adjectives that say which things are counted ("new cases", "young people"): kept in the counted noun. */
  kindModifiers: ReadonlySet<string>;
  /** Words that make a time unit after them a time phrase ("last month"), not a counted noun. */
  timeDeictics: ReadonlySet<string>;
  /** "more", "other": modifiers of a plural counted noun, never of a singular one */
  pluralOnlyModifiers: ReadonlySet<string>;
  ellipsis: { after: ReadonlySet<string>; adjacentOnly: ReadonlySet<string>; levelAfterChange: ReadonlySet<string>; before: ReadonlySet<string>; beforeDeterminers: ReadonlySet<string>; notBefore: ReadonlySet<string>; maxDistance: number };
  /** "fishermen" -> "fisherman": the -men plural of -man compounds, with the singular words that only look like one */
  menPlural: { plural: string; singular: string; notPlural: ReadonlySet<string> };
  subunitsPerUnit: number;
  /** "cents", "pence": subunits written without their currency, which join any amount before them */
  plainSubunits: ReadonlySet<string>;
  /** "15 dollars 50 each": words after a bare subunit that close the amount */
  compoundClosers: ReadonlySet<string>;
  /** "foot>inch" -> 12: how many of the smaller unit make the larger one */
  compoundPairs: ReadonlyMap<string, number>;
  /** "20 (kg)": the closing bracket of each opening one around a unit */
  unitBrackets: ReadonlyMap<string, string>;
  /** "one in five", "seven out of 10": the words joining a proportion's two numbers, and those that join only common proportions */
  ratio: { joiners: string[][]; loose: ReadonlySet<string>; maxLooseDenominator: number };
  /** "km^2", "km cubed": the exponent sign, the prefix of each power and word, the units that take them */
  power: {
    sign: string;
    byExponent: ReadonlyMap<string, string>;
    byWord: ReadonlyMap<string, string>;
    /** "²", "³" glued to a denominator ("m/s²") */
    bySuperscript: ReadonlyMap<string, string>;
    units: ReadonlySet<string>;
    /** Units a rate's denominator raises to a power ("per square second") */
    denominators: ReadonlySet<string>;
  };
}

const rulesByLexicon = new WeakMap<Lexicon, ScannerRules>();

export function scannerRules(lex: Lexicon): ScannerRules {
  let rules = rulesByLexicon.get(lex);
  if (rules) return rules;
  const year = lex.rejection('reject.year').params;
  const date = lex.rejection('reject.date').params;
  const countedNoun = lex.pattern('pattern.counted-noun').params;
  const window = countedNoun.window;
  const distance = lex.pattern('pattern.rate-anaphora').params.maxDistance;
  const range = lex.pattern('pattern.range').params;
  const negative = lex.pattern('pattern.negative').params;
  const compound = lex.pattern('pattern.compound-amount').params;
  const ellipsis = lex.pattern('pattern.unit-ellipsis').params;
  const score = lex.rejection('reject.score').params;
  const service = lex.rejection('reject.service-number').params;
  const apposition = lex.rejection('reject.age-apposition').params;
  const power = lex.pattern('pattern.unit-power').params;
  const ratio = lex.pattern('pattern.ratio').params;
  const ageCopula = lex.pattern('pattern.age-copula').params;
  const rating = lex.rejection('reject.rating').params;
  const pronounOne = lex.pattern('pattern.pronoun-one').params;
  rules = {
    yearMin: typeof year.min === 'number' ? year.min : 1800,
    yearMax: typeof year.max === 'number' ? year.max : 2100,
    yearPrepositions: new Set([...stringList(year.prepositions), ...stringList(year.possessives)]),
    yearNouns: new Set(stringList(year.yearNouns)),
    months: new Set(stringList(date.months)),
    capitalisedMonths: new Set(stringList(date.capitalisedOnly)),
    timeMarkers: new Set(stringList(lex.rejection('reject.time').params.markers)),
    ordinalSuffixes: new Set(stringList(lex.rejection('reject.ordinal').params.suffixes)),
    decadeSuffixes: new Set(stringList(lex.rejection('reject.decade').params.suffixes)),
    nameLabels: new Set(stringList(lex.rejection('reject.name').params.labels)),
    versionLinks: new Set(stringList(lex.rejection('reject.name').params.versionLinks)),
    resolutionKs: new Set(numberList(lex.rejection('reject.identifier').params.resolutionKs)),
    resolutionPs: new Set(numberList(lex.rejection('reject.identifier').params.resolutionPs)),
    labelUnits: new Set(stringList(lex.rejection('reject.identifier').params.labelUnits)),
    numberedThings: new Set(stringList(lex.rejection('reject.numbered-thing').params.nouns)),
    streetWords: new Set(stringList(lex.rejection('reject.address').params.streetWords)),
    countedWindow: typeof window === 'number' ? window : 4,
    anaphoraDistance: typeof distance === 'number' ? distance : 400,
    pronounOneAfter: new Set(stringList(pronounOne.before)),
    pronounOneUnlessCounted: new Set(stringList(pronounOne.unlessCounted)),
    determiners: new Set(stringList(lex.pattern('pattern.counted-of').params.determiners)),
    rangeSeparators: new Set(stringList(range.separators)),
    rangeOpener: typeof range.opener === 'string' ? range.opener : 'between',
    rangeJoiner: typeof range.joiner === 'string' ? range.joiner : 'and',
    rangeNotAfter: new Set(stringList(range.notAfter)),
    rangeRefinedUnits: new Map(stringRecord(range.refinedUnits)),
    rangeVerbs: new Set(stringList(range.verbs)),
    marginSigns: stringList(lex.pattern('pattern.margin').params.signs).map((sign) => tokenize(sign).map((token) => token.text)),
    conjunctions: new Set(stringList(lex.pattern('pattern.coordinated-unit').params.conjunctions)),
    countedAlternatives: new Set(stringList(lex.pattern('pattern.coordinated-unit').params.countedAlternatives)),
    minusSigns: new Set(stringList(negative.signs)),
    minusWords: new Set(stringList(negative.words)),
    minusWordNotAfter: new Set(stringList(negative.notAfter)),
    rateSkip: new Set(lex.tables.rates.rules.flatMap((row) => stringList(row.skip))),
    serviceNumbers: { numbers: new Set(stringList(service.numbers)), before: new Set(stringList(service.before)), after: new Set(stringList(service.after)) },
    scoreBefore: new Set(stringList(score.before)),
    seriesBefore: new Set(stringList(lex.rejection('reject.model-series').params.before)),
    scoreAfter: new Set(stringList(score.after)),
    ratingWords: new Set(stringList(rating.words)),
    maxRating: numberParam(rating.maxRating, 5),
    ratingScales: new Set(numberList(rating.scales)),
    ratingBefore: new Set(stringList(rating.before)),
    agePhrases: stringList(lex.pattern('pattern.age').params.before).map((phrase) => phrase.split(' ')),
    ageCopula: {
      subjects: new Set(stringList(ageCopula.subjects)),
      verbs: new Set(stringList(ageCopula.verbs)),
      modals: new Set(stringList(ageCopula.modals)),
      notBefore: new Set(stringList(ageCopula.notBefore)),
    },
    benchmarkSpeeds: new Set(stringList(lex.rejection('reject.speed-benchmark').params.units)),
    ageUnit: lex.tables.units.byId.get('unit.year-of-age')?.unit ?? 'year of age',
    maxAge: typeof apposition.maxAge === 'number' ? apposition.maxAge : 120,
    notModifiers: new Set(stringList(countedNoun.notModifiers)),
    descriptiveModifiers: new Set(stringList(countedNoun.descriptiveModifiers)),
    kindModifiers: new Set(stringList(countedNoun.kindModifiers)),
    timeDeictics: new Set(stringList(countedNoun.timeDeictics)),
    pluralOnlyModifiers: new Set(stringList(countedNoun.pluralOnlyModifiers)),
    placeAdverbs: new Set(stringList(countedNoun.placeAdverbs)),
    unitBrackets: new Map(stringRecord(lex.pattern('pattern.bracketed-unit').params.brackets)),
    ratio: {
      joiners: stringList(ratio.joiners).map((joiner) => joiner.split(' ')),
      loose: new Set(stringList(ratio.loose)),
      maxLooseDenominator: numberParam(ratio.maxLooseDenominator, 5),
    },
    power: {
      sign: typeof power.exponentSign === 'string' ? power.exponentSign : '^',
      byExponent: new Map(stringRecord(power.powers)),
      byWord: new Map(stringRecord(power.words)),
      bySuperscript: new Map(stringRecord(power.superscripts)),
      units: new Set(stringList(power.units)),
      denominators: new Set([...stringList(power.units), ...stringList(power.denominators)]),
    },
    ellipsis: {
      after: new Set(stringList(ellipsis.after)),
      adjacentOnly: new Set(stringList(ellipsis.adjacentOnly)),
      levelAfterChange: new Set(stringList(ellipsis.levelAfterChange)),
      before: new Set(stringList(ellipsis.before)),
      beforeDeterminers: new Set(stringList(ellipsis.beforeDeterminers)),
      notBefore: new Set(stringList(ellipsis.notBefore)),
      maxDistance: typeof ellipsis.maxDistance === 'number' ? ellipsis.maxDistance : 80,
    },
    menPlural: menPluralRule(countedNoun.menPlural),
    subunitsPerUnit: typeof compound.subunitsPerUnit === 'number' ? compound.subunitsPerUnit : 100,
    plainSubunits: new Set(stringList(compound.plainSubunits)),
    compoundClosers: new Set(stringList(compound.closers)),
    compoundPairs: new Map(compoundPairs(compound.pairs)),
  };
  rulesByLexicon.set(lex, rules);
  return rules;
}

function menPluralRule(value: unknown): ScannerRules['menPlural'] {
  if (!isRecord(value) || typeof value.plural !== 'string' || typeof value.singular !== 'string') return { plural: '\u0000', singular: '', notPlural: new Set() };
  return { plural: value.plural, singular: value.singular, notPlural: new Set(stringList(value.notPlural)) };
}

/** [{larger, smaller, factor}] rows of pattern.compound-amount as "larger>smaller" -> factor. */
function compoundPairs(value: unknown): [string, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row: unknown): [string, number][] => {
    if (!isRecord(row) || typeof row.larger !== 'string' || typeof row.smaller !== 'string' || typeof row.factor !== 'number') return [];
    return [[`${row.larger}>${row.smaller}`, row.factor]];
  });
}

function numberParam(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function numberList(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
}

function stringList(value: unknown): string[] {
  return isStringArray(value) ? value : [];
}

/** The string-valued entries of a record parameter ({"2": "square"}). */
function stringRecord(value: unknown): [string, string][] {
  if (!isRecord(value)) return [];
  return Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

