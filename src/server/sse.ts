import type { IncomingMessage, ServerResponse } from 'node:http';
import { compareStreamIds, isStreamId } from '../store/stream-ids.js';
import type { FeedReader } from './backend.js';

const BLOCK_MS = 5000;
const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events from the claim feed: one `claim` event per feed entry, its id the stream
 * entry id, so a reconnecting client resumes with Last-Event-ID and misses nothing still in
 * the feed. Without one, the stream starts at the newest entry.
 */
export async function streamClaims(req: IncomingMessage, res: ServerResponse, reader: FeedReader, serverClosing: AbortSignal): Promise<void> {
  let stopped = false;
  // Closing the reader ends a blocked read at once instead of after BLOCK_MS.
  const stop = (): void => {
    stopped = true;
    void reader.close().catch(() => undefined);
  };
  req.on('close', stop);
  serverClosing.addEventListener('abort', stop, { once: true });
  try {
    const resume = lastEventId(req);
    const latest = await reader.latestId();
    // An id from the future (a stream that was reset, a hand-made header) would wait forever: start from now.
    let after = resume !== null && compareStreamIds(resume, latest) <= 0 ? resume : latest;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(`retry: 2000\n: claimfeed claim stream from ${after}\n\n`);
    let lastWrite = Date.now();
    while (!stopped && !res.destroyed) {
      let entries;
      try {
        entries = await reader.read(after, BLOCK_MS);
      } catch (error) {
        if (stopped) break;
        throw error;
      }
      for (const entry of entries) {
        res.write(`id: ${entry.streamId}\nevent: claim\ndata: ${JSON.stringify(entry.claim)}\n\n`);
        after = entry.streamId;
        lastWrite = Date.now();
      }
      if (Date.now() - lastWrite >= HEARTBEAT_MS) {
        res.write(': keep-alive\n\n');
        lastWrite = Date.now();
      }
    }
  } finally {
    req.off('close', stop);
    serverClosing.removeEventListener('abort', stop);
    await reader.close().catch(() => undefined);
    if (!res.writableEnded) res.end();
  }
}

function lastEventId(req: IncomingMessage): string | null {
  const fromHeader = req.headers['last-event-id'];
  const fromQuery = new URL(req.url ?? '/', 'http://localhost').searchParams.get('from');
  const value = typeof fromHeader === 'string' && fromHeader !== '' ? fromHeader : fromQuery;
  // A malformed or out-of-range id is ignored (the stream starts from now) rather than failing
  // the request, which would make the browser reconnect with the same id forever.
  return value !== null && isStreamId(value) ? value : null;
}
