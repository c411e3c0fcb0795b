import https from 'node:https';
import { openCosmos } from '../store/cosmos-connection';
import { storesOn, type Stores } from '../store/open-store';

/**
 * The product's stores on one database of the bench's Cosmos-compatible server, connected as
 * `LocalCosmos.connect()` does (keep-alive agent, certificate checks off for this loopback agent
 * only), each database fresh so sections do not see each other's documents. Connections given
 * the same `agent` share its sockets.
 */
export async function connectStores(endpoint: string, database: string, agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false })): Promise<Stores> {
  const cosmos = await openCosmos({ endpoint, key: 'local', database, createSchema: true, agent, endpointDiscovery: false });
  return storesOn(cosmos, `bench store ${database}`, async () => cosmos.dispose());
}
