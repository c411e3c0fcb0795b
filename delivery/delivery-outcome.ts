/**
 * How a job ended. `unreachable` means the user blocked or removed the bot (403) or the
 * conversation is gone (404): a coordinator should hear of it, and retrying will not help.
 */
export type DeliveryOutcome =
  | { readonly status: 'delivered'; readonly attempts: number }
  | { readonly status: 'unreachable'; readonly httpStatus: 403 | 404 }
  | { readonly status: 'failed'; readonly httpStatus?: number; readonly attempts: number; readonly error: string };
