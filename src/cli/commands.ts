import type { Command } from './command.js';
import { extractCommand } from './extract.js';
import { reviewCommand } from './review.js';
import { stripCommand } from './strip.js';

/** Every subcommand, in the order `claimfeed --help` lists them. */
export const commands: readonly Command[] = [stripCommand, extractCommand, reviewCommand];
