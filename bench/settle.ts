import type { SendQueue } from '../delivery';
import type { StoreOpCounter } from './store-ops';

/** Longer than the store client's 10 s request timeout, so no request can still be pending after it. */
const QUIET_MS = 12_000;

/**
 * After a job threw, the work it had started goes on: store requests, then sends. Waits until
 * the queue is idle and neither the store nor `otherActivity` (e.g. the channel) has seen a
 * request for a while, so what the job really delivered can be counted.
 */
export async function settleAfterFailure(queue: SendQueue, store: StoreOpCounter, otherActivity: () => number = () => 0): Promise<void> {
  for (;;) {
    await queue.onIdle();
    const seen = store.activity + otherActivity();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    if (store.activity + otherActivity() === seen) return;
  }
}
