import { ClaimfeedError } from '../errors.js';
import { flagIntegerInRange, flagString, parseArgs, type ParsedArgs } from './args.js';
import type { Command } from './command.js';
import { openPipeline } from './pipeline-context.js';

const SERVE_FLAGS = ['port', 'host', 'config'];

export const serveCommand: Command = {
  name: 'serve',
  usage: 'claimfeed serve [--port N] [--host H] [--config FILE]',
  summary: 'Run the HTTP API, the review pages, /metrics and the queue dashboard (127.0.0.1:8080 by default)',
  async run(argv) {
    return serve(parseArgs(argv, [], SERVE_FLAGS), false);
  },
};

export const upCommand: Command = {
  name: 'up',
  usage: 'claimfeed up [--port N] [--host H] [--config FILE]',
  summary: 'Run the workers and the server together until SIGTERM (starts a private Redis when none answers)',
  async run(argv) {
    return serve(parseArgs(argv, [], SERVE_FLAGS), true);
  },
};

async function serve(args: ParsedArgs, withWorkers: boolean): Promise<number> {
  if (args.positionals.length > 0) throw new ClaimfeedError('USAGE', `unexpected argument "${args.positionals[0]}"`);
  // Checked before anything connects, so a bad flag exits at once.
  const portFlag = flagIntegerInRange(args, 'port', 0, 65535);
  const context = await openPipeline(args, withWorkers ? { allowPrivateRedis: true } : {});
  const { config, logger, pipeline } = context;
  const host = flagString(args, 'host') ?? config.server.host;
  const port = portFlag ?? config.server.port;
  const [{ startReviewServer }, { startWorkers }] = await Promise.all([import('../server/start.js'), import('../workers/run-workers.js')]);
  const workers = withWorkers ? startWorkers(pipeline, { stages: ['fetch', 'process'], logger, sources: true }) : null;
  let running;
  try {
    running = await startReviewServer(pipeline, { host, port, token: config.server.token, logger });
  } catch (error) {
    await workers?.close();
    await context.close();
    throw error;
  }
  process.stdout.write(
    `claimfeed ${withWorkers ? 'up' : 'serve'}: review pages ${running.origin}/  API ${running.origin}/api/  queues ${running.origin}/queues/  metrics ${running.origin}/metrics${
      config.server.token === '' ? '' : '  (write endpoints need the bearer token)'
    }\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      logger.info('shutting down', { signal });
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await running.close();
  await workers?.close();
  await context.close();
  return 0;
}
