import type { Article, ArticleLanguage } from './article.js';
import type { ClaimArticle } from './claim.js';

/** The article context of a claim record, from the stripped article and where its bytes came from. */
export function claimArticleOf(id: string, article: Article, source: { url: string | null; fetchedAt: string | null }): ClaimArticle {
  return {
    id,
    url: source.url,
    canonicalUrl: article.canonicalUrl,
    title: article.title,
    siteName: article.siteName,
    publishedAt: article.publishedAt,
    modifiedAt: article.modifiedAt,
    language: readingLanguage(article.language),
    fetchedAt: source.fetchedAt,
  };
}

/** The context of a claim whose caller gave nothing but the article id. */
export function bareClaimArticle(id: string): ClaimArticle {
  return { id, url: null, canonicalUrl: null, title: null, siteName: null, publishedAt: null, modifiedAt: null, language: null, fetchedAt: null };
}

/**
 * The language an article is read in: the one its text was detected in (the declared one where
 * the text supports it), else the declared one when the text is too short to tell.
 */
export function readingLanguage(language: ArticleLanguage): string | null {
  return language.detected ?? language.declared;
}
