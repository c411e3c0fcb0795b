import type { Clock } from '../domain/clock';
import type { Directory } from '../domain/directory';
import type { AuditStore, OperationsStore, PersonDataStore, RegistryStore, WeeklyStore } from '../domain/ports';
import type { Logger } from '../observability/logger';
import type { JobDeps } from '../scheduler/job-deps';
import type { ConversationMemory } from './conversation-memory';

/** Every collaborator the Teams handlers use; tests swap each one. */
export interface BotDeps {
  directory: Directory;
  weekly: WeeklyStore;
  registry: RegistryStore;
  /** Remembers what it stored, so the reference captured each turn is written only when changed. */
  conversations: ConversationMemory;
  operations: OperationsStore;
  audit: AuditStore;
  personData: PersonDataStore;
  jobs: JobDeps;
  clock: Clock;
  log: Logger;
}
