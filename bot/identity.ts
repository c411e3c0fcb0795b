import type { TurnContext } from 'botbuilder';

/** Who is acting and from which tenant, read from the activity (never from card data). */
export interface Caller {
  userId?: string;
  tenantId?: string;
  conversationType?: string;
}

/**
 * Entra object ids are GUIDs. Anything else, in particular a character Cosmos DB ids cannot hold
 * ('/', '\\', '#', '?'), is no user of ours: the turn is treated as from an unknown person.
 */
const USER_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function callerOf(context: TurnContext): Caller {
  const a = context.activity;
  const channelData = (a.channelData ?? {}) as { tenant?: { id?: string } };
  const userId: unknown = a.from?.aadObjectId;
  return {
    userId: typeof userId === 'string' && USER_ID.test(userId) ? userId : undefined,
    tenantId: a.conversation?.tenantId ?? channelData.tenant?.id,
    conversationType: a.conversation?.conversationType,
  };
}
