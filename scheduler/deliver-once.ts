import type { DeliveryStatus, SendRecord } from '../domain/ports';
import type { JobDeps } from './job-deps';
import { SEND_CLAIM_STALE_MS } from './job-deps';

export type OnceOutcome = 'sent' | 'skipped' | 'failed';

/**
 * The message is out; only its record is missing. Until the claim goes stale another runner will
 * not resend it, so keep trying to record it for half that time before giving up.
 */
async function recordWithRetry(deps: Pick<JobDeps, 'operations'>, record: SendRecord): Promise<void> {
  const deadline = Date.now() + SEND_CLAIM_STALE_MS / 2;
  for (let wait = 200; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      await deps.operations.recordSend(record);
      return;
    } catch (err) {
      // Any failure is worth another try here (a store coming back may briefly answer 404 while it
      // restores): a lost record means the card is sent again once the claim goes stale.
      if (Date.now() + wait > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

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
  await recordWithRetry(deps, { id: `send:${key}`, municipalityId, key, status, at: deps.clock().toISOString(), owner: deps.instanceId });
  return status === 'delivered' ? 'sent' : 'failed';
}
