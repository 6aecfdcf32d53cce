import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimfeedError } from '../../src/errors.js';
import { extractClaims } from '../../src/extractors/claims/index.js';
import { decodeHtmlBytes } from '../../src/extractors/decode.js';
import { stripArticle } from '../../src/extractors/strip/index.js';
import { classifyAddress } from '../../src/fetch/address-guard.js';
import { parseRobots, robotsAllows, robotsPatternMatches } from '../../src/fetch/robots-rules.js';
import { MAX_URL_LENGTH, canonicalizeUrl } from '../../src/model/ids.js';
import { parseClaimFilters } from '../../src/server/requests.js';
import { isStreamId } from '../../src/store/stream-ids.js';

/**
 * Property tests over hostile input: every input gets a typed result or a ClaimfeedError with a
 * stable code, never another exception. Seeded and bounded, so a run is repeatable; how long
 * the worst inputs take is measured by `npm run bench:adversarial`, not here.
 */
const RUNS = { seed: 20261130, numRuns: 300 };

function typedOrValue<T>(run: () => T, codes: readonly string[]): T | ClaimfeedError {
  try {
    return run();
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(ClaimfeedError);
    expect(codes).toContain((error as ClaimfeedError).code);
    return error as ClaimfeedError;
  }
}

/** A plain reference for robots patterns: memoised recursion over (pattern, path) positions. */
function referenceMatch(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const memo = new Map<string, boolean>();
  const walk = (p: number, s: number): boolean => {
    const key = `${p},${s}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (p === body.length) result = !anchored || s === path.length;
    else if (body[p] === '*') result = walk(p + 1, s) || (s < path.length && walk(p, s + 1));
    else result = s < path.length && path[s] === body[p] && walk(p + 1, s + 1);
    memo.set(key, result);
    return result;
  };
  return walk(0, 0);
}

describe('robots.txt under fuzzing', () => {
  const pathChars = fc.constantFrom('a', 'b', '/', '*', '$', '.', '%', '2', 'F', 'ü', '?');
  it('matches wildcards exactly like a reference matcher', () => {
    fc.assert(
      fc.property(fc.string({ unit: pathChars, maxLength: 24 }), fc.string({ unit: pathChars, maxLength: 24 }), (pattern, path) => {
        expect(robotsPatternMatches(pattern, path)).toBe(referenceMatch(pattern, path));
      }),
      RUNS,
    );
  });

  it('parses any text into rules and answers any path with a verdict', () => {
    const line = fc.oneof(
      fc.constantFrom('User-agent: *', 'User-agent: claimfeed', 'User-agent:', 'User-agent: c', 'Crawl-delay: 5', 'Crawl-delay: -1', '# comment', ''),
      fc.tuple(fc.constantFrom('Allow', 'Disallow', 'allow', 'DISALLOW', 'Sitemap', 'junk'), fc.string({ unit: pathChars, maxLength: 40 })).map(([field, value]) => `${field}: /${value}`),
      fc.string({ maxLength: 60 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), fc.string({ unit: pathChars, maxLength: 60 }), (lines, eol, path) => {
        const rules = parseRobots(lines.join(eol), 'claimfeed');
        const verdict = robotsAllows(rules, `/${path}`);
        expect(typeof verdict.allowed).toBe('boolean');
        expect(verdict.allowed ? verdict.rule === null : rules.disallow.includes(verdict.rule ?? '')).toBe(true);
        if (verdict.crawlDelayMs !== null) expect(verdict.crawlDelayMs).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });
});

describe('URLs and addresses under fuzzing', () => {
  const tracking = ['utm_*', 'fbclid'];
  it('gives every string a canonical URL or INVALID_URL, and canonical URLs are fixed points', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }).map((tail) => `https://user:pw@news.example/${tail}`)), (input) => {
        const result = typedOrValue(() => canonicalizeUrl(input, tracking), ['INVALID_URL']);
        if (typeof result === 'string') {
          expect(result.length).toBeLessThanOrEqual(MAX_URL_LENGTH * 3);
          expect(new URL(result).username).toBe('');
          expect(canonicalizeUrl(result, tracking)).toBe(result);
        }
      }),
      RUNS,
    );
  });

  it('decides every address, and an IPv6 form carrying an IPv4 address as that address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ipv4) => {
        const inner = classifyAddress(ipv4).blocked;
        const [a = 0, b = 0, c = 0, d = 0] = ipv4.split('.').map(Number);
        const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        for (const form of [`::ffff:${ipv4}`, `::ffff:${hex}`, `::${hex}`, `64:ff9b::${hex}`, `::ffff:0:${hex}`, `2002:${hex}::1`]) {
          expect(classifyAddress(form).blocked, form).toBe(inner);
        }
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.oneof(fc.ipV6(), fc.string({ maxLength: 45 })), (address) => {
        const decision = classifyAddress(address);
        expect(typeof decision.blocked).toBe('boolean');
        expect(decision.range.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});

describe('API query strings under fuzzing', () => {
  it('parses any /api/claims query into filters or a BAD_REQUEST, never a value Redis would refuse', () => {
    const name = fc.constantFrom('article', 'actor', 'kind', 'since', 'until', 'cursor', 'limit', 'colour');
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String), fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 66n }), fc.bigInt({ min: 0n, max: 2n ** 66n })).map(([ms, seq]) => `${ms}-${seq}`));
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 5 }), (pairs) => {
        const filters = typedOrValue(() => parseClaimFilters(new URLSearchParams(pairs)), ['BAD_REQUEST']);
        if (filters instanceof ClaimfeedError) return;
        if (filters.cursor !== undefined) expect(isStreamId(filters.cursor)).toBe(true);
        for (const time of [filters.since, filters.until]) if (typeof time === 'number') expect(time).toBeLessThanOrEqual(8.64e15);
      }),
      RUNS,
    );
  });
});

describe('HTML strip and claims under fuzzing', () => {
  const STRIP_CODES = ['INPUT_EMPTY', 'INPUT_BINARY', 'INPUT_TOO_DEEP', 'NOT_AN_ARTICLE', 'ARTICLE_EMPTY'];
  const fragment = fc.oneof(
    fc.constantFrom('<p>', '</p>', '<div class="share">', '</div>', '<article>', '</article>', '<h1>', '</h1>', '<script>x()</script>', '<!--', '-->', '<br>', '&amp;', '&#0;', '<table><tr><td>'),
    fc.lorem({ maxCount: 12 }),
    fc.string({ maxLength: 20 }),
  );
  it('strips any markup into an article or a typed error, and extracts claims from its text', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 80 }), (parts) => {
        const html = decodeHtmlBytes(Buffer.from(`<html><body>${parts.join('')}</body></html>`)).html;
        const article = typedOrValue(() => stripArticle(html, { url: 'https://news.example/fuzz' }), STRIP_CODES);
        if (article instanceof ClaimfeedError) return;
        expect(typeof article.text).toBe('string');
        const { claims } = extractClaims(article.text, { articleId: 'fuzz' });
        for (const claim of claims) {
          expect(claim.sentence.start).toBeGreaterThanOrEqual(0);
          expect(claim.sentence.end).toBeLessThanOrEqual(article.text.length);
        }
      }),
      { ...RUNS, numRuns: 120 },
    );
  });
});
