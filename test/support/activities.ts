import { randomUUID } from 'node:crypto';

/** Teams-shaped activities, as the channel posts them to /api/messages. */

export interface User {
  aadObjectId: string;
  name?: string;
}

export interface ActivityContext {
  serviceUrl: string;
  tenantId: string;
}

function personal(ctx: ActivityContext, user: User) {
  return {
    channelId: 'msteams',
    serviceUrl: ctx.serviceUrl,
    from: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId, name: user.name ?? 'User' },
    recipient: { id: '28:bot', name: 'Lägesbild' },
    conversation: { id: `a:${user.aadObjectId}`, conversationType: 'personal', tenantId: ctx.tenantId },
    channelData: { tenant: { id: ctx.tenantId } },
    locale: 'sv-SE',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
  };
}

export function personalConversationId(user: User): string {
  return `a:${user.aadObjectId}`;
}

export function message(ctx: ActivityContext, user: User, text: string) {
  return { ...personal(ctx, user), type: 'message', text };
}

export function installation(ctx: ActivityContext, user: User) {
  return { ...personal(ctx, user), type: 'installationUpdate', action: 'add' };
}

/** An Action.Execute click: an `adaptiveCard/action` invoke carrying the verb and data. */
export function execute(ctx: ActivityContext, user: User, verb: string, data: Record<string, unknown>) {
  return {
    ...personal(ctx, user),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'card-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** An Action.Submit click: a message activity carrying the data as its value. */
export function submit(ctx: ActivityContext, user: User, data: Record<string, unknown>) {
  return { ...personal(ctx, user), type: 'message', replyToId: 'card-1', value: data };
}

/** An Action.Execute click on a card in a team channel (the meeting's channel). */
export function channelExecute(ctx: ActivityContext, user: User, channelId: string, verb: string, data: Record<string, unknown>, replyToId = 'picture-card-1') {
  return {
    channelId: 'msteams',
    serviceUrl: ctx.serviceUrl,
    from: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId, name: user.name ?? 'User' },
    recipient: { id: '28:bot', name: 'Lägesbild' },
    conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: ctx.tenantId },
    channelData: { tenant: { id: ctx.tenantId }, team: { id: '19:team@thread.tacv2' }, channel: { id: channelId } },
    locale: 'sv-SE',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
