import type { Absence } from '../domain/absence';
import { absenceId } from '../domain/absence';
import type { WeekAnswers, WeeklyStore } from '../domain/ports';
import type { Report } from '../domain/report';
import { reportId } from '../domain/report';
import { weeklyPartition } from './containers';
import type { CosmosConnection } from './cosmos-connection';
import { guard, isNotFound, withoutSystemFields } from './store-errors';

type WeeklyDoc = (Report & { type: 'report' } | Absence & { type: 'absence' }) & { partition: string; ttl?: number };

function strip<T extends object>(doc: T): Omit<T, 'type' | 'partition' | 'ttl'> {
  const { type, partition, ttl, ...rest } = withoutSystemFields(doc) as T & { type?: string; partition?: string; ttl?: number };
  void type; void partition; void ttl;
  return rest;
}

/** Answers and absences in the `weekly` container, one partition per municipality and week. */
export class CosmosWeeklyStore implements WeeklyStore {
  constructor(private readonly cosmos: CosmosConnection) {}

  private get container() {
    return this.cosmos.container('weekly');
  }

  async getReport(municipalityId: string, week: string, townId: string, reporterId: string): Promise<Report | undefined> {
    return guard('read report', async () => {
      try {
        const { resource } = await this.container.item(reportId(week, townId, reporterId), weeklyPartition(municipalityId, week)).read<WeeklyDoc>();
        return resource ? (strip(resource) as unknown as Report) : undefined;
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    });
  }

  async saveReport(report: Report, ttlSeconds?: number): Promise<void> {
    const doc: WeeklyDoc = { ...report, type: 'report', partition: weeklyPartition(report.municipalityId, report.week), ...(ttlSeconds ? { ttl: ttlSeconds } : {}) };
    await guard('save report', () => this.container.items.upsert(doc));
  }

  async listWeek(municipalityId: string, week: string): Promise<WeekAnswers> {
    const partition = weeklyPartition(municipalityId, week);
    const { resources } = await guard('list week', () => this.container.items
      .query<WeeklyDoc>({ query: 'SELECT * FROM c WHERE c.partition = @p', parameters: [{ name: '@p', value: partition }] }, { partitionKey: partition })
      .fetchAll());
    const answers: WeekAnswers = { reports: [], absences: [] };
    for (const doc of resources) {
      if (doc.type === 'report') answers.reports.push(strip(doc) as unknown as Report);
      else if (doc.type === 'absence') answers.absences.push(strip(doc) as unknown as Absence);
    }
    return answers;
  }

  async setAbsence(absence: Absence, ttlSeconds?: number): Promise<void> {
    const doc: WeeklyDoc = { ...absence, type: 'absence', partition: weeklyPartition(absence.municipalityId, absence.week), ...(ttlSeconds ? { ttl: ttlSeconds } : {}) };
    await guard('save absence', () => this.container.items.upsert(doc));
  }

  async removeAbsence(municipalityId: string, week: string, reporterId: string): Promise<void> {
    await guard('remove absence', async () => {
      try {
        await this.container.item(absenceId(week, reporterId), weeklyPartition(municipalityId, week)).delete();
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    });
  }
}
