import type { SendQueue } from '../delivery';
import type { OperationsStore } from '../domain/ports';
import { SEND_CLAIM_STALE_MS } from './job-deps';

/**
 * The ledger work this process has in hand, for a clean stop: sends it has claimed and not yet
 * recorded, and job occurrences it holds the lease of. Once `closing`, new claims are refused
 * (the job fails and releases its lease, so another instance carries on at once) while what is
 * in hand finishes and is recorded.
 */
export class InHand {
  closing = false;
  private readonly claims = new Set<string>();
  private readonly leases = new Set<string>();
  readonly operations: OperationsStore;

  constructor(store: OperationsStore) {
    this.operations = {
      isCompleted: (m, o) => store.isCompleted(m, o),
      getSend: (m, k) => store.getSend(m, k),
      listSends: (m, p) => store.listSends(m, p),
      // Counted from the call on, so a stop that comes while the store answers still waits for it.
      acquireLease: async (m, o, owner, ttl, now) => {
        if (this.closing) throw new Error('shutting down: no new job occurrences');
        this.leases.add(`${m}|${o}`);
        const acquired = await store.acquireLease(m, o, owner, ttl, now).catch((err: unknown) => { this.leases.delete(`${m}|${o}`); throw err; });
        if (!acquired) this.leases.delete(`${m}|${o}`);
        return acquired;
      },
      completeLease: (m, o, owner, now) => store.completeLease(m, o, owner, now).finally(() => this.leases.delete(`${m}|${o}`)),
      releaseLease: (m, o, owner) => store.releaseLease(m, o, owner).finally(() => this.leases.delete(`${m}|${o}`)),
      claimSend: async (m, key, owner, now, staleMs) => {
        if (this.closing) throw new Error('shutting down: no new sends');
        this.claims.add(`${m}|${key}`);
        const claim = await store.claimSend(m, key, owner, now, staleMs).catch((err: unknown) => { this.claims.delete(`${m}|${key}`); throw err; });
        if (claim !== 'claimed') this.claims.delete(`${m}|${key}`);
        return claim;
      },
      // A claim is in hand until its outcome is stored (marking it `sending` is not an outcome):
      // deliverOnce retries a failed record.
      recordSend: async (record) => {
        await store.recordSend(record);
        if (record.status !== 'sending') this.claims.delete(`${record.municipalityId}|${record.key}`);
      },
    };
  }

  /**
   * Resolves once no claimed send is unrecorded, no lease is held and the queue is idle, or after
   * `maxWaitMs` (a record the store never took is left to the claim's staleness).
   */
  async settled(queue: SendQueue, maxWaitMs = SEND_CLAIM_STALE_MS): Promise<void> {
    const deadline = Date.now() + maxWaitMs;
    while (Date.now() < deadline) {
      await queue.onIdle();
      if (this.claims.size === 0 && this.leases.size === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
