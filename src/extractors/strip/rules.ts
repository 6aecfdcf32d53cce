import { compile } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import type { RuleRow } from '../../rules/table.js';
import { collapseSpace, rawText } from './dom.js';
import { foldCase, patternConditions, topLevelAlternatives } from './pattern-literals.js';
import { PhraseScreen } from './phrase-screen.js';

/**
 * How a boilerplate rule recognises its target. Exactly one matcher per rule:
 * - `tags`: element names (nav, figcaption …)
 * - `tokens`: words of the element's class or id (`share` hits `share-bar` and `socialShare`,
 *   never `shareholders`); a token with hyphens must appear as that run of words
 * - `attribute`: an attribute, optionally with one of the given values (role=navigation)
 * - `selector`: a CSS selector, for what the others cannot say
 * - `text`: a regular expression the whole text of a block must match ("Advertisement"), within
 *   the block limits of `TextScope`
 * - `sectionHeading`: a heading whose whole text matches starts a section that is dropped
 *   with it ("You May Also Like", "Related stories")
 */
export type RuleMatch =
  | { kind: 'tags'; tags: readonly string[] }
  | { kind: 'tokens'; tokens: readonly string[] }
  | { kind: 'attribute'; name: string; values: readonly string[] | null }
  | { kind: 'selector'; selector: string }
  | ({ kind: 'text'; pattern: string } & TextScope)
  | { kind: 'sectionHeading'; pattern: string };

/**
 * Where a `text` rule may judge a block. A phrase that is boilerplate as a whole short block
 * ("Foto: dpa", "Newsletter abonnieren") can start a real sentence, so rules match whole
 * blocks only, of at most `maxChars`; prompts that are only boilerplate as links ("Mehr zum
 * Thema: <headline>") also ask for link text; bios and source notes only count at the end.
 */
export interface TextScope {
  /** `anywhere` in the article, or only at its `end`: less than `endMatterChars` of kept text follows. */
  position: 'anywhere' | 'end';
  /** Longest block text the rule judges. */
  maxChars: number;
  /** Share of the block's text that must be link text. */
  minLinkDensity: number;
}

/** What `text` rules in config/boilerplate.json assume when a row says nothing. */
export const DEFAULT_TEXT_SCOPE: TextScope = { position: 'anywhere', maxChars: 200, minLinkDensity: 0 };

/** The `text` rules of one position, in table order. */
export interface TextRuleSet extends PhraseRuleSet<{ pattern: RegExp; source: string; scope: TextScope; rule: BoilerplateRule }> {
  /** The longest block any rule of the set judges. */
  maxChars: number;
}

/**
 * Phrase rules with the screen that finds, from their literals, which of them a text may match:
 * most blocks hold the literals of no rule, and a substring search costs far less than running
 * the rules' expressions (the first rule in table order that matches still wins).
 */
export interface PhraseRuleSet<Entry extends PhraseEntry> {
  rules: readonly Entry[];
  screen: PhraseScreen;
}

export interface BoilerplateRule extends RuleRow {
  /** What the rule is about: share, related, newsletter, cookie, comments, caption, byline, ad, nav … */
  group: string;
  /** `remove` drops what matches; `hint` marks a likely article container (scores a bonus). */
  action: 'remove' | 'hint';
  /**
   * Applies even to the headline's ancestors (hidden markup often repeats the headline);
   * an element holding most of the page's text is still kept.
   */
  force: boolean;
  /**
   * What it matches may hold the story's lead (article headers, CMS "teaser" fields): after
   * the headline it is set aside instead of dropped, and the lead pass may take it back.
   */
  mayHoldLead: boolean;
  match: RuleMatch;
}

/** The compiled rule table: lookups by tag, token and attribute so one walk tests every rule. */
export interface CompiledBoilerplate {
  rules: readonly BoilerplateRule[];
  byTag: ReadonlyMap<string, BoilerplateRule>;
  byToken: ReadonlyMap<string, BoilerplateRule>;
  /** Tokens of several words, by their first word, as `-word-word-`. */
  multiWordTokens: ReadonlyMap<string, readonly { token: string; rule: BoilerplateRule }[]>;
  attributes: readonly { name: string; values: ReadonlySet<string> | null; rule: BoilerplateRule }[];
  selectors: readonly { test: (element: Element) => boolean; rule: BoilerplateRule }[];
  texts: TextRuleSet;
  /** Text rules for the article's end only (author bios, source notes). */
  endTexts: TextRuleSet;
  sectionHeadings: PhraseRuleSet<{ pattern: RegExp; source: string; rule: BoilerplateRule }>;
  /** Whether a `hint` rule names the element as article content. */
  contentHint: (element: Element) => boolean;
}

export function compileBoilerplate(rules: readonly BoilerplateRule[]): CompiledBoilerplate {
  const hints = compileMatchers(rules.filter((rule) => rule.action === 'hint'), () => false);
  const contentHint = (element: Element): boolean => findElementRule(hints, element) !== null;
  return compileMatchers(rules.filter((rule) => rule.action === 'remove'), contentHint);
}

function compileMatchers(rules: readonly BoilerplateRule[], contentHint: (element: Element) => boolean): CompiledBoilerplate {
  const byTag = new Map<string, BoilerplateRule>();
  const byToken = new Map<string, BoilerplateRule>();
  const multiWordTokens = new Map<string, { token: string; rule: BoilerplateRule }[]>();
  const attributes: { name: string; values: ReadonlySet<string> | null; rule: BoilerplateRule }[] = [];
  const selectors: { test: (element: Element) => boolean; rule: BoilerplateRule }[] = [];
  const texts: { pattern: RegExp; source: string; scope: TextScope; rule: BoilerplateRule }[] = [];
  const endTexts: { pattern: RegExp; source: string; scope: TextScope; rule: BoilerplateRule }[] = [];
  const sectionHeadings: { pattern: RegExp; source: string; rule: BoilerplateRule }[] = [];
  for (const rule of rules) {
    const match = rule.match;
    switch (match.kind) {
      case 'tags':
        for (const tag of match.tags) if (!byTag.has(tag)) byTag.set(tag, rule);
        break;
      case 'tokens':
        for (const token of match.tokens) {
          const normal = normaliseName(token);
          if (normal.includes('-')) {
            const first = normal.slice(0, normal.indexOf('-'));
            const list = multiWordTokens.get(first) ?? [];
            list.push({ token: `-${normal}-`, rule });
            multiWordTokens.set(first, list);
          }
          else if (!byToken.has(normal)) byToken.set(normal, rule);
        }
        break;
      case 'attribute':
        attributes.push({ name: match.name, values: match.values ? new Set(match.values.map((value) => value.toLowerCase())) : null, rule });
        break;
      case 'selector':
        selectors.push({ test: compile<AnyNode, Element>(match.selector), rule });
        break;
      case 'text':
        for (const source of topLevelAlternatives(match.pattern)) (match.position === 'end' ? endTexts : texts).push({ pattern: wholeTextPattern(source), source, scope: match, rule });
        break;
      case 'sectionHeading':
        for (const source of topLevelAlternatives(match.pattern)) sectionHeadings.push({ pattern: wholeTextPattern(source), source, rule });
        break;
    }
  }
  return {
    rules, byTag, byToken, multiWordTokens, attributes, selectors,
    texts: textRuleSet(texts),
    endTexts: textRuleSet(endTexts),
    sectionHeadings: phraseRuleSet(sectionHeadings),
    contentHint,
  };
}

/** A phrase pattern judges a block's whole text, letters compared without case. */
function wholeTextPattern(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'iu');
}

function textRuleSet(rules: readonly { pattern: RegExp; source: string; scope: TextScope; rule: BoilerplateRule }[]): TextRuleSet {
  return { ...phraseRuleSet(rules), maxChars: Math.max(0, ...rules.map(({ scope }) => scope.maxChars)) };
}

/**
 * One top-level alternative of a row's pattern: V8 compiles an expression on its first run, and
 * with `iu` that costs milliseconds for a long row, so only the alternatives a text's literals
 * point to are ever compiled. A text matches the row when it matches one of its alternatives.
 */
interface PhraseEntry {
  pattern: RegExp;
  source: string;
  rule: BoilerplateRule;
}

function phraseRuleSet<Entry extends PhraseEntry>(rules: readonly Entry[]): PhraseRuleSet<Entry> {
  return { rules, screen: new PhraseScreen(rules.map(({ source }) => patternConditions(source))) };
}

const SIMPLE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `relatedArticles`, `related_articles`, `Related Articles` all become `related-articles`. */
function normaliseName(name: string): string {
  if (SIMPLE_NAME.test(name)) return name;
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Class attributes repeat across elements and pages: their normalised names are cached. */
const namesCache = new Map<string, readonly string[]>();
const NAMES_CACHE_LIMIT = 100_000;

function normalisedNames(value: string): readonly string[] {
  let names = namesCache.get(value);
  if (names === undefined) {
    const own = detached(value);
    names = own.split(/\s+/).filter((name) => name !== '').map(normaliseName);
    if (namesCache.size >= NAMES_CACHE_LIMIT) namesCache.clear();
    namesCache.set(own, names);
  }
  return names;
}

/** The class names and id of an element, each normalised. */
export function elementNames(element: Element): readonly string[] {
  const classAttr = element.attribs.class;
  const id = element.attribs.id;
  if (!id) return classAttr ? normalisedNames(classAttr) : [];
  if (!classAttr) return normalisedNames(id);
  return [...normalisedNames(classAttr), ...normalisedNames(id)];
}

/** The first structural rule (tags, tokens, attribute, selector) that matches the element. */
export function findElementRule(table: CompiledBoilerplate, element: Element): BoilerplateRule | null {
  const byTag = table.byTag.get(element.name);
  if (byTag) return byTag;
  for (const { name, values, rule } of table.attributes) {
    const value = element.attribs[name];
    if (value === undefined) continue;
    if (values === null || values.has(value.trim().toLowerCase())) return rule;
  }
  if (element.attribs.class || element.attribs.id) {
    const rule = cachedTokenRule(table, element);
    if (rule) return rule;
  }
  for (const { test, rule } of table.selectors) if (test(element)) return rule;
  return null;
}

const tokenRuleCache = new WeakMap<CompiledBoilerplate, Map<string, BoilerplateRule | null>>();

/** Token lookups keyed by the class and id strings: the same few hundred repeat on every page. */
function cachedTokenRule(table: CompiledBoilerplate, element: Element): BoilerplateRule | null {
  let cache = tokenRuleCache.get(table);
  if (!cache) {
    cache = new Map();
    tokenRuleCache.set(table, cache);
  }
  const key = `${element.attribs.class ?? ''}\u0001${element.attribs.id ?? ''}`;
  let rule = cache.get(key);
  if (rule === undefined) {
    rule = findTokenRule(table, elementNames(element));
    if (cache.size >= NAMES_CACHE_LIMIT) cache.clear();
    cache.set(detached(key), rule);
  }
  return rule;
}

/**
 * A copy of a string that does not share memory with the page: attribute values are slices of
 * the whole HTML, so caching them as they are would keep every page's HTML alive.
 */
function detached(value: string): string {
  return Buffer.from(value, 'utf8').toString('utf8');
}

function findTokenRule(table: CompiledBoilerplate, names: readonly string[]): BoilerplateRule | null {
  for (const name of names) {
    if (name === '') continue;
    const whole = table.byToken.get(name);
    if (whole) return whole;
    if (name.includes('-')) {
      const parts = name.split('-');
      for (const part of parts) {
        const rule = table.byToken.get(part);
        if (rule) return rule;
      }
      const wrapped = `-${name}-`;
      for (const part of parts) {
        const candidates = table.multiWordTokens.get(part);
        if (candidates) for (const { token, rule } of candidates) if (wrapped.includes(token)) return rule;
      }
    }
  }
  return null;
}

const textRuleCache = new WeakMap<CompiledBoilerplate, Map<string, BoilerplateRule | null>>();

/** Short texts repeat across blocks and pages ("Share", "Read more"): remember the verdicts. */
function cachedVerdict(table: CompiledBoilerplate, key: string, find: () => BoilerplateRule | null): BoilerplateRule | null {
  let cache = textRuleCache.get(table);
  if (!cache) {
    cache = new Map();
    textRuleCache.set(table, cache);
  }
  let rule = cache.get(key);
  if (rule === undefined) {
    rule = find();
    if (cache.size >= NAMES_CACHE_LIMIT) cache.clear();
    cache.set(key, rule);
  }
  return rule;
}

/** The first `text` rule whose pattern the whole block text matches, within the rule's scope. */
export function findTextRule(table: CompiledBoilerplate, text: string, linkDensity = 0): BoilerplateRule | null {
  return findInSet(table.texts, text, linkDensity);
}

/** The same for the rules that only judge the article's end. */
export function findEndTextRule(table: CompiledBoilerplate, text: string, linkDensity = 0): BoilerplateRule | null {
  return findInSet(table.endTexts, text, linkDensity);
}

function findInSet(set: TextRuleSet, block: string, linkDensity: number): BoilerplateRule | null {
  if (block.length > set.maxChars || set.rules.length === 0) return null;
  // A <br> inside a prompt ("Werden Sie Mitglied bei<br>X") must not hide it from the patterns.
  const text = block.includes('\n') ? block.replace(LINE_BREAKS, ' ') : block;
  // Block texts rarely repeat, so they are not cached; the screen rules most rules out.
  const candidates = set.screen.candidates(foldCase(text));
  for (let index = 0; index < set.rules.length; index++) {
    const { pattern, scope, rule } = set.rules[index] as TextRuleSet['rules'][number];
    if (candidates[index] === 1 && text.length <= scope.maxChars && linkDensity >= scope.minLinkDensity && pattern.test(text)) return rule;
  }
  return null;
}

const LINE_BREAKS = /\s*\n\s*/g;

export function findSectionHeadingRule(table: CompiledBoilerplate, text: string): BoilerplateRule | null {
  const headings = table.sectionHeadings;
  if (text.length > 80 || headings.rules.length === 0) return null;
  return cachedVerdict(table, `h\u0001${text}`, () => {
    const bare = text.replace(/[\s:›»>→.…-]+$/u, '');
    const candidates = headings.screen.candidates(foldCase(bare));
    for (let index = 0; index < headings.rules.length; index++) {
      const { pattern, rule } = headings.rules[index] as (typeof headings.rules)[number];
      if (candidates[index] === 1 && pattern.test(bare)) return rule;
    }
    return null;
  });
}

/**
 * Whether one rule fires on an element, exactly as the stripper decides it (tables of one).
 * The generated per-rule tests call this with each example's first element.
 */
export function ruleMatchesElement(rule: BoilerplateRule, element: Element): boolean {
  const single = compileMatchers([rule], () => false);
  switch (rule.match.kind) {
    case 'text': {
      const text = collapseSpace(rawText(element));
      const linkDensity = text === '' ? 0 : Math.min(1, linkTextLength(element) / text.length);
      return (rule.match.position === 'end' ? findEndTextRule : findTextRule)(single, text, linkDensity) === rule;
    }
    case 'sectionHeading':
      return isHeadingLike(element) && findSectionHeadingRule(single, collapseSpace(rawText(element))) === rule;
    default:
      return findElementRule(single, element) === rule;
  }
}

/** Characters of text inside links under the element, whitespace runs counted as one. */
function linkTextLength(element: Element): number {
  let sum = 0;
  for (const child of element.children) {
    if (child.type !== 'tag') continue;
    sum += child.name === 'a' ? collapseSpace(rawText(child)).length : linkTextLength(child);
  }
  return sum;
}

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Section titles are often styled divs or spans rather than h2 … h6. */
const HEADING_LIKE_TAGS: ReadonlySet<string> = new Set(['div', 'p', 'span', 'strong', 'b', 'header', 'legend', 'summary', 'a']);

/**
 * A heading, or a small element holding only inline content that may act as one. `hasText`
 * says whether an element holds non-whitespace text; pass a precomputed answer when calling
 * this for every element (asking each sibling's subtree afresh is quadratic in nesting depth).
 */
export function isHeadingLike(element: Element, hasText: (node: Element) => boolean = (node) => rawText(node).trim() !== ''): boolean {
  if (HEADING_TAGS.has(element.name)) return true;
  if (!HEADING_LIKE_TAGS.has(element.name)) return false;
  for (const child of element.children) {
    if (child.type === 'tag' && !INLINE_TAGS.has(child.name)) return false;
  }
  // An inline element is a heading only when it stands alone, never inside a sentence.
  if (INLINE_TAGS.has(element.name) && element.parent) {
    for (const sibling of element.parent.children) {
      if (sibling === element) continue;
      if (sibling.type === 'text' ? sibling.data.trim() !== '' : sibling.type === 'tag' && hasText(sibling)) return false;
    }
  }
  return true;
}

const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'img', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'big', 'tt', 'strike', 'ins', 'del', 'label', 'nobr',
]);
