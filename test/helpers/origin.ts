import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse, host: string) => void;

export interface Origin {
  port: number;
  /** `http://<address>:<port><path>` */
  url(address: string, path: string): string;
  /** Requests seen, in order, as "address path". */
  hits: string[];
  close(): Promise<void>;
}

/**
 * A real HTTP origin listening on one port of several loopback addresses (127.0.0.2 and
 * 127.0.0.3 are distinct hosts to the per-host gate), serving whatever `handler` answers.
 */
export async function startOrigin(addresses: readonly string[], handler: Handler): Promise<Origin> {
  const servers: Server[] = [];
  const hits: string[] = [];
  let port = 0;
  for (const address of addresses) {
    const server = createServer((request, response) => {
      hits.push(`${address} ${request.url}`);
      handler(request, response, address);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, address, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    servers.push(server);
  }
  return {
    port,
    hits,
    url: (address, path) => `http://${address}:${port}${path}`,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}

/** A small news page with attributed quotes and figures; `n` makes its text unique. */
export function articlePage(n: number | string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour council report ${n}</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour council report ${n}</h1>
<p>The city council approved a $12 million plan on Tuesday to raise the harbour wall by 1.5 metres, report number ${n} said.</p>
<p>"This wall is cheaper than the next flood," said Mayor Elena Ruiz, adding that 4,000 homes flooded in 2019.</p>
<p>According to the port authority, shipping traffic fell 8% last year while insurance claims rose to $40 million.</p>
<p>Councillor James Okafor said the vote was rushed and that residents had only 10 days to comment.</p>
</article><footer>Copyright The Ledger. All rights reserved.</footer></body></html>`;
}
