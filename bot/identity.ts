import type { TurnContext } from 'botbuilder';

/** Who is acting and from which tenant, read from the activity (never from card data). */
export interface Caller {
  userId?: string;
  tenantId?: string;
  conversationType?: string;
}

export function callerOf(context: TurnContext): Caller {
  const a = context.activity;
  const channelData = (a.channelData ?? {}) as { tenant?: { id?: string } };
  return {
    userId: a.from?.aadObjectId,
    tenantId: a.conversation?.tenantId ?? channelData.tenant?.id,
    conversationType: a.conversation?.conversationType,
  };
}
