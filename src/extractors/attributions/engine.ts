import { wordLexicon, type WordLexicon } from '../nlp.js';
import { cueRules, isPassiveComplement, labelRules, nonCueRules, speakerRules, type CueComplement, type CueFrame } from './rules.js';

export interface CueForm {
  words: string[];
  frame: CueFrame;
  ruleId: string;
  /** Usually a noun: a cue only right before "that", a quotation or a colon. */
  nounForm: boolean;
  complement: CueComplement;
  /** An adverb stood inside the phrase, of manner ("spoke briefly about") or degree ("talked more about"): the words hold it, so the cue span covers it. */
  adverbInside?: 'manner' | 'degree';
  /** Who was talked to stands inside the phrase: "talked to reporters about" (span.addressee-in-phrasal-cue). */
  addresseeInside?: boolean;
}

/** A set phrase around a cue word: `offset` is where that word sits in it. */
export interface NonCuePhrase {
  words: string[];
  offset: number;
  ruleId: string;
}

export interface AttributionEngine {
  lexicon: WordLexicon;
  cues: Map<string, CueForm[]>;
  /** Cues that are not verbs (nouns such as "criticism of", "in" before a poll or statement), kept apart: elsewhere these are plain words. */
  phraseCues: Map<string, CueForm[]>;
  nonCues: Map<string, NonCuePhrase[]>;
  /** Lower-case section labels ("update", "related") and the rule that lists each. */
  speakerLabelsNot: Map<string, string>;
  speakerHeads: Map<string, string>;
  /** Position of each speaker rule in its table: where a phrase has heads of two rows, the earlier row names it. */
  speakerRuleOrder: Map<string, number>;
}

let engine: AttributionEngine | undefined;

export function loadEngine(): AttributionEngine {
  if (engine) return engine;
  const cues = new Map<string, CueForm[]>();
  const phraseCues = new Map<string, CueForm[]>();
  for (const rule of cueRules().rules) {
    const nounForms = new Set(rule.nounForms);
    const table = rule.frame === 'noun' || rule.frame === 'source' ? phraseCues : cues;
    for (const form of rule.forms) {
      const words = form.split(' ');
      const first = words[0] as string;
      const list = table.get(first) ?? [];
      list.push({ words, frame: rule.frame, ruleId: rule.id, nounForm: nounForms.has(form), complement: rule.complement });
      table.set(first, list);
    }
  }
  // Longest first; a question frame, or a participle read as an unnamed passive ("is expected to"),
  // is tried before the active reading of the same word (a stable sort, so equal forms keep the table's order).
  const readFirst = (form: CueForm): number => Number(form.frame === 'question' || isPassiveComplement(form.complement));
  for (const table of [cues, phraseCues]) {
    for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length || readFirst(b) - readFirst(a));
  }
  const speakerHeads = new Map<string, string>();
  const speakerRuleOrder = new Map<string, number>();
  speakerRules().rules.forEach((rule, order) => {
    speakerRuleOrder.set(rule.id, order);
    for (const head of rule.heads) if (!speakerHeads.has(head)) speakerHeads.set(head, rule.id);
  });
  const nonCues = new Map<string, NonCuePhrase[]>();
  for (const rule of nonCueRules().rules) {
    for (const phrase of rule.phrases) {
      const words = phrase.split(' ');
      words.forEach((word, offset) => {
        if (!cues.has(word)) return;
        const list = nonCues.get(word) ?? [];
        list.push({ words, offset, ruleId: rule.id });
        nonCues.set(word, list);
      });
    }
  }
  const speakerLabelsNot = new Map<string, string>();
  for (const rule of labelRules().rules) for (const label of rule.labels) speakerLabelsNot.set(label, rule.id);
  engine = { lexicon: wordLexicon(), cues, phraseCues, nonCues, speakerLabelsNot, speakerHeads, speakerRuleOrder };
  return engine;
}

