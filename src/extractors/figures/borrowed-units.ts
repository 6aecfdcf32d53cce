import { HYPHENS, SENTENCE_ENDS, type Candidate, type ScanState } from './context.js';
import { glued, type Token } from './tokens.js';

/** Units a bare figure takes from a neighbouring one: coordinated counts and rates that refer back. */

/**
 * "killed 4 people and injured 11", "30 million of the 90 million euros": a bare count joined to
 * a figure of the same clause by one of the rule's words takes that figure's unit and kind.
 */
export function resolveUnitEllipsis(ctx: ScanState): void {
  const { after, before, beforeDeterminers, maxDistance } = ctx.rules.ellipsis;
  const bare = (figure: Candidate): boolean => figure.unit === null && figure.kind === 'count' && figure.per === undefined;
  const gap = (left: Candidate, right: Candidate): number => (ctx.tokens[right.start] as Token).start - (ctx.tokens[left.end - 1] as Token).end;
  ctx.figures.forEach((figure, k) => {
    if (!bare(figure)) return;
    // "a six-speed gearbox", "32 is the quantity": a number that names or opens something else;
    // "128 GB and 32 vCPUs": a word in -s after it is a plural it counts, though the reading did not take it
    const following = ctx.tokens[figure.end];
    if (following && ((HYPHENS.has(following.text) && glued(ctx.tokens[figure.end - 1], following)) || ctx.rules.ellipsis.notBefore.has(following.lower) || (following.type === 'word' && following.lower.endsWith('s') && !ctx.lex.stopWords.has(following.lower)))) return;
    // the figure right after a joining word ("30 million of the 90 million euros", "from zero to 60 mph") comes first:
    // the number and it are one phrase
    const next = ctx.figures[k + 1];
    if (next && !bare(next) && before.has(ctx.tokens[figure.end]?.lower ?? '')) {
      let at = figure.end + 1;
      if (beforeDeterminers.has(ctx.tokens[at]?.lower ?? '')) at++;
      if (next.start === at && gap(figure, next) <= maxDistance) {
        inheritUnit(ctx, figure, next);
        return;
      }
    }
    const previous = ctx.figures[k - 1];
    // the joining word right before the number, or before a verb before it ("and injured 11"; not "and a 2182 score")
    const between = ctx.tokens[figure.start - 1];
    const joinerAt = after.has(between?.lower ?? '') ? figure.start - 1 : between?.type === 'word' && !ctx.lex.stopWords.has(between.lower) && after.has(ctx.tokens[figure.start - 2]?.lower ?? '') ? figure.start - 2 : -1;
    // "from" joins only the figure it follows ("to 10 percent from 8"), not one a clause before
    const adjacentOnly = joinerAt >= 0 && ctx.rules.ellipsis.adjacentOnly.has((ctx.tokens[joinerAt] as Token).lower);
    if (previous && !bare(previous) && joinerAt >= previous.end && (!adjacentOnly || joinerAt === previous.end) && gap(previous, figure) <= maxDistance && !crossesSentence(ctx, previous.end, joinerAt) && !reachesLevel(ctx, previous, joinerAt)) inheritUnit(ctx, figure, previous);
  });
}

/**
 * "rose 5% to 12.50", "fell 102 points, or 0.4%, to 27,934": after a change, or after a comma, "to" gives the
 * level reached, which a writer would have given its unit if it shared the change's ("from 4.5% to 3.9" does).
 */
function reachesLevel(ctx: ScanState, previous: Candidate, joinerAt: number): boolean {
  if (!ctx.rules.ellipsis.levelAfterChange.has((ctx.tokens[joinerAt] as Token).lower)) return false;
  if (ctx.tokens[previous.start - 1]?.lower === 'from') return false;
  return previous.change !== undefined || ctx.tokens[joinerAt - 1]?.text === ',';
}

function crossesSentence(ctx: ScanState, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (SENTENCE_ENDS.has((ctx.tokens[j] as Token).text)) return true;
  return false;
}

function inheritUnit(ctx: ScanState, figure: Candidate, from: Candidate): void {
  figure.unit = from.unit;
  figure.kind = from.kind;
  // "9 million barrels a day, up from 8 million": the denominator comes with the unit
  if (from.per !== undefined) figure.per = from.per;
  figure.ruleIds.push('pattern.unit-ellipsis');
}

/** "11 flights ... about one per week": a bare rate counts the unit of the figure before it. */
export function resolveBareRates(ctx: ScanState): void {
  for (let k = 0; k < ctx.figures.length; k++) {
    const figure = ctx.figures[k] as Candidate;
    if (figure.unit !== null || figure.per === undefined || figure.kind !== 'rate') continue;
    const start = (ctx.tokens[figure.start] as Token).start;
    for (let m = k - 1; m >= 0; m--) {
      const previous = ctx.figures[m] as Candidate;
      if (start - (ctx.tokens[previous.end - 1] as Token).end > ctx.rules.anaphoraDistance) break;
      if (previous.unit !== null && previous.kind === 'count' && previous.unit !== figure.per) {
        figure.unit = previous.unit;
        figure.ruleIds.push('pattern.rate-anaphora');
        break;
      }
    }
  }
}
