import type { Attribution } from '../../model/claim.js';
import type { Token } from '../text/tokens.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import { mindCueRules } from './rules.js';
import type { Reading } from './reading.js';

/**
 * Verbs of perception and thought ("feel", "know", "recognise") report someone's view only when
 * their subject can hold one. "The camera recognises faces", "It feels like a toy", "Walking home,
 * I felt …" read as the thing's behaviour or the writer's mood; config/attributions/mind-cues.json
 * lists the verbs.
 */

interface MindCueTable {
  ruleIdOf: Map<string, string>;
  agentNouns: Set<string>;
}

let table: MindCueTable | undefined;

function mindCues(): MindCueTable {
  if (table) return table;
  const ruleIdOf = new Map<string, string>();
  const agentNouns = new Set<string>();
  for (const rule of mindCueRules().rules) {
    for (const form of rule.forms) if (!ruleIdOf.has(form)) ruleIdOf.set(form, rule.id);
    for (const noun of rule.agentNouns) agentNouns.add(noun);
  }
  table = { ruleIdOf, agentNouns };
  return table;
}

/** Pronouns that stand for a thing, a situation or nothing at all. */
const THING_PRONOUNS = new Set(['it', 'this', 'that', 'which', 'there', 'what']);
/** Pronouns for people. */
const PERSON_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'who', 'whom', 'one', 'him', 'her', 'them', 'us', 'me', "he's", "she's", "they're", "we're", "i'm", "you're", "i've", "we've", "they've", "you've", "i'd", "we'd", "they'd", "he'd", "she'd"]);
/** Where the head of a subject phrase ends: "the makers of the game", "the fans in the stands". */
const HEAD_ENDS = new Set(['of', ',', 'who', 'that', 'which', 'in', 'at', 'from', 'with', 'for', 'on', 'to', 'like', 'across', 'around', '(', '—', '–']);

/** The id of the mind-cues row that rules the attribution out, if its cue needs a mind its speaker lacks. */
export function mindlessSpeakerRule(ctx: Reading, attribution: Attribution): string | undefined {
  const { cue, speaker } = attribution;
  if (!cue || !speaker) return undefined;
  const ruleId = mindCues().ruleIdOf.get(cue.text.toLowerCase().split(/\s+/)[0] ?? '');
  if (!ruleId) return undefined;
  const { tokens } = ctx;
  const first = firstStartingAtOrAfter(tokens, speaker.start);
  const end = firstStartingAtOrAfter(tokens, speaker.end);
  if (first >= end) return undefined;
  const opening = tokens[first] as Token;
  if (end - first === 1 && THING_PRONOUNS.has(opening.lower)) return ruleId;
  if (attribution.speakerActorId !== undefined) return undefined;
  // "Sitting in my bedroom, I …": a participle phrase read as the subject.
  if (/ing$/.test(opening.lower) && isParticiple(ctx, opening.lower)) return ruleId;
  return hasAgentHead(ctx, first, end) ? undefined : ruleId;
}

function isParticiple(ctx: Reading, lowerWord: string): boolean {
  const classes = ctx.state.lexicon.classes(lowerWord);
  return !classes.has('noun') && !classes.has('person-noun') && !ctx.state.speakerHeads.has(lowerWord);
}

/** Whether the subject phrase names someone: a pronoun for people, a capitalised name, or a word for people or an organisation. */
function hasAgentHead(ctx: Reading, first: number, end: number): boolean {
  const { tokens, state } = ctx;
  let headEnd = end;
  for (let index = first + 1; index < end; index++) {
    if (HEAD_ENDS.has((tokens[index] as Token).lower)) {
      headEnd = index;
      break;
    }
  }
  const agentNouns = mindCues().agentNouns;
  for (let index = first; index < headEnd; index++) {
    const token = tokens[index] as Token;
    if (token.kind !== 'word') continue;
    if (PERSON_PRONOUNS.has(token.lower) || agentNouns.has(token.lower)) return true;
    // A capitalised word other than the sentence's first: a name ("the Smiths", "Acme's staff").
    if (token.capitalized && index > ctx.currentSentenceStart) return true;
    const speakerRule = state.speakerHeads.get(token.lower);
    if (speakerRule !== undefined && speakerRule !== 'speaker.document') return true;
    const classes = state.lexicon.classes(token.lower);
    if (classes.has('person-noun') || classes.has('first-name') || classes.has('last-name') || classes.has('demonym') || classes.has('plural-demonym') || state.lexicon.isOrgHeadWord(token.lower)) return true;
  }
  // A capitalised first word that is not an everyday word: a name opening the sentence.
  const opening = tokens[first] as Token;
  return opening.capitalized && !state.lexicon.classes(opening.lower).has('common');
}

/**
 * The attribution, or null (logged as rejected) when its perception or thought cue has a subject
 * that cannot hold a view. `linkedBefore` is how many speakers were linked before it was read:
 * a rejected speaker does not stand for a later "he" or "it".
 */
export function keepIfSpeakerHasMind(ctx: Reading, attribution: Attribution, linkedBefore: number): Attribution | null {
  const ruleId = mindlessSpeakerRule(ctx, attribution);
  if (!ruleId || !attribution.cue) return attribution;
  ctx.rejected.push({ ...attribution.cue, layer: 'attribution', reason: 'a verb of perception or thought whose subject is a thing, not anyone holding a view', ruleId });
  ctx.linkedSpeakers.length = Math.min(ctx.linkedSpeakers.length, linkedBefore);
  return null;
}
