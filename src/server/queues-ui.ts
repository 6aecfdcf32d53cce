import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';

type MountedApp = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Bull Board for the pipeline queues, as a plain request listener for paths under `basePath`.
 * The adapter's Express app sees paths relative to the mount point, as Express mounting would
 * give it; Express stays inside the dashboard and the rest of the server is node:http.
 */
export function createQueuesUi(queues: readonly Queue[], basePath = '/queues'): (req: IncomingMessage, res: ServerResponse) => void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter, options: { uiConfig: { boardTitle: 'claimfeed queues' } } });
  const app = serverAdapter.getRouter() as MountedApp;
  return (req, res) => {
    const url = req.url ?? '/';
    if (url === basePath) {
      // The board's relative asset links need the trailing slash.
      res.writeHead(308, { location: `${basePath}/` });
      res.end();
      return;
    }
    req.url = url.slice(basePath.length) || '/';
    app(req, res, (error) => {
      if (res.headersSent) return;
      res.writeHead(error === undefined ? 404 : 500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: error === undefined ? 'NOT_FOUND' : 'INTERNAL', message: error === undefined ? 'No such dashboard page' : 'Dashboard error' } }));
    });
  };
}
