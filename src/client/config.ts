import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';

/** How a library caller points claimfeed at its Redis: the same settings as the CLI. */
export interface ConnectionOptions {
  /** @defaultValue `REDIS_URL`, else config, else redis://127.0.0.1:6379 */
  redisUrl?: string;
  /** Key prefix of the deployment to talk to. @defaultValue config `redis.prefix` ("{claimfeed}") */
  prefix?: string;
  /** Any other config key, flat ("feed.claimIdleMs": 30000); environment variables still apply beneath these. */
  config?: Record<string, unknown>;
}

/** The validated config for a library call: defaults < `CLAIMFEED_CONFIG` file < environment < options. */
export function clientConfig(options: ConnectionOptions): Config {
  return loadConfig({
    overrides: {
      ...options.config,
      ...(options.redisUrl === undefined ? {} : { 'redis.url': options.redisUrl }),
      ...(options.prefix === undefined ? {} : { 'redis.prefix': options.prefix }),
    },
  });
}
