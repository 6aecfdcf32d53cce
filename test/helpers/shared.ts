import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared benchmark folder: CLAIMFEED_SHARED, else ../shared beside the repository. */
export function sharedDir(): string {
  const dir = process.env.CLAIMFEED_SHARED ?? resolve(repoRoot, '..', 'shared');
  if (!existsSync(dir)) throw new Error(`shared data folder not found at ${dir} (set CLAIMFEED_SHARED)`);
  return dir;
}

export function readSharedJson(...parts: string[]): unknown {
  return JSON.parse(readFileSync(resolve(sharedDir(), ...parts), 'utf8'));
}

export { repoRoot };
