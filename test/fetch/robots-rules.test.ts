import { describe, expect, it } from 'vitest';
import { ROBOTS_MAX_BYTES, normalizeRobotsPath, parseRobots, robotsAllows, robotsPatternMatches } from '../../src/fetch/robots-rules.js';

describe('robots.txt groups and precedence', () => {
  const text = 'User-agent: *\nDisallow: /private/\nAllow: /private/open$\n\nUser-agent: claimfeed\nUser-agent: other\nDisallow: /no-claimfeed\nCrawl-delay: 3\n';

  it('uses our group when one names us, with longest match and Allow on ties', () => {
    const ours = parseRobots(text, 'claimfeed');
    expect(robotsAllows(ours, '/no-claimfeed/x')).toMatchObject({ allowed: false, rule: '/no-claimfeed', crawlDelayMs: 3000 });
    expect(robotsAllows(ours, '/private/x').allowed).toBe(true);
    const anyone = parseRobots(text, 'somebot');
    expect(robotsAllows(anyone, '/private/x').allowed).toBe(false);
    expect(robotsAllows(anyone, '/private/open').allowed).toBe(true);
    expect(robotsAllows(anyone, '/private/open/more').allowed).toBe(false);
    expect(robotsAllows(parseRobots('User-agent: *\nDisallow: /*.pdf$\n', 'x'), '/a/b.pdf').allowed).toBe(false);
    const tie = parseRobots('User-agent: *\nDisallow: /page\nAllow: /page\n', 'claimfeed');
    expect(robotsAllows(tie, '/page').allowed).toBe(true);
  });

  it('matches the product token exactly: an empty, one-letter or longer name is not us', () => {
    for (const agent of ['', 'c', 'claim', 'claimfeedX', 'xclaimfeed']) {
      const rules = parseRobots(`User-agent: ${agent}\nDisallow: /\n\nUser-agent: *\nDisallow: /only-star\n`, 'claimfeed');
      expect(robotsAllows(rules, '/story').allowed, `User-agent: "${agent}"`).toBe(true);
      expect(robotsAllows(rules, '/only-star').allowed).toBe(false);
    }
    for (const agent of ['claimfeed', 'ClaimFeed', 'claimfeed/2.1', 'CLAIMFEED (+info)']) {
      expect(robotsAllows(parseRobots(`User-agent: ${agent}\nDisallow: /\n`, 'claimfeed'), '/story').allowed, agent).toBe(false);
    }
  });
});

describe('robots.txt path matching', () => {
  it('compares percent-encoded and raw UTF-8 spellings as one path', () => {
    expect(normalizeRobotsPath('/über')).toBe('/%C3%BCber');
    expect(normalizeRobotsPath('/%c3%bcber')).toBe('/%C3%BCber');
    expect(normalizeRobotsPath('/%7Euser/%41')).toBe('/~user/A');
    expect(normalizeRobotsPath('/a%2Fb')).toBe('/a%2Fb');
    const rules = parseRobots('User-agent: *\nDisallow: /über\nDisallow: /caf%C3%A9\n', 'claimfeed');
    expect(robotsAllows(rules, new URL('https://news.example/über/story').pathname).allowed).toBe(false);
    expect(robotsAllows(rules, '/%C3%BCber').allowed).toBe(false);
    expect(robotsAllows(rules, '/café').allowed).toBe(false);
    expect(robotsAllows(rules, '/uber').allowed).toBe(true);
  });

  it('matches wildcards and the end anchor', () => {
    const cases: [string, string, boolean][] = [
      ['/', '/anything', true],
      ['/*', '/anything', true],
      ['/fish*', '/fishheads/yummy.html', true],
      ['/fish*', '/Fish.asp', false],
      ['/*.php', '/folder/filename.php?parameters', true],
      ['/*.php$', '/filename.php?parameters', false],
      ['/*.php$', '/filename.php', true],
      ['/fish*.php', '/fishheads/catfish.php?parameters', true],
      ['/fish*.php', '/Fish.PHP', false],
      ['/a*b*c', '/aXbYc', true],
      ['/a*b*c', '/aXcYb', false],
      ['/$', '/', true],
      ['/$', '/x', false],
      ['/a$b', '/a$b', true],
    ];
    for (const [pattern, path, expected] of cases) expect(robotsPatternMatches(pattern, path), `${pattern} on ${path}`).toBe(expected);
  });

  it('decides a many-wildcard pattern against a long path (a backtracking RegExp would not return)', () => {
    const rules = parseRobots(`User-agent: *\nDisallow: /${'*a'.repeat(30)}*b\n`, 'claimfeed');
    expect(robotsAllows(rules, `/${'a'.repeat(48)}`).allowed).toBe(true);
    expect(robotsAllows(rules, `/${'a'.repeat(48)}b`).allowed).toBe(false);
  });

  it('parses only the first 500 KiB', () => {
    const filler = `# ${'x'.repeat(1000)}\n`.repeat(Math.ceil(ROBOTS_MAX_BYTES / 1003));
    const rules = parseRobots(`User-agent: *\nDisallow: /early\n${filler}Disallow: /late\n`, 'claimfeed');
    expect(robotsAllows(rules, '/early').allowed).toBe(false);
    expect(robotsAllows(rules, '/late').allowed).toBe(true);
  });
});
