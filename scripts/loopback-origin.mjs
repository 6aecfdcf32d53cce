// One HTTP server per loopback address, all on the same port, so benchmark URLs can name many
// hosts (127.0.0.x) that share one origin port and the per-host politeness sees distinct hosts.
import { createServer } from 'node:http';

/**
 * Starts a server on every address with the handler `handlerFor(address)` gives it; the first
 * server picks a free port and the others take the same one.
 */
export async function listenOnAddresses(addresses, handlerFor) {
  const servers = [];
  let port = 0;
  for (const address of addresses) {
    const server = createServer(handlerFor(address));
    server.keepAliveTimeout = 5000;
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, address, resolve);
    });
    port = server.address().port;
    servers.push(server);
  }
  return {
    port,
    url: (host, path) => `http://${host}:${port}${path}`,
    close: () => Promise.all(servers.map((server) => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }))),
  };
}
