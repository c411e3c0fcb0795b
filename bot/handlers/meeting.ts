import { createHash } from 'node:crypto';
import type { Application, TurnState } from '../teams-sdk';
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/render';
import { auditEntry } from '../../domain/audit';
import { StoreUnavailableError } from '../../domain/errors';
import { weekKey, weekLabel, type IsoWeek } from '../../domain/iso-week';
import { addActionTo, addHotspotTo, closeHotspotIn, decideTown, finalize } from '../../domain/meeting-service';
import { isCoordinator, people, type Municipality } from '../../domain/municipality';
import type { Change, MeetingResult } from '../../domain/picture/meeting';
import { describeMeetingError } from '../../i18n/meeting-errors';
import { announceNewAction } from '../../scheduler/notify-action-owner';
import { nextMeetingDate, townCard } from '../../scheduler/picture-job';
import { publishSummary } from '../../scheduler/summary-job';
import type { BotDeps } from '../bot-deps';
import { readMeetingRef, type MeetingRef } from '../meeting-card-data';
import { fallbackMessages, turnScope, type TurnScope } from '../turn-scope';

export const MEETING_VERBS = ['setGrade', 'addHotspot', 'closeHotspot', 'addAction', 'refreshPicture', 'finalizeWeek'] as const;
type MeetingVerb = (typeof MEETING_VERBS)[number];

export function isMeetingParticipant(m: Municipality, userId: string): boolean {
  return isCoordinator(m, userId) || m.meetingMembers.some((p) => p.id === userId);
}

/** Ids of new hotspots and actions come from the activity, so Teams retrying a request adds nothing twice. */
function idFor(kind: string, context: TurnContext, ref: MeetingRef): string {
  const seed = `${context.activity.id ?? ''}|${context.activity.from?.aadObjectId ?? ''}|${weekKey(ref.week)}|${ref.townId ?? ''}`;
  return `${kind}-${createHash('sha256').update(seed).digest('hex').slice(0, 16)}`;
}

/** Everyone in the channel sees the new card: the clicked message is replaced for all, not only the clicker. */
async function replaceForAll(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  const id = context.activity.replyToId;
  if (!id) return;
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.id = id;
  await context.updateActivity(activity);
}

async function refreshed(deps: BotDeps, context: TurnContext, scope: TurnScope, week: IsoWeek, townId: string): Promise<AdaptiveCardJson | string> {
  const card = await townCard(deps.jobs, scope.m, week, townId);
  if (!card) return scope.t.errors.unknownTown(townId);
  await replaceForAll(context, card).catch((err: Error) => deps.log.warn({ err: err.message }, 'card not replaced for everyone'));
  return card;
}

type AuditNote = Pick<Parameters<typeof auditEntry>[0], 'kind' | 'subject' | 'change'>;

/** Applies a change; a stored one also goes to the audit trail (ids and grades, no free text). */
async function apply<T>(deps: BotDeps, context: TurnContext, scope: TurnScope, ref: MeetingRef, townId: string,
  change: Promise<MeetingResult<T>>, note: (value: T) => AuditNote): Promise<AdaptiveCardJson | string> {
  const result = await change;
  if (!result.ok) return result.errors.map((e) => describeMeetingError(scope.language, e)).join(' ');
  await deps.audit.append(auditEntry({ municipalityId: scope.m.id, at: deps.clock(), actorId: scope.userId, ...note(result.value) }));
  return refreshed(deps, context, scope, ref.week, townId);
}

async function handle(deps: BotDeps, context: TurnContext, verb: MeetingVerb, data: unknown): Promise<AdaptiveCardJson | string> {
  const scope = await turnScope(deps, context);
  if (!scope) return fallbackMessages(context).errors.unknownMunicipality;
  const { m, t, userId } = scope;
  if (!isMeetingParticipant(m, userId)) return t.meeting.notParticipant;
  const ref = readMeetingRef(data);
  if (!ref) return t.errors.malformed;
  const change: Change = { by: userId, at: deps.clock(), week: ref.week };
  if (verb === 'finalizeWeek') {
    if (!isCoordinator(m, userId)) return t.errors.notCoordinator;
    const result = await finalize(deps.jobs.meeting, m, ref.week, change);
    if (!result.ok) return result.errors.map((e) => describeMeetingError(scope.language, e)).join(' ');
    await deps.audit.append(auditEntry({ municipalityId: m.id, at: deps.clock(), actorId: userId, kind: 'weekFinalized', subject: weekKey(ref.week) }));
    void publishSummary(deps.jobs, m.id, ref.week)
      .then((r) => deps.jobs.notifier.sendToUser(m.id, userId, { text: t.meeting.summarySent(weekLabel(ref.week), r.sent, r.failed) }))
      .catch((err: Error) => deps.log.error({ municipalityId: m.id, err: err.message }, 'summary not published'));
    return t.meeting.finalized(weekLabel(ref.week));
  }
  const townId = ref.townId;
  if (!townId || !m.towns.some((x) => x.id === townId)) return t.errors.malformed;
  const f = ref.form;
  switch (verb) {
    case 'refreshPicture':
      return refreshed(deps, context, scope, ref.week, townId);
    case 'setGrade':
      return apply(deps, context, scope, ref, townId, decideTown(deps.jobs.meeting, m, ref.week, townId, {
        finalGrade: f.finalGrade ?? '', situation: f.situation ?? '', baseGrade: f.baseGrade ?? '', baseSituation: f.baseSituation ?? '',
      }, change), (d) => ({ kind: 'grade', subject: `${d.week}:${d.townId}`, change: { finalGrade: d.finalGrade ?? null, situationLength: d.situation.length } }));
    case 'addHotspot':
      return apply(deps, context, scope, ref, townId, addHotspotTo(deps.jobs.meeting, m, townId, idFor('hotspot', context, ref), f.place ?? '', f.reason ?? '', change),
        (hs) => ({ kind: 'hotspot', subject: hs.id, change: { op: 'open', townId } }));
    case 'closeHotspot':
      return apply(deps, context, scope, ref, townId, closeHotspotIn(deps.jobs.meeting, m, townId, f.closeHotspotId ?? '', change),
        (hs) => ({ kind: 'hotspot', subject: hs.id, change: { op: 'close', townId } }));
    case 'addAction': {
      // The owner must be someone the municipality knows; the card's list is not trusted.
      if (!people(m).some((p) => p.id === f.ownerId)) return t.meeting.unknownOwner;
      const added = addActionTo(deps.jobs.meeting, m, townId, {
        id: idFor('action', context, ref), what: f.what ?? '', ownerId: f.ownerId!, hotspotId: f.hotspotId || undefined,
        due: f.due || undefined, nextMeetingDate: nextMeetingDate(m, ref.week),
      }, change).then((r) => { if (r.ok) announceNewAction(deps.jobs, m, r.value); return r; });
      return apply(deps, context, scope, ref, townId, added,
        (a) => ({ kind: 'action', subject: a.id, change: { op: 'create', townId, ownerId: a.ownerId, due: a.due } }));
    }
  }
}

/** The meeting's work on the town cards: grades, hotspots, actions, and finalizing the week. */
export function registerMeeting(app: Application<TurnState>, deps: BotDeps): void {
  for (const verb of MEETING_VERBS) {
    app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
      try {
        return await handle(deps, context, verb, data);
      } catch (err) {
        if (err instanceof StoreUnavailableError) return fallbackMessages(context).errors.storeDown;
        throw err;
      }
    });
  }
}
