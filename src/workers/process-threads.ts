import { Worker, type WorkerOptions } from 'node:worker_threads';
import { UnrecoverableError } from 'bullmq';
import { ClaimfeedError } from '../errors.js';
import { isRecord } from '../rules/table.js';
import type { ProcessJobInfo } from './process-stage.js';

/** What the parent sends a process-stage thread: one job. */
export interface ProcessThreadTask {
  data: unknown;
  job: ProcessJobInfo;
}

/** What a process-stage thread answers. */
export type ProcessThreadReply = { ok: true; value: string } | { ok: false; name: string; message: string };

/**
 * The thread running a job died before answering: its heap limit (`PROCESS_OUT_OF_MEMORY`) or a
 * crash. Nothing was recorded for the article; the caller records `failure`.
 */
export class ProcessThreadLostError extends Error {
  override name = 'ProcessThreadLostError';
  constructor(readonly failure: ClaimfeedError) {
    super(failure.message, { cause: failure });
  }
}

/**
 * A fixed number of worker threads for the process stage, each running one job at a time. A
 * thread that dies (a page beyond its heap limit, a crash) fails only the job it was running
 * and is replaced; the process and its other jobs carry on.
 */
export class ProcessThreads {
  private readonly threads = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<{ resolve: (thread: Worker) => void; reject: (error: Error) => void }> = [];
  private closed = false;

  /**
   * @param jobTimeoutMs - a job still running after this long has its thread terminated and
   * fails with PROCESS_TIMEOUT (0: no limit)
   */
  constructor(
    private readonly file: string,
    private readonly size: number,
    private readonly options: WorkerOptions & { resourceLimits: { maxOldGenerationSizeMb: number } },
    private readonly jobTimeoutMs = 0,
  ) {}

  /**
   * Runs one job on a free thread. Resolves with the thread's result; rejects with the thread's
   * error (an UnrecoverableError when it is permanent), or with ProcessThreadLostError.
   */
  async run(task: ProcessThreadTask): Promise<string> {
    const thread = await this.acquire();
    const reply = await this.send(thread, task);
    if (this.threads.has(thread)) this.release(thread);
    if (reply.ok) return reply.value;
    throw reply.name === 'UnrecoverableError' ? new UnrecoverableError(reply.message) : new Error(reply.message);
  }

  /** Terminates the threads (after the jobs in flight are drained by the queue worker). */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('The process-stage threads are closed'));
    const threads = [...this.threads];
    this.threads.clear();
    this.idle.length = 0;
    await Promise.allSettled(threads.map((thread) => thread.terminate()));
  }

  private acquire(): Promise<Worker> {
    if (this.closed) return Promise.reject(new Error('The process-stage threads are closed'));
    const free = this.idle.pop();
    if (free) return Promise.resolve(free);
    if (this.threads.size < this.size) return Promise.resolve(this.spawn());
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(thread: Worker): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve(thread);
    else this.idle.push(thread);
  }

  private spawn(): Worker {
    const thread = new Worker(this.file, this.options);
    // Without a listener a thread's fatal error would be thrown in the parent and end the process.
    thread.on('error', () => undefined);
    thread.once('exit', () => this.forget(thread));
    this.threads.add(thread);
    return thread;
  }

  private forget(thread: Worker): void {
    if (!this.threads.delete(thread)) return;
    const index = this.idle.indexOf(thread);
    if (index >= 0) this.idle.splice(index, 1);
    // A job waiting for a thread gets a fresh one in place of the one that died.
    const waiter = this.closed ? undefined : this.waiting.shift();
    if (waiter) waiter.resolve(this.spawn());
  }

  private send(thread: Worker, task: ProcessThreadTask): Promise<ProcessThreadReply> {
    return new Promise((resolve, reject) => {
      let fatal: unknown;
      let timedOut = false;
      // A thread stuck in one page (a loop, a pathological input) cannot be interrupted: only ended.
      const timer = this.jobTimeoutMs > 0 ? setTimeout(() => {
        timedOut = true;
        void thread.terminate();
      }, this.jobTimeoutMs) : null;
      const onMessage = (message: unknown): void => {
        cleanup();
        resolve(parseReply(message));
      };
      const onError = (error: unknown): void => {
        fatal = error;
      };
      const onExit = (code: number): void => {
        cleanup();
        if (this.closed) reject(new Error('The process-stage threads are closed'));
        else if (timedOut) reject(new ProcessThreadLostError(timeoutFailure(this.jobTimeoutMs)));
        else reject(new ProcessThreadLostError(threadLostFailure(fatal, code, this.options.resourceLimits.maxOldGenerationSizeMb)));
      };
      const cleanup = (): void => {
        if (timer !== null) clearTimeout(timer);
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
      };
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.on('exit', onExit);
      thread.postMessage(task);
    });
  }
}

function parseReply(message: unknown): ProcessThreadReply {
  if (isRecord(message) && message.ok === true && typeof message.value === 'string') return { ok: true, value: message.value };
  if (isRecord(message) && message.ok === false) {
    return { ok: false, name: typeof message.name === 'string' ? message.name : 'Error', message: typeof message.message === 'string' ? message.message : 'unknown error' };
  }
  return { ok: false, name: 'Error', message: `Unexpected reply from a process-stage thread: ${JSON.stringify(message)}` };
}

function timeoutFailure(jobTimeoutMs: number): ClaimfeedError {
  return new ClaimfeedError('PROCESS_TIMEOUT', `Processing the page took longer than ${jobTimeoutMs} ms (process.jobTimeoutMs); its thread was stopped`, {
    details: { jobTimeoutMs },
  });
}

function threadLostFailure(fatal: unknown, exitCode: number, heapLimitMb: number): ClaimfeedError {
  const code = isRecord(fatal) ? fatal.code : undefined;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ClaimfeedError('PROCESS_OUT_OF_MEMORY', `Processing the page needed more than the ${heapLimitMb} MB heap limit of a process-stage thread (process.heapLimitMb)`, {
      cause: fatal,
      details: { heapLimitMb },
    });
  }
  const reason = fatal instanceof Error ? fatal.message : `exit code ${exitCode}`;
  return new ClaimfeedError('INTERNAL', `The process-stage thread stopped while processing the page (${reason})`, { cause: fatal, permanent: false, details: { exitCode } });
}
