import type { Command } from './command.js';

/**
 * A subcommand by name, loaded on first use: start-up pays only for the command that runs
 * (the queue and server commands pull in Redis and HTTP clients that `strip` never needs).
 */
export interface CommandEntry {
  name: string;
  load(): Promise<Command>;
}

/** Every subcommand, in the order `claimfeed --help` lists them. */
export const commands: readonly CommandEntry[] = [
  { name: 'run', load: async () => (await import('./run.js')).runCommand },
  { name: 'enqueue', load: async () => (await import('./enqueue.js')).enqueueCommand },
  { name: 'worker', load: async () => (await import('./worker.js')).workerCommand },
  { name: 'sources', load: async () => (await import('./sources.js')).sourcesCommand },
  { name: 'feed', load: async () => (await import('./feed.js')).feedCommand },
  { name: 'export', load: async () => (await import('./export.js')).exportCommand },
  { name: 'status', load: async () => (await import('./status.js')).statusCommand },
  { name: 'failures', load: async () => (await import('./failures.js')).failuresCommand },
  { name: 'retry', load: async () => (await import('./retry.js')).retryCommand },
  { name: 'strip', load: async () => (await import('./strip.js')).stripCommand },
  { name: 'extract', load: async () => (await import('./extract.js')).extractCommand },
  { name: 'review', load: async () => (await import('./review.js')).reviewCommand },
  { name: 'serve', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'up', load: async () => (await import('./serve.js')).upCommand },
];
