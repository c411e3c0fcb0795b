import assert from 'node:assert/strict';
import { ConversationMemory, CONVERSATION_REFRESH_MS } from '../../bot/conversation-memory';
import { fixedClock } from '../../domain/clock';
import type { ConversationStore, StoredConversation } from '../../domain/ports';

const NOW = '2026-12-01T09:00:00Z';
const at = (ms: number) => new Date(new Date(NOW).getTime() + ms);

class CountingConversations implements ConversationStore {
  docs = new Map<string, StoredConversation>();
  saves = 0;
  async save(c: StoredConversation): Promise<void> {
    this.saves++;
    this.docs.set(c.key, structuredClone(c));
  }
  async get(_m: string, key: string): Promise<StoredConversation | undefined> {
    const c = this.docs.get(key);
    // The store hands fields back in its own order.
    return c ? JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(c).reverse()))) as StoredConversation : undefined;
  }
  async listByPrefix(): Promise<StoredConversation[]> {
    return [...this.docs.values()];
  }
  async markUnreachable(_m: string, key: string, when: string): Promise<void> {
    const c = this.docs.get(key);
    if (c) await this.save({ ...c, unreachableSince: when });
  }
}

function captured(user: string, activityId: string, updatedAt = NOW, serviceUrl = 'https://smba.example/emea/'): StoredConversation {
  return {
    municipalityId: 'm1', key: `user:${user}`, conversationId: `a:${user}`, serviceUrl, tenantId: 't1', updatedAt,
    reference: {
      activityId, user: { id: `29:${user}`, aadObjectId: user, name: 'Anna' }, bot: { id: '28:bot', name: 'Lägesbild' },
      conversation: { id: `a:${user}`, conversationType: 'personal', tenantId: 't1' }, channelId: 'msteams', locale: 'sv-SE', serviceUrl,
    },
  };
}

describe('The memory of stored conversation references', () => {
  let store: CountingConversations;
  let clock: ReturnType<typeof fixedClock>;
  let memory: ConversationMemory;

  beforeEach(() => {
    store = new CountingConversations();
    clock = fixedClock(NOW);
    memory = new ConversationMemory(store, clock);
  });

  it('saves a reference once, not again for a new activity id or time, and again when it changes', async () => {
    assert.equal(await memory.saveIfChanged(captured('anna', 'act-1')), true);
    assert.equal(await memory.saveIfChanged(captured('anna', 'act-2', at(1_000).toISOString())), false);
    assert.equal(await memory.saveIfChanged(captured('anna', 'act-3', NOW, 'https://smba.example/amer/')), true, 'a new service URL');
    assert.equal(await memory.saveIfChanged(captured('bo', 'act-4')), true, 'another person');
    assert.equal(store.saves, 3);
  });

  it('knows a reference it read, whatever order the store gives its fields in', async () => {
    await store.save(captured('anna', 'act-1'));
    await memory.get('m1', 'user:anna');
    assert.equal(await memory.saveIfChanged(captured('anna', 'act-2')), false);
    assert.equal(store.saves, 1);
  });

  it('saves again a reference marked unreachable, here or in what it read, and after CONVERSATION_REFRESH_MS', async () => {
    await memory.saveIfChanged(captured('anna', 'act-1'));
    await memory.markUnreachable('m1', 'user:anna', NOW);
    assert.equal(await memory.saveIfChanged(captured('anna', 'act-2')), true, 'marked here');
    assert.equal(store.docs.get('user:anna')?.unreachableSince, undefined);

    await store.markUnreachable('m1', 'user:anna', NOW); // another instance
    await memory.get('m1', 'user:anna');
    assert.equal(await memory.saveIfChanged(captured('anna', 'act-3')), true, 'read as unreachable');

    await store.markUnreachable('m1', 'user:anna', NOW); // another instance, not read here
    assert.equal(await memory.saveIfChanged(captured('anna', 'act-4')), false, 'not known here yet');
    clock.set(at(CONVERSATION_REFRESH_MS));
    assert.equal(await memory.saveIfChanged(captured('anna', 'act-5')), true, 'after CONVERSATION_REFRESH_MS');
    assert.equal(store.docs.get('user:anna')?.unreachableSince, undefined);
  });

  it('forgets a municipality after an erasure, and remembers at most maxEntries references', async () => {
    await memory.saveIfChanged(captured('anna', 'act-1'));
    memory.forgetMunicipality('m1');
    assert.equal(await memory.saveIfChanged(captured('anna', 'act-2')), true);

    const small = new ConversationMemory(store, clock, { maxEntries: 2 });
    for (const u of ['a', 'b', 'c']) await small.saveIfChanged(captured(u, 'x'));
    assert.equal(small.size, 2);
    assert.equal(await small.saveIfChanged(captured('a', 'y')), true, 'the oldest went first');
    assert.equal(await small.saveIfChanged(captured('c', 'y')), false);
  });
});
