/**
 * Entry point of the thread that runs `claimfeed worker` (see worker.ts): the parent passes the
 * command's arguments in `workerData` and the stop signal as a message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toClaimfeedError } from '../errors.js';
import { isRecord } from '../rules/table.js';
import { type WorkerSetReply, runWorkerSet } from './worker.js';

const argv: string[] = isRecord(workerData) && Array.isArray(workerData.argv) ? workerData.argv.filter((item): item is string => typeof item === 'string') : [];

const stopped = new Promise<string>((resolve) => {
  parentPort?.on('message', (message: unknown) => {
    if (isRecord(message) && typeof message.signal === 'string') resolve(message.signal);
  });
});

let reply: WorkerSetReply;
try {
  reply = { ok: true, code: await runWorkerSet(argv, stopped) };
} catch (error) {
  const failure = toClaimfeedError(error);
  reply = { ok: false, code: failure.code, message: failure.message };
}
parentPort?.postMessage(reply);
// The parent port keeps the thread alive; the thread's work is done.
parentPort?.close();
