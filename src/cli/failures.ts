import { flagInteger, parseArgs } from './args.js';
import type { Command } from './command.js';
import { LineWriter } from './output.js';
import { openPipeline } from './pipeline-context.js';

export const failuresCommand: Command = {
  name: 'failures',
  usage: 'claimfeed failures [--json] [--limit N] [--config FILE]',
  summary: 'List URLs that failed, newest first, with the error code and reason',
  async run(argv) {
    const args = parseArgs(argv, ['json'], ['limit', 'config']);
    const context = await openPipeline(args);
    try {
      const failures = await context.pipeline.store.listFailures({ limit: flagInteger(args, 'limit') ?? 100 });
      const out = new LineWriter(1);
      for (const failure of failures) {
        if (args.flags.has('json')) out.json(failure);
        else out.line(`${failure.at} ${failure.code} ${failure.url} (${failure.stage}, ${failure.attempts} attempt${failure.attempts === 1 ? '' : 's'}): ${failure.message}`);
      }
      if (!args.flags.has('json') && failures.length === 0) out.line('no failures');
      out.flush();
      return 0;
    } finally {
      await context.close();
    }
  },
};
