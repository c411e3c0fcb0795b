import type { DeliveryStatus } from '../domain/ports';
import type { JobDeps } from './job-deps';
import { SEND_CLAIM_STALE_MS } from './job-deps';

export type OnceOutcome = 'sent' | 'skipped' | 'failed';

/**
 * Makes one send at most once per ledger key: the send is claimed in the store before it is made
 * and its outcome recorded after, so a job that runs twice, on two instances, or resumes after a
 * crash does not send it again.
 */
export async function deliverOnce(
  deps: Pick<JobDeps, 'operations' | 'clock' | 'instanceId'>,
  municipalityId: string, key: string, send: () => Promise<DeliveryStatus>,
): Promise<OnceOutcome> {
  const claim = await deps.operations.claimSend(municipalityId, key, deps.instanceId, deps.clock(), SEND_CLAIM_STALE_MS);
  if (claim !== 'claimed') return 'skipped';
  const status = await send().catch(() => 'failed' as const);
  await deps.operations.recordSend({
    id: `send:${key}`, municipalityId, key, status, at: deps.clock().toISOString(), owner: deps.instanceId,
  });
  return status === 'delivered' ? 'sent' : 'failed';
}
