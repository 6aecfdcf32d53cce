/**
 * The claim-extraction contract. Offsets are JavaScript string indices into the article text,
 * end exclusive. Spans and figures follow the shape of the claims benchmark.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export type FigureKind = 'money' | 'percent' | 'count' | 'quantity' | 'rate' | 'duration';

export type FigureQualifier = 'at least' | 'at most' | 'about' | 'more than' | 'less than' | 'up to' | 'over' | 'under' | 'nearly' | 'exactly';

export interface Figure extends Span {
  /** Normalised number: "$20 billion" → 20000000000; "a third" → 0.3333. */
  value: number | null;
  /** ISO currency code, "percent", "percentage point", or a lower-case singular unit/counted noun. */
  unit: string | null;
  kind: FigureKind;
  /** For rates: the denominator unit ("month" in "30,000 migrants per month"). */
  per?: string;
  qualifier?: FigureQualifier;
  low?: number;
  high?: number;
  /** Change marker: "up" for "rose 5%", "down" for "fell 5%". */
  change?: 'up' | 'down';
  ruleIds: string[];
}

export type ActorType = 'person' | 'organization' | 'place' | 'group';

export interface ActorMention extends Span {
  type: ActorType;
  /** The canonical name of the actor this mention refers to ("Andrés Manuel López Obrador"). */
  canonical: string;
  /** Stable within one article: the same actor has the same id. */
  actorId: string;
  ruleIds: string[];
}

export interface Attribution {
  speaker: Span | null;
  cue: Span | null;
  content: Span;
  direct: boolean;
  /** The actor the speaker phrase refers to, when one was found inside it or by coreference. */
  speakerActorId?: string;
  ruleIds: string[];
}

/** A candidate the extractor looked at and rejected, with the reason: for the extraction log. */
export interface RejectedCandidate extends Span {
  layer: 'figure' | 'actor' | 'attribution' | 'claim';
  reason: string;
  ruleId: string;
}

export type ClaimKind = 'attributed' | 'figure';

/**
 * The article a claim comes from, carried inside every claim record so a consumer needs no
 * second lookup. Times are ISO 8601 (page dates that do not parse keep the page's string).
 */
export interface ClaimArticle {
  /** The article id (a hash of the canonical URL in the pipeline). */
  id: string;
  /** The URL the article was queued or read under (`file://…` for a file). */
  url: string | null;
  /** The page's own `link rel=canonical` (or metadata equivalent), resolved. */
  canonicalUrl: string | null;
  title: string | null;
  /** Site or publisher name. */
  siteName: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  /** The language the article is read in (`readingLanguage`): detected from the text, weighed with the declared one. */
  language: string | null;
  /** When the page's bytes were obtained: the fetch start, or when a file was read. */
  fetchedAt: string | null;
}

export interface ClaimRecord {
  schemaVersion: 2;
  /** Hash of article id, kind, content span, speaker span and cue span: stable across re-runs of the same extractor version. */
  id: string;
  /** Same as `article.id`. */
  articleId: string;
  article: ClaimArticle;
  kind: ClaimKind;
  sentence: Span;
  speaker: Span | null;
  speakerActor: { actorId: string; canonical: string; type: ActorType } | null;
  cue: Span | null;
  content: Span | null;
  direct: boolean | null;
  figures: Figure[];
  actors: ActorMention[];
  ruleIds: string[];
  extractorVersion: string;
}

export interface ClaimExtraction {
  figures: Figure[];
  actors: ActorMention[];
  /** The article's reports, save those another report passes on. */
  attributions: Attribution[];
  /** Reports inside another report's content ("…, the board said, according to the Courier"); each makes a claim too. */
  embeddedAttributions: Attribution[];
  claims: ClaimRecord[];
  rejected: RejectedCandidate[];
}
