/** One outgoing message, sent by `send`, which throws on failure (see `readSendError`). */
export interface SendJob {
  /** The conversation id: sends for one key go out in order and under its limits. */
  readonly key: string;
  /** Selects the shared per-app-and-tenant bucket; jobs without one share a single bucket. */
  readonly tenantId?: string;
  /** The caller's name for the job in its own logs; the queue does not read it. */
  readonly label?: string;
  readonly send: () => Promise<void>;
  /**
   * Awaited once, when the job is next to go and its limits allow it, before the first `send`; a
   * throw fails the job unsent. The caller's send ledger marks "on the wire" here, so a crash
   * while the job waits in the queue leaves it safe to send again.
   */
  readonly beforeFirstSend?: () => Promise<void>;
}
