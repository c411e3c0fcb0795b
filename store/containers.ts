/**
 * The Cosmos DB containers and their partition keys. A week's answers and absences share one
 * partition (`municipalityId|week`), so compiling or checking a week is one single-partition query.
 * Everything else partitions by municipality, which also keeps municipalities apart.
 */
export const CONTAINERS = {
  weekly: { id: 'weekly', partitionKey: '/partition', perItemTtl: true },
  registry: { id: 'registry', partitionKey: '/municipalityId', perItemTtl: false },
  meeting: { id: 'meeting', partitionKey: '/municipalityId', perItemTtl: false },
  operations: { id: 'operations', partitionKey: '/municipalityId', perItemTtl: true },
  audit: { id: 'audit', partitionKey: '/municipalityId', perItemTtl: false },
} as const;

export type ContainerName = keyof typeof CONTAINERS;

export function weeklyPartition(municipalityId: string, week: string): string {
  return `${municipalityId}|${week}`;
}
