import assert from 'node:assert/strict';
import { ConfigError, parseMunicipality } from '../../config/load-municipality';
import { parseCommand } from '../../domain/commands';
import { DEFAULT_ACTION_SETTINGS } from '../../domain/defaults';
import { actionSettings } from '../../domain/municipality';
import { addDays } from '../../scheduler/action-reminders-job';
import { dueOccurrences } from '../../scheduler/due-occurrences';
import { cronExpressions } from '../../scheduler/weekly-scheduler';

const MINIMAL = [
  'id: testkommun',
  'name: Testkommun',
  'tenantId: 00000000-0000-4000-8000-000000000000',
  'towns:',
  '  - { id: rimbo, name: Rimbo }',
  'coordinators:',
  '  - { id: c1, name: Karin, organisation: Trygg }',
  '',
].join('\n');

function problems(text: string): string[] {
  try {
    parseMunicipality(text, 'broken.yaml');
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems.map((p) => `${p.line}:${p.path}: ${p.message}`);
  }
  return assert.fail('expected the configuration to be refused');
}

describe('Action settings, commands and schedule', () => {
  it('defaults to telling owners at once, reminding two days before and on the meeting\'s morning at 09:00', () => {
    const m = parseMunicipality(MINIMAL);
    assert.deepEqual(m.actions, { notifyOwners: 'atOnce', reminderDaysBefore: 2, meetingMorningReminder: '09:00' });
    assert.deepEqual(actionSettings({ ...m, actions: undefined }), DEFAULT_ACTION_SETTINGS, 'a hand-made municipality gets the defaults');
  });

  it('takes a municipality\'s own action settings, each one optional', () => {
    const m = parseMunicipality(`${MINIMAL}actions:\n  notifyOwners: afterFinalize\n  meetingMorningReminder: "07:45"\n`);
    assert.deepEqual(m.actions, { notifyOwners: 'afterFinalize', reminderDaysBefore: 2, meetingMorningReminder: '07:45' });
  });

  it('reports wrong action settings with their lines, a misspelt key too', () => {
    const found = problems(`${MINIMAL}actions:\n  notifyOwners: someday\n  reminderDaysBefore: -1\n  meetingMorningReminder: "9"\n  remindDaysBefore: 3\n`);
    assert.equal(found.length, 4, found.join('\n'));
    assert.ok(found.some((p) => p.startsWith('9:actions.notifyOwners')));
    assert.ok(found.some((p) => p.startsWith('10:actions.reminderDaysBefore')));
    assert.ok(found.some((p) => p === '11:actions.meetingMorningReminder: must be a time "HH:MM"'));
    assert.ok(found.some((p) => p === '12:actions.remindDaysBefore: unknown key "remindDaysBefore"'));
  });

  it('reads the action commands in Swedish and English, keeping the ids as written', () => {
    assert.deepEqual(parseCommand('åtgärd flytta action-AB12 00000000-0000-4000-8000-00000000d003'), { kind: 'reassignAction', actionId: 'action-AB12', ownerId: '00000000-0000-4000-8000-00000000d003' });
    assert.deepEqual(parseCommand('Action reassign action-1 u2'), { kind: 'reassignAction', actionId: 'action-1', ownerId: 'u2' });
    assert.deepEqual(parseCommand('åtgärd stryk action-1'), { kind: 'cancelAction', actionId: 'action-1' });
    assert.deepEqual(parseCommand('action cancel action-1'), { kind: 'cancelAction', actionId: 'action-1' });
    assert.deepEqual(parseCommand('åtgärd historik action-1'), { kind: 'actionHistory', actionId: 'action-1' });
    assert.deepEqual(parseCommand('action history action-1'), { kind: 'actionHistory', actionId: 'action-1' });
    assert.deepEqual(parseCommand('åtgärd flytta action-1'), { kind: 'usage', command: 'action' });
    assert.deepEqual(parseCommand('action cancel'), { kind: 'usage', command: 'action' });
    assert.deepEqual(parseCommand('åtgärder Rimbo'), { kind: 'townActions', town: 'Rimbo' }, 'the town list is still the town list');
    assert.deepEqual(parseCommand('my actions'), { kind: 'myActions' });
  });

  it('runs the action reminders daily from the meeting-morning time, one occurrence per local date', () => {
    const m = parseMunicipality(MINIMAL);
    const at = (iso: string) => dueOccurrences(m, new Date(iso)).filter((o) => o.job === 'actionReminders').map((o) => o.key);
    assert.deepEqual(at('2026-12-05T07:59:00Z'), [], 'Saturday 08:59 in Stockholm');
    assert.deepEqual(at('2026-12-05T08:00:00Z'), ['action-reminders:2026-12-05']);
    assert.deepEqual(at('2026-12-05T22:59:00Z'), ['action-reminders:2026-12-05'], 'caught up until the local day ends');
    assert.deepEqual(at('2026-12-05T23:00:00Z'), [], 'a new local day, before 09:00');
    assert.deepEqual(at('2026-07-01T07:00:00Z'), ['action-reminders:2026-07-01'], 'summer time: 09:00 is 07:00 UTC');
    const early = parseMunicipality(`${MINIMAL}actions:\n  meetingMorningReminder: "07:30"\n`);
    assert.ok(cronExpressions(early).includes('30 7 * * *'));
    assert.ok(cronExpressions(m).includes('0 9 * * *'));
  });

  it('counts calendar days across months and years for the reminder window', () => {
    assert.equal(addDays('2026-12-09', -2), '2026-12-07');
    assert.equal(addDays('2027-01-01', -2), '2026-12-30');
    assert.equal(addDays('2028-03-01', -1), '2028-02-29');
  });
});
