import { ClaimfeedError, toClaimfeedError } from '../errors.js';
import { closest } from './args.js';
import { commands } from './commands.js';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    process.stdout.write(`${await packageVersion()}\n`);
    return 0;
  }
  const entry = commands.find((candidate) => candidate.name === name);
  if (!entry) {
    const suggestion = closest(name, commands.map((candidate) => candidate.name));
    process.stderr.write(`claimfeed: unknown command "${name}"${suggestion === null ? '' : `; did you mean "${suggestion}"?`}\n\n${await helpText()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`usage: ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const failure = toClaimfeedError(error);
    process.stderr.write(`claimfeed ${name}: ${failure.code}: ${failure.message}\n`);
    if (failure instanceof ClaimfeedError && failure.code === 'USAGE') process.stderr.write(`usage: ${command.usage}\n`);
    return failure.code === 'USAGE' ? 2 : 1;
  }
}

async function helpText(): Promise<string> {
  const loaded = await Promise.all(commands.map((entry) => entry.load()));
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = loaded.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `usage: claimfeed <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun "claimfeed <command> --help" for a command's options.\n`;
}

async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const raw = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  const parsed: unknown = JSON.parse(raw);
  return typeof parsed === 'object' && parsed !== null && 'version' in parsed ? String(parsed.version) : 'unknown';
}
