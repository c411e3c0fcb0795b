import type { Reporter } from './municipality';

/**
 * A coordinator's change to the reporter list, made in chat and stored. The configuration file
 * stays the starting point; stored changes are laid over it, so they survive a restart and a
 * later edit of the file does not silently undo them.
 */
export interface RegistryChange {
  id: string;
  municipalityId: string;
  reporterId: string;
  /** The reporter as they now are, or undefined when removed. */
  reporter?: Reporter;
  changedBy: string;
  changedAt: string;
}

export function registryChangeId(reporterId: string): string {
  return `reporter:${reporterId}`;
}

/** The effective reporter list: configured reporters with stored changes applied. */
export function applyRegistryChanges(configured: Reporter[], changes: RegistryChange[]): Reporter[] {
  const byId = new Map(configured.map((r) => [r.id, r] as const));
  for (const c of [...changes].sort((a, b) => a.changedAt.localeCompare(b.changedAt))) {
    if (c.reporter) byId.set(c.reporterId, c.reporter);
    else byId.delete(c.reporterId);
  }
  return [...byId.values()];
}
