#!/usr/bin/env node
// Hostile inputs, class by class: each case must end in a typed result (a verdict, a refusal
// with a stable error code) quickly and in bounded memory. Prints per class the outcomes, the
// worst time and the peak memory (resident set of the process that handled the case).
// Runs the built code (npm run build first). IPv6 address forms are fetched for real inside an
// isolated network namespace (unshare -n) when one can be made; otherwise only the guard's
// decisions are checked, and the output says so.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './shared-dir.mjs';

const dist = (path) => join(repoRoot, 'dist', path);
const BIN = join(repoRoot, 'bin', 'claimfeed.js');
const results = [];

function record(kind, name, outcome, ms, rssMb, ok) {
  results.push({ kind, name, outcome, ms, rssMb, ok });
}

function timed(run) {
  const started = process.hrtime.bigint();
  let outcome;
  try {
    outcome = run();
  } catch (error) {
    outcome = error?.code ? `error ${error.code}` : `UNTYPED ${error?.message ?? error}`;
  }
  return { outcome, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** A child process, its wall time and its peak resident memory (GNU time -f %M). */
function child(args, input) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', ...args], { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const lines = run.stderr.trim().split('\n');
  const rssMb = Number(lines[lines.length - 1]) / 1024;
  return { run, ms, rssMb };
}

// ---- robots.txt patterns (in process) ----
const { parseRobots, robotsAllows } = await import(dist('fetch/robots-rules.js'));
parseRobots('User-agent: *\nDisallow: /x', 'claimfeed');
const hostileRobots = [
  ['30 wildcards vs 48 a', `Disallow: /${'*a'.repeat(30)}*b`, `/${'a'.repeat(48)}`],
  ['500 KiB of "*a" patterns vs 8 KB path', (i) => `Disallow: /${'*a'.repeat(30)}*b${i}`, `/${'a'.repeat(8000)}`],
  ['500 KiB of "*ab" patterns vs 8 KB path', (i) => `Disallow: /${'*ab'.repeat(30)}*c${i}`, `/${'ab'.repeat(4000)}`],
  ['500 KiB of "*a$" patterns vs 8 KB path', (i) => `Disallow: /${'a*'.repeat(30)}${i}$`, `/${'a'.repeat(8000)}`],
  ['one 500 KiB line', `Disallow: /${'*a'.repeat(256 * 1024)}`, `/${'a'.repeat(8000)}`],
  ['2 MB file, rules past 500 KiB', (i) => (i === 0 ? 'Disallow: /early' : `# ${'x'.repeat(1000)}`), '/early/story'],
  ['empty and one-letter agents', 'User-agent:\nUser-agent: c\nDisallow: /', '/story'],
];
for (const [name, rule, path] of hostileRobots) {
  let text = 'User-agent: *\n';
  if (typeof rule === 'function') {
    const lines = [];
    for (let i = 0, size = 0; size < (name.startsWith('2 MB') ? 2_000_000 : 520 * 1024); i++) {
      const line = rule(i);
      lines.push(line);
      size += line.length + 1;
    }
    text += lines.join('\n');
  } else text = rule.startsWith('User-agent') ? rule : text + rule;
  const { outcome, ms } = timed(() => {
    const verdict = robotsAllows(parseRobots(text, 'claimfeed'), path);
    return verdict.allowed ? 'allowed' : 'disallowed';
  });
  record('robots.txt', name, outcome, ms, process.memoryUsage().rss / 2 ** 20, !outcome.startsWith('UNTYPED'));
}

// ---- IPv6 forms carrying IPv4, and other special-purpose addresses ----
const forms = ['[::127.0.0.1]', '[::7f00:1]', '[::ffff:127.0.0.1]', '[::ffff:0:7f00:1]', '[64:ff9b::a9fe:a9fe]', '[64:ff9b::169.254.169.254]', '[64:ff9b:1::a00:1]', '[2002:7f00:1::1]', '[2001:0:4136:e378:8000:63bf:80ff:fffe]', '[fec0::1]', '[fd00::1]', '[fe80::1]', '[::1]', '[::]', '0x7f.1', '2130706433', '169.254.169.254', '100.64.0.1'];
const fetchScript = `
const { Fetcher } = await import(${JSON.stringify(dist('fetch/http.js'))});
const fetcher = new Fetcher({ userAgent: 'bench', allowPrivateNetworks: false, allowedSchemes: ['http', 'https'], connectTimeoutMs: 1000, headersTimeoutMs: 1000, bodyTimeoutMs: 1000, totalTimeoutMs: 2000, maxBytes: 1000, maxRedirects: 0, contentTypes: null });
const out = [];
for (const host of ${JSON.stringify(forms)}) {
  const started = performance.now();
  let outcome;
  try { await fetcher.fetch('http://' + host + ':8080/'); outcome = 'CONNECTED'; } catch (error) { outcome = error.code ? 'error ' + error.code : 'UNTYPED ' + error.message; }
  out.push({ host, outcome, ms: performance.now() - started });
}
await fetcher.close();
console.log(JSON.stringify({ out, rssMb: process.memoryUsage().rss / 2 ** 20 }));
`;
const namespace = spawnSync('unshare', ['-n', 'true']);
if (namespace.status === 0) {
  const run = spawnSync('unshare', ['-n', process.execPath, '--input-type=module', '-e', fetchScript], { encoding: 'utf8', timeout: 60_000 });
  const parsed = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
  for (const item of parsed.out ?? []) record('IPv6/IPv4 address forms (fetch in unshare -n)', item.host, item.outcome, item.ms, parsed.rssMb, item.outcome === 'error FETCH_BLOCKED_ADDRESS');
} else {
  const { classifyAddress } = await import(dist('fetch/address-guard.js'));
  for (const host of forms) {
    const { outcome, ms } = timed(() => {
      const decision = classifyAddress(new URL(`http://${host}/`).hostname);
      return decision.blocked ? `blocked (${decision.range})` : 'ALLOWED';
    });
    record('IPv6/IPv4 address forms (guard decisions only: unshare -n unavailable)', host, outcome, ms, process.memoryUsage().rss / 2 ** 20, outcome.startsWith('blocked'));
  }
}

// ---- oversize inputs ----
const dir = mkdtempSync(join(tmpdir(), 'claimfeed-adversarial-'));
try {
  const bomb = join(dir, 'bomb.html.gz');
  writeFileSync(bomb, gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20)));
  const deep = join(dir, 'deep.html');
  writeFileSync(deep, `<html><body>${'<div>'.repeat(200_000)}text</body></html>`);
  const big = join(dir, 'big.html');
  writeFileSync(big, `<html><body>${'<p>word word word, word.</p>'.repeat(200_000)}</body></html>`);
  for (const [name, file] of [['gzip bomb (200 MB of spaces in ~200 KB)', bomb], ['200,000 nested divs', deep], ['5 MB page (the fetch cap)', big]]) {
    const { run, ms, rssMb } = child([process.execPath, BIN, 'strip', '--jsonl', file]);
    const line = run.stdout.trim().split('\n').pop() ?? '';
    let outcome = `exit ${run.status}`;
    try {
      const parsed = JSON.parse(line);
      outcome = parsed.error ? `error ${parsed.error.code}` : `stripped (${parsed.text?.length ?? 0} chars)`;
    } catch {}
    record('oversize inputs (strip CLI)', name, outcome, ms, rssMb, run.status !== null && !outcome.startsWith('exit'));
  }
  const { canonicalizeUrl } = await import(dist('model/ids.js'));
  for (const [name, url] of [['500 KB URL', `https://news.example/${'a'.repeat(500_000)}`], ['URL with credentials', 'https://user:secret@news.example/story']]) {
    const { outcome, ms } = timed(() => canonicalizeUrl(url, []));
    record('oversize inputs (URLs)', name, outcome, ms, process.memoryUsage().rss / 2 ** 20, outcome.startsWith('error'));
  }
  const { parseClaimFilters } = await import(dist('server/requests.js'));
  for (const query of ['since=99999999999999999999999', 'cursor=1-18446744073709551616', 'until=1e400']) {
    const { outcome, ms } = timed(() => parseClaimFilters(new URLSearchParams(query)) && 'ACCEPTED');
    record('API stream ids', query, outcome, ms, process.memoryUsage().rss / 2 ** 20, outcome === 'error BAD_REQUEST');
  }

  // ---- figure stress through the extract CLI ----
  for (const [name, unit] of [['"1.1.1.…" 64 KB', '1.'], ['"1 or 1 or …" 64 KB', '1 or '], ['"$1$1…" 64 KB', '$1']]) {
    const file = join(dir, `stress-${results.length}.txt`);
    writeFileSync(file, unit.repeat(Math.ceil(65536 / unit.length)).slice(0, 65536));
    const { run, ms, rssMb } = child([process.execPath, BIN, 'extract', '--jsonl', file]);
    let outcome = `exit ${run.status}`;
    try {
      const parsed = JSON.parse(run.stdout.trim().split('\n').pop() ?? '');
      outcome = parsed.error ? `error ${parsed.error.code}` : `${parsed.figures?.length ?? 0} figures`;
    } catch {}
    record('figure stress (extract CLI)', name, outcome, ms, rssMb, run.status === 0 || outcome.startsWith('error'));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// ---- report ----
let failed = 0;
const kinds = [...new Set(results.map((result) => result.kind))];
for (const kind of kinds) {
  const rows = results.filter((result) => result.kind === kind);
  for (const row of rows) process.stdout.write(`  ${row.ok ? 'ok  ' : 'FAIL'} ${row.name.padEnd(44)} ${row.outcome.padEnd(36)} ${row.ms.toFixed(1).padStart(9)} ms ${row.rssMb.toFixed(0).padStart(5)} MB\n`);
  const worst = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
  const bad = rows.filter((row) => !row.ok).length;
  failed += bad;
  process.stdout.write(`${kind}: ${rows.length - bad}/${rows.length} typed as expected, worst ${worst.ms.toFixed(1)} ms (${worst.name}), peak ${Math.max(...rows.map((row) => row.rssMb)).toFixed(0)} MB\n\n`);
}
process.stdout.write(`bench:adversarial: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
