import { loadConfigDetailed } from '../config/load.js';
import { ClaimfeedError } from '../errors.js';
import type { AddSourceOptions, SourceRegistry } from '../queue/source-registry.js';
import { parseDuration, parseSince } from '../sources/policy.js';
import type { SourceRecord } from '../store/sources.js';
import { type ParsedArgs, flagInteger, flagString, parseArgs } from './args.js';
import type { Command } from './command.js';
import { LineWriter } from './output.js';
import { type CliPipeline, openPipeline } from './pipeline-context.js';

const USAGE = `claimfeed sources add URL [--every DURATION] [--since TIME | --backfill N] [--name NAME] [--json]
       claimfeed sources list [--json]
       claimfeed sources show ID [--json]
       claimfeed sources remove ID
       claimfeed sources poll [ID] [--json]
  (each takes --config FILE)`;

type Action = 'add' | 'list' | 'show' | 'remove' | 'poll';

interface SourcesRequest {
  action: Action;
  args: ParsedArgs;
  target: string | null;
  add: AddSourceOptions;
}

/** Checks everything the arguments say before anything connects; throws USAGE. */
function parseSourcesArgs(argv: readonly string[]): SourcesRequest {
  const [action, ...rest] = argv;
  const actions: readonly Action[] = ['add', 'list', 'show', 'remove', 'poll'];
  if (action === undefined || !(actions as readonly string[]).includes(action)) {
    throw new ClaimfeedError('USAGE', action === undefined ? 'give a subcommand: add, list, show, remove or poll' : `unknown subcommand "${action}" (add, list, show, remove, poll)`);
  }
  const valueFlags = action === 'add' ? ['every', 'since', 'backfill', 'name', 'config'] : ['config'];
  const args = parseArgs(rest, ['json'], valueFlags);
  const [target, extra] = args.positionals;
  if (extra !== undefined) throw new ClaimfeedError('USAGE', `unexpected argument "${extra}"`);
  if ((action === 'add' || action === 'show' || action === 'remove') && target === undefined) {
    throw new ClaimfeedError('USAGE', action === 'add' ? 'give the URL of a feed, sitemap or site page to follow' : `give the id of a source (see "claimfeed sources list")`);
  }
  if (action === 'list' && target !== undefined) throw new ClaimfeedError('USAGE', `unexpected argument "${target}"`);
  const add: AddSourceOptions = {};
  if (action === 'add') {
    let url: URL;
    try {
      url = new URL(target as string);
    } catch {
      throw new ClaimfeedError('USAGE', `not a URL: "${target}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ClaimfeedError('USAGE', `only http(s) URLs can be followed, got "${url.protocol}"`);
    const every = flagString(args, 'every');
    if (every !== undefined) add.everyMs = parseDuration(every, '--every');
    const since = flagString(args, 'since');
    const backfill = flagInteger(args, 'backfill');
    if (since !== undefined && backfill !== undefined) throw new ClaimfeedError('USAGE', 'give --since or --backfill, not both');
    if (since !== undefined) add.sinceMs = parseSince(since);
    if (backfill !== undefined) add.backfill = backfill;
    const name = flagString(args, 'name');
    if (name !== undefined) add.name = name;
  }
  return { action: action as Action, args, target: target ?? null, add };
}

export const sourcesCommand: Command = {
  name: 'sources',
  usage: USAGE,
  summary: 'Follow news feeds and sitemaps: add (resolves a site page to its feed), list, show, remove, poll now',
  async run(argv) {
    const request = parseSourcesArgs(argv);
    if (request.add.everyMs !== undefined) {
      const file = flagString(request.args, 'config');
      const min = loadConfigDetailed(file === undefined ? {} : { file }).config.sources.minEveryMs;
      if (request.add.everyMs < min) throw new ClaimfeedError('USAGE', `--every must be at least ${min / 1000} s (sources.minEveryMs)`);
    }
    const context = await openPipeline(request.args, { logLevel: 'warn' });
    const { SourceRegistry } = await import('../queue/source-registry.js');
    const registry = new SourceRegistry(context.pipeline);
    const out = new LineWriter(1);
    const json = request.args.flags.has('json');
    try {
      return await runAction(request, registry, out, json, context);
    } finally {
      out.flush();
      await registry.close();
      await context.close();
    }
  },
};

async function runAction(
  request: SourcesRequest,
  registry: SourceRegistry,
  out: LineWriter,
  json: boolean,
  context: CliPipeline,
): Promise<number> {
  const target = request.target ?? '';
  switch (request.action) {
    case 'add': {
      const added = await registry.add(target, request.add);
      if (json) out.json(added);
      else {
        const { source } = added;
        const how = source.resolvedBy === 'feed' || source.resolvedBy === 'sitemap' ? `the URL is a ${source.format} document` : `found by ${DISCOVERY[source.resolvedBy]} of ${source.url}`;
        out.line(`${added.added ? 'following' : 'already following (updated)'} ${source.feedUrl}`);
        out.line(`  id ${source.id} · ${source.format} · ${how} · ${added.listed} ${source.format === 'sitemap-index' ? 'sitemaps' : 'items'} listed now`);
        out.line(`  polls every ${formatDuration(source.everyMs)}; first poll takes ${source.backfill !== null ? `the newest ${source.backfill} items` : `items published since ${source.since}`}`);
      }
      return 0;
    }
    case 'list': {
      const sources = await registry.list();
      if (json) out.json({ sources });
      else if (sources.length === 0) out.line('no sources; add one with: claimfeed sources add URL');
      else for (const source of sources) out.line(summaryLine(source));
      return 0;
    }
    case 'show': {
      const details = await registry.show(target);
      if (json) out.json(details);
      else {
        const { source } = details;
        out.line(summaryLine(source));
        out.line(`  url ${source.url} → ${source.feedUrl} (${source.format}, ${source.resolvedBy})`);
        out.line(`  every ${formatDuration(source.everyMs)} · next poll ${details.nextPollAt ?? 'unscheduled'} · last new item ${source.lastNewItemAt ?? 'never'}`);
        out.line(`  ${source.polls} polls · ${source.errors} ${source.errors === 1 ? 'error' : 'errors'} · ${source.newItemsTotal} queued of ${source.itemsSeen} seen`);
        if (source.lastError && source.consecutiveFailures > 0) out.line(`  failing since ${source.failingSince}: ${source.lastError.code}: ${source.lastError.message}`);
        for (const poll of details.recentPolls.slice(0, 5)) out.line(`  poll ${poll.at} ${poll.outcome} items=${poll.items} new=${poll.newItems} ${poll.ms} ms${poll.error ? ` ${poll.error.code}` : ''}`);
        for (const item of details.recentItems.slice(0, 10)) out.line(`  item ${item.articleId} ${item.title ?? ''} ${item.url}`);
      }
      return 0;
    }
    case 'remove': {
      const removed = await registry.remove(target);
      out.line(`removed ${removed.id} (${removed.feedUrl})`);
      return 0;
    }
    case 'poll': {
      const { SourcePollStage } = await import('../workers/source-poll-stage.js');
      const stage = new SourcePollStage(context.pipeline, context.logger);
      try {
        const ids = request.target !== null ? [(await registry.show(request.target)).source.id] : (await registry.list()).map((source) => source.id);
        let failed = 0;
        for (const id of ids) {
          const poll = await stage.poll(id, { force: true });
          if (poll.outcome === 'failed') failed++;
          if (json) out.json({ id, ...poll });
          else out.line(`${id} ${poll.outcome} items=${poll.items} new=${poll.newItems} ${poll.ms} ms${poll.error ? ` ${poll.error.code}: ${poll.error.message}` : ''}`);
        }
        if (ids.length === 0 && !json) out.line('no sources to poll');
        return failed > 0 ? 1 : 0;
      } finally {
        await stage.close();
      }
    }
  }
}

const DISCOVERY = { 'page-link': 'the page\'s <link rel="alternate">', 'robots-sitemap': 'robots.txt Sitemap:', 'sitemap-xml': '/sitemap.xml', feed: 'feed', sitemap: 'sitemap' } as const;

function summaryLine(source: SourceRecord & { nextPollAt?: string | null }): string {
  const health = !source.healthy ? 'unhealthy' : source.consecutiveFailures > 0 ? 'failing' : 'ok';
  return `${source.id}  ${health.padEnd(9)} ${source.format.padEnd(19)} every ${formatDuration(source.everyMs).padEnd(6)} last ${source.lastPolledAt ?? 'never'} ${source.lastOutcome ?? ''}  new ${source.newItemsTotal}/${source.itemsSeen}  ${source.name ?? source.feedUrl}`;
}

function formatDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${ms / 1000}s`;
}
