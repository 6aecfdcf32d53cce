#!/usr/bin/env node
// Prints one JSON line per .txt input: {"input", "figures", "rejected"} from the built extractor.
// Used with ../shared/bench/score-claims.mjs (see `npm run bench:figures`), or alone:
//   node scripts/score-figures.mjs FILE.txt ...
import { readFileSync } from 'node:fs';
import { extractFigures } from '../dist/extractors/figures/index.js';

let out = '';
for (const input of process.argv.slice(2)) {
  const { figures, rejected } = extractFigures(readFileSync(input, 'utf8'));
  out += `${JSON.stringify({ input, figures, rejected })}\n`;
}
process.stdout.write(out);
