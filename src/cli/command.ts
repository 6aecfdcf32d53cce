/** One CLI subcommand: its name, a one-line summary for `--help`, and the handler. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Returns the process exit code. */
  run(argv: string[]): Promise<number>;
}
