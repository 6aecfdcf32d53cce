import type { Figure, RejectedCandidate } from '../../model/claim.js';

/** Placeholder until the figures layer lands: same signature, no figures. */
export function extractFigures(text: string): { figures: Figure[]; rejected: RejectedCandidate[] } {
  void text;
  return { figures: [], rejected: [] };
}
