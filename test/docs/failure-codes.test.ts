import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';

/** The README's failure-code table must list every code src/errors.ts declares, and no others. */
describe('README failure codes', () => {
  it('lists every error code with its meaning and retry policy', () => {
    const source = readFileSync(`${repoRoot}/src/errors.ts`, 'utf8');
    const declared = /export type ErrorCode =([^;]+);/.exec(source)?.[1] ?? '';
    const codes = [...declared.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]);
    expect(codes.length).toBeGreaterThan(20);
    const readme = readFileSync(`${repoRoot}/README.md`, 'utf8');
    const section = readme.slice(readme.indexOf('## Failure codes'), readme.indexOf('\n## ', readme.indexOf('## Failure codes') + 1));
    const rows = [...section.matchAll(/^\| `([A-Z_]+)` \| (.+?) \| (.+?) \|$/gm)];
    expect(rows.map((row) => row[1]).sort()).toEqual([...codes].sort());
    for (const row of rows) expect(row[2]?.trim().length, row[1]).toBeGreaterThan(5);
  });
});
