import type https from 'node:https';
import { LocalCosmos } from '../store/local-cosmos';

/** Azure Cosmos DB keeps idle gateway connections for minutes; Node's server default is 5 s. */
const KEEP_ALIVE_MS = 120_000;

/**
 * Child process: the Cosmos-compatible server, in memory, on loopback. It runs apart from the
 * bot so that the bot's figures do not include the store's CPU, as with Azure Cosmos DB. Sends
 * its endpoint to the parent and ends when the parent goes.
 */
async function main(): Promise<void> {
  const local = await LocalCosmos.start({ database: 'bench' });
  // With the 5 s default, a client whose event loop is busy for seconds (compiling 16 pictures at
  // once on a loaded machine) reuses a socket the server has just closed: ECONNRESET on a write.
  // LocalCosmos keeps its server private; see the report's recommendation for store/local-cosmos.ts.
  const server = (local as unknown as { server: https.Server }).server;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  process.send?.({ endpoint: local.endpoint });
  process.on('disconnect', () => {
    void local.stop().finally(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench store could not start: ${String(err)}\n`);
  process.exit(1);
});
