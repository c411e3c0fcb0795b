import type { Clock } from './clock';
import type { Language } from './municipality';
import type { RegistryStore } from './ports';
import type { RegistryChange } from './registry';
import { TtlCache } from './ttl-cache';

/**
 * How long this process trusts what it read of the registry (reporter changes, languages). A
 * change made on another instance is seen here within this time; one made through this
 * process's own CachedRegistry is seen at once.
 */
export const REGISTRY_CACHE_MS = 5_000;
/** People whose language this process remembers at most (about 100 bytes each). */
export const MAX_CACHED_LANGUAGES = 20_000;

export interface CachedRegistryOptions {
  ttlMs?: number;
  maxLanguages?: number;
}

/**
 * The registry store with a short per-process memory, so a turn does not query the reporter
 * changes and read the person's language from the store every time. Writes go through to the
 * store and drop what they change from the memory.
 */
export class CachedRegistry implements RegistryStore {
  private readonly changes: TtlCache<string, RegistryChange[]>;
  private readonly languages: TtlCache<string, Language | undefined>;

  constructor(private readonly store: RegistryStore, clock: Clock, options: CachedRegistryOptions = {}) {
    const ttlMs = options.ttlMs ?? REGISTRY_CACHE_MS;
    this.changes = new TtlCache(clock, ttlMs, Number.MAX_SAFE_INTEGER); // one entry per municipality
    this.languages = new TtlCache(clock, ttlMs, options.maxLanguages ?? MAX_CACHED_LANGUAGES);
  }

  /** The same array while it is cached: callers must not change it. */
  listChanges(municipalityId: string): Promise<RegistryChange[]> {
    return this.changes.get(municipalityId, () => this.store.listChanges(municipalityId));
  }

  async saveChange(change: RegistryChange): Promise<void> {
    try {
      await this.store.saveChange(change);
    } finally {
      // Also when the write failed: it may have reached the store.
      this.changes.invalidate(change.municipalityId);
    }
  }

  getLanguage(municipalityId: string, userId: string): Promise<Language | undefined> {
    return this.languages.get(languageKey(municipalityId, userId), () => this.store.getLanguage(municipalityId, userId));
  }

  async setLanguage(municipalityId: string, userId: string, language: Language): Promise<void> {
    try {
      await this.store.setLanguage(municipalityId, userId, language);
    } finally {
      this.languages.invalidate(languageKey(municipalityId, userId));
    }
  }

  /** Forgets one municipality's registry, after a change made around this class (erasure). */
  forget(municipalityId: string): void {
    this.changes.invalidate(municipalityId);
    const prefix = languageKey(municipalityId, '');
    this.languages.invalidateWhere((key) => key.startsWith(prefix));
  }
}

function languageKey(municipalityId: string, userId: string): string {
  return `${municipalityId}\u0000${userId}`;
}
