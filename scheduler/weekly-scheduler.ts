import cron, { type ScheduledTask } from 'node-cron';
import { WEEKDAYS, type Weekday } from '../domain/iso-week';
import { actionSettings, type Municipality } from '../domain/municipality';
import { sendActionReminders } from './action-reminders-job';
import { pool } from './pool';
import { dueOccurrences, type Occurrence } from './due-occurrences';
import type { JobDeps } from './job-deps';
import { sendPrompts } from './prompts-job';
import { postPicture } from './picture-job';
import { sendReminders } from './reminders-job';
import { runOccurrence } from './run-occurrence';

/** Runs one due occurrence under its lease. */
export async function runDue(deps: JobDeps, m: Municipality, o: Occurrence): Promise<void> {
  switch (o.job) {
    case 'prompts':
      await runOccurrence(deps, m.id, o.key, () => sendPrompts(deps, m.id, o.week));
      return;
    case 'promptsMissed':
      // Completing the prompts occurrence here records that it will not run this week.
      await runOccurrence(deps, m.id, o.key, () => sendPrompts(deps, m.id, o.week));
      return;
    case 'reminders':
      await runOccurrence(deps, m.id, o.key, () => sendReminders(deps, m.id, String(o.occasion), o.week));
      return;
    case 'picture':
      await runOccurrence(deps, m.id, o.key, () => postPicture(deps, m.id, o.week));
      return;
    case 'actionReminders':
      await runOccurrence(deps, m.id, o.key, () => sendActionReminders(deps, m.id));
      return;
  }
}

/**
 * Municipalities swept side by side. Each is its own Teams tenant with its own send budget, so
 * one's Tuesday fan-out (or a channel making it wait) need not hold up another's.
 */
export const MUNICIPALITY_CONCURRENCY = 8;

/** Runs whatever is due now and has not run, for every municipality; each one's jobs in order. */
export async function sweep(deps: JobDeps): Promise<void> {
  await pool(deps.directory.all, MUNICIPALITY_CONCURRENCY, async (m) => {
    for (const o of dueOccurrences(m, deps.clock())) {
      try {
        await runDue(deps, m, o);
      } catch (err) {
        deps.log.error({ municipalityId: m.id, occurrence: o.key, err: (err as Error).message }, 'sweep: occurrence failed');
      }
    }
  });
}

function cronAt(day: Weekday, time: string): string {
  const [h, min] = time.split(':').map(Number);
  // node-cron counts Sunday as 0.
  return `${min} ${h} * * ${(WEEKDAYS.indexOf(day) + 1) % 7}`;
}

/** The cron expressions of a municipality's routine, in its own time zone. */
export function cronExpressions(m: Municipality): string[] {
  const s = m.schedule;
  const [h, min] = actionSettings(m).meetingMorningReminder.split(':').map(Number);
  return [cronAt(s.prompts.day, s.prompts.time), ...s.reminders.map((r) => cronAt(s.deadline.day, r)), cronAt(s.deadline.day, s.deadline.time), cronAt(s.picture.day, s.picture.time), `${min} ${h} * * *`];
}

/**
 * Schedules each municipality's routine with node-cron in its time zone. Every fire, and a sweep
 * every five minutes, runs what is due: a scheduled time and a catch-up after downtime or a
 * failed run go the same way, and leases keep it to one instance.
 */
export function startScheduler(deps: JobDeps): { stop(): void; ready: Promise<void> } {
  const tasks: ScheduledTask[] = [];
  let running: Promise<void> = Promise.resolve();
  const trigger = () => {
    running = running.then(() => sweep(deps));
    return running;
  };
  for (const m of deps.directory.all) {
    for (const expression of new Set(cronExpressions(m))) {
      tasks.push(cron.schedule(expression, trigger, { name: `${m.id}:${expression}`, timezone: m.timeZone, noOverlap: true }));
    }
  }
  tasks.push(cron.schedule('*/5 * * * *', trigger, { name: 'sweep', noOverlap: true }));
  const ready = trigger();
  return {
    ready,
    stop: () => tasks.forEach((t) => void t.stop()),
  };
}
