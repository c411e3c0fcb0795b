import type { Municipality } from '../domain/municipality';
import type { UncertainSend } from '../i18n/uncertain-sends';
import type { JobDeps } from './job-deps';
import { tellCoordinators } from './tell-coordinators';

/**
 * Tells the coordinators, once per occurrence, about sends a stopped runner left on the wire:
 * they may have arrived, so they are not repeated, and a person decides whether to follow up.
 * `who` names the recipients (left out of the log: names are personal data).
 */
export async function reportUncertain(
  deps: JobDeps, m: Municipality, occurrenceKey: string, what: UncertainSend, who: readonly string[], count = who.length,
): Promise<void> {
  if (count === 0) return;
  deps.log.warn({ municipalityId: m.id, occurrence: occurrenceKey, count }, 'sends a stopped runner left on the wire: not repeated');
  const names = who.length > 0 ? [...new Set(who)].join(', ') : undefined;
  await tellCoordinators(deps, m, `uncertain:${occurrenceKey}`, (t) => t.jobs.uncertain(what, names));
}
