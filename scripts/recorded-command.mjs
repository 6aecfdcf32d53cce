#!/usr/bin/env node
// Runs a scoring command once and lets the scorer read its output again, so one extraction can be
// scored whole and per origin without extracting twice.
//   node scripts/recorded-command.mjs record FILE -- COMMAND ARGS... INPUT...
//     runs COMMAND with the inputs, passes its stdout through and keeps a copy in FILE;
//   node scripts/recorded-command.mjs replay FILE INPUT...
//     prints the lines of FILE whose input has the same base name as one of the given inputs,
//     with "input" rewritten to the given path (the scorer names its temporary files by document id).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const [mode, file, ...rest] = process.argv.slice(2);
if ((mode !== 'record' && mode !== 'replay') || !file) {
  process.stderr.write('usage: recorded-command.mjs record FILE -- COMMAND ARGS... | replay FILE INPUT...\n');
  process.exit(2);
}

if (mode === 'record') {
  const separator = rest.indexOf('--');
  const [command, ...args] = separator >= 0 ? rest.slice(separator + 1) : rest;
  if (!command) {
    process.stderr.write('recorded-command: record needs a command after --\n');
    process.exit(2);
  }
  const run = spawnSync(command, args, { maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.error) {
    process.stderr.write(`recorded-command: could not run ${command}: ${run.error.message}\n`);
    process.exit(2);
  }
  writeFileSync(file, run.stdout);
  // No process.exit() here: it would cut off what the pipe has not taken yet (64 KiB at a time).
  process.exitCode = run.status ?? 1;
  process.stdout.write(run.stdout);
} else {
  replay(file, rest);
}

function replay(file, rest) {
  const wanted = new Map(rest.map((input) => [basename(input), input]));
  let out = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line);
    const input = wanted.get(basename(String(record.input)));
    if (input !== undefined) out += `${JSON.stringify({ ...record, input })}\n`;
  }
  process.stdout.write(out);
}
