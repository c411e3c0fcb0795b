import { actionCard, type ActionCardContext, type ActionCardView } from '../cards/action-card';
import { actionTexts } from '../cards/action-texts';
import type { IsoWeek } from '../domain/iso-week';
import { weekKey } from '../domain/iso-week';
import { actionSettings, people, type Language, type Municipality } from '../domain/municipality';
import type { Action } from '../domain/picture/meeting';
import { isFinalized } from '../domain/picture/week-state';
import type { DeliveryStatus, MeetingStore, OutgoingMessage } from '../domain/ports';
import { formatLocalDate } from '../domain/zoned-time';
import { messages, type Messages } from '../i18n';
import { deliverOnce, type OnceOutcome } from './deliver-once';
import { emptyResult, type JobDeps, type JobResult } from './job-deps';
import { reportUncertain } from './report-uncertain';
import { tellCoordinators } from './tell-coordinators';

/** What an action card needs besides the action: today's date and the hotspots' places. */
export async function actionCardContext(
  meeting: MeetingStore, m: Municipality, language: Language, now: Date, view: ActionCardView, townId?: string,
): Promise<ActionCardContext> {
  const hotspots = await meeting.listHotspots(m.id);
  return {
    municipality: m, language, today: formatLocalDate(now, m.timeZone), view,
    hotspotPlaces: new Map(hotspots.map((h) => [h.id, h.place])), ...(townId ? { townId } : {}),
  };
}

function nameOf(m: Municipality, id: string): string {
  return people(m).find((p) => p.id === id)?.name ?? id;
}

/** tellCoordinators hands over the i18n catalogue; the action texts are chosen by the same language. */
function languageOfCatalogue(t: Messages): Language {
  return t === messages('en') ? 'en' : 'sv';
}

/**
 * Sends one message to an action's owner, at most once per ledger key. An owner who blocked or
 * removed the bot (403) is marked unreachable by the notifier, and the coordinators hear of it
 * once per owner, however many messages could not reach them.
 */
export async function sendToOwner(
  deps: JobDeps, m: Municipality, ownerId: string, key: string, message: (language: Language) => Promise<OutgoingMessage> | OutgoingMessage,
): Promise<OnceOutcome> {
  const language = await deps.directory.languageOf(m, ownerId);
  let status: DeliveryStatus | undefined;
  const outcome = await deliverOnce(deps, m.id, key, async (options) => {
    status = await deps.notifier.sendToUser(m.id, ownerId, await message(language), options);
    return status;
  });
  if (status === 'unreachable') {
    const name = nameOf(m, ownerId);
    await tellCoordinators(deps, m, `action-owner-unreachable:${ownerId}`, (t) => actionTexts(languageOfCatalogue(t)).notify.unreachable(name));
  }
  if (outcome === 'uncertain') await reportUncertain(deps, m, key, 'actions', [nameOf(m, ownerId)]);
  return outcome;
}

/** The history index of the action's current assignment: each assignment is told once. */
function assignmentIndex(a: Action): number {
  for (let i = a.history.length - 1; i >= 0; i--) {
    const kind = a.history[i]?.kind;
    if (kind === 'created' || kind === 'reassigned') return i;
  }
  return 0;
}

/** The owner's card for an action they were just given (at the meeting, or moved to them). */
export function notifyAssignedOwner(deps: JobDeps, m: Municipality, a: Action): Promise<OnceOutcome> {
  const index = assignmentIndex(a);
  const event = a.history[index];
  const moved = event?.kind === 'reassigned';
  const byId = event?.by ?? a.createdBy;
  return sendToOwner(deps, m, a.ownerId, `action-owner:${a.id}:${index}`, async (language) => {
    const t = actionTexts(language);
    const ctx = await actionCardContext(deps.meeting, m, language, deps.clock(), 'card');
    const town = m.towns.find((x) => x.id === a.townId)?.name ?? a.townId;
    return {
      text: moved ? t.notify.reassigned(nameOf(m, byId)) : t.notify.assigned(town),
      card: actionCard({ ...ctx, action: a, canChange: true, heading: moved ? t.heading.reassigned : t.heading.assigned }),
    };
  });
}

/** Tells the previous owner that the action was moved from them. */
export function tellPreviousOwner(deps: JobDeps, m: Municipality, before: Action, after: Action, byId: string): Promise<OnceOutcome> {
  return sendToOwner(deps, m, before.ownerId, `action-moved:${after.id}:${assignmentIndex(after)}`,
    (language) => ({ text: actionTexts(language).notify.movedAway(after.what, nameOf(m, after.ownerId), nameOf(m, byId)) }));
}

export function tellOwnerCancelled(deps: JobDeps, m: Municipality, a: Action, byId: string): Promise<OnceOutcome> {
  return sendToOwner(deps, m, a.ownerId, `action-cancelled:${a.id}`, (language) => ({ text: actionTexts(language).notify.cancelled(a.what, nameOf(m, byId)) }));
}

/**
 * A new action from the meeting: its owner gets the card at once, in the background so the
 * meeting's click is answered first. With 'afterFinalize' the card waits for the week's
 * finalizing, unless the week already is final.
 */
export function announceNewAction(deps: JobDeps, m: Municipality, a: Action): void {
  const run = async () => {
    if (actionSettings(m).notifyOwners === 'afterFinalize') {
      if (!isFinalized((await deps.meeting.getWeekState(m.id, a.createdWeek))?.value)) return;
    }
    await notifyAssignedOwner(deps, m, a);
  };
  void run().catch((err: Error) => deps.log.error({ municipalityId: m.id, actionId: a.id, err: err.message }, 'action owner not notified'));
}

/** On finalizing, with 'afterFinalize': the owners of the week's new actions get their cards. */
export async function announceWeekActions(deps: JobDeps, m: Municipality, week: IsoWeek): Promise<JobResult> {
  const result = emptyResult();
  if (actionSettings(m).notifyOwners !== 'afterFinalize') return result;
  const key = weekKey(week);
  const actions = (await deps.meeting.listActions(m.id)).filter((a) => a.createdWeek === key && a.status !== 'cancelled');
  for (const a of actions) {
    const outcome = await notifyAssignedOwner(deps, m, a);
    result[outcome]++;
  }
  return result;
}
