// Writes a generated word list as a one-row rule table in config/actors (see the generate-*.mjs scripts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './shared-dir.mjs';

export function writeWordListTable(name, source, row) {
  const file = join(repoRoot, 'config', 'actors', `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ version: 1, source, rules: [row] }, null, 1)}\n`);
  process.stdout.write(`config/actors/${name}.json: ${row.entries.length} entries\n`);
}
