import type { Agent } from 'node:http';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';
import { CONTAINERS, type ContainerName } from './containers';

export interface CosmosOptions {
  endpoint: string;
  /** An account key; without one the client authenticates with the given Entra credential. */
  key?: string;
  credential?: TokenCredential;
  database: string;
  /** Create the database and containers if missing. Needs key auth: Entra data-plane roles cannot. */
  createSchema: boolean;
  agent?: Agent;
  /** The local server has no geo endpoints to discover. */
  endpointDiscovery?: boolean;
}

export interface CosmosConnection {
  client: CosmosClient;
  database: Database;
  container(name: ContainerName): Container;
  dispose(): void;
}

export async function openCosmos(options: CosmosOptions): Promise<CosmosConnection> {
  const client = new CosmosClient({
    endpoint: options.endpoint,
    ...(options.key ? { key: options.key } : { aadCredentials: options.credential }),
    agent: options.agent,
    connectionPolicy: {
      enableEndpointDiscovery: options.endpointDiscovery ?? true,
      requestTimeout: 10_000,
      // A user waits on a submit: a few quick retries, then we tell them and keep their input.
      retryOptions: { maxRetryAttemptCount: 3, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 5 },
    },
  });
  let database: Database;
  if (options.createSchema) {
    ({ database } = await client.databases.createIfNotExists({ id: options.database }));
    for (const def of Object.values(CONTAINERS)) {
      await database.containers.createIfNotExists({
        id: def.id,
        partitionKey: { paths: [def.partitionKey] },
        ...(def.perItemTtl ? { defaultTtl: -1 } : {}),
      });
    }
  } else {
    database = client.database(options.database);
  }
  const containers = new Map<ContainerName, Container>();
  return {
    client,
    database,
    container(name) {
      let c = containers.get(name);
      if (!c) {
        c = database.container(CONTAINERS[name].id);
        containers.set(name, c);
      }
      return c;
    },
    dispose: () => client.dispose(),
  };
}
