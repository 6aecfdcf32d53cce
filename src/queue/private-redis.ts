import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ClaimfeedError } from '../errors.js';
import { pingRedis } from './connection.js';

export interface PrivateRedis {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

function redisServerAvailable(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return probe.status === 0;
}

/**
 * Starts a redis-server from PATH on a free loopback port, with append-only-file persistence
 * under `dataDir`, for users who have no Redis running. It lives as long as this process.
 */
export async function startPrivateRedis(dataDir = resolve('.data', 'redis')): Promise<PrivateRedis> {
  if (!redisServerAvailable()) {
    throw new ClaimfeedError(
      'REDIS_UNAVAILABLE',
      'No Redis answers at redis://127.0.0.1:6379 and no redis-server is on PATH: install Redis (e.g. "apt-get install redis-server" or "brew install redis") or set REDIS_URL',
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--protected-mode', 'yes'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) break;
    if (await pingRedis(url, 300)) {
      return {
        url,
        dataDir,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      };
    }
    await new Promise((wait) => setTimeout(wait, 50));
  }
  child.kill('SIGKILL');
  throw new ClaimfeedError('REDIS_UNAVAILABLE', `redis-server did not start (data folder ${dataDir})`);
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
