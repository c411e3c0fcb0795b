import type { Language } from '../domain/municipality';
import type { RegistryStore } from '../domain/ports';
import type { RegistryChange } from '../domain/registry';
import type { CosmosConnection } from './cosmos-connection';
import { guard, isNotFound, withoutSystemFields } from './store-errors';

interface LanguageDoc { id: string; municipalityId: string; type: 'language'; userId: string; language: Language }

/** Reporter registrations changed in chat, and people's language choice, in `registry`. */
export class CosmosRegistryStore implements RegistryStore {
  constructor(private readonly cosmos: CosmosConnection) {}

  private get container() {
    return this.cosmos.container('registry');
  }

  async listChanges(municipalityId: string): Promise<RegistryChange[]> {
    const { resources } = await guard('list registry', () => this.container.items.query<RegistryChange & { type: string }>({
      query: 'SELECT * FROM c WHERE c.municipalityId = @m AND c.type = "registryChange"',
      parameters: [{ name: '@m', value: municipalityId }],
    }, { partitionKey: municipalityId }).fetchAll());
    return resources.map((d) => {
      const { type, ...rest } = withoutSystemFields(d);
      void type;
      return rest;
    });
  }

  async saveChange(change: RegistryChange): Promise<void> {
    await guard('save registry change', () => this.container.items.upsert({ ...change, type: 'registryChange' }));
  }

  async getLanguage(municipalityId: string, userId: string): Promise<Language | undefined> {
    return guard('read language', async () => {
      try {
        const { resource } = await this.container.item(`language:${userId}`, municipalityId).read<LanguageDoc>();
        return resource?.language;
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    });
  }

  async setLanguage(municipalityId: string, userId: string, language: Language): Promise<void> {
    const doc: LanguageDoc = { id: `language:${userId}`, municipalityId, type: 'language', userId, language };
    await guard('save language', () => this.container.items.upsert(doc));
  }
}
