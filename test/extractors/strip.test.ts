import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimfeedError } from '../../src/errors.js';
import { decodeHtmlBytes } from '../../src/extractors/decode.js';
import { stripArticle } from '../../src/extractors/strip/index.js';
import { loadBoilerplatePhrases, loadBoilerplateRules } from '../../src/rules/strip-rules.js';
import { readSharedJson, repoRoot, sharedDir } from '../helpers/shared.js';

const pagesDir = resolve(repoRoot, 'test', 'fixtures', 'pages');

interface Snippets {
  url: string;
  with: string[];
  without: string[];
}

function readSnippets(slug: string): Snippets {
  const raw: unknown = JSON.parse(readFileSync(resolve(pagesDir, slug, 'snippets.json'), 'utf8'));
  if (typeof raw !== 'object' || raw === null || !('url' in raw) || !('with' in raw) || !('without' in raw)) throw new Error(`${slug}/snippets.json: expected {url, with, without}`);
  return raw as Snippets;
}

function stripFixture(slug: string) {
  const snippets = readSnippets(slug);
  const bytes = readFileSync(resolve(pagesDir, slug, 'source.html'));
  return { snippets, article: stripArticle(decodeHtmlBytes(bytes).chunks, { url: snippets.url }) };
}

/** Snippets are compared with runs of whitespace made single spaces. */
const spaced = (text: string): string => text.replace(/\s+/g, ' ');

describe('stripArticle on real pages (test/fixtures/pages)', () => {
  for (const slug of readdirSync(pagesDir)) {
    it(`${slug}: keeps the story's text and drops the boilerplate`, () => {
      const { snippets, article } = stripFixture(slug);
      const text = spaced(article.text);
      for (const snippet of snippets.with) expect(text, `missing: ${snippet}`).toContain(spaced(snippet));
      for (const snippet of snippets.without) expect(text, `should be gone: ${snippet}`).not.toContain(spaced(snippet));
      expect(article.title).toBeTruthy();
      expect(article.blocks.length).toBeGreaterThan(0);
    });
  }

  it('logs every removed block with a rule id from config/boilerplate.json, config/boilerplate-phrases or a named scoring step', () => {
    const ids = new Set([...loadBoilerplateRules().rules, ...loadBoilerplatePhrases().flatMap((table) => table.rules)].map((rule) => rule.id));
    for (const slug of readdirSync(pagesDir)) {
      for (const removed of stripFixture(slug).article.removed) {
        expect(ids.has(removed.ruleId) || /^(score|structure):[a-z-]+$/.test(removed.ruleId), removed.ruleId).toBe(true);
      }
    }
  });

  it('gives the same article from the decoded pieces as from the page as one string', () => {
    for (const slug of readdirSync(pagesDir)) {
      const decoded = decodeHtmlBytes(readFileSync(resolve(pagesDir, slug, 'source.html')));
      const url = readSnippets(slug).url;
      expect(stripArticle(decoded.chunks, { url }), slug).toEqual(stripArticle(decoded.html, { url }));
    }
  });

  it('reads pages re-encoded to UTF-8 that still declare a legacy charset (Korean, Russian)', () => {
    expect(stripFixture('entermedia-drama-review').article.language.detected).toBe('ko');
    expect(stripFixture('vse-diety-atkins').article.language.detected).toBe('ru');
    expect(stripFixture('lhpat-decision-info').article.language.detected).toBe('ja');
  });

  it('decodes character references that a page writes into its JSON-LD strings (headline, author, publisher)', () => {
    const { article } = stripFixture('json-ld-entities-harbour');
    expect(article).toMatchObject({
      title: 'Harbour board ‘backs’ £4.2m quay repair – ferry pilots & skippers wait',
      byline: 'Jo Kröll',
      siteName: 'Quay & Pier Gazette',
    });
    expect(article.sources).toMatchObject({ title: 'json-ld', byline: 'json-ld', siteName: 'json-ld' });
  });
});

describe('the seed article page', () => {
  const gold = readSharedJson('examples', 'seed-article.gold.json') as { text: string };
  const { article } = stripFixture('seed-article');

  it('strips exactly to the gold body text, non-breaking spaces included', () => {
    expect(article.text).toBe(gold.text);
  });

  it('contains none of the "You May Also Like" teasers', () => {
    const seed = readFileSync(resolve(sharedDir(), 'examples', 'seed-article.txt'), 'utf8');
    const teasers = seed.slice(seed.indexOf('You May Also Like')).split('\n').filter((line) => line.trim().length > 20);
    expect(teasers.length).toBeGreaterThan(30);
    for (const teaser of teasers) expect(article.text).not.toContain(teaser.trim());
    expect(article.text).not.toContain('Share this');
  });

  it('says which rule removed the share bars and the teaser grid', () => {
    const ruleFor = (fragment: string) => article.removed.find((block) => block.text.includes(fragment))?.ruleId;
    expect(ruleFor('Share this @internewscast.com')).toBe('share.tokens');
    expect(ruleFor('Progressive Commentator Proposes Strategy')).toBe('related.tokens');
  });

  it('reads the metadata from JSON-LD first and records the source of each field', () => {
    expect(article).toMatchObject({
      title: 'Biden administration leans on Mexico as migrant crossings hit a record',
      byline: 'Internewscast Staff',
      publishedAt: '2024-01-06T14:30:00.000Z',
      modifiedAt: '2024-01-06T16:05:00.000Z',
      siteName: 'Internewscast Journal',
      language: { declared: 'en-US', detected: 'en' },
      canonicalUrl: 'https://internewscast.com/news/us-news/biden-administration-leans-on-mexico-migrants/',
    });
    expect(article.sources).toMatchObject({ title: 'json-ld', byline: 'json-ld', publishedAt: 'json-ld', siteName: 'json-ld', canonicalUrl: 'link-canonical' });
  });

  it('gives block offsets into the text', () => {
    for (const block of article.blocks) expect(article.text.slice(block.start, block.end)).toBe(block.text);
  });
});

const paragraphs = (count: number, words = 'The council approved the budget after a long debate, officials said, and the vote was close.') =>
  Array.from({ length: count }, (_, index) => `<p>${words} Paragraph ${index + 1}.</p>`).join('\n');

describe('metadata cascade', () => {
  it('falls back from meta tags to <time> to the URL, recording each source', () => {
    const fromMeta = stripArticle(
      `<html><head><meta name="parsely-title" content="Budget passes"><meta name="sailthru.author" content="Ann Lee"><meta name="dc.date" content="2023-05-02T10:00:00Z"><meta property="og:site_name" content="City Desk"></head><body>${paragraphs(4)}</body></html>`,
    );
    expect(fromMeta).toMatchObject({ title: 'Budget passes', byline: 'Ann Lee', publishedAt: '2023-05-02T10:00:00.000Z', siteName: 'City Desk' });
    expect(fromMeta.sources).toMatchObject({ title: 'meta', byline: 'meta', publishedAt: 'meta', siteName: 'meta' });

    const fromTime = stripArticle(`<html><head><title>Budget passes | City Desk</title></head><body><article><time datetime="2023-05-03">May 3</time>${paragraphs(4)}</article></body></html>`);
    expect(fromTime).toMatchObject({ title: 'Budget passes', publishedAt: '2023-05-03' });
    expect(fromTime.sources).toMatchObject({ title: 'title-element', publishedAt: 'time-element' });

    const fromUrl = stripArticle(`<body>${paragraphs(4)}</body>`, { url: 'https://example.com/news/2022/11/07/budget-passes/' });
    expect(fromUrl.publishedAt).toBe('2022-11-07');
    expect(fromUrl.sources.publishedAt).toBe('url');
    expect(fromUrl.canonicalUrl).toBe('https://example.com/news/2022/11/07/budget-passes/');
  });

  it('reads a NewsArticle inside an @graph array and ignores broken JSON-LD', () => {
    const html = `<head><script type="application/ld+json">{broken</script><script type="application/ld+json">[{"@graph":[{"@type":"Organization","name":"Org"},{"@type":["NewsArticle"],"headline":"Graph headline","author":[{"name":"A. Writer"},{"name":"B. Writer"}],"datePublished":"2021-01-02T03:04:05Z","publisher":{"name":"Graph Times"}}]}]</script></head><body>${paragraphs(3)}</body>`;
    expect(stripArticle(html)).toMatchObject({ title: 'Graph headline', byline: 'A. Writer, B. Writer', publishedAt: '2021-01-02T03:04:05.000Z', siteName: 'Graph Times' });
  });
});

describe('block scoring without any class names', () => {
  it('picks the prose and leaves link lists and short fragments out', () => {
    const links = Array.from({ length: 12 }, (_, index) => `<li><a href="/s/${index}">Other story number ${index} about something else</a></li>`).join('');
    const html = `<body><div><ul>${links}</ul></div><div><h2>A subheading</h2>${paragraphs(6)}</div><div><ul>${links}</ul><p>Copyright 2024</p></div></body>`;
    const article = stripArticle(html);
    expect(article.text).toContain('Paragraph 1.');
    expect(article.text).toContain('Paragraph 6.');
    expect(article.text).toContain('A subheading');
    expect(article.text).not.toContain('Other story number');
    expect(article.text).not.toContain('Copyright 2024');
  });

  it('keeps an article laid out in table cells with <br> line breaks (older pages)', () => {
    const cell = Array.from({ length: 5 }, () => 'Residents said the new bridge, which opened on Monday, cut their commute by half, and shops reported more customers.').join('<br><br>');
    const html = `<body><table><tr><td><a href="/">Home</a> | <a href="/news">News</a></td></tr><tr><td width="600"><font size="2">${cell}</font></td></tr></table></body>`;
    expect(stripArticle(html).text).toContain('Residents said the new bridge');
  });

  it('reads an older table-layout news page: story cell kept, nav column, related list and comments dropped', () => {
    const story = [
      'The county board voted 5-2 on Tuesday to close the east landfill by 2012, ending a decade of disputes with nearby residents.',
      'Board chairman Tom Alvarez said the decision, which follows a state inspection, would save the county about $3 million a year.',
      'Residents who had sued over odors and truck traffic welcomed the vote, though some said the timeline was still too slow.',
    ];
    const html = `<html><body bgcolor="#ffffff"><table width="760"><tr>
      <td width="150" valign="top" class="leftnav"><a href="/">Home</a><br><a href="/local">Local</a><br><a href="/sports">Sports</a><br><a href="/weather">Weather</a></td>
      <td width="610" valign="top"><font face="Arial"><b>Board votes to close landfill</b><br>By Staff Writer<br><br>
        ${story.join('<br><br>')}
        <br><br><table class="relatedstories"><tr><td><b>Related stories</b></td></tr><tr><td><a href="/1">Landfill fight heads to court</a></td></tr><tr><td><a href="/2">Residents rally over odors</a></td></tr></table>
        <div id="comments"><b>3 comments</b><p>jim_k wrote: About time, the smell has been awful for years and nobody listened to us.</p><p>sara77 wrote: Who pays for the new site? Nobody on the board will say, and taxes will go up again.</p></div>
      </font></td></tr></table>
      <table width="760"><tr><td align="center"><font size="1">Copyright 2009 The Valley Courier. All rights reserved.</font></td></tr></table></body></html>`;
    const article = stripArticle(html);
    for (const sentence of story) expect(article.text).toContain(sentence);
    for (const boilerplate of ['Weather', 'Landfill fight heads to court', 'the smell has been awful', 'Who pays for the new site', 'Copyright 2009']) {
      expect(article.text).not.toContain(boilerplate);
    }
  });

  it('falls back to every substantial block when the best container holds too little', () => {
    const html = `<body><div><p>Short intro line that is here.</p></div>${Array.from({ length: 4 }, (_, index) => `<section><div><div><p>Separate section ${index} holds a long paragraph of the story, written out at length so that it reads as prose, with commas, clauses and detail.</p></div></div></section>`).join('')}</body>`;
    const article = stripArticle(html);
    for (let index = 0; index < 4; index++) expect(article.text).toContain(`Separate section ${index}`);
  });
});

describe('the tree a browser builds from markup that leaves out or misplaces <html>, <head> and <body>', () => {
  const story = paragraphs(3);

  it('reads an article whose page never closes <head> nor opens <body>', () => {
    const article = stripArticle(`<html><head><title>Budget passes</title><meta name="author" content="Ann Lee"><link rel="stylesheet" href="/s.css">${story}</html>`);
    expect(article.text).toContain('Paragraph 1.');
    expect(article.text).toContain('Paragraph 3.');
    expect(article.title).toBe('Budget passes');
  });

  it('opens the body at the first element that does not belong in <head>, even before </head>', () => {
    const article = stripArticle(`<html><head><title>Budget passes</title><div class="story">${story}</div></head><body></body></html>`);
    expect(article.text).toContain('Paragraph 3.');
  });

  it('keeps the element a stray <body> tag sits in, and the text after </html>', () => {
    const article = stripArticle(`<html><head><title>Budget passes</title></head><div id="wrap"><body class="story">${story}</body></div></html><p>A closing paragraph after the end tag, which the browser still shows in the body, like the rest.</p>`);
    expect(article.text).toContain('Paragraph 3.');
    expect(stripArticle(`<title>Budget passes</title>${story}</body></html><p>A closing paragraph after the end tag, which the browser still shows in the body of the page, too.</p>`).text).toContain('A closing paragraph after the end tag');
  });

  it('reads a whole document pasted inside the article body as part of it', () => {
    const nested = `<!DOCTYPE html><html><body>${paragraphs(2, 'The pasted part of the story says the board met twice, and members, all of them, agreed.')}</body></html>`;
    const article = stripArticle(`<html><head><title>Budget passes</title></head><body><article>${story}${nested}</article></body></html>`);
    expect(article.text).toContain('Paragraph 3.');
    expect(article.text).toContain('The pasted part of the story');
  });
});

describe('the lead outside the body container', () => {
  const body = `<div class="text">${paragraphs(5)}</div>`;
  const lead = 'In a late-night session the council passed next year’s budget, ending a month of talks.';

  it('keeps a lead paragraph between the headline and the body', () => {
    const article = stripArticle(`<body><header><h1>Budget passes</h1><p class="intro">${lead}</p></header>${body}</body>`, {});
    expect(article.text.startsWith(lead)).toBe(true);
    expect(article.text).toContain('Paragraph 5.');
  });

  it('takes only the run adjacent to the body: a byline between ends it', () => {
    const article = stripArticle(`<body><h1>Budget passes</h1><p>${lead}</p><p>By Ann Lee</p>${body}</body>`);
    expect(article.text).not.toContain(lead);
  });

  it('takes nothing when more blocks lie between than a lead has', () => {
    const teasers = Array.from({ length: 4 }, (_, index) => `<p>Another story number ${index} told in one long sentence here, for the front page.</p>`).join('');
    const article = stripArticle(`<body><h1>Budget passes</h1><div>${teasers}</div>${body}</body>`);
    expect(article.text).not.toContain('Another story number');
  });
});

describe('an empty result is a typed outcome', () => {
  it('throws ARTICLE_EMPTY with every step tried when no step finds an article', () => {
    const html = '<html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="like">Like this</div></body></html>';
    let failure: unknown;
    try {
      stripArticle(html);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ClaimfeedError);
    const { code, permanent, details } = failure as ClaimfeedError;
    expect({ code, permanent }).toEqual({ code: 'ARTICLE_EMPTY', permanent: true });
    const steps = (details?.tried as { step: string; chars: number }[]).map((step) => step.step);
    expect(steps).toEqual(['best container', 'every substantial block', 'best container without element rules', 'every substantial block without element rules']);
    expect(details?.removedByRule).toMatchObject({ 'nav.tags': 1 });
  });

  it('keeps a short article that reaches minArticleChars', () => {
    expect(stripArticle('<body><p>The council approved the budget on Monday, officials said.</p></body>').text).toContain('approved the budget');
  });
});

describe('bad input never crashes', () => {
  it('refuses an empty page with INPUT_EMPTY', () => {
    for (const html of ['', '   \n\t ']) {
      expect(() => stripArticle(html)).toThrow(ClaimfeedError);
      try {
        stripArticle(html);
      } catch (error) {
        expect((error as ClaimfeedError).code).toBe('INPUT_EMPTY');
      }
    }
  });

  it('refuses binary garbage with INPUT_BINARY', () => {
    let seed = 7;
    const bytes = Buffer.alloc(20_000);
    for (let index = 0; index < bytes.length; index++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[index] = seed >> 16;
    }
    const html = decodeHtmlBytes(bytes).html;
    expect(() => stripArticle(html)).toThrow(expect.objectContaining({ code: 'INPUT_BINARY' }));
  });

  it('recovers the page behind an unclosed <title>', () => {
    const article = stripArticle(`<html><head><title>Budget passes</head><body>${paragraphs(4)}</body></html>`);
    expect(article.title).toBe('Budget passes');
    expect(article.text).toContain('Paragraph 4.');
  });

  it('handles a page without <body> or <html>', () => {
    expect(stripArticle(paragraphs(3)).text).toContain('Paragraph 3.');
  });

  it('handles a 5 MB page on one line', () => {
    const html = `<html><body><div>${paragraphs(50_000).replace(/\n/g, '')}</div></body></html>`;
    expect(html.length).toBeGreaterThan(5_000_000);
    expect(html.includes('\n')).toBe(false);
    expect(stripArticle(html).text).toContain('Paragraph 50000.');
  });

  it('reads markup nested up to maxNestingDepth, without overflowing the stack', () => {
    const depth = 2_900;
    const html = `<body>${'<div><span>'.repeat(depth / 2)}<p>Deep inside, the council approved the budget, officials said, after a long debate.</p>${'</span></div>'.repeat(depth / 2)}</body>`;
    expect(stripArticle(html).text).toContain('Deep inside');
  });

  it('refuses deeper markup with INPUT_TOO_DEEP, closed or not, block or inline', () => {
    const depth = 100_000;
    const shapes = [
      `<body>${'<div>'.repeat(depth)}<p>Deep inside.</p>${'</div>'.repeat(depth)}</body>`,
      `<body>${'<div><span>'.repeat(depth)}<p>Deep inside.</p></body>`,
      `<body><p>${'<b><i>'.repeat(depth)}Deep inside.</p></body>`,
      `<body>${'<ul><li><a href="/x">link</a>'.repeat(depth)}</body>`,
    ];
    for (const html of shapes) expect(() => stripArticle(html)).toThrow(expect.objectContaining({ code: 'INPUT_TOO_DEEP' }));
  });

  it('reads legacy-encoded bytes once decoded', () => {
    const bytes = Buffer.from(`<html><head><meta charset="windows-1252"></head><body>${paragraphs(3, 'The caf\xe9 owner said \x93prices\x94 rose, and customers, mostly locals, agreed.')}</body></html>`, 'latin1');
    const article = stripArticle(decodeHtmlBytes(bytes).html);
    expect(article.text).toContain('The café owner said “prices” rose');
  });

  it('drops soft hyphens, which only say where a word may break', () => {
    expect(stripArticle(`<body>${paragraphs(3, 'The Wärme&shy;pumpe and the Geschoss\u00addecke were both in the report, officials said.')}</body>`).text).toContain('The Wärmepumpe and the Geschossdecke');
  });

  it('treats stray NUL characters as nothing', () => {
    expect(stripArticle(`<body>${paragraphs(3)}\u0000</body>`).text).toContain('Paragraph 3.');
  });

  it('sets a short bold label that opens a paragraph on a line of its own, apart from the sentence after it', () => {
    const body = `<body>${paragraphs(3)}<p><strong>Bottom line</strong> Studies show that the pier needs new piles before the summer crowds arrive.</p>`
      + '<p><strong>Jo Roe</strong> said the ferry would keep sailing through the winter, whatever the weather does.</p></body>';
    const { text } = stripArticle(body);
    expect(text).toContain('Bottom line\nStudies show that the pier');
    expect(text).toContain('Jo Roe said the ferry');
  });
});
