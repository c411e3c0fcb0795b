import https from 'node:https';
import { isLoopbackHost } from '../config/env';
import type { AuditStore, ConversationStore, MeetingStore, OperationsStore, PersonDataStore, RegistryStore, WeeklyStore } from '../domain/ports';
import { CosmosAuditStore } from './audit-store';
import { CosmosConversationStore } from './conversation-store';
import { openCosmos, type CosmosConnection } from './cosmos-connection';
import { CosmosMeetingStore } from './meeting-store';
import { CosmosOperationsStore } from './operations-store';
import { CosmosPersonDataStore } from './person-data';
import { CosmosRegistryStore } from './registry-store';
import { CosmosWeeklyStore } from './weekly-store';

/** Every storage port, on one Cosmos DB connection. */
export interface Stores {
  cosmos: CosmosConnection;
  weekly: WeeklyStore;
  registry: RegistryStore;
  conversations: ConversationStore;
  operations: OperationsStore;
  meeting: MeetingStore;
  audit: AuditStore;
  personData: PersonDataStore;
  /** Where the store lives, for the start-up log (never a key). */
  description: string;
  close(): Promise<void>;
}

export function storesOn(cosmos: CosmosConnection, description: string, close: () => Promise<void>): Stores {
  const audit = new CosmosAuditStore(cosmos);
  return {
    cosmos,
    weekly: new CosmosWeeklyStore(cosmos),
    registry: new CosmosRegistryStore(cosmos),
    conversations: new CosmosConversationStore(cosmos),
    operations: new CosmosOperationsStore(cosmos),
    meeting: new CosmosMeetingStore(cosmos),
    audit,
    personData: new CosmosPersonDataStore(cosmos, audit),
    description,
    close,
  };
}

export interface StoreConfig {
  endpoint?: string;
  key?: string;
  database: string;
  dataDir: string;
  /**
   * Tests and demos: trust the self-signed certificate of a Cosmos-compatible server, for a
   * loopback endpoint only (refused for any other host). Never set in production.
   */
  allowSelfSignedLoopback?: boolean;
}

/**
 * Azure Cosmos DB when an endpoint is configured (managed identity unless a key is given),
 * otherwise the embedded local server persisting to the data folder.
 */
export async function openStore(config: StoreConfig): Promise<Stores> {
  if (config.endpoint) {
    const host = new URL(config.endpoint).hostname;
    if (config.allowSelfSignedLoopback && !isLoopbackHost(host)) {
      throw new Error(`a self-signed certificate is accepted on loopback only, not from ${host}`);
    }
    const loopback = config.allowSelfSignedLoopback
      // Certificate checks off for this one agent, used for this loopback endpoint only; no geo endpoints to discover.
      ? { agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }), endpointDiscovery: false }
      : {};
    const cosmos = await openCosmos({
      ...loopback,
      endpoint: config.endpoint,
      key: config.key,
      // Loaded only in this mode: @azure/identity costs start-up time and memory where it is unused.
      credential: config.key ? undefined : new (await import('@azure/identity')).DefaultAzureCredential(),
      database: config.database,
      // Infra creates the containers; Entra data-plane roles may not create them.
      createSchema: Boolean(config.key),
    });
    return storesOn(cosmos, `Azure Cosmos DB ${new URL(config.endpoint).host}/${config.database}`, async () => cosmos.dispose());
  }
  // The embedded server (and its parser) is loaded only for local runs, not in Azure.
  const { LocalCosmos } = await import('./local-cosmos');
  const local = await LocalCosmos.start({ dataDir: config.dataDir, database: config.database });
  const cosmos = await local.connect();
  return storesOn(cosmos, `embedded local store (${config.dataDir})`, async () => {
    cosmos.dispose();
    await local.stop();
  });
}
