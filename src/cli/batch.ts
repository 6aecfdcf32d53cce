import { toClaimfeedError } from '../errors.js';
import { loadInput, ReadBuffer, type LoadedInput } from './inputs.js';
import { LineWriter } from './output.js';

/**
 * The per-input loop of batch commands: each input is loaded and handled on its own; a failure
 * becomes `{"input", "error": {"code", "message"}}` (or a stderr line) and the rest go on.
 * Returns the exit code: 1 when any input failed. `handle` runs synchronously and must not keep
 * `loaded.bytes`: the next input is read into the same memory.
 */
export async function runBatch(
  commandName: string,
  inputs: readonly string[],
  jsonl: boolean,
  handle: (loaded: LoadedInput, out: LineWriter) => void,
): Promise<number> {
  const out = new LineWriter(1);
  const readBuffer = new ReadBuffer();
  let failed = 0;
  for (const input of inputs) {
    try {
      handle(await loadInput(input, readBuffer), out);
    } catch (error) {
      failed++;
      const failure = toClaimfeedError(error);
      if (jsonl) out.json({ input, error: { code: failure.code, message: failure.message } });
      else process.stderr.write(`claimfeed ${commandName}: ${input}: ${failure.code}: ${failure.message}\n`);
    }
  }
  out.flush();
  return failed > 0 ? 1 : 0;
}
