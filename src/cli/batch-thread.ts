/**
 * A batch thread: imports the command's handler module, then handles the inputs the main
 * thread sends, one reply per input (see runBatch in batch.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type BatchReply, type BatchTask, type BatchThreadData, createBatchHandler, handleInput } from './batch.js';
import { ReadBuffer } from './inputs.js';

const port = parentPort;
if (port === null) throw new Error('batch-thread runs as a worker thread');
const data = workerData as BatchThreadData;
const handler = await createBatchHandler(data.handlerModule, data.jsonl);
const readBuffer = new ReadBuffer();

port.on('message', (task: BatchTask) => {
  void handleInput(task.input, handler, data, readBuffer).then((result) => {
    const reply: BatchReply = { index: task.index, ...result };
    port.postMessage(reply);
  });
});
const ready: BatchReply = { ready: true };
port.postMessage(ready);
