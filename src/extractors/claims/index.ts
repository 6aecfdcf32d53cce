import type { ClaimExtraction } from '../../model/claim.js';

export interface ExtractClaimsOptions {
  /** Goes into every claim id; the pipeline passes the article id derived from the URL. */
  articleId: string;
}

/** Article text in, claims out. Pure: no I/O, no logging. */
export function extractClaims(text: string, options: ExtractClaimsOptions): ClaimExtraction {
  void text;
  void options;
  return { figures: [], actors: [], attributions: [], claims: [], rejected: [] };
}
