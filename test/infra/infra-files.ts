import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../support/repo-root';

// Locates the repository (tests may be compiled outside it) and the Bicep files in infra/.

export { repoRoot };

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
