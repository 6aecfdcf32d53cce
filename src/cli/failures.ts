import { flagIntegerInRange, parseArgs } from './args.js';
import type { Command } from './command.js';
import { LineWriter } from './output.js';
import { openPipeline } from './pipeline-context.js';

export const failuresCommand: Command = {
  name: 'failures',
  usage: 'claimfeed failures [--json] [--limit N] [--config FILE]',
  summary: 'List URLs that failed, newest first, with the error code and reason',
  async run(argv) {
    const args = parseArgs(argv, ['json'], ['limit', 'config']);
    const limit = flagIntegerInRange(args, 'limit', 1, 100_000) ?? 100;
    const context = await openPipeline(args);
    try {
      const failures = await context.pipeline.store.listFailures({ limit });
      const out = new LineWriter(1);
      // --json: one JSON array, `[]` when nothing failed, so a script can always parse the output.
      if (args.flags.has('json')) out.line(JSON.stringify(failures));
      for (const failure of failures) {
        if (args.flags.has('json')) continue;
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
