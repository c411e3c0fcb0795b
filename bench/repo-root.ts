import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest folder above the compiled bench (or, when it was compiled
 * elsewhere such as /tmp, above the working directory) holding package.json and municipalities/.
 */
export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = start;
    for (;;) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'municipalities'))) return dir;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error('repository root not found (run from the repository)');
}

/** The compiled product's folder: the parent of the compiled bench/ folder. */
export function distRoot(): string {
  return dirname(__dirname);
}
