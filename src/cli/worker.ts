import { ClaimfeedError } from '../errors.js';
import { STAGES, type Stage } from '../queue/payloads.js';
import { flagInteger, flagIntegerInRange, flagString, parseArgs } from './args.js';
import type { Command } from './command.js';
import { openPipeline } from './pipeline-context.js';

function parseStages(value: string | undefined): Stage[] {
  if (value === undefined) return [...STAGES];
  const stages = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const unknown = stages.filter((stage) => !(STAGES as string[]).includes(stage));
  if (unknown.length > 0 || stages.length === 0) throw new ClaimfeedError('USAGE', `--stages takes a comma-separated list of ${STAGES.join(', ')}; got "${value}"`);
  return stages as Stage[];
}

export const workerCommand: Command = {
  name: 'worker',
  usage: 'claimfeed worker [--concurrency N] [--fetch-concurrency N] [--stages fetch,process] [--sources] [--config FILE]',
  summary: 'Run pipeline workers until SIGTERM (then drain the jobs in flight)',
  async run(argv) {
    const args = parseArgs(argv, ['sources'], ['concurrency', 'fetch-concurrency', 'stages', 'config']);
    if (args.positionals.length > 0) throw new ClaimfeedError('USAGE', `unexpected argument "${args.positionals[0]}"`);
    const stages = parseStages(flagString(args, 'stages'));
    const processConcurrency = flagInteger(args, 'concurrency');
    const fetchConcurrency = flagIntegerInRange(args, 'fetch-concurrency', 1, 10_000);
    const context = await openPipeline(args);
    const { startWorkers } = await import('../workers/run-workers.js');
    const workers = startWorkers(context.pipeline, {
      stages,
      logger: context.logger,
      // --sources: also poll followed feeds and sitemaps (their schedules are shared in Redis).
      sources: args.flags.has('sources'),
      ...(processConcurrency === undefined ? {} : { processConcurrency }),
      ...(fetchConcurrency === undefined ? {} : { fetchConcurrency }),
    });
    context.logger.info('workers started', { stages, pid: process.pid });
    await new Promise<void>((resolve) => {
      const stop = (signal: string): void => {
        context.logger.info('draining', { signal });
        resolve();
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    await workers.close();
    await context.close();
    context.logger.info('workers stopped', { pid: process.pid });
    return 0;
  },
};
