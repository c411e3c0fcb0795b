import type { Language, Municipality } from './municipality';
import type { RegistryStore } from './ports';
import { applyRegistryChanges, type RegistryChange } from './registry';

/**
 * The municipalities this deployment serves, found by Teams tenant, each with its reporter list
 * as configured plus the changes coordinators made in chat. Reads the registry through whatever
 * store it is given: `host.ts` gives it a CachedRegistry, so a turn seldom reaches the store.
 */
export class Directory {
  private readonly byTenantId = new Map<string, Municipality>();
  private readonly byIdMap = new Map<string, Municipality>();
  /** The municipality computed from a list of changes, while a CachedRegistry hands out that same list. */
  private readonly applied = new WeakMap<RegistryChange[], Municipality>();

  constructor(municipalities: Municipality[], private readonly registry: RegistryStore) {
    for (const m of municipalities) {
      if (this.byTenantId.has(m.tenantId)) throw new Error(`two municipalities share the tenant ${m.tenantId}`);
      if (this.byIdMap.has(m.id)) throw new Error(`two municipalities share the id ${m.id}`);
      this.byTenantId.set(m.tenantId, m);
      this.byIdMap.set(m.id, m);
    }
  }

  get all(): Municipality[] {
    return [...this.byIdMap.values()];
  }

  configuredByTenant(tenantId: string | undefined): Municipality | undefined {
    return tenantId ? this.byTenantId.get(tenantId) : undefined;
  }

  /** The municipality as it is now: the configuration with stored registry changes applied. */
  async current(municipalityId: string): Promise<Municipality> {
    const configured = this.byIdMap.get(municipalityId);
    if (!configured) throw new Error(`unknown municipality ${municipalityId}`);
    const changes = await this.registry.listChanges(municipalityId);
    if (changes.length === 0) return configured;
    let current = this.applied.get(changes);
    if (!current) {
      current = { ...configured, reporters: applyRegistryChanges(configured.reporters, changes) };
      this.applied.set(changes, current);
    }
    return current;
  }

  async byTenant(tenantId: string | undefined): Promise<Municipality | undefined> {
    const configured = this.configuredByTenant(tenantId);
    return configured ? this.current(configured.id) : undefined;
  }

  /** A person's language: their own choice in chat, else the configuration, else the municipality's. */
  async languageOf(m: Municipality, userId: string): Promise<Language> {
    const chosen = await this.registry.getLanguage(m.id, userId);
    if (chosen) return chosen;
    const person = [...m.reporters, ...m.coordinators, ...m.meetingMembers].find((p) => p.id === userId);
    return person?.language ?? m.language;
  }
}
