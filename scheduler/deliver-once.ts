import type { DeliveryStatus, SendOptions, SendRecord } from '../domain/ports';
import type { JobDeps } from './job-deps';
import { SEND_CLAIM_STALE_MS } from './job-deps';

/** `uncertain`: a runner that died had this send on the wire; see `SendClaim`. */
export type OnceOutcome = 'sent' | 'skipped' | 'failed' | 'uncertain';

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
 * Makes one send at most once per ledger key: the send is claimed in the store before it is made,
 * marked `sending` right before it leaves the queue for the channel, and its outcome recorded
 * after. A job that runs twice, on two instances, or resumes after a crash does not send it
 * again; one that finds it was on the wire when its runner died cannot know whether it arrived,
 * and reports it `uncertain` rather than risk sending it twice. `send` must pass the options on
 * to the notifier.
 */
export async function deliverOnce(
  deps: Pick<JobDeps, 'operations' | 'clock' | 'instanceId'>,
  municipalityId: string, key: string, send: (options: SendOptions) => Promise<DeliveryStatus>,
): Promise<OnceOutcome> {
  const claim = await deps.operations.claimSend(municipalityId, key, deps.instanceId, deps.clock(), SEND_CLAIM_STALE_MS);
  if (claim === 'uncertain') return 'uncertain';
  if (claim !== 'claimed') return 'skipped';
  const record = (status: SendRecord['status']): SendRecord => ({
    id: `send:${key}`, municipalityId, key, status, at: deps.clock().toISOString(), owner: deps.instanceId,
  });
  let storeError: unknown;
  const beforeSend = () => deps.operations.recordSend(record('sending')).catch((err: unknown) => {
    storeError = err;
    throw err;
  });
  const status = await send({ beforeSend }).catch(() => 'failed' as const);
  if (storeError !== undefined) {
    // Never sent: the store is away, not the recipient. The job fails and is retried. If not even
    // 'failed' can be recorded, the entry stays pending (sent again later), or, should the mark
    // have landed unseen, sending (reported uncertain later, never sent twice).
    await recordWithRetry(deps, record('failed')).catch(() => undefined);
    throw storeError;
  }
  await recordWithRetry(deps, record(status));
  return status === 'delivered' ? 'sent' : 'failed';
}
