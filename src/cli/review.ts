import { loadConfig } from '../config/load.js';
import { ClaimfeedError } from '../errors.js';
import { articleIdForUrl } from '../model/ids.js';
import { createRedis, requireRedis } from '../queue/connection.js';
import { renderReviewForTerminal } from '../review/terminal.js';
import { ArticleStore } from '../store/articles.js';
import { flagString, parseArgs } from './args.js';
import type { Command } from './command.js';
import { isUrl } from './inputs.js';
import { LineWriter } from './output.js';

export const reviewCommand: Command = {
  name: 'review',
  usage: 'claimfeed review [--json] [--color|--no-color] [--config FILE] URL|ARTICLE_ID',
  summary: 'Show an article with its figures, actors and attributions marked, then its extraction log',
  async run(argv) {
    const args = parseArgs(argv, ['json', 'color', 'no-color'], ['config']);
    const [target, ...extra] = args.positionals;
    if (target === undefined || extra.length > 0) throw new ClaimfeedError('USAGE', 'give exactly one URL or article id');
    const file = flagString(args, 'config');
    const config = loadConfig(file === undefined ? {} : { file });
    await requireRedis(config.redis.url);
    const redis = createRedis(config.redis.url);
    try {
      const store = new ArticleStore(redis, config.redis.prefix);
      const id = isUrl(target) ? articleIdForUrl(target, config.dedup.trackingParams) : target;
      const review = await store.getArticle(id);
      if (review === null) {
        throw new ClaimfeedError('NOT_FOUND', `No article ${isUrl(target) ? `for ${target} (id ${id})` : `with id ${id}`}; queue it with "claimfeed enqueue URL"`);
      }
      const out = new LineWriter(1);
      if (args.flags.has('json')) {
        out.json(review.log);
      } else {
        out.line(renderReviewForTerminal(review, { color: useColor(args.flags) }).trimEnd());
      }
      out.flush();
      return review.status === 'failed' ? 1 : 0;
    } finally {
      redis.disconnect();
    }
  },
};

/** Colour on a terminal unless NO_COLOR is set (no-color.org); the flags override both. */
function useColor(flags: ReadonlyMap<string, string | true>): boolean {
  if (flags.has('no-color')) return false;
  if (flags.has('color')) return true;
  return process.stdout.isTTY === true && (process.env['NO_COLOR'] ?? '') === '';
}
