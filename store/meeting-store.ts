import type { Container, ItemDefinition, ItemResponse } from '@azure/cosmos';
import { ConcurrentChangeError } from '../domain/errors';
import type { TownWeekSummary } from '../domain/picture/history';
import type { Action, Hotspot, TownDecision, WeekState } from '../domain/picture/meeting';
import type { MeetingStore, Versioned } from '../domain/ports';
import type { CosmosConnection } from './cosmos-connection';
import { guard, isConflict, isNotFound, withoutSystemFields } from './store-errors';

type MeetingDocType = 'decision' | 'hotspot' | 'action' | 'weekstate' | 'summary';

/** Document ids in the `meeting` container; each kind has its own prefix and its own `type`. */
export const meetingDocId = {
  decision: (week: string, townId: string) => `decision:${week}:${townId}`,
  hotspot: (id: string) => `hotspot:${id}`,
  action: (id: string) => `action:${id}`,
  weekstate: (week: string) => `weekstate:${week}`,
  summary: (week: string, townId: string) => `summary:${week}:${townId}`,
};

/** Hotspots and actions carry their own `id`, which the document id wraps with a prefix. */
const OWN_ID: Partial<Record<MeetingDocType, string>> = { hotspot: 'hotspot:', action: 'action:' };

interface MeetingDoc extends ItemDefinition {
  id: string;
  type: MeetingDocType;
  municipalityId: string;
}

function toDoc(type: MeetingDocType, id: string, value: object): MeetingDoc {
  return { ...(value as { municipalityId: string }), id, type };
}

/** The domain value of a stored document: without Cosmos fields, `type`, and the id wrapping. */
function fromDoc<T>(doc: MeetingDoc): T {
  const { id, type, ...rest } = withoutSystemFields(doc);
  const prefix = OWN_ID[type];
  return (prefix && id.startsWith(prefix) ? { id: id.slice(prefix.length), ...rest } : rest) as T;
}

function etagOf(response: ItemResponse<ItemDefinition>): string {
  const etag = response.etag ?? (response.resource as { _etag?: string } | undefined)?._etag;
  if (!etag) throw new Error('the store returned no etag');
  return etag;
}

/**
 * The meeting's records in the `meeting` container, partitioned by municipality. Writes are
 * optimistic: a record is created only if absent and replaced only at the etag it was read at,
 * so two people editing the same town in the meeting cannot silently overwrite each other.
 */
export class CosmosMeetingStore implements MeetingStore {
  constructor(private readonly cosmos: CosmosConnection) {}

  private get container(): Container {
    return this.cosmos.container('meeting');
  }

  private async get<T>(what: string, municipalityId: string, id: string): Promise<Versioned<T> | undefined> {
    return guard(`read ${what}`, async () => {
      try {
        const { resource } = await this.container.item(id, municipalityId).read<MeetingDoc & { _etag?: string }>();
        if (!resource?._etag) return undefined;
        return { value: fromDoc<T>(resource), etag: resource._etag };
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    });
  }

  private async save(what: string, doc: MeetingDoc, etag: string | undefined): Promise<string> {
    return guard(`save ${what} ${doc.id}`, async () => {
      if (etag === undefined) {
        try {
          return etagOf(await this.container.items.create(doc));
        } catch (err) {
          if (isConflict(err)) throw new ConcurrentChangeError(`${what} ${doc.id} was created by someone else`);
          throw err;
        }
      }
      try {
        return etagOf(await this.container.item(doc.id, doc.municipalityId).replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } }));
      } catch (err) {
        // Gone since it was read: as much a concurrent change as a newer version.
        if (isNotFound(err)) throw new ConcurrentChangeError(`${what} ${doc.id} was removed`);
        throw err; // 412 becomes ConcurrentChangeError in guard
      }
    });
  }

  private async list<T>(what: string, municipalityId: string, type: MeetingDocType, where = '', parameters: { name: string; value: string }[] = []): Promise<T[]> {
    const { resources } = await guard(`list ${what}`, () => this.container.items.query<MeetingDoc>({
      query: `SELECT * FROM c WHERE c.municipalityId = @m AND c.type = @t${where}`,
      parameters: [{ name: '@m', value: municipalityId }, { name: '@t', value: type }, ...parameters],
    }, { partitionKey: municipalityId }).fetchAll());
    return resources.map((doc) => fromDoc<T>(doc));
  }

  getDecision(municipalityId: string, week: string, townId: string): Promise<Versioned<TownDecision> | undefined> {
    return this.get('decision', municipalityId, meetingDocId.decision(week, townId));
  }

  saveDecision(decision: TownDecision, etag: string | undefined): Promise<string> {
    return this.save('decision', toDoc('decision', meetingDocId.decision(decision.week, decision.townId), decision), etag);
  }

  listDecisions(municipalityId: string, week: string): Promise<TownDecision[]> {
    return this.list('decisions', municipalityId, 'decision', ' AND c.week = @w', [{ name: '@w', value: week }]);
  }

  getHotspot(municipalityId: string, id: string): Promise<Versioned<Hotspot> | undefined> {
    return this.get('hotspot', municipalityId, meetingDocId.hotspot(id));
  }

  saveHotspot(hotspot: Hotspot, etag: string | undefined): Promise<string> {
    return this.save('hotspot', toDoc('hotspot', meetingDocId.hotspot(hotspot.id), hotspot), etag);
  }

  listHotspots(municipalityId: string): Promise<Hotspot[]> {
    return this.list('hotspots', municipalityId, 'hotspot');
  }

  getAction(municipalityId: string, id: string): Promise<Versioned<Action> | undefined> {
    return this.get('action', municipalityId, meetingDocId.action(id));
  }

  saveAction(action: Action, etag: string | undefined): Promise<string> {
    return this.save('action', toDoc('action', meetingDocId.action(action.id), action), etag);
  }

  listActions(municipalityId: string): Promise<Action[]> {
    return this.list('actions', municipalityId, 'action');
  }

  getWeekState(municipalityId: string, week: string): Promise<Versioned<WeekState> | undefined> {
    return this.get('week state', municipalityId, meetingDocId.weekstate(week));
  }

  saveWeekState(state: WeekState, etag: string | undefined): Promise<string> {
    return this.save('week state', toDoc('weekstate', meetingDocId.weekstate(state.week), state), etag);
  }

  async saveSummaries(summaries: TownWeekSummary[]): Promise<void> {
    for (const summary of summaries) {
      const doc = toDoc('summary', meetingDocId.summary(summary.week, summary.townId), summary);
      await guard(`save summary ${doc.id}`, () => this.container.items.upsert(doc));
    }
  }

  listSummaries(municipalityId: string, fromWeek: string, toWeek: string): Promise<TownWeekSummary[]> {
    return this.list('summaries', municipalityId, 'summary', ' AND c.week >= @from AND c.week <= @to', [
      { name: '@from', value: fromWeek }, { name: '@to', value: toWeek },
    ]);
  }
}
