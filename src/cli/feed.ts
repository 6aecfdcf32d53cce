import { hostname } from 'node:os';
import type { ClaimRecord } from '../model/claim.js';
import type { FeedLine } from '../model/lines.js';
import type { FeedClaim } from '../store/articles.js';
import { FeedConsumer } from '../store/feed.js';
import { flagInteger, flagString, parseArgs } from './args.js';
import type { Command } from './command.js';
import { LineWriter } from './output.js';
import { openPipeline } from './pipeline-context.js';

export const feedCommand: Command = {
  name: 'feed',
  usage: 'claimfeed feed [--group NAME [--consumer NAME]] [--follow] [--from ID] [--jsonl] [--limit N] [--config FILE]',
  summary: 'Print claims from the feed; with --group, as a consumer group member that acknowledges what it printed',
  async run(argv) {
    const args = parseArgs(argv, ['follow', 'jsonl'], ['group', 'consumer', 'from', 'limit', 'config', 'claim-idle-ms']);
    const context = await openPipeline(args);
    const out = new LineWriter(1);
    const follow = args.flags.has('follow');
    const jsonl = args.flags.has('jsonl');
    const limit = flagInteger(args, 'limit') ?? Number.POSITIVE_INFINITY;
    let stopping = false;
    const stop = (): void => {
      stopping = true;
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    let printed = 0;
    const print = (items: FeedClaim[]): void => {
      for (const item of items) {
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
        const consumer = new FeedConsumer(
          context.pipeline.redis,
          context.pipeline.store.feedStreamKey,
          group,
          flagString(args, 'consumer') ?? `${hostname()}-${process.pid}`,
          flagInteger(args, 'claim-idle-ms') ?? context.config.feed.claimIdleMs,
        );
        await consumer.ensureGroup(flagString(args, 'from') ?? '0');
        while (!stopping && printed < limit) {
          const items = await consumer.read({ count: Math.min(100, limit - printed), ...(blockMs === undefined ? {} : { blockMs }) });
          print(items);
          await consumer.ack(items.map((item) => item.streamId));
          if (items.length === 0 && !follow) break;
        }
      } else {
        let from = flagString(args, 'from') ?? '0';
        while (!stopping && printed < limit) {
          const items = await context.pipeline.store.readFeed(from, { count: Math.min(500, limit - printed), ...(blockMs === undefined ? {} : { blockMs }) });
          print(items);
          const last = items[items.length - 1];
          if (last) from = last.streamId;
          else if (!follow) break;
        }
      }
    } finally {
      out.flush();
      await context.close();
    }
    return 0;
  },
};

export function feedLine(item: FeedClaim): FeedLine {
  return { streamId: item.streamId, ...item.claim };
}

export function readableClaim(item: FeedClaim): string {
  return `${item.streamId} ${claimText(item.claim)}`;
}

/** One line per claim: kind, speaker, content (or sentence) and figures. */
export function claimText(claim: ClaimRecord): string {
  const speaker = claim.speakerActor?.canonical ?? claim.speaker?.text;
  const body = claim.content?.text ?? claim.sentence.text;
  const figures = claim.figures.length > 0 ? `  [${claim.figures.map((figure) => figure.text).join('; ')}]` : '';
  return `${claim.kind}${speaker ? ` · ${speaker}` : ''}: ${body}${figures}`;
}
