import { nounPlural, verbForms } from '../nlp.js';
import { expandAlternatives } from '../../rules/phrase-alternatives.js';
import { isRecord, isStringArray, loadRuleTable, type RuleRow, type RuleTable } from '../../rules/table.js';

const FRAMES = ['speech', 'belief', 'according', 'finding', 'evidential', 'hearsay', 'question', 'noun', 'source'] as const;
export type CueFrame = (typeof FRAMES)[number];

/** config/attributions/cues.json: cue verbs (base forms, inflected at load) and the frame they take. */
export interface CueRule extends RuleRow {
  frame: CueFrame;
  verbs: string[];
  irregular: Record<string, string[]>;
  /** Every surface form, lower case, multi-word forms space-joined. */
  forms: string[];
  /** Forms far more often nouns ("state", "reports"): cues only right before "that", a quotation or a colon. */
  nounForms: string[];
  /** What must follow: anything (the default), a clause ("that", a quotation, "whether", a pronoun subject), a quotation, an object and "as" ("sees the pier as a landmark"), (intent) a clause or a "to" infinitive ("decided to close"), (linked) nothing, but a linking verb must come before: an adjective of attitude ("is critical of", "was confident that"), (passive) nothing, but a form of "be" must come before: a participle whose agent goes unnamed ("is widely expected to", "was not considered"), which for an appearance or judgement still needs its "to", "as" or predicate after it, or (passive-alone) the same, but the participle of saying reports by itself ("the closure was announced on Monday"), (incurred) a noun of judging as the object of a verb of incurring ("the plan drew criticism from the pilots"), (received) a noun of support as the object of a verb of having or gaining, with its supporters after "of", "from" or "among" ("Roe has the backing of the pilots"), or (person-infinitive) an object naming people and a "to" infinitive of a verb after it ("pressed the council to close the pier"), or (experiencer) an object naming people, who react to the subject ("the levy angered the pilots"). */
  complement: CueComplement;
}

const COMPLEMENTS = ['any', 'clause', 'quote', 'as', 'intent', 'object-infinitive', 'linked', 'passive', 'passive-alone', 'incurred', 'received', 'person-infinitive', 'experiencer'] as const;
export type CueComplement = (typeof COMPLEMENTS)[number];

/** A participle read only after a form of "be", its agent unnamed ("is expected to", "was announced"). */
export function isPassiveComplement(complement: CueComplement): boolean {
  return complement === 'passive' || complement === 'passive-alone';
}

/** config/attributions/speakers.json: head words of speaker noun phrases. */
export interface SpeakerRule extends RuleRow {
  heads: string[];
}

/** config/attributions/non-cues.json: set phrases in which a cue word reports nothing ("hard to say"). */
export interface NonCueRule extends RuleRow {
  /** Lower-case phrases, words space-separated, each containing a cue form; "{a|b}" in the file spells alternatives. */
  phrases: string[];
}

export function nonCueRules(): RuleTable<NonCueRule> {
  return loadRuleTable<NonCueRule>('attributions/non-cues', (row, base) => ({ ...base, phrases: lowerCaseList(row, 'phrases').flatMap(expandAlternatives) }));
}

/** config/attributions/labels.json: capitalised words before a colon that label a section, not a speaker. */
export interface LabelRule extends RuleRow {
  labels: string[];
}

export function labelRules(): RuleTable<LabelRule> {
  return loadRuleTable<LabelRule>('attributions/labels', (row, base) => ({ ...base, labels: lowerCaseList(row, 'labels') }));
}

/** A row's non-empty list of words or phrases, lower-cased. */
function lowerCaseList(row: Record<string, unknown>, field: string): string[] {
  const list = row[field];
  if (!isStringArray(list) || list.length === 0) throw new Error(`"${field}" must be a non-empty string array`);
  return list.map((entry) => entry.toLowerCase());
}

export function cueRules(): RuleTable<CueRule> {
  return loadRuleTable<CueRule>('attributions/cues', (row, base) => {
    if (typeof row.frame !== 'string' || !(FRAMES as readonly string[]).includes(row.frame)) throw new Error(`"frame" must be one of ${FRAMES.join(', ')}`);
    // A noun row lists nouns (with the preposition that opens their object, if any) under "nouns".
    if (row.frame === 'noun') row = { ...row, verbs: row.nouns };
    if (!isStringArray(row.verbs) || row.verbs.length === 0) throw new Error(`"${row.frame === 'noun' ? 'nouns' : 'verbs'}" must be a non-empty string array`);
    const irregularRaw = row.irregular ?? {};
    if (!isRecord(irregularRaw)) throw new Error('"irregular" must be an object of string arrays');
    const irregular: Record<string, string[]> = {};
    for (const [verb, forms] of Object.entries(irregularRaw)) {
      if (!isStringArray(forms)) throw new Error(`"irregular.${verb}" must be a string array`);
      irregular[verb] = forms;
    }
    const nounForms = row.nounForms ?? [];
    if (!isStringArray(nounForms)) throw new Error('"nounForms" must be a string array');
    const complement = row.complement ?? 'any';
    if (typeof complement !== 'string' || !(COMPLEMENTS as readonly string[]).includes(complement)) throw new Error(`"complement" must be one of ${COMPLEMENTS.join(', ')}`);
    const frame = row.frame as CueFrame;
    // "{throw|lend} {his|her|their} support behind": a family of set phrases stays one line of data.
    const verbs = row.verbs.flatMap(expandAlternatives);
    // Adjectives of attitude are listed as they appear ("critical of"): they do not inflect.
    const forms = frame === 'according' || frame === 'evidential' || frame === 'hearsay' || frame === 'source' || complement === 'linked' ? verbs.map((verb) => verb.toLowerCase()) : frame === 'noun' ? verbs.flatMap((noun) => withPlural(noun.toLowerCase())) : verbs.flatMap((verb) => inflect(verb.toLowerCase(), irregular));
    // A question put to someone is read from the passive participle alone ("asked", "pressed").
    const surface = frame === 'question' ? forms.filter((form) => /ed$/.test(form.split(' ')[0] as string)) : forms;
    return { ...base, frame, verbs, irregular, forms: [...new Set(surface)], nounForms: nounForms.map((form) => form.toLowerCase()), complement: complement as CueComplement };
  });
}

const basePresentOf = new WeakMap<RuleTable<CueRule>, ReadonlySet<string>>();

/**
 * The bare present forms of the verb cues ("say", "plan", "warn"): base forms whose past differs
 * ("put", "read" are past forms too, so they are left out).
 */
export function cueBarePresentForms(): ReadonlySet<string> {
  const table = cueRules();
  let forms = basePresentOf.get(table);
  if (!forms) {
    const found = new Set<string>();
    for (const rule of table.rules) {
      if (rule.frame === 'noun' || rule.frame === 'according' || rule.frame === 'evidential' || rule.frame === 'hearsay' || rule.frame === 'source' || rule.complement === 'linked') continue;
      for (const verb of rule.verbs) {
        const head = verb.toLowerCase().split(' ')[0] as string;
        if (verbForms(head).past !== head && !(rule.irregular[head] ?? []).includes(head)) found.add(head);
      }
    }
    forms = found;
    basePresentOf.set(table, forms);
  }
  return forms;
}

/** config/attributions/mind-cues.json: verbs of perception and thought, which report a view only when someone holds it. */
export interface MindCueRule extends RuleRow {
  /** Every inflected form of the row's verbs, lower case. */
  forms: string[];
}

export function mindCueRules(): RuleTable<MindCueRule> {
  return loadRuleTable<MindCueRule>('attributions/mind-cues', (row, base) => {
    const verbs = lowerCaseList(row, 'verbs');
    return { ...base, forms: [...new Set(verbs.flatMap((verb) => inflect(verb, {})))] };
  });
}

export function speakerRules(): RuleTable<SpeakerRule> {
  return loadRuleTable<SpeakerRule>('attributions/speakers', (row, base) => {
    if (!isStringArray(row.heads) || row.heads.length === 0) throw new Error('"heads" must be a non-empty string array');
    return { ...base, heads: row.heads.map((head) => head.toLowerCase()) };
  });
}

/**
 * The inflected forms of a verb (the first word of a phrasal verb carries them): compromise's
 * conjugation ("refer" → "referred", "referring"), the regular guess where compromise only repeats
 * the infinitive ("tweet" → "tweeted"), plus the forms a row lists under `irregular`.
 */
function inflect(verb: string, irregular: Record<string, string[]>): string[] {
  const [head = verb, ...rest] = verb.split(' ');
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  const conjugated = verbForms(head);
  const regular = regularForms(head);
  const forms = new Set<string>([head]);
  forms.add(conjugated.present === head ? regular.present : conjugated.present);
  forms.add(conjugated.gerund === head ? regular.gerund : conjugated.gerund);
  const extra = irregular[head] ?? irregular[verb];
  // Listed past forms replace a guessed one ("said", not "sayed").
  const listsPast = extra?.some((form) => !form.endsWith('ing')) ?? false;
  if (conjugated.past !== head) forms.add(conjugated.past);
  else if (!listsPast) forms.add(regular.past);
  if (conjugated.participle) forms.add(conjugated.participle);
  const phrases = (extra ?? []).filter((form) => form.includes(' '));
  for (const form of extra ?? []) if (!form.includes(' ')) forms.add(form);
  // A listed form with spaces is a whole phrase ("spoke about") and takes no second particle.
  return [...[...forms].map((form) => `${form}${tail}`), ...phrases];
}

/** A noun cue and its plural ("criticism of", "criticisms of"); the preposition stays. */
function withPlural(noun: string): string[] {
  const [head = noun, ...rest] = noun.split(' ');
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  return [...new Set([noun, `${nounPlural(head)}${tail}`])];
}

/** Regular English inflection: "-s"/"-es"/"-ies", "-ed"/"-d"/"-ied", "-ing". */
function regularForms(head: string): { present: string; past: string; gerund: string } {
  if (/[^aeiou]y$/.test(head)) return { present: `${head.slice(0, -1)}ies`, past: `${head.slice(0, -1)}ied`, gerund: `${head}ing` };
  if (/e$/.test(head)) return { present: `${head}s`, past: `${head}d`, gerund: `${head.slice(0, -1)}ing` };
  if (/(s|sh|ch|x|z)$/.test(head)) return { present: `${head}es`, past: `${head}ed`, gerund: `${head}ing` };
  // A short verb ending in one vowel and a consonant doubles it: "slam" → "slammed", "slamming".
  const doubled = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(head) ? head + head.slice(-1) : head;
  return { present: `${head}s`, past: `${doubled}ed`, gerund: `${doubled}ing` };
}
