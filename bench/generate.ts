import { join } from 'node:path';
import { loadMunicipality } from '../config/load-municipality';
import type { Municipality, Reporter, Town } from '../domain/municipality';
import { repoRoot } from './repo-root';

/** The shipped sample, Norrtälje: 3 towns, 35 reporters, 45 reporter-town cards. */
export function sampleMunicipality(): Municipality {
  return loadMunicipality(join(repoRoot(), 'municipalities', 'norrtalje.yaml'));
}

/** A made-up Entra object id; `kind` and `n` keep ids of different roles and sizes apart. */
export function entraId(kind: number, n: number): string {
  return `00000000-0000-4${kind.toString(16).padStart(3, '0')}-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface GeneratedShape {
  /** Distinguishes municipalities (and their tenants) generated in one run. */
  index: number;
  towns: number;
  reportersPerTown: number;
  /** Towns each reporter covers, consecutive from their own (default 1: one card per reporter). */
  townsPerReporter?: number;
}

/**
 * A municipality of any size, built on the sample's schedule, categories, scale and areas: towns
 * `t0..`, each with `reportersPerTown` reporters of their own, in a tenant of its own.
 */
export function generateMunicipality(shape: GeneratedShape): Municipality {
  const base = sampleMunicipality();
  const id = `bench-${shape.index}`;
  const towns: Town[] = Array.from({ length: shape.towns }, (_, i) => ({
    id: `t${i}`, name: `Ort ${i}`, areas: base.towns[i % base.towns.length]!.areas,
  }));
  const span = Math.min(shape.towns, shape.townsPerReporter ?? 1);
  const reporters: Reporter[] = [];
  for (let t = 0; t < shape.towns; t++) {
    for (let r = 0; r < shape.reportersPerTown; r++) {
      const n = shape.index * 1_000_000 + t * 10_000 + r;
      reporters.push({
        id: entraId(1, n), name: `Rapportör ${n}`, organisation: `Organisation ${r % 17}`,
        towns: Array.from({ length: span }, (_, k) => `t${(t + k) % shape.towns}`),
      });
    }
  }
  return {
    ...base,
    id,
    name: `Bench ${shape.index}`,
    tenantId: entraId(2, shape.index),
    towns,
    reporters,
    coordinators: [{ id: entraId(3, shape.index), name: 'Samordnare', organisation: 'Kommunen' }],
    meetingChannel: { conversationId: `19:bench-${shape.index}@thread.tacv2`, name: 'Lägesbildsmöte' },
  };
}
