import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from compiled test files under dist/. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'municipalities')))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}
