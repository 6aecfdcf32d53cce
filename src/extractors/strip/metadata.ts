import type { Document, Element } from 'domhandler';
import type { MetadataField, MetadataSource } from '../../model/article.js';
import { collapseSpace, rawText, walkElements } from './dom.js';
import { decodeCharacterReferences } from './parse.js';
import { elementNames } from './rules.js';

/**
 * The metadata cascade: JSON-LD, then meta tags (og:, article:, twitter:, dc., parsely,
 * sailthru), then `<time>`, then patterns in the URL. The first source with a value wins and
 * is recorded in `sources`.
 */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  siteName: string | null;
  declaredLanguage: string | null;
  canonicalUrl: string | null;
  sources: Partial<Record<MetadataField, MetadataSource>>;
}

/** What one walk over the document collects for the cascade. */
interface Collected {
  jsonLd: string[];
  meta: Map<string, string>;
  titleElement: string | null;
  htmlLang: string | null;
  canonicalHref: string | null;
  times: { datetime: string; published: boolean }[];
  h1: string | null;
  bylineElement: string | null;
}

const META_KEYS: Record<'title' | 'byline' | 'publishedAt' | 'modifiedAt' | 'siteName' | 'language' | 'url', readonly string[]> = {
  title: ['og:title', 'twitter:title', 'dc.title', 'parsely-title', 'sailthru.title', 'headline', 'title'],
  byline: ['author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author', 'byl', 'byline', 'twitter:creator'],
  publishedAt: [
    'article:published_time', 'og:published_time', 'datepublished', 'dc.date.issued', 'dc.date', 'dcterms.date', 'parsely-pub-date',
    'sailthru.date', 'pubdate', 'publish-date', 'publish_date', 'date', 'article.published', 'og:article:published_time',
  ],
  modifiedAt: ['article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'last-modified', 'og:article:modified_time'],
  siteName: ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:site'],
  language: ['og:locale', 'content-language', 'dc.language', 'language'],
  url: ['og:url', 'twitter:url', 'parsely-link'],
};

const ARTICLE_TYPES = /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage|Review)$/;

export function extractMetadata(document: Document, pageUrl: string | null): PageMetadata {
  const collected = collect(document);
  const sources: Partial<Record<MetadataField, MetadataSource>> = {};
  const ld = readJsonLd(collected.jsonLd);
  const pick = <T>(field: MetadataField, candidates: readonly [MetadataSource, T | null | undefined][]): T | null => {
    for (const [source, value] of candidates) {
      if (value !== null && value !== undefined && value !== '') {
        sources[field] = source;
        return value;
      }
    }
    return null;
  };
  const meta = (keys: readonly string[]): string | null => {
    for (const key of keys) {
      const value = collected.meta.get(key);
      if (value) return value;
    }
    return null;
  };
  const metaAuthor = meta(META_KEYS.byline);
  const siteName = pick('siteName', [
    ['json-ld', ld.siteName],
    ['meta', meta(META_KEYS.siteName)?.replace(/^@/, '')],
  ]);
  const rawTitle = pick('title', [
    ['json-ld', ld.headline],
    ['meta', meta(META_KEYS.title)],
    ['title-element', collected.titleElement ? trimSiteName(collected.titleElement, siteName) : null],
    ['heading', collected.h1],
  ]);
  const byline = pick('byline', [
    ['json-ld', ld.author],
    ['meta', metaAuthor && !/^https?:\/\//.test(metaAuthor) ? metaAuthor : null],
    ['byline-element', collected.bylineElement],
  ]);
  const urlDate = pageUrl ? dateFromUrl(pageUrl) : null;
  const publishedTime = collected.times.find((time) => time.published) ?? collected.times[0];
  const publishedAt = pick('publishedAt', [
    ['json-ld', toIsoDate(ld.datePublished)],
    ['meta', toIsoDate(meta(META_KEYS.publishedAt))],
    ['time-element', toIsoDate(publishedTime?.datetime ?? null)],
    ['url', urlDate],
  ]);
  const modifiedAt = pick('modifiedAt', [
    ['json-ld', toIsoDate(ld.dateModified)],
    ['meta', toIsoDate(meta(META_KEYS.modifiedAt))],
  ]);
  const declaredLanguage = pick('language', [
    ['json-ld', normaliseLanguage(ld.inLanguage)],
    ['html-lang', normaliseLanguage(collected.htmlLang)],
    ['meta', normaliseLanguage(meta(META_KEYS.language))],
  ]);
  const canonicalUrl = pick('canonicalUrl', [
    ['link-canonical', resolveUrl(collected.canonicalHref, pageUrl)],
    ['meta', resolveUrl(meta(META_KEYS.url), pageUrl)],
    ['json-ld', resolveUrl(ld.url, pageUrl)],
    ['input', pageUrl],
  ]);
  return {
    title: rawTitle ? collapseSpace(rawTitle) : null,
    byline: byline ? collapseSpace(byline) : null,
    publishedAt,
    modifiedAt,
    siteName: siteName ? collapseSpace(siteName) : null,
    declaredLanguage,
    canonicalUrl,
    sources,
  };
}

const BYLINE_TOKENS = new Set(['byline', 'author', 'by-line', 'author-name', 'byline-name']);

/** A cheap look at the raw attribute before the class names are normalised and compared. */
function mayNameByline(value: string | undefined): boolean {
  return value !== undefined && MAY_NAME_BYLINE.test(value);
}

/** What every BYLINE_TOKENS name holds, in any case. */
const MAY_NAME_BYLINE = /author|by/i;

function collect(document: Document): Collected {
  const collected: Collected = { jsonLd: [], meta: new Map(), titleElement: null, htmlLang: null, canonicalHref: null, times: [], h1: null, bylineElement: null };
  walkElements(document, (element: Element) => {
    const attribs = element.attribs;
    switch (element.name) {
      case 'html':
        if (attribs.lang) collected.htmlLang = attribs.lang;
        break;
      case 'meta': {
        const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? attribs['http-equiv'])?.trim().toLowerCase();
        const content = attribs.content;
        if (key && content && !collected.meta.has(key)) collected.meta.set(key, content.trim());
        return false;
      }
      case 'link':
        if (collected.canonicalHref === null && attribs.rel?.toLowerCase().split(/\s+/).includes('canonical') && attribs.href) collected.canonicalHref = attribs.href;
        return false;
      case 'script':
        if (attribs.type?.toLowerCase().includes('ld+json')) collected.jsonLd.push(rawText(element));
        return false;
      case 'style':
        return false;
      case 'title':
        if (collected.titleElement === null) collected.titleElement = collapseSpace(rawText(element)) || null;
        return false;
      case 'time': {
        const datetime = attribs.datetime ?? collapseSpace(rawText(element));
        if (datetime) collected.times.push({ datetime, published: attribs.pubdate !== undefined || attribs.itemprop === 'datePublished' });
        break;
      }
      case 'h1':
        if (collected.h1 === null) collected.h1 = collapseSpace(rawText(element)) || null;
        break;
      default:
        break;
    }
    if (attribs.itemprop === 'datePublished' && attribs.content && element.name !== 'meta') collected.times.push({ datetime: attribs.content, published: true });
    if (collected.bylineElement === null && (attribs.rel === 'author' || ((mayNameByline(attribs.class) || mayNameByline(attribs.id)) && elementNames(element).some((name) => BYLINE_TOKENS.has(name))))) {
      const text = collapseSpace(rawText(element)).replace(/^by\s+/i, '');
      if (text.length > 2 && text.length < 100) collected.bylineElement = text;
    }
    return true;
  });
  return collected;
}

interface LdFields {
  headline: string | null;
  author: string | null;
  datePublished: string | null;
  dateModified: string | null;
  siteName: string | null;
  inLanguage: string | null;
  url: string | null;
}

/** Reads the article node of the page's JSON-LD (arrays and @graph included). */
function readJsonLd(scripts: readonly string[]): LdFields {
  const fields: LdFields = { headline: null, author: null, datePublished: null, dateModified: null, siteName: null, inLanguage: null, url: null };
  const nodes: Record<string, unknown>[] = [];
  for (const script of scripts) {
    const parsed = parseJsonLenient(script);
    const queue: unknown[] = [parsed];
    while (queue.length > 0 && nodes.length < 200) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (isObject(item)) {
        nodes.push(item);
        if (Array.isArray(item['@graph'])) queue.push(...item['@graph']);
      }
    }
  }
  const typesOf = (node: Record<string, unknown>): string[] => {
    const type = node['@type'];
    return typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((value): value is string => typeof value === 'string') : [];
  };
  // Prefer a real article type over a plain WebPage.
  const articles = nodes.filter((node) => typesOf(node).some((type) => ARTICLE_TYPES.test(type)));
  articles.sort((a, b) => Number(typesOf(a).includes('WebPage')) - Number(typesOf(b).includes('WebPage')));
  const article = articles[0];
  if (article) {
    fields.headline = stringOf(article.headline) ?? (typesOf(article).includes('WebPage') ? null : stringOf(article.name));
    fields.author = namesOf(article.author) ?? namesOf(article.creator);
    fields.datePublished = stringOf(article.datePublished) ?? stringOf(article.dateCreated);
    fields.dateModified = stringOf(article.dateModified);
    fields.siteName = namesOf(article.publisher) ?? namesOf(article.sourceOrganization);
    fields.inLanguage = stringOf(article.inLanguage);
    const entity = article.mainEntityOfPage;
    fields.url = stringOf(article.url) ?? stringOf(entity) ?? (isObject(entity) ? stringOf(entity['@id']) : null);
  }
  if (fields.siteName === null) {
    const site = nodes.find((node) => typesOf(node).some((type) => type === 'WebSite' || type === 'Organization' || type === 'NewsMediaOrganization'));
    if (site) fields.siteName = stringOf(site.name);
  }
  // JSON-LD is script text, which the parser hands over as written, and many sites write character
  // references into its strings ("&#8217;", "&#163;71.6m", "Fish &amp; Chips").
  fields.headline = decodeCharacterReferences(fields.headline);
  fields.author = decodeCharacterReferences(fields.author);
  fields.siteName = decodeCharacterReferences(fields.siteName);
  return fields;
}

function parseJsonLenient(text: string): unknown {
  const cleaned = text.replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, '').trim();
  try {
    return JSON.parse(cleaned);
  } catch {
    try {
      // Raw newlines and tabs inside strings are the usual breakage.
      return JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return null;
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return stringOf(value[0]);
  return null;
}

/** A person/organization value: a name string, an object with `name`, or a list of those. */
function namesOf(value: unknown): string | null {
  const names: string[] = [];
  const list = Array.isArray(value) ? value : [value];
  for (const item of list) {
    if (typeof item === 'string' && item.trim() && !/^https?:\/\//.test(item)) names.push(item.trim());
    else if (isObject(item)) {
      const name = stringOf(item.name);
      if (name) names.push(name);
    }
  }
  return names.length > 0 ? [...new Set(names)].join(', ') : null;
}

/** "Headline | Site" → "Headline" when the other part is the site name or a short suffix. */
function trimSiteName(title: string, siteName: string | null): string {
  const separators = [...title.matchAll(/\s+[|–—·:»-]\s+|\s+[|»]\s*/g)];
  if (separators.length === 0) return title;
  const parts = title.split(/\s+[|–—·:»-]\s+|\s+[|»]\s*/);
  if (siteName) {
    const site = siteName.toLowerCase();
    const kept = parts.filter((part) => part.toLowerCase() !== site);
    if (kept.length < parts.length && kept.length > 0) return kept.join(' - ');
  }
  const last = separators[separators.length - 1] as RegExpMatchArray;
  const head = title.slice(0, last.index);
  const suffix = title.slice((last.index ?? 0) + last[0].length);
  return suffix.split(/\s+/).length <= 4 && head.split(/\s+/).length >= 2 ? head : title;
}

/** ISO 8601 when the value parses as a date, otherwise the value as given. */
function toIsoDate(value: string | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!trimmed) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return /\d{4}/.test(trimmed) ? trimmed : null;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  if (year < 1990 || year > 2100) return null;
  return date.toISOString();
}

/** /2019/11/18/, /2019-11-18, /20191118/ in the path give a date (day precision). */
function dateFromUrl(url: string): string | null {
  const match = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)/.exec(url) ?? /[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/.exec(url);
  if (!match) return null;
  const [year, month, day] = [match[1] ?? '', match[2] ?? '', match[3] ?? ''];
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function normaliseLanguage(value: string | null): string | null {
  if (!value) return null;
  const match = /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2,4}))?/.exec(value.trim());
  if (!match) return null;
  const primary = (match[1] ?? '').toLowerCase();
  const region = match[2];
  return region ? `${primary}-${region.toUpperCase()}` : primary;
}

function resolveUrl(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base ?? undefined).href;
  } catch {
    return /^https?:\/\//.test(href) ? href.trim() : null;
  }
}
