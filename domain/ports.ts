import type { Absence } from './absence';
import type { Language } from './municipality';
import type { RegistryChange } from './registry';
import type { Report } from './report';

/**
 * The ports the domain needs. `store/` implements the storage ports on Cosmos DB; `bot/`
 * implements the notifier on Teams. Each method scopes to one municipality; none crosses.
 */

export interface WeekAnswers {
  reports: Report[];
  absences: Absence[];
}

export interface WeeklyStore {
  getReport(municipalityId: string, week: string, townId: string, reporterId: string): Promise<Report | undefined>;
  /** Creates or replaces the answer with the report's derived id. */
  saveReport(report: Report, ttlSeconds?: number): Promise<void>;
  listWeek(municipalityId: string, week: string): Promise<WeekAnswers>;
  setAbsence(absence: Absence, ttlSeconds?: number): Promise<void>;
  removeAbsence(municipalityId: string, week: string, reporterId: string): Promise<void>;
}

export interface RegistryStore {
  listChanges(municipalityId: string): Promise<RegistryChange[]>;
  saveChange(change: RegistryChange): Promise<void>;
  getLanguage(municipalityId: string, userId: string): Promise<Language | undefined>;
  setLanguage(municipalityId: string, userId: string, language: Language): Promise<void>;
}

export type DeliveryStatus = 'delivered' | 'unreachable' | 'failed' | 'noConversation';
/**
 * `pending`: claimed, not yet handed to the channel; `sending`: handed to the channel, outcome not
 * yet stored; `uncertain`: its runner died while it was `sending`, so nobody knows if it arrived.
 */
export type SendStatus = DeliveryStatus | 'pending' | 'sending' | 'uncertain';

/** Outcome of one send, recorded in the ledger so a resumed job skips what was delivered. */
export interface SendRecord {
  id: string;
  municipalityId: string;
  /** e.g. "prompts:2026-W48:rimbo:<reporter>" */
  key: string;
  status: SendStatus;
  at: string;
  /** The instance that claimed the send. */
  owner?: string;
  detail?: string;
}

/**
 * What a claim on one send found. `uncertain`: a dead runner had it on the wire; it may have
 * arrived, so it is not sent again.
 */
export type SendClaim = 'claimed' | 'alreadyDelivered' | 'claimedElsewhere' | 'uncertain';

export interface OperationsStore {
  /** Takes the lease for one job occurrence; false when another instance holds a live lease. */
  acquireLease(municipalityId: string, occurrence: string, owner: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Marks the occurrence done so no instance runs it again. */
  completeLease(municipalityId: string, occurrence: string, owner: string, now: Date): Promise<void>;
  isCompleted(municipalityId: string, occurrence: string): Promise<boolean>;
  /** Gives up a lease without completing it, so the occurrence can run again (manual runs). */
  releaseLease(municipalityId: string, occurrence: string, owner: string): Promise<void>;
  /**
   * Claims one send before it is made, with a conditional write: a send already delivered, or
   * claimed by a live runner within `staleMs`, is not claimed again. A stale claim whose runner
   * died before the send left, or a failed send, is taken over, so a resumed job sends the rest;
   * one whose runner died while it was on the wire becomes `uncertain` and is not sent again.
   */
  claimSend(municipalityId: string, key: string, owner: string, now: Date, staleMs: number): Promise<SendClaim>;
  getSend(municipalityId: string, key: string): Promise<SendRecord | undefined>;
  recordSend(record: SendRecord): Promise<void>;
  listSends(municipalityId: string, keyPrefix: string): Promise<SendRecord[]>;
}

/** A message the domain wants delivered; cards are already-rendered Adaptive Card JSON. */
export interface OutgoingMessage {
  text?: string;
  card?: object;
}

export interface SendOptions {
  /**
   * Awaited once, right before the message first leaves for the channel (after any wait in the
   * send queue); if it throws, the message is not sent. The send ledger marks the send `sending`.
   */
  beforeSend?: () => Promise<void>;
}

export interface Notifier {
  /** Sends 1:1 to a person, creating the conversation in the tenant if none is stored. */
  sendToUser(municipalityId: string, userId: string, message: OutgoingMessage, options?: SendOptions): Promise<DeliveryStatus>;
  /** Sends into a channel or group chat by conversation id. */
  sendToConversation(
    municipalityId: string, conversationId: string, message: OutgoingMessage, options?: SendOptions & { serviceUrl?: string },
  ): Promise<DeliveryStatus>;
}

/**
 * Where the bot can reach someone: a stored conversation reference (opaque to the domain; the
 * Teams layer fills it). Keys: "user:<entra id>", "team:<team id>", "conversation:<id>".
 */
export interface StoredConversation {
  municipalityId: string;
  key: string;
  conversationId: string;
  serviceUrl: string;
  tenantId?: string;
  reference: Record<string, unknown>;
  updatedAt: string;
  /** Set when the channel answered 403: the user blocked or removed the bot. */
  unreachableSince?: string;
}

export interface ConversationStore {
  save(conversation: StoredConversation): Promise<void>;
  get(municipalityId: string, key: string): Promise<StoredConversation | undefined>;
  /** Any stored team or channel reference, to create 1:1 conversations from its service URL. */
  listByPrefix(municipalityId: string, keyPrefix: string): Promise<StoredConversation[]>;
  markUnreachable(municipalityId: string, key: string, at: string): Promise<void>;
}

// The meeting's records. Imports are hoisted, so they may sit here next to the port that uses them.
import type { Action, Hotspot, TownDecision, WeekState } from './picture/meeting';
import type { TownWeekSummary } from './picture/history';

/** A stored value with the etag it was read at, for optimistic-concurrency writes. */
export interface Versioned<T> { value: T; etag: string }

/**
 * Town decisions, hotspots, actions, week states and the per-town week history, one
 * municipality at a time. Every save is conditional: it creates when `etag` is undefined, or
 * replaces only if the record is unchanged since `etag`; otherwise ConcurrentChangeError.
 */
export interface MeetingStore {
  getDecision(municipalityId: string, week: string, townId: string): Promise<Versioned<TownDecision> | undefined>;
  /** Creates (etag undefined) or replaces only if unchanged since `etag`; throws ConcurrentChangeError otherwise. */
  saveDecision(decision: TownDecision, etag: string | undefined): Promise<string>;
  listDecisions(municipalityId: string, week: string): Promise<TownDecision[]>;
  getHotspot(municipalityId: string, id: string): Promise<Versioned<Hotspot> | undefined>;
  saveHotspot(hotspot: Hotspot, etag: string | undefined): Promise<string>;
  listHotspots(municipalityId: string): Promise<Hotspot[]>;
  getAction(municipalityId: string, id: string): Promise<Versioned<Action> | undefined>;
  saveAction(action: Action, etag: string | undefined): Promise<string>;
  listActions(municipalityId: string): Promise<Action[]>;
  getWeekState(municipalityId: string, week: string): Promise<Versioned<WeekState> | undefined>;
  saveWeekState(state: WeekState, etag: string | undefined): Promise<string>;
  /** Creates or replaces each town's summary of a week (unconditional: it is derived data). */
  saveSummaries(summaries: TownWeekSummary[]): Promise<void>;
  /** Summaries with `fromWeek <= week <= toWeek`, both inclusive. */
  listSummaries(municipalityId: string, fromWeek: string, toWeek: string): Promise<TownWeekSummary[]>;
}

// The audit trail and the data subject's rights (access, erasure).
import type { AuditEntry } from './audit';
import type { ErasureSummary, PersonExport } from './personal-records';

export interface AuditFilter {
  /** Exactly this subject, e.g. a reporter id or "2026-W49:rimbo". */
  subject?: string;
  actorId?: string;
  /** ISO instant; entries at or after it. */
  since?: string;
}

/** Append-only: an entry is created once and never replaced (erasure aside, see PersonDataStore). */
export interface AuditStore {
  /** Creates the entry; an entry with the same id already stored is an error, never overwritten. */
  append(entry: AuditEntry): Promise<void>;
  /** One municipality's entries, oldest first. */
  list(municipalityId: string, filter?: AuditFilter): Promise<AuditEntry[]>;
}

/** Everything stored about one person, to hand it over or erase it (coordinators only). */
export interface PersonDataStore {
  exportPerson(municipalityId: string, userId: string, now?: Date): Promise<PersonExport>;
  /**
   * Deletes their answers, absences, references, language and ledger entries; replaces their id
   * with a pseudonym in the meeting's records and the audit trail; removes them from the
   * registry; and appends a `personErased` audit entry naming the pseudonym.
   */
  erasePerson(municipalityId: string, userId: string, actorId: string, now?: Date): Promise<ErasureSummary>;
}
