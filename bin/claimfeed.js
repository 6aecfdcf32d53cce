#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the `prepare` script).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // The command has finished: a connection some library left open must not keep us alive.
    setTimeout(() => process.exit(code), 1000).unref();
  },
  (error) => {
    process.stderr.write(`claimfeed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
    setTimeout(() => process.exit(70), 1000).unref();
  },
);
