import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

// Locates the repository (tests may be compiled outside it) and the Bicep files in infra/.

export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'infra', 'main.bicep'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`No repository root with infra/main.bicep above ${__dirname} or ${process.cwd()}`);
}

export interface BicepFile {
  /** Path relative to the repository root, for messages. */
  name: string;
  source: string;
}

function listBicep(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listBicep(path);
    return entry.name.endsWith('.bicep') ? [path] : [];
  });
}

export function infraBicepFiles(): BicepFile[] {
  const root = repoRoot();
  return listBicep(join(root, 'infra'))
    .sort()
    .map((path) => ({ name: relative(root, path), source: readFileSync(path, 'utf8') }));
}
