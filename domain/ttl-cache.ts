import type { Clock } from './clock';

interface Entry<V> {
  value: Promise<V>;
  /** Clock time (ms) when the load started: the value is at least this fresh. */
  at: number;
}

/**
 * Values loaded from the store, kept for `ttlMs` of the injected clock and shared by concurrent
 * readers (one load at a time per key). At most `maxEntries` keys, the least recently loaded
 * going first. A failed load is not kept. `invalidate` after a local write: a read that starts
 * after it loads again, so the writer's own process sees its change at once.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();

  constructor(private readonly clock: Clock, private readonly ttlMs: number, private readonly maxEntries: number) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const now = this.clock().getTime();
    const found = this.entries.get(key);
    // A clock set back (tests) counts as expired rather than fresh for ever.
    if (found && now >= found.at && now - found.at < this.ttlMs) return found.value;
    const entry: Entry<V> = { value: load(), at: now };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  invalidate(key: K): void {
    this.entries.delete(key);
  }

  invalidateWhere(matches: (key: K) => boolean): void {
    for (const key of [...this.entries.keys()]) if (matches(key)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
