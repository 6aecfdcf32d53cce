import { loadConfigDetailed } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { createLogger, type Logger } from '../log.js';
import type { Pipeline } from '../queue/pipeline.js';
import type { PrivateRedis } from '../queue/private-redis.js';
import type { ArticleStore } from '../store/articles.js';
import { type ParsedArgs, flagString } from './args.js';

export interface CliPipeline {
  config: Config;
  pipeline: Pipeline;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * Loads config (--config or CLAIMFEED_CONFIG, then the environment), checks that Redis answers,
 * and opens the pipeline. With `allowPrivateRedis`, a missing default Redis is replaced by a
 * private redis-server (said on stderr).
 */
export async function openPipeline(args: ParsedArgs, options: { allowPrivateRedis?: boolean; logLevel?: Config['log']['level'] } = {}): Promise<CliPipeline> {
  // Loaded here, not at the top: a command checks its flags before paying for the Redis and queue clients.
  const [{ pingRedis, redactUrl, requireRedis }, { Pipeline }, { startPrivateRedis }] = await Promise.all([
    import('../queue/connection.js'),
    import('../queue/pipeline.js'),
    import('../queue/private-redis.js'),
  ]);
  const file = flagString(args, 'config');
  const logOverride = options.logLevel === undefined ? {} : { 'log.level': options.logLevel };
  const loaded = loadConfigDetailed({ ...(file === undefined ? {} : { file }), overrides: logOverride });
  let config = loaded.config;
  let privateRedis: PrivateRedis | null = null;
  if (options.allowPrivateRedis && !loaded.redisUrlExplicit && !(await pingRedis(config.redis.url))) {
    privateRedis = await startPrivateRedis();
    process.stderr.write(`claimfeed: no Redis at ${redactUrl(config.redis.url)}; started a private redis-server at ${privateRedis.url} (AOF persistence in ${privateRedis.dataDir})\n`);
    config = loadConfigDetailed({ ...(file === undefined ? {} : { file }), overrides: { ...logOverride, 'redis.url': privateRedis.url } }).config;
  } else {
    await requireRedis(config.redis.url);
  }
  const logger = createLogger(config.log.level);
  const pipeline = Pipeline.create(config);
  pipeline.redis.on('error', (error) => logger.warn('redis connection error', { error }));
  return {
    config,
    pipeline,
    logger,
    async close() {
      await pipeline.close();
      await privateRedis?.stop();
    },
  };
}

export interface CliStore {
  config: Config;
  store: ArticleStore;
  close(): Promise<void>;
}

/**
 * For commands that only read the store and feed (`export`): config and one Redis connection,
 * without the queue clients, so a read-only command starts faster.
 */
export async function openStore(args: ParsedArgs): Promise<CliStore> {
  const [{ createRedis, requireRedis }, { ArticleStore }] = await Promise.all([import('../queue/connection.js'), import('../store/articles.js')]);
  const file = flagString(args, 'config');
  const config = loadConfigDetailed(file === undefined ? {} : { file }).config;
  await requireRedis(config.redis.url);
  const redis = createRedis(config.redis.url);
  const logger = createLogger(config.log.level);
  redis.on('error', (error) => logger.warn('redis connection error', { error }));
  return {
    config,
    store: new ArticleStore(redis, config.redis.prefix),
    close: async () => {
      redis.disconnect();
    },
  };
}
