import type { ConversationStore, StoredConversation } from '../domain/ports';
import type { CosmosConnection } from './cosmos-connection';
import { guard, isNotFound, withoutSystemFields } from './store-errors';

type ConversationDoc = StoredConversation & { id: string; type: 'conversation' };

/** Conversation references in `registry`, so proactive sends survive restarts and instances. */
export class CosmosConversationStore implements ConversationStore {
  constructor(private readonly cosmos: CosmosConnection) {}

  private get container() {
    return this.cosmos.container('registry');
  }

  private static toConversation(doc: ConversationDoc): StoredConversation {
    const { id, type, ...rest } = withoutSystemFields(doc);
    void id; void type;
    return rest;
  }

  async save(conversation: StoredConversation): Promise<void> {
    const doc: ConversationDoc = { ...conversation, id: `conversation:${conversation.key}`, type: 'conversation' };
    await guard('save conversation', () => this.container.items.upsert(doc));
  }

  async get(municipalityId: string, key: string): Promise<StoredConversation | undefined> {
    return guard('read conversation', async () => {
      try {
        const { resource } = await this.container.item(`conversation:${key}`, municipalityId).read<ConversationDoc>();
        return resource ? CosmosConversationStore.toConversation(resource) : undefined;
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    });
  }

  async listByPrefix(municipalityId: string, keyPrefix: string): Promise<StoredConversation[]> {
    const { resources } = await guard('list conversations', () => this.container.items.query<ConversationDoc>({
      query: 'SELECT * FROM c WHERE c.municipalityId = @m AND c.type = "conversation" AND STARTSWITH(c.key, @p)',
      parameters: [{ name: '@m', value: municipalityId }, { name: '@p', value: keyPrefix }],
    }, { partitionKey: municipalityId }).fetchAll());
    return resources.map(CosmosConversationStore.toConversation);
  }

  async markUnreachable(municipalityId: string, key: string, at: string): Promise<void> {
    const existing = await this.get(municipalityId, key);
    if (existing && !existing.unreachableSince) await this.save({ ...existing, unreachableSince: at });
  }
}
