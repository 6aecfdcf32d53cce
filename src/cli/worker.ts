import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ClaimfeedError, type ErrorCode } from '../errors.js';
import { STAGES, type Stage } from '../queue/payloads.js';
import { isRecord } from '../rules/table.js';
import { type ParsedArgs, flagInteger, flagIntegerInRange, flagString, parseArgs } from './args.js';
import type { Command } from './command.js';
import { openPipeline } from './pipeline-context.js';

/**
 * Young generation of the thread that runs the queue workers and the fetch stage. The main
 * thread's young generation can only be set by node flags, and under fetch load V8 grows it to
 * 32 MB; 8 MB keeps the same work in about a quarter of that for a few more scavenges.
 */
const WORKER_SET_YOUNG_GENERATION_MB = 8;

function parseStages(value: string | undefined): Stage[] {
  if (value === undefined) return [...STAGES];
  const stages = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const unknown = stages.filter((stage) => !(STAGES as string[]).includes(stage));
  if (unknown.length > 0 || stages.length === 0) throw new ClaimfeedError('USAGE', `--stages takes a comma-separated list of ${STAGES.join(', ')}; got "${value}"`);
  return stages as Stage[];
}

function parseWorkerArgs(argv: readonly string[]): ParsedArgs {
  const args = parseArgs(argv, ['sources'], ['concurrency', 'fetch-concurrency', 'stages', 'config']);
  if (args.positionals.length > 0) throw new ClaimfeedError('USAGE', `unexpected argument "${args.positionals[0]}"`);
  parseStages(flagString(args, 'stages'));
  flagInteger(args, 'concurrency');
  flagIntegerInRange(args, 'fetch-concurrency', 1, 10_000);
  return args;
}

/** What the worker-set thread answers when it ends. */
export type WorkerSetReply = { ok: true; code: number } | { ok: false; code: ErrorCode; message: string };

export const workerCommand: Command = {
  name: 'worker',
  usage: 'claimfeed worker [--concurrency N] [--fetch-concurrency N] [--stages fetch,process] [--sources] [--config FILE]',
  summary: 'Run pipeline workers until SIGTERM (then drain the jobs in flight)',
  async run(argv) {
    // Flags are checked here, so a usage error is reported before any thread starts.
    parseWorkerArgs(argv);
    return runInThread(argv);
  },
};

/** The compiled thread entry (worker threads run JavaScript). */
function workerSetThreadFile(): URL {
  const file = new URL('./worker-thread.js', import.meta.url);
  if (!existsSync(fileURLToPath(file))) throw new ClaimfeedError('INTERNAL', `Missing ${fileURLToPath(file)}: run "npm run build"`);
  return file;
}

/** Runs the worker set on a thread of its own; SIGTERM and SIGINT are passed on to it. */
async function runInThread(argv: readonly string[]): Promise<number> {
  const thread = new Worker(workerSetThreadFile(), { workerData: { argv: [...argv] }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_SET_YOUNG_GENERATION_MB } });
  const forward = (signal: string) => () => thread.postMessage({ signal });
  const onTerm = forward('SIGTERM');
  const onInt = forward('SIGINT');
  process.once('SIGTERM', onTerm);
  process.once('SIGINT', onInt);
  const replies: WorkerSetReply[] = [];
  let fatal: unknown;
  thread.on('message', (message: unknown) => {
    replies.push(parseReply(message));
  });
  thread.on('error', (error) => {
    fatal = error;
  });
  const exitCode = await new Promise<number>((resolve) => thread.once('exit', resolve));
  process.off('SIGTERM', onTerm);
  process.off('SIGINT', onInt);
  const answer = replies[0];
  if (answer === undefined) throw new ClaimfeedError('INTERNAL', `The worker thread stopped (${fatal instanceof Error ? fatal.message : `exit code ${exitCode}`})`, { cause: fatal });
  if (!answer.ok) throw new ClaimfeedError(answer.code, answer.message);
  return answer.code;
}

function parseReply(message: unknown): WorkerSetReply {
  if (isRecord(message) && message.ok === true && typeof message.code === 'number') return { ok: true, code: message.code };
  if (isRecord(message) && message.ok === false && typeof message.code === 'string' && typeof message.message === 'string') {
    return { ok: false, code: message.code as ErrorCode, message: message.message };
  }
  return { ok: false, code: 'INTERNAL', message: `Unexpected reply from the worker thread: ${JSON.stringify(message)}` };
}

/** The worker set itself, on its thread: until `stopped` resolves with the signal's name. */
export async function runWorkerSet(argv: readonly string[], stopped: Promise<string>): Promise<number> {
  const args = parseWorkerArgs(argv);
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
  const signal = await stopped;
  context.logger.info('draining', { signal });
  await workers.close();
  await context.close();
  context.logger.info('workers stopped', { pid: process.pid });
  return 0;
}
