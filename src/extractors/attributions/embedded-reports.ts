import type { Attribution, Span } from '../../model/claim.js';

/** Rule row of config/attributions/spans.json for reports passed on inside another report's content. */
export const EMBEDDED_REPORT_ROW = 'span.embedded-report';

export interface SeparatedReports {
  /** Reports no other report passes on: the relations of the article. */
  outermost: Attribution[];
  /** Reports whose speaker and cue lie inside the content of an outermost or embedded one. */
  embedded: Attribution[];
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * "The board warned that the pier is unsafe, Jo Lee said." and "…, the board said, according to the
 * Courier": the board's report is part of what Jo Lee or the Courier passed on, so the outer
 * report is the relation and the inner one is listed apart, as embedded (the feed still makes a
 * claim of it). A quotation passes its words on verbatim, narration included ("“The board
 * warned us,” Roe said"), so only an indirect report with a named speaker embeds another.
 */
export function separateEmbeddedReports(attributions: readonly Attribution[]): SeparatedReports {
  const outermost: Attribution[] = [];
  const embedded: Attribution[] = [];
  for (const attribution of attributions) {
    const { cue, speaker } = attribution;
    const carrier = cue === null ? undefined : attributions.find((other) => other !== attribution && !other.direct && other.speaker !== null && within(cue, other.content) && (speaker === null || within(speaker, other.content)));
    if (carrier === undefined) outermost.push(attribution);
    else embedded.push({ ...attribution, ruleIds: [...attribution.ruleIds, EMBEDDED_REPORT_ROW] });
  }
  return { outermost, embedded };
}
