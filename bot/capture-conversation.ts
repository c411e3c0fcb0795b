import { TurnContext } from 'botbuilder';
import type { ConversationMemory } from './conversation-memory';

/**
 * Stores where the bot can reach people and channels, on install and on every activity, so
 * Tuesday's proactive cards do not depend on process memory. Written only when new or changed
 * since this process last saved or read it (ConversationMemory), not on every turn.
 */
export async function captureConversation(store: Pick<ConversationMemory, 'save' | 'saveIfChanged'>, municipalityId: string, context: TurnContext, now: Date): Promise<void> {
  const a = context.activity;
  if (!a.conversation?.id || !a.serviceUrl) return;
  const reference = TurnContext.getConversationReference(a) as unknown as Record<string, unknown>;
  const channelData = (a.channelData ?? {}) as { team?: { id?: string }; tenant?: { id?: string } };
  const base = {
    municipalityId,
    conversationId: a.conversation.id,
    serviceUrl: a.serviceUrl,
    tenantId: a.conversation.tenantId ?? channelData.tenant?.id,
    reference,
    updatedAt: now.toISOString(),
  };
  const keys: string[] = [];
  if (a.conversation.conversationType === 'personal' && a.from?.aadObjectId) keys.push(`user:${a.from.aadObjectId}`);
  else keys.push(`conversation:${a.conversation.id}`);
  if (channelData.team?.id) keys.push(`team:${channelData.team.id}`);
  // A user who writes again is reachable again, even after an earlier 403: a reference marked
  // unreachable never matches the one captured, so it is saved again. An install (also a
  // reinstall after removing the app) is stored whatever this process remembers: another
  // instance may have marked the reference unreachable since.
  const install = a.type === 'installationUpdate' || a.type === 'conversationUpdate';
  await Promise.all(keys.map((key) => (install ? store.save({ ...base, key }) : store.saveIfChanged({ ...base, key }))));
}
