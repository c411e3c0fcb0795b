/** At most `limit` sends in any span of `windowMs` milliseconds. */
export interface WindowLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** The windows a send must fit: those of its conversation and those shared by its app and tenant. */
export interface RateLimits {
  readonly perConversation: readonly WindowLimit[];
  readonly global: readonly WindowLimit[];
}

/** Microsoft Teams' published limits for a bot's sends. */
export const TEAMS_RATE_LIMITS: RateLimits = {
  perConversation: [
    { limit: 7, windowMs: 1_000 },
    { limit: 8, windowMs: 2_000 },
    { limit: 60, windowMs: 30_000 },
    { limit: 1_800, windowMs: 3_600_000 },
  ],
  global: [{ limit: 50, windowMs: 1_000 }],
};
