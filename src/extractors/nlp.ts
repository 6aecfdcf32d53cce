import { createRequire } from 'node:module';

/**
 * The one place that imports compromise. Its tagger runs at ~10k words/s, too slow to run over
 * every article, so we read its lexicon (first names, places, organisations, demonyms and the
 * parts of speech of common words) once and answer word look-ups from plain maps.
 */

export type LexiconClass = 'first-name' | 'last-name' | 'place' | 'country' | 'organization' | 'demonym' | 'plural-demonym' | 'common' | 'verb' | 'adjective' | 'preposition' | 'pronoun' | 'date-word' | 'honorific' | 'noun' | 'gerund' | 'male-name' | 'female-name' | 'person-noun' | 'verb-reading' | 'past-tense' | 'past-reading';

/** What we use of compromise: its model (lexicon, word lists) and its conjugator. */
interface Compromise {
  model(): CompromiseModel;
  world(): VerbConjugator;
}

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown>; switches: Record<string, string> };
}

const NAME_TAGS: ReadonlyMap<string, LexiconClass> = new Map([
  ['FirstName', 'first-name'],
  ['MaleName', 'first-name'],
  ['FemaleName', 'first-name'],
  ['LastName', 'last-name'],
  ['Country', 'place'],
  ['City', 'place'],
  ['Region', 'place'],
  ['Place', 'place'],
  ['Organization', 'organization'],
  ['SportsTeam', 'organization'],
  ['Demonym', 'demonym'],
  ['Month', 'date-word'],
  ['WeekDay', 'date-word'],
  ['Date', 'date-word'],
  ['Honorific', 'honorific'],
]);

/** Tags of everyday words: a capitalised one at a sentence start is not a name. */
const COMMON_TAGS = new Set([
  'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'Adjective', 'Gerund', 'PastTense', 'PresentTense', 'Infinitive',
  'Participle', 'Modal', 'Copula', 'QuestionWord', 'Negative', 'Possessive', 'Reflexive', 'Expression', 'Comparative', 'Superlative',
  'Plural', 'Singular', 'Uncountable', 'Noun', 'Verb', 'Condition', 'Cardinal', 'Ordinal', 'TextValue', 'PhrasalVerb', 'Actor', 'Unit', 'Duration',
]);

const VERB_TAGS = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Copula', 'Modal', 'PhrasalVerb']);

export interface WordLexicon {
  classes(lowerWord: string): ReadonlySet<LexiconClass>;
  /** Classes of a multi-word name ("south korea", "new york"), lower case, single spaces. */
  phraseClasses(lowerPhrase: string): ReadonlySet<LexiconClass>;
  isOrgHeadWord(lowerWord: string): boolean;
  isPlaceHeadWord(lowerWord: string): boolean;
}

let shared: WordLexicon | undefined;

export function wordLexicon(): WordLexicon {
  if (shared) return shared;
  const model = compromise().model();
  const byWord = new Map<string, Set<LexiconClass>>();
  const byPhrase = new Map<string, Set<LexiconClass>>();
  const infinitives: string[] = [];
  for (const [word, tagOrTags] of Object.entries(model.one.lexicon)) {
    const tags = Array.isArray(tagOrTags) ? tagOrTags : [tagOrTags];
    if (word.includes(' ')) {
      const classes = new Set<LexiconClass>();
      for (const tag of tags) {
        const named = NAME_TAGS.get(tag);
        if (named === 'place' || named === 'organization') classes.add(named);
        if (tag === 'Country') classes.add('country');
      }
      if (classes.size > 0) byPhrase.set(word, classes);
      continue;
    }
    const classes = new Set<LexiconClass>();
    for (const tag of tags) {
      const named = NAME_TAGS.get(tag);
      if (tag === 'Country') classes.add('country');
      if (named) classes.add(named);
      else if (COMMON_TAGS.has(tag)) classes.add('common');
      if (VERB_TAGS.has(tag)) classes.add('verb');
      if (tag === 'Pronoun') classes.add('pronoun');
      if (tag === 'Adjective' || tag === 'Comparative' || tag === 'Superlative') classes.add('adjective');
      if (tag === 'Preposition') classes.add('preposition');
      if (tag === 'Singular' || tag === 'Plural' || tag === 'Uncountable' || tag === 'Noun') classes.add('noun');
      if (tag === 'Gerund') classes.add('gerund');
      // "made", "went": a past form that no ending shows.
      if (tag === 'PastTense') classes.add('past-tense');
      // "composer", "singer": nouns for people, which say what a name next to them is.
      if (tag === 'Actor') classes.add('person-noun');
      if (tag === 'MaleName') classes.add('male-name');
      if (tag === 'FemaleName') classes.add('female-name');
    }
    if (classes.size > 0) byWord.set(word, classes);
    if (tags.includes('Infinitive')) infinitives.push(word);
  }
  // "Americans", "Thais": the plural of a listed demonym names a people. Compromise also tags a
  // few country names ending in s ("Philippines") as plural demonyms; those have no singular.
  for (const [word, classes] of byWord) {
    if (!classes.has('demonym') || word.endsWith('s')) continue;
    const plural = byWord.get(`${word}s`) ?? new Set<LexiconClass>();
    plural.add('plural-demonym');
    plural.delete('common');
    byWord.set(`${word}s`, plural);
  }
  // "drew", "built", "sought": compromise files a few past tenses under another class (a first
  // name, a participle); its conjugator gives them back as the past of a listed verb. A past that
  // also reads as an adjective ("involved", "left") keeps that reading alone, so a noun phrase it
  // qualifies ("a lawyer involved in the case") is not cut at it.
  for (const word of infinitives) {
    const past = verbForms(word).past;
    const classes = byWord.get(past) ?? new Set<LexiconClass>();
    if (past === word || past.includes(' ')) continue;
    // ("left", "lost", "shut" are still verbs where the position says so: callers test 'past-reading'.)
    if (classes.has('adjective')) {
      classes.add('past-reading');
      byWord.set(past, classes);
      continue;
    }
    classes.add('verb');
    classes.add('past-tense');
    byWord.set(past, classes);
  }
  // "impact", "costs": a noun that compromise knows can also be a verb; its tagger picks one from
  // the words around it, so callers test 'verb-reading' only where the position says verb.
  for (const [word, readings] of Object.entries(model.two.switches)) {
    if (readings !== 'Noun|Verb' && readings !== 'Plural|Verb') continue;
    const classes = byWord.get(word) ?? new Set<LexiconClass>();
    if (!classes.has('verb')) classes.add('verb-reading');
    byWord.set(word, classes);
    // "rose", "wound": the past of such a verb may be filed as a noun only; where the position says verb it is the past.
    if (readings !== 'Noun|Verb') continue;
    const past = verbForms(word).past;
    const pastClasses = byWord.get(past);
    if (pastClasses !== undefined && past !== word && !past.includes(' ') && !pastClasses.has('verb')) pastClasses.add('past-reading');
  }
  const empty: ReadonlySet<LexiconClass> = new Set();
  const orgWords = new Set(Object.keys(model.two.orgWords));
  const placeWords = new Set(Object.keys(model.two.placeWords));
  shared = {
    classes: (lowerWord) => byWord.get(lowerWord) ?? empty,
    phraseClasses: (lowerPhrase) => byPhrase.get(lowerPhrase) ?? empty,
    isOrgHeadWord: (lowerWord) => orgWords.has(lowerWord),
    isPlaceHeadWord: (lowerWord) => placeWords.has(lowerWord),
  };
  return shared;
}

interface VerbConjugator {
  methods: { two: { transform: { verb: { conjugate(infinitive: string, model: unknown): Record<string, string | undefined> }; noun: { toPlural(singular: string, model: unknown): string } } } };
  model: unknown;
}

let held: WeakRef<Compromise> | undefined;

/**
 * compromise, for the word maps and rule tables built from it (on the first article); after
 * that its model would hold about 7 MB of heap for nothing. It comes from its CommonJS build,
 * which a module record does not pin, and is held weakly: the first collection after a build
 * frees it, and a table built later loads it again.
 */
function compromise(): Compromise {
  const loaded = held?.deref();
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const nlp = require('compromise') as Compromise;
  // Out of the require cache, so that the weak reference is the only one left.
  delete require.cache[require.resolve('compromise')];
  held = new WeakRef(nlp);
  return nlp;
}

/** The plural compromise gives for an English noun ("criticism" → "criticisms"). */
export function nounPlural(singular: string): string {
  const world = compromise().world();
  return world.methods.two.transform.noun.toPlural(singular, world.model);
}

/**
 * The inflected forms compromise's conjugator gives for an English verb: past tense, present
 * third person, gerund and participle (the infinitive included). Where it has no separate form
 * for a slot it repeats the infinitive ("quip" as past tense), which callers can detect.
 */
export function verbForms(infinitive: string): { past: string; present: string; gerund: string; participle: string | undefined } {
  const world = compromise().world();
  const forms = world.methods.two.transform.verb.conjugate(infinitive, world.model);
  return { past: forms.PastTense ?? infinitive, present: forms.PresentTense ?? infinitive, gerund: forms.Gerund ?? infinitive, participle: forms.Participle };
}
