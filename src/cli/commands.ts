import type { Command } from './command.js';
import { reviewCommand } from './review.js';
import { stripCommand } from './strip.js';

/** Every subcommand, in the order `claimfeed --help` lists them. */
export const commands: readonly Command[] = [stripCommand, reviewCommand];
