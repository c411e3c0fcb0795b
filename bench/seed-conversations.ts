import type { Municipality } from '../domain/municipality';
import { people } from '../domain/municipality';
import type { ConversationStore, StoredConversation } from '../domain/ports';
import { pool } from '../scheduler/pool';

/** The 1:1 conversation id the bench channel uses for a person. */
export function personalConversationId(userId: string): string {
  return `a:${userId}`;
}

/** A stored reference as the bot keeps it after an install: everyone is reachable through `serviceUrl`. */
function personal(m: Municipality, userId: string, serviceUrl: string, now: string): StoredConversation {
  const conversationId = personalConversationId(userId);
  return {
    municipalityId: m.id, key: `user:${userId}`, conversationId, serviceUrl, tenantId: m.tenantId, updatedAt: now,
    reference: {
      channelId: 'msteams', serviceUrl,
      conversation: { id: conversationId, conversationType: 'personal', tenantId: m.tenantId },
      bot: { id: '28:bench-bot', name: 'Lägesbild' },
      user: { id: `29:${userId}`, aadObjectId: userId },
    },
  };
}

/**
 * Saves a conversation reference for every person of the municipality, and for its meeting
 * channel, directly through the product's store, so no install traffic is needed.
 */
export async function seedConversations(store: ConversationStore, m: Municipality, serviceUrl: string): Promise<number> {
  const now = new Date().toISOString();
  const refs = people(m).map((p) => personal(m, p.id, serviceUrl, now));
  if (m.meetingChannel) {
    const id = m.meetingChannel.conversationId;
    refs.push({
      municipalityId: m.id, key: `conversation:${id}`, conversationId: id, serviceUrl, tenantId: m.tenantId, updatedAt: now,
      reference: { channelId: 'msteams', serviceUrl, conversation: { id, isGroup: true, conversationType: 'channel', tenantId: m.tenantId }, bot: { id: '28:bench-bot', name: 'Lägesbild' } },
    });
  }
  await pool(refs, 32, (ref) => store.save(ref));
  return refs.length;
}
