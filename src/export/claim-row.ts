import type { FeedClaim } from '../store/articles.js';
import { streamIdMs } from '../store/claim-filters.js';

/**
 * One claim as one flat row, for spreadsheets and JSON Lines: the article's fields beside the
 * claim's, lists (figures, actors, rule ids) as parallel "; "-joined columns in CSV and as
 * arrays in JSON Lines. The column order is the CSV header.
 */
export interface ClaimRow {
  claim_id: string;
  kind: string;
  feed_id: string;
  /** When the claim entered the feed (ISO 8601). */
  feed_time: string;
  article_id: string;
  article_url: string | null;
  article_canonical_url: string | null;
  article_title: string | null;
  article_site_name: string | null;
  article_published_at: string | null;
  article_modified_at: string | null;
  article_language: string | null;
  article_fetched_at: string | null;
  speaker: string | null;
  speaker_actor: string | null;
  speaker_actor_type: string | null;
  cue: string | null;
  direct: boolean | null;
  content: string | null;
  sentence: string;
  figure_count: number;
  figures: string[];
  figure_values: Array<number | null>;
  figure_units: Array<string | null>;
  figure_kinds: string[];
  actors: string[];
  actor_types: string[];
  rule_ids: string[];
  extractor_version: string;
}

export const CLAIM_ROW_COLUMNS = [
  'claim_id',
  'kind',
  'feed_id',
  'feed_time',
  'article_id',
  'article_url',
  'article_canonical_url',
  'article_title',
  'article_site_name',
  'article_published_at',
  'article_modified_at',
  'article_language',
  'article_fetched_at',
  'speaker',
  'speaker_actor',
  'speaker_actor_type',
  'cue',
  'direct',
  'content',
  'sentence',
  'figure_count',
  'figures',
  'figure_values',
  'figure_units',
  'figure_kinds',
  'actors',
  'actor_types',
  'rule_ids',
  'extractor_version',
] as const satisfies ReadonlyArray<keyof ClaimRow>;

export function claimRow({ streamId, claim }: FeedClaim): ClaimRow {
  const article = claim.article;
  // Each actor once, by canonical name, in order of first mention.
  const actors = new Map<string, string>();
  for (const actor of claim.actors) if (!actors.has(actor.canonical)) actors.set(actor.canonical, actor.type);
  return {
    claim_id: claim.id,
    kind: claim.kind,
    feed_id: streamId,
    feed_time: new Date(streamIdMs(streamId)).toISOString(),
    article_id: claim.articleId,
    article_url: article?.url ?? null,
    article_canonical_url: article?.canonicalUrl ?? null,
    article_title: article?.title ?? null,
    article_site_name: article?.siteName ?? null,
    article_published_at: article?.publishedAt ?? null,
    article_modified_at: article?.modifiedAt ?? null,
    article_language: article?.language ?? null,
    article_fetched_at: article?.fetchedAt ?? null,
    speaker: claim.speaker?.text ?? null,
    speaker_actor: claim.speakerActor?.canonical ?? null,
    speaker_actor_type: claim.speakerActor?.type ?? null,
    cue: claim.cue?.text ?? null,
    direct: claim.direct,
    content: claim.content?.text ?? null,
    sentence: claim.sentence.text,
    figure_count: claim.figures.length,
    figures: claim.figures.map((figure) => figure.text),
    figure_values: claim.figures.map((figure) => figure.value),
    figure_units: claim.figures.map((figure) => figure.unit),
    figure_kinds: claim.figures.map((figure) => figure.kind),
    actors: [...actors.keys()],
    actor_types: [...actors.values()],
    rule_ids: claim.ruleIds,
    extractor_version: claim.extractorVersion,
  };
}
