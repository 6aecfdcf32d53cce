import type { Attribution } from '../../model/claim.js';
import type { Token } from '../text/tokens.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import { mindCueRules } from './rules.js';
import type { Reading } from './reading.js';
import { AUXILIARIES } from './word-lists.js';

/**
 * Verbs of perception and thought ("feel", "know", "recognise") report someone's view only when
 * their subject can hold one. "The camera recognises faces", "It feels like a toy", "Walking home,
 * I felt …" read as the thing's behaviour or the writer's mood; config/attributions/mind-cues.json
 * lists the verbs.
 */

interface MindCueTable {
  ruleIdOf: Map<string, string>;
}

let table: MindCueTable | undefined;

function mindCues(): MindCueTable {
  if (table) return table;
  const ruleIdOf = new Map<string, string>();
  for (const rule of mindCueRules().rules) for (const form of rule.forms) if (!ruleIdOf.has(form)) ruleIdOf.set(form, rule.id);
  table = { ruleIdOf };
  return table;
}

/** Pronouns that stand for a thing, a situation or nothing at all. */
const THING_PRONOUNS = new Set(['it', 'this', 'which', 'what']);
/** Where the head of a subject phrase ends: "the makers of the game", "the fans in the stands". */
const HEAD_ENDS = new Set(['of', ',', 'who', 'that', 'which', 'in', 'at', 'from', 'with', 'for', 'on', 'to', 'like', 'across', 'around', '(', '—', '–']);

/** The id of the mind-cues row that rules the attribution out, if its cue needs a mind its speaker lacks. */
function mindlessSpeakerRule(ctx: Reading, attribution: Attribution): string | undefined {
  const { cue, speaker } = attribution;
  if (!cue || !speaker) return undefined;
  const ruleId = mindCues().ruleIdOf.get(cue.text.toLowerCase().split(/\s+/)[0] ?? '');
  if (!ruleId) return undefined;
  const { tokens } = ctx;
  const first = firstStartingAtOrAfter(tokens, speaker.start);
  const end = firstStartingAtOrAfter(tokens, speaker.end);
  if (first >= end) return undefined;
  const opening = tokens[first] as Token;
  if (end - first === 1 && THING_PRONOUNS.has(opening.lower) && standsRightBefore(ctx, end, cue.start)) {
    // "The firm said it thinks …": an "it" that stands for an organisation named before holds views; "it feels like …" never does.
    return standsForOrganization(ctx, attribution) && !opensLikeness(ctx, cue.end) ? undefined : ruleId;
  }
  if (attribution.speakerActorId !== undefined) return undefined;
  // "Sitting in my bedroom, I …": a participle phrase read as the subject.
  if (/ing$/.test(opening.lower) && isParticiple(ctx, opening.lower)) return ruleId;
  // "The report thinks …": a document reports findings but holds no views of its own.
  return documentHead(ctx, first, end) ? ruleId : undefined;
}

/** The subject ends right before the cue, but for auxiliaries and adverbs ("it still feels", "it doesn't know"): the pronoun is the verb's own subject. */
function standsRightBefore(ctx: Reading, subjectEnd: number, cueStart: number): boolean {
  const cueToken = firstStartingAtOrAfter(ctx.tokens, cueStart);
  for (let index = subjectEnd; index < cueToken; index++) if (!AUXILIARIES.has(ctx.lower(index))) return false;
  return true;
}

function standsForOrganization(ctx: Reading, attribution: Attribution): boolean {
  const id = attribution.speakerActorId;
  return id !== undefined && ctx.actors.some((actor) => actor.actorId === id && actor.type === 'organization');
}

/** "feels like", "felt as if", "feels as though": a likeness, not a view. */
function opensLikeness(ctx: Reading, cueEnd: number): boolean {
  const next = ctx.tokens[firstStartingAtOrAfter(ctx.tokens, cueEnd)];
  return next !== undefined && (next.lower === 'like' || next.lower === 'as');
}

function isParticiple(ctx: Reading, lowerWord: string): boolean {
  const classes = ctx.state.lexicon.classes(lowerWord);
  return !classes.has('noun') && !classes.has('person-noun') && !ctx.state.speakerHeads.has(lowerWord);
}

/** Whether the subject phrase is headed by a document word ("the report", "a survey of voters") and names no one. */
function documentHead(ctx: Reading, first: number, end: number): boolean {
  const { tokens, state } = ctx;
  let headEnd = end;
  for (let index = first + 1; index < end; index++) {
    if (HEAD_ENDS.has((tokens[index] as Token).lower)) {
      headEnd = index;
      break;
    }
  }
  const head = tokens[headEnd - 1] as Token;
  if (head.capitalized && headEnd - 1 > first) return false;
  return state.speakerHeads.get(head.lower) === 'speaker.document';
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
