// Locates the shared benchmark folder: CLAIMFEED_SHARED, else ../shared beside the repository.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function sharedDir() {
  const dir = process.env.CLAIMFEED_SHARED ?? resolve(repoRoot, '..', 'shared');
  if (!existsSync(dir)) {
    process.stderr.write(`shared data folder not found at ${dir} (set CLAIMFEED_SHARED)\n`);
    process.exit(1);
  }
  // The scorer only runs when invoked by its real path, so resolve symlinks (../shared often is one).
  return realpathSync(dir);
}
