/**
 * The line formats the CLI prints with `--jsonl`, one JSON document per line. Each has its
 * JSON Schema in `schema/` (`feed-line`, `run-line`, `extract-line`); tests validate real
 * output against them.
 */
import type { Article } from './article.js';
import type { ActorMention, Attribution, ClaimRecord, Figure, RejectedCandidate } from './claim.js';

export interface ErrorBody {
  /** Stable error code (src/errors.ts). */
  code: string;
  message: string;
}

/** `claimfeed feed --jsonl`: a claim record and its feed entry id. */
export type FeedLine = ClaimRecord & { streamId: string };

/** `claimfeed run --jsonl`: one line per claim of an input. */
export type RunClaimLine = ClaimRecord & {
  input: string;
  /** The input is the same story as this article, whose claims these are. */
  duplicateOf?: string;
};

/** `claimfeed run --jsonl`: an input that failed or was refused. */
export interface RunErrorLine {
  input: string;
  articleId: string | null;
  status: 'queued' | 'fetching' | 'processing' | 'done' | 'failed' | 'rejected';
  error: ErrorBody | null;
}

export type RunLine = RunClaimLine | RunErrorLine;

/** The article metadata of an `extract` line: the stripped article without its text and blocks. */
export type ExtractArticle = Omit<Article, 'text' | 'blocks' | 'removed'> & { textLength: number };

/** `claimfeed extract --jsonl`: one line per input. */
export interface ExtractResultLine {
  input: string;
  article: ExtractArticle;
  figures: Figure[];
  actors: ActorMention[];
  attributions: Attribution[];
  embeddedAttributions: Attribution[];
  claims: ClaimRecord[];
  rejected: RejectedCandidate[];
}

export interface ExtractErrorLine {
  input: string;
  error: ErrorBody;
}

export type ExtractLine = ExtractResultLine | ExtractErrorLine;
