import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ClaimfeedError, toClaimfeedError } from '../errors.js';
import { loadInput, ReadBuffer, type LoadedInput } from './inputs.js';
import { LineCollector, LineWriter, type LineSink } from './output.js';

/**
 * Handles one loaded input, writing its lines to `out`. Runs synchronously and must not keep
 * `loaded.bytes`: the next input is read into the same memory.
 */
export type BatchHandler = (loaded: LoadedInput, out: LineSink) => void;

export interface BatchOptions {
  /** The command name, for messages. */
  commandName: string;
  inputs: readonly string[];
  jsonl: boolean;
  /**
   * Threads to spread inputs over (1 runs everything on the main thread); `auto`, one per idle
   * CPU when there are inputs enough to pay for them (`minInputsPerThread`).
   */
  jobs: number | 'auto';
  /**
   * The module (its `import.meta.url`) whose `createBatchHandler(jsonl)` makes the handler
   * (a BatchHandlerModule): the main thread or each batch thread imports it and builds its own.
   */
  handlerModule: string;
  /**
   * Inputs a thread must get to be worth starting: a thread pays the command's start-up
   * (modules, rule tables, lexicons) again.
   */
  minInputsPerThread: number;
}

/** The module a batch thread imports: it exports the handler factory. */
export interface BatchHandlerModule {
  createBatchHandler(jsonl: boolean): Promise<BatchHandler>;
}

/** Inputs handed to a thread before its earlier ones come back: keeps it busy between messages. */
const IN_FLIGHT_PER_THREAD = 4;

/** Parses `--jobs N` (a positive whole number; `auto` when not given). */
export function parseJobs(value: string | true | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  const jobs = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : 0;
  if (jobs < 1) throw new ClaimfeedError('USAGE', '--jobs takes a whole number of at least 1, or auto');
  return jobs;
}

/** The handler factory of a BatchHandlerModule. */
export async function createBatchHandler(handlerModule: string, jsonl: boolean): Promise<BatchHandler> {
  const module = (await import(handlerModule)) as BatchHandlerModule;
  return module.createBatchHandler(jsonl);
}

/**
 * The per-input loop of batch commands: each input is loaded and handled on its own; a failure
 * becomes `{"input", "error": {"code", "message", "details"?}}` (or a stderr line) and the rest go on.
 * With several jobs, inputs are spread over worker threads and their lines still come out in
 * input order. Returns the exit code: 1 when any input failed.
 */
export async function runBatch(options: BatchOptions): Promise<number> {
  const count = options.inputs.length;
  const jobs = options.jobs === 'auto' ? Math.min(idleCpus(), Math.floor(count / options.minInputsPerThread)) : Math.min(options.jobs, count);
  // Threads run the compiled build; standard input can be read once, by the main thread.
  const parallel = jobs > 1 && options.handlerModule.endsWith('.js') && !options.inputs.includes('-');
  return parallel ? runInThreads(options, jobs) : runInProcess(options);
}

/**
 * CPUs that other processes leave idle (the one-minute load average taken off), at least one.
 * On a busy machine threads only compete for the same CPUs and pay start-up and compiler
 * warm-up again (measured on 2 CPUs at a load of 10: 663 pages took 20% longer and 30% more
 * CPU time with two threads than with one).
 */
function idleCpus(): number {
  const cpus = availableParallelism();
  return Math.max(1, Math.min(cpus, Math.round(cpus - (loadavg()[0] ?? 0))));
}

async function runInProcess(options: BatchOptions): Promise<number> {
  const handler = await createBatchHandler(options.handlerModule, options.jsonl);
  const out = new LineWriter(1);
  const readBuffer = new ReadBuffer();
  let failed = 0;
  for (const input of options.inputs) {
    const result = await handleInput(input, handler, options, readBuffer);
    if (result.stdout !== '') out.write(result.stdout);
    if (result.stderr !== '') process.stderr.write(result.stderr);
    if (result.failed) failed++;
  }
  out.flush();
  return failed > 0 ? 1 : 0;
}

/** What one input produced: its stdout lines, its stderr lines, and whether it failed. */
export interface InputResult {
  stdout: string;
  stderr: string;
  failed: boolean;
}

/** Loads and handles one input; never throws. */
export async function handleInput(input: string, handler: BatchHandler, options: Pick<BatchOptions, 'commandName' | 'jsonl'>, readBuffer: ReadBuffer): Promise<InputResult> {
  const out = new LineCollector();
  try {
    handler(await loadInput(input, readBuffer), out);
    return { stdout: out.text(), stderr: '', failed: false };
  } catch (error) {
    return failureResult(input, error, options);
  }
}

function failureResult(input: string, error: unknown, options: Pick<BatchOptions, 'commandName' | 'jsonl'>): InputResult {
  const failure = toClaimfeedError(error);
  if (options.jsonl) return { stdout: `${JSON.stringify({ input, error: failure.toJSON() })}\n`, stderr: '', failed: true };
  return { stdout: '', stderr: `claimfeed ${options.commandName}: ${input}: ${failure.code}: ${failure.message}\n`, failed: true };
}

/** Messages between the main thread and batch threads. */
export interface BatchThreadData {
  handlerModule: string;
  commandName: string;
  jsonl: boolean;
}
export interface BatchTask {
  index: number;
  input: string;
}
export type BatchReply = ({ index: number } & InputResult) | { ready: true };

async function runInThreads(options: BatchOptions, jobs: number): Promise<number> {
  const out = new LineWriter(1);
  const results: (InputResult | undefined)[] = new Array<InputResult | undefined>(options.inputs.length);
  let nextToSend = 0;
  let nextToWrite = 0;
  let failed = 0;
  const threadFile = fileURLToPath(new URL('./batch-thread.js', import.meta.url));
  const data: BatchThreadData = { handlerModule: options.handlerModule, commandName: options.commandName, jsonl: options.jsonl };

  const writeReady = (): void => {
    for (let result = results[nextToWrite]; result !== undefined; result = results[nextToWrite]) {
      if (result.stdout !== '') out.write(result.stdout);
      if (result.stderr !== '') process.stderr.write(result.stderr);
      if (result.failed) failed++;
      results[nextToWrite] = undefined;
      nextToWrite++;
    }
  };

  let threadsFailed = false;
  await new Promise<void>((resolve) => {
    let running = 0;
    const startThread = (): void => {
      running++;
      let ready = false;
      const pending = new Set<number>();
      const worker = new Worker(threadFile, { workerData: data });
      const feed = (): void => {
        while (pending.size < IN_FLIGHT_PER_THREAD && nextToSend < options.inputs.length) {
          const task: BatchTask = { index: nextToSend, input: options.inputs[nextToSend] as string };
          nextToSend++;
          pending.add(task.index);
          worker.postMessage(task);
        }
        if (pending.size === 0) void worker.terminate();
      };
      worker.on('message', (reply: BatchReply) => {
        if ('ready' in reply) {
          ready = true;
          return feed();
        }
        const { index, ...result } = reply;
        pending.delete(index);
        results[index] = result;
        writeReady();
        feed();
      });
      let fatal: unknown = null;
      worker.on('error', (error) => {
        fatal = error;
      });
      worker.on('exit', (code) => {
        // A thread that cannot start stops the threads (the rest runs here); one that dies later
        // (out of memory, a crash, an exit) fails the inputs it held and a fresh one goes on.
        if (!ready) threadsFailed = true;
        const reason = fatal ?? new ClaimfeedError('INTERNAL', `A batch thread exited (code ${code}) before answering`, { permanent: false });
        for (const index of pending) results[index] = failureResult(options.inputs[index] as string, reason, options);
        pending.clear();
        writeReady();
        running--;
        if (nextToSend < options.inputs.length && !threadsFailed) startThread();
        else if (running === 0) resolve();
      });
    };
    for (let thread = 0; thread < jobs; thread++) startThread();
  });
  writeReady();
  out.flush();
  if (nextToSend < options.inputs.length) {
    const rest = await runInProcess({ ...options, inputs: options.inputs.slice(nextToSend) });
    return failed > 0 ? 1 : rest;
  }
  return failed > 0 ? 1 : 0;
}
