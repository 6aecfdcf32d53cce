import { HostGate } from '../fetch/host-gate.js';
import type { Pipeline } from '../queue/pipeline.js';
import { parseArgs } from './args.js';
import type { Command } from './command.js';
import { LineWriter } from './output.js';
import { openPipeline } from './pipeline-context.js';

export interface PipelineStatus {
  queues: Record<string, Record<string, number>>;
  articles: { queued: number; fetching: number; processing: number; done: number; failed: number; total: number };
  feed: { length: number; groups: Array<{ name: string; pending: number; lag: number | null; consumers: number }> };
  hosts: Awaited<ReturnType<HostGate['states']>>;
}

async function pipelineStatus(pipeline: Pipeline): Promise<PipelineStatus> {
  const states = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'] as const;
  const [fetchCounts, processCounts, articles, feedLength] = await Promise.all([
    pipeline.fetchQueue.getJobCounts(...states),
    pipeline.processQueue.getJobCounts(...states),
    pipeline.store.statusCounts(),
    pipeline.redis.xlen(pipeline.store.feedStreamKey),
  ]);
  let groups: PipelineStatus['feed']['groups'] = [];
  if (feedLength > 0) {
    const raw = (await pipeline.redis.xinfo('GROUPS', pipeline.store.feedStreamKey)) as unknown[];
    groups = raw.map((entry) => {
      const fields = Array.isArray(entry) ? entry : [];
      const get = (name: string): unknown => fields[fields.indexOf(name) + 1];
      const lag = get('lag');
      return { name: String(get('name')), pending: Number(get('pending') ?? 0), lag: typeof lag === 'number' ? lag : null, consumers: Number(get('consumers') ?? 0) };
    });
  }
  const config = pipeline.config;
  const gate = new HostGate(pipeline.redis, pipeline.store.keys, config.fetch.hostMinDelayMs, config.fetch.hostMaxConcurrency, config.fetch.totalTimeoutMs);
  return {
    queues: { fetch: fetchCounts, process: processCounts },
    articles,
    feed: { length: feedLength, groups },
    hosts: await gate.states(20),
  };
}

export const statusCommand: Command = {
  name: 'status',
  usage: 'claimfeed status [--json] [--config FILE]',
  summary: 'Queue counts, article counts by status, feed consumer groups and per-host state',
  async run(argv) {
    const args = parseArgs(argv, ['json'], ['config']);
    const context = await openPipeline(args);
    try {
      const status = await pipelineStatus(context.pipeline);
      const out = new LineWriter(1);
      if (args.flags.has('json')) out.json(status);
      else {
        const a = status.articles;
        out.line(`articles: ${a.total} (queued ${a.queued}, fetching ${a.fetching}, processing ${a.processing}, done ${a.done}, failed ${a.failed})`);
        for (const [name, counts] of Object.entries(status.queues)) {
          out.line(`queue ${name}: ${Object.entries(counts).map(([state, count]) => `${state} ${count}`).join(', ')}`);
        }
        out.line(`feed: ${status.feed.length} claims`);
        for (const group of status.feed.groups) out.line(`  group ${group.name}: pending ${group.pending}, lag ${group.lag ?? '?'}, consumers ${group.consumers}`);
        for (const host of status.hosts) {
          out.line(`host ${host.host}: active ${host.active}, last ${host.lastAt ?? '-'}${host.penaltyUntil ? `, slowed until ${host.penaltyUntil}` : ''}`);
        }
      }
      out.flush();
      return 0;
    } finally {
      await context.close();
    }
  },
};
