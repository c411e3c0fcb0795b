import { compareAudit, type AuditEntry } from '../domain/audit';
import type { AuditFilter, AuditStore } from '../domain/ports';
import type { CosmosConnection } from './cosmos-connection';
import { guard, withoutSystemFields } from './store-errors';

type AuditDoc = AuditEntry & { type: 'audit' };

/** The audit trail in `audit`, one partition per municipality. */
export class CosmosAuditStore implements AuditStore {
  constructor(private readonly cosmos: CosmosConnection) {}

  private get container() {
    return this.cosmos.container('audit');
  }

  async append(entry: AuditEntry): Promise<void> {
    const doc: AuditDoc = { ...entry, type: 'audit' };
    // create, not upsert: an entry is never overwritten; an id clash fails loudly (409).
    await guard('append audit entry', () => this.container.items.create(doc));
  }

  async list(municipalityId: string, filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const where: string[] = ['c.municipalityId = @m', 'c.type = "audit"'];
    const parameters = [{ name: '@m', value: municipalityId }];
    if (filter.subject !== undefined) { where.push('c.subject = @s'); parameters.push({ name: '@s', value: filter.subject }); }
    if (filter.actorId !== undefined) { where.push('c.actorId = @a'); parameters.push({ name: '@a', value: filter.actorId }); }
    if (filter.since !== undefined) { where.push('c.at >= @since'); parameters.push({ name: '@since', value: filter.since }); }
    const { resources } = await guard('list audit', () => this.container.items.query<AuditDoc>({
      query: `SELECT * FROM c WHERE ${where.join(' AND ')}`, parameters,
    }, { partitionKey: municipalityId }).fetchAll());
    return resources.map(toEntry).sort(compareAudit);
  }
}

export function toEntry(doc: AuditDoc): AuditEntry {
  const { type, ...entry } = withoutSystemFields(doc);
  void type;
  return entry;
}
