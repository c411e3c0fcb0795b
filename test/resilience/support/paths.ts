import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadMunicipality } from '../../../config/load-municipality';
import type { Municipality } from '../../../domain/municipality';
import { repoRoot } from '../../support/repo-root';

/**
 * The repository root: the working folder when it holds the municipalities (tests compiled to
 * another folder, e.g. /tmp/res-dist, are run from the repository), else found from __dirname.
 */
export function projectRoot(): string {
  return existsSync(join(process.cwd(), 'municipalities', 'norrtalje.yaml')) ? process.cwd() : repoRoot();
}

export const sampleFile = (): string => join(projectRoot(), 'municipalities', 'norrtalje.yaml');

export function sample(): Municipality {
  return loadMunicipality(sampleFile());
}
