import { createHash } from 'node:crypto';
import type { Clock } from '../domain/clock';
import type { ConversationStore, StoredConversation } from '../domain/ports';

/**
 * How long this process trusts its memory that a stored reference is as it last saved or read
 * it. Only another instance changes a reference behind its back (marks it unreachable after a
 * 403, or erases the person): after this time, the person's next turn here saves it again.
 */
export const CONVERSATION_REFRESH_MS = 10 * 60_000;
/** References remembered at most (about 150 bytes each). */
export const MAX_REMEMBERED_CONVERSATIONS = 20_000;

export interface ConversationMemoryOptions {
  refreshMs?: number;
  maxEntries?: number;
}

interface Remembered {
  /** Hash of what the store holds, without the parts that change every turn. */
  hash: string;
  at: number;
}

/**
 * The conversation store, remembering per key what this process last saved or read there, so
 * the reference captured on every turn is written only when it is new or changed. Writes and
 * reads through it keep the memory right; a reference marked unreachable or erased here is
 * forgotten, so the person's next turn stores it again (and makes them reachable again).
 */
export class ConversationMemory implements ConversationStore {
  private readonly remembered = new Map<string, Remembered>();
  /** Counts forgets: a save that ran across one does not remember what it wrote. */
  private forgets = 0;
  private readonly refreshMs: number;
  private readonly maxEntries: number;

  constructor(private readonly store: ConversationStore, private readonly clock: Clock, options: ConversationMemoryOptions = {}) {
    this.refreshMs = options.refreshMs ?? CONVERSATION_REFRESH_MS;
    this.maxEntries = options.maxEntries ?? MAX_REMEMBERED_CONVERSATIONS;
  }

  /** Saves unless this process knows the store already holds the same reference; true when it saved. */
  async saveIfChanged(conversation: StoredConversation): Promise<boolean> {
    const key = memoryKey(conversation.municipalityId, conversation.key);
    const found = this.remembered.get(key);
    const now = this.clock().getTime();
    if (found && found.hash === fingerprint(conversation) && now >= found.at && now - found.at < this.refreshMs) return false;
    await this.save(conversation);
    return true;
  }

  async save(conversation: StoredConversation): Promise<void> {
    const forgets = this.forgets;
    const key = memoryKey(conversation.municipalityId, conversation.key);
    this.remembered.delete(key);
    await this.store.save(conversation);
    if (forgets === this.forgets) this.remember(key, conversation);
  }

  async get(municipalityId: string, key: string): Promise<StoredConversation | undefined> {
    const forgets = this.forgets;
    const found = await this.store.get(municipalityId, key);
    if (found && forgets === this.forgets) this.remember(memoryKey(municipalityId, key), found);
    else this.remembered.delete(memoryKey(municipalityId, key));
    return found;
  }

  listByPrefix(municipalityId: string, keyPrefix: string): Promise<StoredConversation[]> {
    return this.store.listByPrefix(municipalityId, keyPrefix);
  }

  async markUnreachable(municipalityId: string, key: string, at: string): Promise<void> {
    try {
      await this.store.markUnreachable(municipalityId, key, at);
    } finally {
      this.forget((k) => k === memoryKey(municipalityId, key));
    }
  }

  /** Forgets one municipality's references, after a change made around this class (erasure). */
  forgetMunicipality(municipalityId: string): void {
    const prefix = memoryKey(municipalityId, '');
    this.forget((k) => k.startsWith(prefix));
  }

  get size(): number {
    return this.remembered.size;
  }

  private forget(matches: (key: string) => boolean): void {
    this.forgets++;
    for (const key of [...this.remembered.keys()]) if (matches(key)) this.remembered.delete(key);
  }

  private remember(key: string, conversation: StoredConversation): void {
    this.remembered.delete(key);
    this.remembered.set(key, { hash: fingerprint(conversation), at: this.clock().getTime() });
    while (this.remembered.size > this.maxEntries) this.remembered.delete(this.remembered.keys().next().value as string);
  }
}

function memoryKey(municipalityId: string, key: string): string {
  return `${municipalityId}\u0000${key}`;
}

/**
 * What makes two stored references the same for sending: everything but the time it was
 * stored and the id of the activity it was taken from. A reference marked unreachable never
 * matches a captured one, so capturing it clears the mark.
 */
function fingerprint(c: StoredConversation): string {
  const { activityId, ...reference } = c.reference;
  void activityId;
  const { updatedAt, ...rest } = c;
  void updatedAt;
  return createHash('sha1').update(stableJson({ ...rest, reference })).digest('base64');
}

/** JSON with object keys sorted, so a reference read back from the store hashes as it was written. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
