/** The cleaned article: the output of `stripArticle` and the input of claim extraction. */

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'preformatted' | 'table-row';

export interface ArticleBlock {
  kind: BlockKind;
  text: string;
  /** Offsets of the block inside `Article.text` (JavaScript string indices, end exclusive). */
  start: number;
  end: number;
}

/** A block the stripper removed, and the id of the rule that removed it (the extraction log). */
export interface RemovedBlock {
  ruleId: string;
  tag: string;
  text: string;
}

/** Where a metadata field came from: JSON-LD, a meta tag, a `<time>` element, the URL … */
export type MetadataSource =
  | 'json-ld'
  | 'meta'
  | 'time-element'
  | 'url'
  | 'title-element'
  | 'heading'
  | 'link-canonical'
  | 'html-lang'
  | 'detected'
  | 'byline-element'
  | 'input'
  /** The feed or sitemap item that listed the page (used only where the page says nothing). */
  | 'feed';

export type MetadataField =
  | 'title'
  | 'byline'
  | 'publishedAt'
  | 'modifiedAt'
  | 'siteName'
  | 'language'
  | 'canonicalUrl';

export interface ArticleLanguage {
  /** From `<html lang>`, `og:locale`, JSON-LD `inLanguage` or `content-language`. */
  declared: string | null;
  /**
   * The main text's language, from its script, stop words and letters (config/languages.json);
   * the declared one stands unless the text is in another. "und" for a long text in no language
   * of the table, null when the text is too short to tell.
   */
  detected: string | null;
}

export interface Article {
  url: string | null;
  title: string | null;
  byline: string | null;
  /** ISO 8601 where the source date parses, else the source string. */
  publishedAt: string | null;
  modifiedAt: string | null;
  siteName: string | null;
  language: ArticleLanguage;
  canonicalUrl: string | null;
  /** The main text: blocks joined with blank lines. */
  text: string;
  blocks: ArticleBlock[];
  removed: RemovedBlock[];
  sources: Partial<Record<MetadataField, MetadataSource>>;
  /** WHATWG encoding the bytes were decoded with, when the input was bytes. */
  charset?: string;
}
