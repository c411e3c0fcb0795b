import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findUp(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'municipalities'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The folder with package.json and municipalities/: found from the compiled test's folder, or,
 * when tests are compiled outside the repository (tsc --outDir /tmp/...), from the working folder.
 */
export function repoRoot(): string {
  const root = findUp(__dirname) ?? findUp(process.cwd());
  if (!root) throw new Error(`no folder with package.json and municipalities/ above ${__dirname} or ${process.cwd()}`);
  return root;
}
