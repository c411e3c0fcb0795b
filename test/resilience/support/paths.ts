import type { Municipality } from '../../../domain/municipality';
import { repoRoot } from '../../support/repo-root';
import { sampleFile, sampleMunicipality } from '../../support/sample-municipality';

export { sampleFile };
/** The repository root, where bot processes run from. */
export const projectRoot = repoRoot;

export function sample(): Municipality {
  return sampleMunicipality();
}
