import type { ActorMention, Attribution, ClaimArticle, ClaimExtraction, ClaimRecord, Figure, RejectedCandidate, Span } from '../../model/claim.js';
import { bareClaimArticle } from '../../model/claim-article.js';
import { extractActors } from '../actors/index.js';
import { extractAttributions } from '../attributions/index.js';
import { extractFigures } from '../figures/index.js';
import { stableId } from '../text/hash.js';
import { spanAt, spansWithin } from '../text/spans.js';
import { analyzeText } from '../text/tokens.js';
import { figureNotClaimRule } from './figure-claims.js';
import { languageCoverage, otherLanguageNote } from './languages.js';
import { crossSentenceQuoteParts, partIsDirect } from './quote-parts.js';
import { speakerNotClaim, withoutFallbackNotClaims, withoutNotClaims, withoutPageNotClaims, withoutRelayNotClaims, type RuledOutFigure } from './not-claims.js';

export interface ExtractClaimsOptions {
  /** Goes into every claim id; the pipeline passes the article id derived from the URL. */
  articleId: string;
  /** The article context every claim record carries (`claimArticleOf`), under `articleId`. Default: the id alone. */
  article?: ClaimArticle;
  /**
   * The article's language was read from this very text (the strip stage's reading, weighed with
   * the declared one): it is taken as is rather than read again.
   */
  languageRead?: boolean;
}

/** Bumped whenever a rule or the engine changes what is extracted. */
export const EXTRACTOR_VERSION = 'claimfeed-rules/1';
export const CLAIM_SCHEMA_VERSION = 2 as const;

/**
 * Article text in, claims out. Pure: no I/O, no logging. One claim per attributed statement (one
 * per quoted part when the report splits a quotation across sentences) and
 * one per sentence that states a figure without attribution.
 */
export function extractClaims(text: string, options: ExtractClaimsOptions): ClaimExtraction {
  const analyzed = analyzeText(text);
  // One reading of the language for every layer: the article's weighed against the text, once.
  const coverage = languageCoverage(text, options.article?.language ?? null, options.languageRead === true);
  const figureResult = coverage.figures ? extractFigures(text, { language: coverage.language }) : { figures: [], rejected: [] };
  const actorResult = extractActors(text, analyzed);
  // A language a layer does not read gets no claims and one log entry saying why.
  if (coverage.note) {
    return { figures: figureResult.figures, actors: actorResult.actors, attributions: [], embeddedAttributions: [], claims: [], rejected: [...figureResult.rejected, ...actorResult.rejected, coverage.note] };
  }
  const attributionResult = extractAttributions(text, actorResult.actors, analyzed, options.article?.title ?? null);
  const figures = figureResult.figures;
  const actors = actorResult.actors;
  const { attributions, embedded } = attributionResult;
  const claims: ClaimRecord[] = [];
  const sentenceSpan = (start: number, end: number): Span => {
    const first = spanAt(analyzed.sentences, start);
    const last = spanAt(analyzed.sentences, Math.max(start, end - 1));
    const from = first?.start ?? start;
    const to = Math.max(last?.end ?? end, end);
    return { start: from, end: to, text: text.slice(from, to) };
  };
  const article = options.article ? { ...options.article, id: options.articleId } : bareClaimArticle(options.articleId);
  const actorById = new Map(actors.map((actor) => [actor.actorId, actor]));
  const sortedFigures = [...figures].sort((a, b) => a.start - b.start);
  const covered: Array<[number, number]> = [];
  // An attribution whose speaker rules it out ("I", none named) makes no attributed claim; its
  // sentence may still state a figure.
  // A figure that makes no claim on its own (a label, a rank, an age, a count of nothing named)
  // is no figure of any claim either: the article's figures list keeps it, the claim shows only
  // the figures a reader would check.
  const figureRulings = sortedFigures.map((figure) => ({ figure, ruleId: figureNotClaimRule(figure, text) }));
  const claimWorthy = figureRulings.filter((ruling) => ruling.ruleId === undefined).map((ruling) => ruling.figure);
  const speakerNotClaims: RejectedCandidate[] = [];
  // A report another passes on is still a statement of its own speaker's, so it makes a claim too.
  for (const attribution of [...attributions, ...embedded]) {
    const notClaim = speakerNotClaim(text, attribution, attribution.speakerActorId ? actorById.get(attribution.speakerActorId)?.type : undefined);
    if (notClaim) {
      speakerNotClaims.push(notClaim);
      continue;
    }
    const from = Math.min(attribution.content.start, attribution.speaker?.start ?? Infinity, attribution.cue?.start ?? Infinity);
    const to = Math.max(attribution.content.end, attribution.speaker?.end ?? 0, attribution.cue?.end ?? 0);
    covered.push([from, to]);
    const speakerActor = attribution.speakerActorId ? actorById.get(attribution.speakerActorId) : undefined;
    const parts = crossSentenceQuoteParts(text, attribution, analyzed.sentences);
    if (parts === null) {
      claims.push(claimRecord(article, 'attributed', sentenceSpan(from, to), attribution, attribution.content, claimWorthy, actors, speakerActor));
      continue;
    }
    const [before, after] = parts;
    claims.push(
      claimRecord(article, 'attributed', sentenceSpan(from, before.end), { ...attribution, direct: partIsDirect(attribution, before) }, before, claimWorthy, actors, speakerActor),
      claimRecord(article, 'attributed', sentenceSpan(after.start, after.end), { ...attribution, direct: partIsDirect(attribution, after) }, after, claimWorthy, actors, speakerActor),
    );
  }
  // Sentences stating a figure that no attribution covers: both lists sorted, one pass.
  covered.sort((a, b) => a[0] - b[0]);
  const otherLanguageSentences: RejectedCandidate[] = [];
  let coverIndex = 0;
  let coveredUntil = -1;
  for (const sentence of analyzed.sentences) {
    if (spansWithin(claimWorthy, sentence.start, sentence.end).length === 0) continue;
    while (coverIndex < covered.length && (covered[coverIndex] as [number, number])[0] < sentence.end) {
      coveredUntil = Math.max(coveredUntil, (covered[coverIndex] as [number, number])[1]);
      coverIndex++;
    }
    if (coveredUntil > sentence.start) continue;
    const span: Span = { start: sentence.start, end: sentence.end, text: text.slice(sentence.start, sentence.end) };
    const otherLanguage = otherLanguageNote(span, coverage.language);
    if (otherLanguage) {
      otherLanguageSentences.push(otherLanguage);
      continue;
    }
    claims.push(claimRecord(article, 'figure', span, null, span, claimWorthy, actors, undefined));
  }
  claims.sort((a, b) => a.sentence.start - b.sentence.start || (a.content?.start ?? 0) - (b.content?.start ?? 0) || (a.cue?.start ?? 0) - (b.cue?.start ?? 0));
  // Credits, bylines, "declined to comment" and the like stay out of the feed; the log keeps them.
  const notClaims = withoutNotClaims(text, analyzed.sentences, claims, speakerNotClaims);
  const lastNotClaims = withoutFallbackNotClaims(notClaims.claims);
  // A page whose sentences are mostly steps (a recipe, a how-to guide) or spec figures (a product review) is judged as a whole last.
  const ruledOutFigures: RuledOutFigure[] = [];
  for (const { figure, ruleId } of figureRulings) if (ruleId !== undefined) ruledOutFigures.push({ ruleId, sentenceStart: spanAt(analyzed.sentences, figure.start)?.start ?? figure.start });
  const pageNotClaims = withoutPageNotClaims(lastNotClaims.claims, notClaims.rejected, ruledOutFigures);
  // A source passing on a statement the feed credits to its speaker is judged on the feed as it stands.
  const relayed = withoutRelayNotClaims(pageNotClaims.claims);
  const laterRejections = [...otherLanguageSentences, ...lastNotClaims.rejected, ...pageNotClaims.rejected, ...relayed.rejected];
  const claimRejections = laterRejections.length === 0 ? notClaims.rejected : [...notClaims.rejected, ...laterRejections].sort((a, b) => a.start - b.start);
  return {
    figures,
    actors,
    attributions,
    embeddedAttributions: embedded,
    claims: mergeSameClaims(relayed.claims),
    rejected: [...figureResult.rejected, ...actorResult.rejected, ...attributionResult.rejected, ...claimRejections],
  };
}

function claimRecord(
  article: ClaimArticle,
  kind: ClaimRecord['kind'],
  sentence: Span,
  attribution: Attribution | null,
  content: Span,
  figures: readonly Figure[],
  actors: readonly ActorMention[],
  speakerActor: ActorMention | undefined,
): ClaimRecord {
  const ruleIds = attribution ? [...attribution.ruleIds] : ['claim.unattributed-figure'];
  const figuresInside = spansWithin(figures, content.start, content.end);
  for (const figure of figuresInside) ruleIds.push(...figure.ruleIds);
  return {
    schemaVersion: CLAIM_SCHEMA_VERSION,
    id: claimId(article.id, kind, content, attribution?.speaker ?? null, attribution?.cue ?? null),
    articleId: article.id,
    article,
    kind,
    sentence,
    speaker: attribution?.speaker ?? null,
    speakerActor: speakerActor ? { actorId: speakerActor.actorId, canonical: speakerActor.canonical, type: speakerActor.type } : null,
    cue: attribution?.cue ?? null,
    content,
    direct: attribution ? attribution.direct : null,
    figures: figuresInside,
    actors: spansWithin(actors, sentence.start, sentence.end),
    ruleIds: [...new Set(ruleIds)],
    extractorVersion: EXTRACTOR_VERSION,
  };
}

/**
 * The claim id: a hash of what makes a claim itself (article, kind, content span, and who said
 * it through which cue), so two speakers credited with the same words are two claims, and a
 * re-run or a retried job gives the same ids.
 */
export function claimId(articleId: string, kind: ClaimRecord['kind'], content: Span, speaker: Span | null, cue: Span | null): string {
  return stableId('claim-', articleId, kind, content.start, content.end, spanKey(speaker), spanKey(cue));
}

function spanKey(span: Span | null): string {
  return span === null ? '-' : `${span.start}:${span.end}`;
}

/**
 * Two attributions that found the same speaker, cue and content are one claim: keep the first,
 * with both rule lists. A page that repeats a passage (a pull quote, a caption, a teaser of the
 * same story) repeats its claims: a later claim with the same kind, speaker, cue and content
 * words is the same statement, so only the first stays.
 */
function mergeSameClaims(claims: ClaimRecord[]): ClaimRecord[] {
  const byId = new Map<string, ClaimRecord>();
  const byWording = new Set<string>();
  for (const claim of claims) {
    const first = byId.get(claim.id);
    if (first !== undefined) {
      first.ruleIds = [...new Set([...first.ruleIds, ...claim.ruleIds])];
      continue;
    }
    const wording = [claim.kind, claim.speaker?.text ?? '', claim.cue?.text ?? '', claim.content?.text ?? ''].join('\u0000');
    if (byWording.has(wording)) continue;
    byWording.add(wording);
    byId.set(claim.id, claim);
  }
  return byId.size === claims.length ? claims : [...byId.values()];
}
