import { UnrecoverableError } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessThreadLostError, ProcessThreads } from '../../src/workers/process-threads.js';

const TASK_THREAD = new URL('../fixtures/threads/task-thread.mjs', import.meta.url).pathname;
const job = { id: 'job', attemptsMade: 0, attempts: 3 };
const pools: ProcessThreads[] = [];

function pool(size: number, heapLimitMb = 64, jobTimeoutMs = 0): ProcessThreads {
  const threads = new ProcessThreads(TASK_THREAD, size, { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb, maxYoungGenerationSizeMb: 4 } }, jobTimeoutMs);
  pools.push(threads);
  return threads;
}

async function lostFailure(promise: Promise<string>): Promise<ProcessThreadLostError['failure']> {
  const error: unknown = await promise.then(
    () => null,
    (rejected: unknown) => rejected,
  );
  expect(error).toBeInstanceOf(ProcessThreadLostError);
  return (error as ProcessThreadLostError).failure;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((threads) => threads.close()));
});

describe('process-stage thread pool', () => {
  it('runs more jobs than threads, each thread one job at a time', async () => {
    const threads = pool(2);
    const results = await Promise.all(Array.from({ length: 6 }, (_, n) => threads.run({ data: { n, ms: 20 }, job })));
    expect(results).toEqual(['done 0', 'done 1', 'done 2', 'done 3', 'done 4', 'done 5']);
  });

  it('passes a permanent failure on as UnrecoverableError and a transient one as a plain Error', async () => {
    const threads = pool(1);
    const permanent: unknown = await threads.run({ data: { n: 1, fail: 'UnrecoverableError' }, job }).catch((error: unknown) => error);
    expect(permanent).toBeInstanceOf(UnrecoverableError);
    expect((permanent as Error).message).toBe('failed 1');
    const transient: unknown = await threads.run({ data: { n: 2, fail: 'ClaimfeedError' }, job }).catch((error: unknown) => error);
    expect(transient).toBeInstanceOf(Error);
    expect(transient).not.toBeInstanceOf(UnrecoverableError);
    expect(await threads.run({ data: { n: 3 }, job })).toBe('done 3');
  });

  it('fails only the job of a thread that runs out of heap, as a permanent PROCESS_OUT_OF_MEMORY, and replaces the thread', async () => {
    const threads = pool(2, 32);
    const neighbour = threads.run({ data: { n: 1, ms: 300 }, job });
    const failure = await lostFailure(threads.run({ data: { n: 2, allocate: true }, job }));
    expect(failure).toMatchObject({ code: 'PROCESS_OUT_OF_MEMORY', permanent: true, details: { heapLimitMb: 32 } });
    expect(await neighbour).toBe('done 1');
    expect(await Promise.all([threads.run({ data: { n: 3 }, job }), threads.run({ data: { n: 4 }, job })])).toEqual(['done 3', 'done 4']);
  });

  it('fails the job of a thread that exits as a transient INTERNAL error, and a job waiting for a thread gets a new one', async () => {
    const threads = pool(1);
    const crashed = lostFailure(threads.run({ data: { n: 1, crash: true }, job }));
    const waiting = threads.run({ data: { n: 2 }, job });
    expect(await crashed).toMatchObject({ code: 'INTERNAL', permanent: false, details: { exitCode: 3 } });
    expect(await waiting).toBe('done 2');
  });

  it('stops a thread stuck past the job time limit, fails that job as a permanent PROCESS_TIMEOUT, and goes on with a new thread', async () => {
    // The limit leaves room for a replacement thread's start-up on a busy machine.
    const threads = pool(1, 64, 1500);
    const failure = await lostFailure(threads.run({ data: { n: 1, spin: true }, job }));
    expect(failure).toMatchObject({ code: 'PROCESS_TIMEOUT', permanent: true, details: { jobTimeoutMs: 1500 } });
    // A job well inside the limit is not affected.
    expect(await threads.run({ data: { n: 2, ms: 50 }, job })).toBe('done 2');
  });

  it('refuses jobs once closed', async () => {
    const threads = pool(1);
    expect(await threads.run({ data: { n: 1 }, job })).toBe('done 1');
    await threads.close();
    await expect(threads.run({ data: { n: 2 }, job })).rejects.toThrow('closed');
  });
});
