import { readFile } from 'node:fs/promises';
import { Pipeline, type EnqueueReport, type EnqueueResult } from '../queue/pipeline.js';
import { type ConnectionOptions, clientConfig } from './config.js';

export type { EnqueueReport, EnqueueResult } from '../queue/pipeline.js';

/** Queues article URLs (or files) for the workers, as `claimfeed enqueue` does. */
export interface EnqueueClient {
  /** Each URL once: a URL already processed is a `duplicate` unless `refresh`. */
  enqueue(urls: readonly string[], options?: { refresh?: boolean }): Promise<EnqueueReport>;
  /** A local HTML file, read now; the workers skip the fetch. */
  enqueueFile(path: string, options?: { refresh?: boolean }): Promise<EnqueueResult>;
  close(): Promise<void>;
}

export function createEnqueueClient(options: ConnectionOptions = {}): EnqueueClient {
  const pipeline = Pipeline.create(clientConfig(options));
  return {
    enqueue: (urls, enqueueOptions = {}) => pipeline.enqueueUrls(urls, enqueueOptions),
    enqueueFile: async (path, enqueueOptions = {}) => pipeline.enqueueFile(path, await readFile(path), enqueueOptions),
    close: () => pipeline.close(),
  };
}

/** One-shot: queues the URLs and closes the connection. */
export async function enqueue(urls: readonly string[], options: ConnectionOptions & { refresh?: boolean } = {}): Promise<EnqueueReport> {
  const client = createEnqueueClient(options);
  try {
    return await client.enqueue(urls, { refresh: options.refresh === true });
  } finally {
    await client.close();
  }
}
