import { join } from 'node:path';
import { loadMunicipality } from '../../config/load-municipality';
import type { Municipality } from '../../domain/municipality';
import { repoRoot } from './repo-root';

/** The Norrtälje sample the README starts with: 35 reporters, three towns. */
export const sampleFile = (): string => join(repoRoot(), 'municipalities', 'norrtalje.yaml');

export function sampleMunicipality(): Municipality {
  return loadMunicipality(sampleFile());
}

/** Reporter ids in the sample file are 00000000-0000-4000-8000-0000000000NN. */
export function sampleReporterId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
