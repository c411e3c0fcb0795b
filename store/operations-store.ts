import type { OperationsStore, SendClaim, SendRecord } from '../domain/ports';
import type { CosmosConnection } from './cosmos-connection';
import { guard, isConflict, isNotFound, isPreconditionFailed, withoutSystemFields } from './store-errors';

interface LeaseDoc {
  id: string;
  municipalityId: string;
  type: 'lease';
  occurrence: string;
  owner: string;
  expiresAt: string;
  completedAt?: string;
  ttl?: number;
}

/** Ledger entries and leases expire on their own in Azure (per-item TTL); 60 days is plenty. */
const OPERATIONS_TTL_SECONDS = 60 * 86_400;

/**
 * Job leases and the send ledger in `operations`. A lease is created with a conditional write
 * (create fails with 409 if it exists), taken over only when expired and only with its etag, so
 * exactly one instance runs a job occurrence at a time.
 */
export class CosmosOperationsStore implements OperationsStore {
  constructor(private readonly cosmos: CosmosConnection) {}

  private get container() {
    return this.cosmos.container('operations');
  }

  private async readLease(municipalityId: string, occurrence: string): Promise<(LeaseDoc & { _etag?: string }) | undefined> {
    try {
      const { resource } = await this.container.item(`lease:${occurrence}`, municipalityId).read<LeaseDoc & { _etag?: string }>();
      return resource;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async acquireLease(municipalityId: string, occurrence: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const fresh: LeaseDoc = {
      id: `lease:${occurrence}`, municipalityId, type: 'lease', occurrence, owner,
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(), ttl: OPERATIONS_TTL_SECONDS,
    };
    return guard('acquire lease', async () => {
      try {
        await this.container.items.create(fresh);
        return true;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
      const existing = await this.readLease(municipalityId, occurrence);
      if (!existing || existing.completedAt) return false;
      if (existing.owner !== owner && new Date(existing.expiresAt).getTime() > now.getTime()) return false;
      try {
        await this.container.item(fresh.id, municipalityId).replace(fresh, { accessCondition: { type: 'IfMatch', condition: existing._etag! } });
        return true;
      } catch (err) {
        if (isPreconditionFailed(err)) return false;
        throw err;
      }
    });
  }

  async completeLease(municipalityId: string, occurrence: string, owner: string, now: Date): Promise<void> {
    await guard('complete lease', async () => {
      const existing = await this.readLease(municipalityId, occurrence);
      const doc: LeaseDoc = {
        ...(existing ? withoutSystemFields(existing) : { id: `lease:${occurrence}`, municipalityId, type: 'lease', occurrence, expiresAt: now.toISOString() }),
        owner, completedAt: now.toISOString(), ttl: OPERATIONS_TTL_SECONDS,
      } as LeaseDoc;
      await this.container.items.upsert(doc);
    });
  }

  async releaseLease(municipalityId: string, occurrence: string, owner: string): Promise<void> {
    await guard('release lease', async () => {
      const existing = await this.readLease(municipalityId, occurrence);
      if (!existing || existing.owner !== owner || existing.completedAt) return;
      await this.container.items.upsert({ ...withoutSystemFields(existing), expiresAt: new Date(0).toISOString() });
    });
  }

  async claimSend(municipalityId: string, key: string, owner: string, now: Date, staleMs: number): Promise<SendClaim> {
    const claim = { id: `send:${key}`, municipalityId, type: 'send', key, status: 'pending', at: now.toISOString(), owner, ttl: OPERATIONS_TTL_SECONDS };
    return guard('claim send', async () => {
      try {
        await this.container.items.create(claim);
        return 'claimed';
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
      let existing: (SendRecord & { _etag?: string }) | undefined;
      try {
        ({ resource: existing } = await this.container.item(claim.id, municipalityId).read<SendRecord & { _etag?: string }>());
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      if (!existing) return 'claimedElsewhere';
      if (existing.status === 'delivered') return 'alreadyDelivered';
      if (existing.status === 'uncertain') return 'uncertain';
      const inHand = existing.status === 'pending' || existing.status === 'sending';
      if (inHand && now.getTime() - new Date(existing.at).getTime() < staleMs) return 'claimedElsewhere';
      // Its runner died with the message on the wire: it may have arrived, so it is not resent.
      const next = existing.status === 'sending'
        ? { ...withoutSystemFields(existing), type: 'send', status: 'uncertain', at: now.toISOString(), detail: `on the wire when ${existing.owner ?? 'its runner'} stopped` }
        : claim;
      try {
        await this.container.item(claim.id, municipalityId).replace(next, { accessCondition: { type: 'IfMatch', condition: existing._etag! } });
        return existing.status === 'sending' ? 'uncertain' : 'claimed';
      } catch (err) {
        if (isPreconditionFailed(err)) return 'claimedElsewhere';
        throw err;
      }
    });
  }

  async isCompleted(municipalityId: string, occurrence: string): Promise<boolean> {
    return guard('read lease', async () => Boolean((await this.readLease(municipalityId, occurrence))?.completedAt));
  }

  async getSend(municipalityId: string, key: string): Promise<SendRecord | undefined> {
    return guard('read send', async () => {
      try {
        const { resource } = await this.container.item(`send:${key}`, municipalityId).read<SendRecord & { type: string }>();
        if (!resource) return undefined;
        const { type, ttl, ...rest } = withoutSystemFields(resource) as SendRecord & { type: string; ttl?: number };
        void type; void ttl;
        return rest;
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    });
  }

  async recordSend(record: SendRecord): Promise<void> {
    await guard('record send', () => this.container.items.upsert({ ...record, id: `send:${record.key}`, type: 'send', ttl: OPERATIONS_TTL_SECONDS }));
  }

  async listSends(municipalityId: string, keyPrefix: string): Promise<SendRecord[]> {
    const { resources } = await guard('list sends', () => this.container.items.query<SendRecord>({
      query: 'SELECT c.id, c.municipalityId, c.key, c.status, c.at, c.detail FROM c WHERE c.municipalityId = @m AND c.type = "send" AND STARTSWITH(c.key, @p)',
      parameters: [{ name: '@m', value: municipalityId }, { name: '@p', value: keyPrefix }],
    }, { partitionKey: municipalityId }).fetchAll());
    return resources;
  }
}
