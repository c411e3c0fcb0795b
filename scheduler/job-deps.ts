import type { Clock } from '../domain/clock';
import type { Directory } from '../domain/directory';
import type { MeetingStore, Notifier, OperationsStore, WeeklyStore } from '../domain/ports';
import type { Logger } from '../observability/logger';

/** What the weekly jobs need; `index.ts` wires the concrete parts in. */
export interface JobDeps {
  directory: Directory;
  weekly: WeeklyStore;
  meeting: MeetingStore;
  operations: OperationsStore;
  notifier: Notifier;
  clock: Clock;
  /** Names this process in leases and send claims. */
  instanceId: string;
  log: Logger;
}

export interface JobResult {
  sent: number;
  skipped: number;
  failed: number;
  /** Sends a stopped runner left on the wire: maybe delivered, not repeated. */
  uncertain: number;
  /** Set when the job found itself too late to run and told the coordinators instead. */
  tooLate?: boolean;
}

export function emptyResult(): JobResult {
  return { sent: 0, skipped: 0, failed: 0, uncertain: 0 };
}

/** A send claimed by a runner that has not finished it within this time is taken as dead. */
export const SEND_CLAIM_STALE_MS = 2 * 60_000;
