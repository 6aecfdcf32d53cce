import { hostname } from 'node:os';
import type { ClaimRecord } from '../model/claim.js';
import type { FeedLine } from '../model/lines.js';
import type { FeedClaim } from '../store/articles.js';
import { ClaimfeedError } from '../errors.js';
import { feedEntryMatches, streamIdMs } from '../store/claim-filters.js';
import { isStreamId } from '../store/stream-ids.js';
import { type ParsedArgs, flagInteger, flagString, parseArgs } from './args.js';
import type { Command } from './command.js';
import { CLAIM_FILTER_FLAGS, CLAIM_FILTER_USAGE, claimFiltersFromFlags } from './claim-filter-flags.js';
import { LineWriter } from './output.js';
import { openPipeline } from './pipeline-context.js';

export const feedCommand: Command = {
  name: 'feed',
  usage: `claimfeed feed [--group NAME [--consumer NAME]] [--follow] [--from ID] [--jsonl] [--limit N] ${CLAIM_FILTER_USAGE} [--config FILE]`,
  summary: 'Print claims from the feed; with --group, as a consumer group member that acknowledges what it printed',
  async run(argv) {
    const args = parseArgs(argv, ['follow', 'jsonl'], ['group', 'consumer', 'from', 'limit', 'config', 'claim-idle-ms', ...CLAIM_FILTER_FLAGS]);
    // Every flag is checked before Redis is touched: a usage error exits at once.
    const limit = flagInteger(args, 'limit') ?? Number.POSITIVE_INFINITY;
    const claimIdleMs = flagInteger(args, 'claim-idle-ms');
    checkFeedPosition(args);
    const filters = claimFiltersFromFlags(args);
    const context = await openPipeline(args);
    const out = new LineWriter(1);
    const follow = args.flags.has('follow');
    const jsonl = args.flags.has('jsonl');
    let stopping = false;
    const stop = (): void => {
      stopping = true;
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    let printed = 0;
    const print = (items: FeedClaim[]): void => {
      for (const item of items) {
        // Entries a filter leaves out still count as read (and, in a group, are acknowledged).
        if (!feedEntryMatches(item, filters)) continue;
        if (jsonl) out.json(feedLine(item));
        else out.line(readableClaim(item));
        printed++;
      }
      out.flush();
    };
    const blockMs = follow ? 1000 : undefined;
    try {
      const group = flagString(args, 'group');
      if (group !== undefined) {
        const { FeedConsumer } = await import('../store/feed.js');
        const consumer = new FeedConsumer(
          context.pipeline.redis,
          context.pipeline.store.feedStreamKey,
          group,
          flagString(args, 'consumer') ?? `${hostname()}-${process.pid}`,
          claimIdleMs ?? context.config.feed.claimIdleMs,
        );
        await consumer.ensureGroup(flagString(args, 'from') ?? '0');
        while (!stopping && printed < limit) {
          const items = await consumer.read({ count: Math.min(100, limit - printed), ...(blockMs === undefined ? {} : { blockMs }) });
          print(items);
          await consumer.ack(items.map((item) => item.streamId));
          if (items.length === 0 && !follow) break;
        }
      } else {
        // Stream ids start with their time: --since can skip what is older without reading it.
        let from = flagString(args, 'from') ?? (filters.since === undefined ? '0' : String(Math.max(0, filters.since - 1)));
        while (!stopping && printed < limit) {
          const items = await context.pipeline.store.readFeed(from, { count: Math.min(500, limit - printed), ...(blockMs === undefined ? {} : { blockMs }) });
          print(items);
          const last = items[items.length - 1];
          if (last) from = last.streamId;
          if (!follow && (last === undefined || (filters.until !== undefined && streamIdMs(last.streamId) > filters.until))) break;
        }
      }
    } finally {
      out.flush();
      await context.close();
    }
    return 0;
  },
};

function feedLine(item: FeedClaim): FeedLine {
  return { streamId: item.streamId, ...item.claim };
}

/** `--from` must be a stream id Redis accepts (`$` too with --group); --consumer needs --group. */
function checkFeedPosition(args: ParsedArgs): void {
  const group = flagString(args, 'group');
  if (flagString(args, 'consumer') !== undefined && group === undefined) throw new ClaimfeedError('USAGE', '--consumer names a member of a consumer group: give --group NAME too');
  const from = flagString(args, 'from');
  if (from !== undefined && !isStreamId(from) && !(from === '$' && group !== undefined)) {
    throw new ClaimfeedError('USAGE', `--from must be a feed entry id like 1700000000000-0 (or 0 for the start${group === undefined ? '' : ', $ for new entries only'}), got "${from}"`);
  }
}

function readableClaim(item: FeedClaim): string {
  return `${item.streamId} ${claimText(item.claim)}`;
}

/** One line per claim: kind, speaker, content (or sentence) and figures. */
export function claimText(claim: ClaimRecord): string {
  const speaker = claim.speakerActor?.canonical ?? claim.speaker?.text;
  const body = claim.content?.text ?? claim.sentence.text;
  const figures = claim.figures.length > 0 ? `  [${claim.figures.map((figure) => figure.text).join('; ')}]` : '';
  return `${claim.kind}${speaker ? ` · ${speaker}` : ''}: ${body}${figures}`;
}
