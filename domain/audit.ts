import { randomBytes } from 'node:crypto';

/**
 * The audit trail: who changed what, when. The municipality is the data controller and must be
 * able to show changes to registrations, grades, hotspots and actions. Entries are appended and
 * never updated (the one exception is erasure, which replaces the person's id with a pseudonym).
 */

export const AUDIT_KINDS = [
  'registration', 'grade', 'situation', 'hotspot', 'action', 'weekFinalized', 'personExported', 'personErased',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export type AuditValue = string | number | boolean | null;

export interface AuditEntry {
  /** `audit:<at>:<random>`: sorts by time, and two entries in the same millisecond stay apart. */
  id: string;
  municipalityId: string;
  /** ISO instant. */
  at: string;
  actorId: string;
  kind: AuditKind;
  /** What changed, e.g. a reporter id, "2026-W49:rimbo", a hotspot id. */
  subject: string;
  /** Short facts about the change (ids, grades, statuses): never the free text of reports. */
  change: Record<string, AuditValue>;
}

export interface NewAuditEntry {
  municipalityId: string;
  at: Date;
  actorId: string;
  kind: AuditKind;
  subject: string;
  change?: Record<string, AuditValue>;
}

/** Keeps entries short: the trail records that something changed, not what a report said. */
export const AUDIT_MAX_KEYS = 20;
export const AUDIT_MAX_STRING = 120;

function shortValue(value: AuditValue): AuditValue {
  return typeof value === 'string' && value.length > AUDIT_MAX_STRING ? `${value.slice(0, AUDIT_MAX_STRING - 1)}…` : value;
}

/**
 * Builds an entry. Pure apart from the random suffix, which a test may pass in; over-long values
 * are cut and extra keys dropped so a careless caller cannot turn the trail into a report store.
 */
export function auditEntry(input: NewAuditEntry, random: string = randomBytes(4).toString('hex')): AuditEntry {
  const at = input.at.toISOString();
  const change = Object.fromEntries(Object.entries(input.change ?? {})
    .slice(0, AUDIT_MAX_KEYS)
    .map(([k, v]) => [k, shortValue(v)] as const));
  return {
    id: `audit:${at}:${random}`,
    municipalityId: input.municipalityId,
    at,
    actorId: input.actorId,
    kind: input.kind,
    subject: input.subject,
    change,
  };
}

/** Oldest first; the id breaks ties between entries of the same instant. */
export function compareAudit(a: AuditEntry, b: AuditEntry): number {
  return a.at.localeCompare(b.at) || a.id.localeCompare(b.id);
}
