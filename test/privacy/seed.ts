import { auditEntry } from '../../domain/audit';
import type { Action, Hotspot, TownDecision } from '../../domain/picture/meeting';
import type { StoredConversation } from '../../domain/ports';
import { registryChangeId } from '../../domain/registry';
import { reportId, type Report } from '../../domain/report';
import { CONTAINERS, type ContainerName } from '../../store/containers';
import type { Stores } from '../../store/open-store';
import { withoutSystemFields } from '../../store/store-errors';

/**
 * Ids chosen so that a careless substring match would fail the tests: ANNA is a prefix of
 * ANNA_TEN, which must never be taken for her.
 */
export const ANNA = 'anna-0001';
export const ANNA_TEN = 'anna-00010';
export const BO = 'bo-0002';
export const KIM = 'kim-0003'; // coordinator
export const M1 = 'm1';
export const M2 = 'm2';
const AT = '2026-12-01T08:00:00.000Z';

/** Her id as a whole word, so "anna-00010" does not count. */
export const ANNA_PATTERN = new RegExp(`${ANNA}(?![0-9])`);

export function report(m: string, reporterId: string, week: string, what = 'Stökigt vid torget'): Report {
  return {
    id: reportId(week, 'rimbo', reporterId), municipalityId: m, week, townId: 'rimbo', reporterId, organisation: 'Fritidsgården',
    kind: 'observations', answer: { grade: 3, categories: [], what, areas: ['Centrum'], place: '', when: ['evening'], measures: '' },
    submittedAt: AT, updatedAt: AT, late: false, revision: 1,
  };
}

function conversation(m: string, key: string, aadObjectId: string): StoredConversation {
  return {
    municipalityId: m, key, conversationId: `conv-${key}`, serviceUrl: 'https://smba.example/emea/',
    reference: { conversation: { id: `conv-${key}` }, user: { id: `29:${aadObjectId}`, aadObjectId, name: 'Someone' }, bot: { id: 'bot' } },
    updatedAt: AT,
  };
}

function decision(m: string, townId: string, decidedBy: string): TownDecision {
  return { municipalityId: m, week: '2026-W49', townId, finalGrade: 3, situation: 'Oroligt på kvällarna', decidedBy, decidedAt: AT };
}

function hotspot(id: string, openedBy: string, closedBy?: string): Hotspot {
  return {
    id, municipalityId: M1, townId: 'rimbo', place: 'Busstationen', reason: 'Samlingsplats kvällstid', openedWeek: '2026-W48',
    openedBy, openedAt: AT, ...(closedBy ? { closedWeek: '2026-W49', closedBy, closedAt: AT } : {}),
  };
}

function action(id: string, ownerId: string, createdBy: string, history: Action['history'] = []): Action {
  return {
    id, municipalityId: M1, townId: 'rimbo', what: 'Mer belysning', ownerId, createdBy, createdAt: AT, createdWeek: '2026-W49',
    due: '2026-12-15', status: 'open', history: [{ at: AT, by: createdBy, kind: 'created', status: 'open' }, ...history],
  } as Action;
}

/** Anna's data in m1 and m2, with Bo's and a near-namesake's next to it. */
export async function seed(s: Stores): Promise<void> {
  for (const week of ['2026-W49', '2026-W50']) await s.weekly.saveReport(report(M1, ANNA, week));
  await s.weekly.saveReport(report(M1, BO, '2026-W49'));
  await s.weekly.saveReport(report(M1, ANNA_TEN, '2026-W49'));
  await s.weekly.saveReport(report(M2, ANNA, '2026-W49'));
  await s.weekly.setAbsence({ id: `away:2026-W51:${ANNA}`, municipalityId: M1, week: '2026-W51', reporterId: ANNA, at: AT });
  await s.weekly.setAbsence({ id: `away:2026-W51:${BO}`, municipalityId: M1, week: '2026-W51', reporterId: BO, at: AT });

  await s.registry.saveChange({ id: registryChangeId(ANNA), municipalityId: M1, reporterId: ANNA, changedBy: KIM, changedAt: AT,
    reporter: { id: ANNA, name: 'Anna Ek', organisation: 'Fritidsgården', towns: ['rimbo'] } });
  // Anna (also a coordinator at the time) registered Bo.
  await s.registry.saveChange({ id: registryChangeId(BO), municipalityId: M1, reporterId: BO, changedBy: ANNA, changedAt: AT,
    reporter: { id: BO, name: 'Bo Berg', organisation: 'Bostadsbolaget', towns: ['rimbo'] } });
  await s.registry.setLanguage(M1, ANNA, 'en');
  await s.registry.setLanguage(M1, BO, 'sv');
  await s.registry.setLanguage(M2, ANNA, 'en');
  await s.conversations.save(conversation(M1, `user:${ANNA}`, ANNA));
  await s.conversations.save(conversation(M1, `user:${BO}`, BO));
  await s.conversations.save(conversation(M1, 'team:19:team@thread', ANNA)); // she wrote last in the team
  await s.conversations.save(conversation(M1, 'conversation:19:group@thread', BO));
  await s.conversations.save(conversation(M2, `user:${ANNA}`, ANNA));

  for (const key of [`prompts:2026-W49:rimbo:${ANNA}`, `reminders:2026-W49:rimbo:${ANNA}`, `prompts:2026-W49:rimbo:${BO}`, `prompts:2026-W49:rimbo:${ANNA_TEN}`]) {
    await s.operations.recordSend({ id: `send:${key}`, municipalityId: M1, key, status: 'delivered', at: AT });
  }
  await s.operations.recordSend({ id: 'send:x', municipalityId: M2, key: `prompts:2026-W49:rimbo:${ANNA}`, status: 'delivered', at: AT });

  await s.meeting.saveDecision(decision(M1, 'rimbo', ANNA), undefined);
  await s.meeting.saveDecision(decision(M1, 'norrtalje', BO), undefined);
  await s.meeting.saveDecision(decision(M2, 'rimbo', ANNA), undefined);
  await s.meeting.saveHotspot(hotspot('hs-1', ANNA, BO), undefined);
  await s.meeting.saveHotspot(hotspot('hs-2', BO), undefined);
  await s.meeting.saveAction(action('a-1', ANNA, BO), undefined);
  await s.meeting.saveAction(action('a-2', BO, BO, [{ at: AT, by: KIM, kind: 'reassigned', fromOwner: ANNA, toOwner: BO }]), undefined);
  await s.meeting.saveAction(action('a-3', BO, KIM), undefined);
  await s.meeting.saveWeekState({ municipalityId: M1, week: '2026-W49', finalizedAt: AT, finalizedBy: ANNA }, undefined);
  await s.meeting.saveWeekState({ municipalityId: M1, week: '2026-W50', finalizedAt: AT, finalizedBy: BO }, undefined);

  const at = new Date(AT);
  await s.audit.append(auditEntry({ municipalityId: M1, at, actorId: KIM, kind: 'registration', subject: ANNA, change: { op: 'add', towns: 'rimbo' } }, '00000001'));
  await s.audit.append(auditEntry({ municipalityId: M1, at, actorId: ANNA, kind: 'registration', subject: BO, change: { op: 'add', towns: 'rimbo' } }, '00000002'));
  await s.audit.append(auditEntry({ municipalityId: M1, at, actorId: KIM, kind: 'action', subject: 'a-2', change: { fromOwner: ANNA, toOwner: BO } }, '00000003'));
  await s.audit.append(auditEntry({ municipalityId: M1, at, actorId: KIM, kind: 'grade', subject: '2026-W49:rimbo', change: { grade: 3 } }, '00000004'));
  await s.audit.append(auditEntry({ municipalityId: M1, at, actorId: KIM, kind: 'registration', subject: ANNA_TEN, change: { op: 'add' } }, '00000005'));
  await s.audit.append(auditEntry({ municipalityId: M2, at, actorId: ANNA, kind: 'grade', subject: '2026-W49:rimbo', change: { grade: 2 } }, '00000006'));
}

export type Snapshot = Record<ContainerName, Record<string, unknown>[]>;

/** Every document in every container, without Cosmos' own fields, in a stable order. */
export async function snapshot(s: Stores): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
    const { resources } = await s.cosmos.container(name).items.readAll<{ id: string }>().fetchAll();
    out[name] = resources.map((d) => withoutSystemFields(d) as unknown as Record<string, unknown>)
      .sort((a, b) => JSON.stringify([a.municipalityId, a.id]).localeCompare(JSON.stringify([b.municipalityId, b.id])));
  }
  return out;
}
