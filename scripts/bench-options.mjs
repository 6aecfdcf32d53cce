// Command-line options of the benchmark scripts: `--name value` pairs, and `--flag` alone as 'true'.
export function parseArgs(argv) {
  const out = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg.startsWith('--')) out[arg.slice(2)] = argv[index + 1]?.startsWith('--') === false ? argv[++index] : 'true';
  }
  return out;
}
