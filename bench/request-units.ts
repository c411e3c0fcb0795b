/**
 * A cost proxy for Azure Cosmos DB (serverless bills request units). The assumptions, stated
 * once and printed with the table:
 * - a point read costs ~1 RU per KB returned (at least 1, also when nothing is found);
 * - a write (create, upsert, replace, delete) ~5 RU per KB sent (at least 5), conflicts included;
 * - a query page ~2.5 RU + 1 RU per KB returned;
 * - the SDK's query-plan request is answered by the gateway and billed no RU.
 */
export const RU_ASSUMPTIONS = '1 RU/KB point read (min 1); 5 RU/KB write (min 5); query page 2.5 RU + 1 RU/KB returned; query plans 0 RU';

const KB = 1_024;

export function pointReadRu(bytes: number): number {
  return Math.max(1, bytes / KB);
}

export function writeRu(bytes: number): number {
  return 5 * Math.max(1, bytes / KB);
}

export function queryPageRu(bytes: number): number {
  return 2.5 + bytes / KB;
}
