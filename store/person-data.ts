import type { Container, ItemDefinition } from '@azure/cosmos';
import type { Absence } from '../domain/absence';
import { auditEntry, compareAudit, type AuditEntry } from '../domain/audit';
import type { Language } from '../domain/municipality';
import type { Action, Hotspot, TownDecision, WeekState } from '../domain/picture/meeting';
import {
  isOwnConversation, isOwnRegistration, mentionsPerson, namesPerson, planErasure, pseudonymize, pseudonymOf,
  type ErasureCounts, type ErasureSummary, type PersonExport,
} from '../domain/personal-records';
import type { AuditStore, PersonDataStore, SendRecord, StoredConversation } from '../domain/ports';
import { registryChangeId, type RegistryChange } from '../domain/registry';
import type { Report } from '../domain/report';
import { toEntry } from './audit-store';
import type { CosmosConnection } from './cosmos-connection';
import { guard, isNotFound, isPreconditionFailed, withoutSystemFields } from './store-errors';

/** A stored document as read, with the fields every container has. */
type Doc = ItemDefinition & { id: string; type?: string; _etag?: string };
type WeeklyDoc = Doc & { partition: string };

/** Fields that are keys of a document, never a person: pseudonymization leaves them alone. */
const KEYS = ['id', 'municipalityId', 'type', 'partition'] as const;
const MEETING_TYPES = ['decision', 'hotspot', 'action', 'weekstate'] as const;

/** The raw documents that hold something of one person, per container. */
interface Found {
  weekly: WeeklyDoc[];
  registrations: Doc[];
  removalMarker?: Doc;
  othersRegistrations: Doc[];
  conversations: Doc[];
  language?: Doc;
  sends: Doc[];
  meeting: Doc[];
  audit: Doc[];
}

/** A document as the domain sees it: without Cosmos fields, `type` and storage-only fields. */
function plain<T>(doc: Doc, drop: readonly string[] = []): T {
  const rest: Record<string, unknown> = { ...withoutSystemFields(doc) };
  for (const k of ['type', ...drop]) delete rest[k];
  return rest as T;
}

/** Meeting documents wrap a hotspot's or action's own id with a prefix (see meeting-store.ts). */
function meetingValue<T>(doc: Doc): T {
  const value = plain<Record<string, unknown>>(doc, ['id']);
  const prefix = `${doc.type}:`;
  return ((doc.type === 'hotspot' || doc.type === 'action') ? { id: doc.id.slice(prefix.length), ...value } : value) as T;
}

/**
 * Finds, exports and erases one person's data across the containers. Reads are scoped to one
 * municipality; only the `weekly` query crosses partitions (one partition per week), and only
 * within that municipality.
 */
export class CosmosPersonDataStore implements PersonDataStore {
  constructor(private readonly cosmos: CosmosConnection, private readonly audit: AuditStore) {}

  private c(name: Parameters<CosmosConnection['container']>[0]): Container {
    return this.cosmos.container(name);
  }

  private async query<T extends Doc>(what: string, container: Container, query: string, params: Record<string, string>, partitionKey?: string): Promise<T[]> {
    const spec = { query, parameters: Object.entries(params).map(([name, value]) => ({ name, value })) };
    const { resources } = await guard(what, () => container.items.query<T>(spec, partitionKey === undefined ? {} : { partitionKey }).fetchAll());
    return resources;
  }

  private async read(container: Container, id: string, partitionKey: string): Promise<Doc | undefined> {
    try {
      return (await container.item(id, partitionKey).read<Doc>()).resource;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  private async find(m: string, u: string): Promise<Found> {
    const p = { '@m': m, '@u': u };
    // Answers sit in one partition per week, so this fans out over the weeks; a rare request.
    const weekly = await this.query<WeeklyDoc>('find weekly', this.c('weekly'),
      'SELECT * FROM c WHERE c.municipalityId = @m AND c.reporterId = @u', p);
    const changes = await this.query<Doc & RegistryChange>('find registry', this.c('registry'),
      'SELECT * FROM c WHERE c.municipalityId = @m AND c.type = "registryChange" AND (c.reporterId = @u OR c.changedBy = @u)', p, m);
    const own = changes.filter((c) => isOwnRegistration(c, u));
    const conversations = await this.query<Doc>('find conversations', this.c('registry'),
      'SELECT * FROM c WHERE c.municipalityId = @m AND c.type = "conversation" AND (c.key = @k OR c.reference.user.aadObjectId = @u)',
      { ...p, '@k': `user:${u}` }, m);
    const sends = (await this.query<Doc & { key: string }>('find sends', this.c('operations'),
      'SELECT * FROM c WHERE c.municipalityId = @m AND c.type = "send" AND CONTAINS(c.key, @u)', p, m))
      .filter((s) => namesPerson(s.key, u));
    // Ids also sit inside arrays (an action's history) and `change` values, which the local
    // server's SQL cannot search; one municipality's records are few, so they are read and
    // checked here, which also finds fields added later.
    const meeting = (await this.query<Doc>('find meeting records', this.c('meeting'),
      `SELECT * FROM c WHERE c.municipalityId = @m AND c.type IN (${MEETING_TYPES.map((t) => `"${t}"`).join(', ')})`, { '@m': m }, m))
      .filter((d) => mentionsPerson(plain(d, KEYS), u));
    const audit = (await this.query<Doc>('find audit', this.c('audit'),
      'SELECT * FROM c WHERE c.municipalityId = @m AND c.type = "audit"', { '@m': m }, m))
      .filter((d) => mentionsPerson(plain(d, KEYS), u));
    return {
      weekly,
      registrations: own.filter((c) => c.reporter !== undefined),
      removalMarker: own.find((c) => c.reporter === undefined),
      othersRegistrations: changes.filter((c) => !isOwnRegistration(c, u)),
      conversations,
      language: await guard('find language', () => this.read(this.c('registry'), `language:${u}`, m)),
      sends,
      meeting,
      audit,
    };
  }

  private static toExport(m: string, u: string, f: Found, now: Date): PersonExport {
    const ofType = (t: string) => f.meeting.filter((d) => d.type === t);
    return {
      municipalityId: m,
      userId: u,
      exportedAt: now.toISOString(),
      reports: f.weekly.filter((d) => d.type === 'report').map((d) => plain<Report>(d, ['partition', 'ttl'])),
      absences: f.weekly.filter((d) => d.type === 'absence').map((d) => plain<Absence>(d, ['partition', 'ttl'])),
      registryChanges: [...f.registrations, ...f.othersRegistrations].map((d) => plain<RegistryChange>(d)),
      ...(f.removalMarker ? { removalMarker: plain<RegistryChange>(f.removalMarker) } : {}),
      conversations: f.conversations.map((d) => plain<StoredConversation>(d, ['id'])),
      ...(f.language ? { language: (f.language as Doc & { language: Language }).language } : {}),
      sends: f.sends.map((d) => plain<SendRecord>(d, ['ttl'])),
      decisions: ofType('decision').map((d) => meetingValue<TownDecision>(d)),
      hotspots: ofType('hotspot').map((d) => meetingValue<Hotspot>(d)),
      actions: ofType('action').map((d) => meetingValue<Action>(d)),
      weekStates: ofType('weekstate').map((d) => meetingValue<WeekState>(d)),
      audit: f.audit.map((d) => toEntry(d as unknown as AuditEntry & { type: 'audit' })).sort(compareAudit),
    };
  }

  async exportPerson(municipalityId: string, userId: string, now: Date = new Date()): Promise<PersonExport> {
    return CosmosPersonDataStore.toExport(municipalityId, userId, await this.find(municipalityId, userId), now);
  }

  async erasePerson(municipalityId: string, userId: string, actorId: string, now: Date = new Date()): Promise<ErasureSummary> {
    const m = municipalityId;
    const u = userId;
    const pseudonym = pseudonymOf(u);
    const found = await this.find(m, u);
    const counts: ErasureCounts = planErasure(CosmosPersonDataStore.toExport(m, u, found, now));
    // Someone erasing themselves is not named by their own erasure.
    const actor = actorId === u ? pseudonym : actorId;

    for (const d of found.weekly) await this.remove(this.c('weekly'), d.id, d.partition);
    for (const d of found.sends) await this.remove(this.c('operations'), d.id, m);
    if (found.language) await this.remove(this.c('registry'), found.language.id, m);
    for (const d of found.conversations) {
      const conversation = d as Doc & StoredConversation;
      if (isOwnConversation(conversation, u)) await this.remove(this.c('registry'), d.id, m);
      else await this.rewrite(this.c('registry'), d.id, m, (doc) => {
        // The team's reference stays usable for posting; only who last wrote in it goes.
        const { user, ...reference } = (doc as Doc & StoredConversation).reference;
        void user;
        return { ...doc, reference };
      });
    }
    for (const d of found.othersRegistrations) await this.rewrite(this.c('registry'), d.id, m, (doc) => pseudonymize(doc, u, pseudonym, [...KEYS, 'reporterId']));
    for (const d of found.meeting) await this.rewrite(this.c('meeting'), d.id, m, (doc) => pseudonymize(doc, u, pseudonym, KEYS));
    // The one place the trail is rewritten: erasure outranks "never updated", and the pseudonym
    // keeps what happened while dropping who.
    for (const d of found.audit) await this.rewrite(this.c('audit'), d.id, m, (doc) => pseudonymize(doc, u, pseudonym, KEYS));

    // The removal marker replaces their registration (same id) and keeps them off the reporter
    // list even while the configuration file still names them.
    const marker: RegistryChange & { type: 'registryChange' } = {
      id: registryChangeId(u), municipalityId: m, reporterId: u, changedBy: actor, changedAt: now.toISOString(), type: 'registryChange',
    };
    await guard('save removal marker', () => this.c('registry').items.upsert(marker));
    for (const d of found.registrations) if (d.id !== marker.id) await this.remove(this.c('registry'), d.id, m);

    await this.audit.append(auditEntry({
      municipalityId: m, at: now, actorId: actor, kind: 'personErased', subject: pseudonym, change: flatCounts(counts),
    }));
    return { pseudonym, counts, notice: 'configurationMayListPerson' };
  }

  private async remove(container: Container, id: string, partitionKey: string): Promise<void> {
    await guard(`erase ${id}`, async () => {
      try {
        await container.item(id, partitionKey).delete();
      } catch (err) {
        if (!isNotFound(err)) throw err; // already gone: the goal is reached
      }
    });
  }

  /** Replaces a document at the etag it was read at, re-reading on a concurrent change. */
  private async rewrite(container: Container, id: string, partitionKey: string, change: (doc: Doc) => Doc): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await guard(`read ${id}`, () => this.read(container, id, partitionKey));
      if (!current?._etag) return;
      const next = change(withoutSystemFields(current));
      try {
        await container.item(id, partitionKey).replace(next, { accessCondition: { type: 'IfMatch', condition: current._etag } });
        return;
      } catch (err) {
        if (isNotFound(err)) return;
        if (!isPreconditionFailed(err)) return guard(`rewrite ${id}`, () => Promise.reject(err));
      }
    }
    throw new Error(`${id} kept changing while it was being pseudonymized; run the erasure again`);
  }
}

/** The counts as flat audit values: "deleted.reports" → 3. */
function flatCounts(counts: ErasureCounts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [group, values] of Object.entries(counts)) {
    for (const [k, n] of Object.entries(values as Record<string, number>)) out[`${group}.${k}`] = n;
  }
  return out;
}
