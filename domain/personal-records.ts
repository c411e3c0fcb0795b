import { createHash } from 'node:crypto';
import type { Absence } from './absence';
import type { AuditEntry } from './audit';
import type { Language } from './municipality';
import type { Action, Hotspot, TownDecision, WeekState } from './picture/meeting';
import type { SendRecord, StoredConversation } from './ports';
import type { RegistryChange } from './registry';
import type { Report } from './report';

/**
 * Everything stored about one person in one municipality, for the data subject's right of
 * access (GDPR art. 15) and erasure (art. 17). Pure helpers only; `store/person-data.ts` reads
 * and writes.
 */
export interface PersonExport {
  municipalityId: string;
  userId: string;
  exportedAt: string;
  reports: Report[];
  absences: Absence[];
  /** Registrations of them, and changes they made to others' registrations. */
  registryChanges: RegistryChange[];
  /**
   * The marker that keeps an erased person off the reporter list even if the configuration file
   * still names them. It holds their id and nothing else about them.
   */
  removalMarker?: RegistryChange;
  /** Their 1:1 reference, and shared (team, channel, group) references they last wrote in. */
  conversations: StoredConversation[];
  language?: Language;
  sends: SendRecord[];
  decisions: TownDecision[];
  hotspots: Hotspot[];
  actions: Action[];
  weekStates: WeekState[];
  audit: AuditEntry[];
}

export const PERSON_DATA_KINDS = [
  'reports', 'absences', 'registryChanges', 'conversations', 'language', 'sends',
  'decisions', 'hotspots', 'actions', 'weekStates', 'audit',
] as const;
export type PersonDataKind = (typeof PERSON_DATA_KINDS)[number];

export function countPersonData(e: PersonExport): Record<PersonDataKind, number> {
  return {
    reports: e.reports.length, absences: e.absences.length, registryChanges: e.registryChanges.length,
    conversations: e.conversations.length, language: e.language ? 1 : 0, sends: e.sends.length,
    decisions: e.decisions.length, hotspots: e.hotspots.length, actions: e.actions.length,
    weekStates: e.weekStates.length, audit: e.audit.length,
  };
}

/** True when nothing but the removal marker is left. */
export function holdsNothing(e: PersonExport): boolean {
  return Object.values(countPersonData(e)).every((n) => n === 0);
}

/**
 * The stand-in for an erased person's id in records that must stay (the meeting's decisions,
 * the audit trail). The same person always gets the same pseudonym, so a record still reads
 * "one person did these"; it is a pseudonym, not anonymity: whoever holds the id can recompute it.
 */
export function pseudonymOf(userId: string): string {
  return `raderad-${createHash('sha256').update(userId, 'utf8').digest('hex').slice(0, 8)}`;
}

/**
 * Whether a string names the person: the whole string is their id, or one `:`-separated part
 * of it is (ledger keys "prompts:2026-W49:rimbo:<id>", audit subjects "reporter:<id>"). Parts,
 * not substrings, so that "r1" is not found inside "r10".
 */
export function namesPerson(text: string, userId: string): boolean {
  return text === userId || text.split(':').includes(userId);
}

function replaceInText(text: string, userId: string, pseudonym: string): string {
  if (text === userId) return pseudonym;
  return namesPerson(text, userId) ? text.split(':').map((s) => (s === userId ? pseudonym : s)).join(':') : text;
}

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

/** Whether any string anywhere in the value names the person. */
export function mentionsPerson(value: unknown, userId: string): boolean {
  if (typeof value === 'string') return namesPerson(value, userId);
  if (Array.isArray(value)) return value.some((v) => mentionsPerson(v, userId));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => mentionsPerson(v, userId));
  return false;
}

function replaceDeep(value: Json, userId: string, pseudonym: string): Json {
  if (typeof value === 'string') return replaceInText(value, userId, pseudonym);
  if (Array.isArray(value)) return value.map((v) => replaceDeep(v, userId, pseudonym));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceDeep(v, userId, pseudonym)]));
  }
  return value;
}

/**
 * The record with every mention of the person replaced by the pseudonym. Every string, not a
 * list of fields: a field added later (an `assignedBy`) cannot keep the id by being forgotten
 * here. `keep` names fields that are keys, not people, and must not change.
 */
export function pseudonymize<T extends object>(record: T, userId: string, pseudonym: string, keep: readonly string[] = []): T {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(record as Record<string, Json>)) {
    out[k] = keep.includes(k) ? v : replaceDeep(v, userId, pseudonym);
  }
  return out as T;
}

/** What an erasure does, counted: the dry run shows it, the erasure returns it. */
export interface ErasureCounts {
  /** `registrations`: their registration details, replaced by the removal marker. */
  deleted: { reports: number; absences: number; registrations: number; conversations: number; language: number; sends: number };
  /** Shared references they last wrote in: the reference stays, their user part goes. */
  scrubbed: { conversations: number };
  /** Records that stay with the pseudonym in place of the id. */
  pseudonymized: { registryChanges: number; decisions: number; hotspots: number; actions: number; weekStates: number; audit: number };
}

export interface ErasureSummary {
  pseudonym: string;
  counts: ErasureCounts;
  /** Always: the store cannot edit the municipality's YAML file, a coordinator must. */
  notice: 'configurationMayListPerson';
}

/** Their own 1:1 reference is deleted; shared ones are kept for the team and scrubbed. */
export function isOwnConversation(c: StoredConversation, userId: string): boolean {
  return c.key === `user:${userId}`;
}

/** Registrations of the person are replaced by the removal marker; others' are pseudonymized. */
export function isOwnRegistration(c: RegistryChange, userId: string): boolean {
  return c.reporterId === userId;
}

export function planErasure(e: PersonExport): ErasureCounts {
  const own = e.conversations.filter((c) => isOwnConversation(c, e.userId)).length;
  return {
    deleted: {
      reports: e.reports.length, absences: e.absences.length,
      registrations: e.registryChanges.filter((c) => isOwnRegistration(c, e.userId)).length,
      conversations: own, language: e.language ? 1 : 0, sends: e.sends.length,
    },
    scrubbed: { conversations: e.conversations.length - own },
    pseudonymized: {
      registryChanges: e.registryChanges.filter((c) => !isOwnRegistration(c, e.userId)).length,
      decisions: e.decisions.length, hotspots: e.hotspots.length, actions: e.actions.length,
      weekStates: e.weekStates.length, audit: e.audit.length,
    },
  };
}
