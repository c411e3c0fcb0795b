import type { Clock } from '../domain/clock';
import type { Directory } from '../domain/directory';
import type { AuditStore, ConversationStore, OperationsStore, PersonDataStore, RegistryStore, WeeklyStore } from '../domain/ports';
import type { Logger } from '../observability/logger';
import type { JobDeps } from '../scheduler/job-deps';

/** Every collaborator the Teams handlers use; tests swap each one. */
export interface BotDeps {
  directory: Directory;
  weekly: WeeklyStore;
  registry: RegistryStore;
  conversations: ConversationStore;
  operations: OperationsStore;
  audit: AuditStore;
  personData: PersonDataStore;
  jobs: JobDeps;
  clock: Clock;
  log: Logger;
}
