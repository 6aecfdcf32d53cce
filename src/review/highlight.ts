import type { ActorMention, ClaimRecord, Figure, Span } from '../model/claim.js';

/** The layers a reviewer sees marked in the article text. */
export type MarkLayer = 'content' | 'speaker' | 'cue' | 'actor' | 'figure';

/** Outermost first: the order nested marks open in, and the order classes are listed in. */
export const MARK_LAYERS: readonly MarkLayer[] = ['content', 'speaker', 'cue', 'actor', 'figure'];

/** One highlighted span of the article text, pointing back at the claims it belongs to. */
export interface Mark {
  layer: MarkLayer;
  start: number;
  end: number;
  /** Indices into the claims list. */
  claims: number[];
  ruleIds: string[];
  /** A short label for tooltips and terminal legends: the figure's value, the actor's name … */
  label: string;
}

/** A stretch of text with no mark boundary inside it, and the marks covering all of it. */
export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

/**
 * Collects every span of every claim as marks. The same span used by several claims (an actor
 * named in two sentences' records) becomes one mark listing all of them.
 */
export function collectMarks(claims: readonly ClaimRecord[], textLength: number): Mark[] {
  const byKey = new Map<string, Mark>();
  const add = (layer: MarkLayer, span: Span | null, claimIndex: number, ruleIds: readonly string[], label: string): void => {
    if (!span || !(span.start >= 0 && span.end > span.start && span.end <= textLength)) return;
    const key = `${layer}:${span.start}:${span.end}`;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.claims.includes(claimIndex)) existing.claims.push(claimIndex);
      for (const id of ruleIds) if (!existing.ruleIds.includes(id)) existing.ruleIds.push(id);
      return;
    }
    byKey.set(key, { layer, start: span.start, end: span.end, claims: [claimIndex], ruleIds: [...ruleIds], label });
  };
  claims.forEach((claim, index) => {
    add('content', claim.content, index, claim.ruleIds, claim.kind === 'attributed' ? 'attributed claim' : 'figure claim');
    add('speaker', claim.speaker, index, claim.ruleIds, claim.speakerActor ? `speaker: ${claim.speakerActor.canonical}` : 'speaker');
    add('cue', claim.cue, index, claim.ruleIds, 'cue');
    for (const actor of claim.actors) add('actor', actor, index, actor.ruleIds, actorLabel(actor));
    for (const figure of claim.figures) add('figure', figure, index, figure.ruleIds, figureLabel(figure));
  });
  return [...byKey.values()].sort((a, b) => a.start - b.start || b.end - a.end || layerRank(a.layer) - layerRank(b.layer));
}

/**
 * Cuts [from, to) into segments at every mark boundary. Marks may overlap without nesting
 * (extractors do not promise a tree), so the renderers work on flat segments, never on a tree.
 */
export function segmentText(marks: readonly Mark[], from: number, to: number): Segment[] {
  const inside = marks.filter((mark) => mark.end > from && mark.start < to);
  const cuts = new Set<number>([from, to]);
  for (const mark of inside) {
    cuts.add(Math.max(from, mark.start));
    cuts.add(Math.min(to, mark.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  // Marks are sorted by start, so a sweep keeps the active set without rescanning every mark.
  let next = 0;
  let active: Mark[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index] as number;
    const end = points[index + 1] as number;
    while (next < inside.length && (inside[next] as Mark).start <= start) active.push(inside[next++] as Mark);
    active = active.filter((mark) => mark.end > start);
    segments.push({ start, end, marks: active.filter((mark) => mark.start <= start && mark.end >= end) });
  }
  return segments;
}

export function layerRank(layer: MarkLayer): number {
  return MARK_LAYERS.indexOf(layer);
}

function figureLabel(figure: Figure): string {
  return `${figure.kind}: ${figureAmount(figure)}${figure.unit ? ` ${figure.unit}` : ''}${figure.per ? ` per ${figure.per}` : ''}`;
}

/**
 * The figure's amount as a reader should see it: a range as its two ends ("1–7" for "one-to-seven
 * days"), since its value is only the midpoint a single number needs; the text where there is no value.
 */
export function figureAmount(figure: Figure): string {
  if (figure.low !== undefined && figure.high !== undefined) return `${figure.low}–${figure.high}`;
  return figure.value === null ? figure.text : String(figure.value);
}

function actorLabel(actor: ActorMention): string {
  return `${actor.type}: ${actor.canonical}`;
}
