import type { Command } from './command.js';
import { enqueueCommand } from './enqueue.js';
import { extractCommand } from './extract.js';
import { failuresCommand } from './failures.js';
import { feedCommand } from './feed.js';
import { reviewCommand } from './review.js';
import { runCommand } from './run.js';
import { serveCommand, upCommand } from './serve.js';
import { statusCommand } from './status.js';
import { stripCommand } from './strip.js';
import { workerCommand } from './worker.js';

/** Every subcommand, in the order `claimfeed --help` lists them. */
export const commands: readonly Command[] = [runCommand, enqueueCommand, workerCommand, feedCommand, statusCommand, failuresCommand, stripCommand, extractCommand, reviewCommand, serveCommand, upCommand];
