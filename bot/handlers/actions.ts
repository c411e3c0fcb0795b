import type { Application, TurnState } from '../teams-sdk';
import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { actionCard, historyLines } from '../../cards/action-card';
import { actionListCard } from '../../cards/action-list-card';
import { actionTexts } from '../../cards/action-texts';
import { pictureTexts } from '../../cards/picture-texts';
import type { AdaptiveCardJson } from '../../cards/render';
import {
  actionAudit, cancelActionIn, mayChangeAction, mayViewAction, openActions, reassignActionTo, setActionStatus,
  type ActionError, type ActionResult, type ActionUpdate,
} from '../../domain/action-service';
import { auditEntry } from '../../domain/audit';
import type { Command } from '../../domain/commands';
import { StoreUnavailableError } from '../../domain/errors';
import { findTown, people, type Language } from '../../domain/municipality';
import type { Change } from '../../domain/picture/meeting';
import { currentWeek } from '../../domain/round';
import { describeMeetingError } from '../../i18n/meeting-errors';
import { actionCardContext, notifyAssignedOwner, tellOwnerCancelled, tellPreviousOwner } from '../../scheduler/notify-action-owner';
import { readActionStatusRef, type ActionStatusRef } from '../action-card-data';
import type { BotDeps } from '../bot-deps';
import { fallbackMessages, turnScope, type TurnScope } from '../turn-scope';
import { isMeetingParticipant } from './meeting';

type CardReply = AdaptiveCardJson | string;
type ActionCommand = Extract<Command, { kind: 'myActions' | 'townActions' | 'reassignAction' | 'cancelAction' | 'actionHistory' }>;

function describeActionError(language: Language, e: ActionError): string {
  const t = actionTexts(language).reply;
  switch (e.code) {
    case 'notAllowed': return t.notAllowed;
    case 'actionNotFound': return t.notFound(e.actionId);
    case 'unknownOwner': return t.unknownOwner(e.ownerId);
    default: return describeMeetingError(language, e);
  }
}

/** Not theirs to change, or no such action: a message. A correctable mistake goes on the card instead, with what was typed. */
function isRefusal(errors: ActionError[]): boolean {
  return errors.some((e) => e.code === 'notAllowed' || e.code === 'actionNotFound');
}

function changeBy(deps: BotDeps, scope: TurnScope): Change {
  const now = deps.clock();
  return { by: scope.userId, at: now, week: currentWeek(scope.m, now) };
}

interface Shown { notice?: string; errors?: string[]; comment?: string }

/** An owner's open actions ('mine'), or a town's (all towns without `townId`), for the reader. */
async function listCard(deps: BotDeps, scope: TurnScope, view: 'mine' | 'town', townId: string | undefined, shown: Shown): Promise<AdaptiveCardJson> {
  const { m, language, userId } = scope;
  const t = actionTexts(language);
  const ctx = await actionCardContext(deps.jobs.meeting, m, language, deps.clock(), view, townId);
  const town = townId ? m.towns.find((x) => x.id === townId) : undefined;
  const actions = await openActions(deps.jobs.meeting, m, view === 'mine' ? { ownerId: userId } : town ? { townId: town.id } : {});
  const title = view === 'mine' ? t.list.mine(actions.length) : town ? t.list.town(town.name, actions.length) : t.list.all(actions.length);
  return actionListCard({ ...ctx, title, actions, canChange: (a) => mayChangeAction(m, a, userId), ...shown });
}

/** The card the click came from, drawn again from the store: one action, the reader's list, or a town's. */
async function viewAgain(deps: BotDeps, scope: TurnScope, ref: ActionStatusRef, shown: Shown): Promise<CardReply> {
  const { m, language, userId } = scope;
  if (ref.view !== 'card') {
    // A town list is for the meeting's people; anyone else gets their own list back.
    const view = ref.view === 'town' && isMeetingParticipant(m, userId) ? 'town' : 'mine';
    return listCard(deps, scope, view, ref.townId, shown);
  }
  const found = await deps.jobs.meeting.getAction(m.id, ref.actionId);
  if (!found) return actionTexts(language).reply.notFound(ref.actionId);
  const ctx = await actionCardContext(deps.jobs.meeting, m, language, deps.clock(), 'card');
  return actionCard({ ...ctx, action: found.value, canChange: mayChangeAction(m, found.value, userId), ...shown });
}

/** A status button on an owner's card: stored through the domain, audited, and the card comes back updated. */
export async function handleActionStatus(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardReply> {
  const scope = await turnScope(deps, context);
  if (!scope) return fallbackMessages(context).errors.unknownMunicipality;
  const ref = readActionStatusRef(data);
  if (!ref) return scope.t.errors.malformed;
  const change = changeBy(deps, scope);
  const result = await setActionStatus(deps.jobs.meeting, scope.m, ref.actionId, ref.status, ref.comment, change);
  if (!result.ok) {
    const texts = result.errors.map((e) => describeActionError(scope.language, e));
    return isRefusal(result.errors) ? texts.join(' ') : viewAgain(deps, scope, ref, { errors: texts, comment: ref.comment });
  }
  await deps.audit.append(auditEntry(actionAudit(scope.m, result.value, scope.userId, change.at)));
  const status = pictureTexts(scope.language).actions.statuses[result.value.after.status];
  return viewAgain(deps, scope, ref, { notice: actionTexts(scope.language).saved(status) });
}

function cardMessage(card: AdaptiveCardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** Tells the people concerned after the reply, so a slow send does not hold the chat. */
function inBackground(deps: BotDeps, scope: TurnScope, work: () => Promise<unknown>): void {
  void work().catch((err: Error) => deps.log.error({ municipalityId: scope.m.id, err: err.message }, 'action owners not told'));
}

async function afterCoordinatorChange(deps: BotDeps, scope: TurnScope, result: ActionResult, done: (u: ActionUpdate) => string, tell: (u: ActionUpdate) => Promise<unknown>): Promise<string> {
  if (!result.ok) return result.errors.map((e) => describeActionError(scope.language, e)).join(' ');
  await deps.audit.append(auditEntry(actionAudit(scope.m, result.value, scope.userId, deps.clock())));
  inBackground(deps, scope, () => tell(result.value));
  return done(result.value);
}

/** `mina åtgärder`, `åtgärder [ort]`, `åtgärd flytta|stryk|historik`: answered with a card or a text. */
export async function answerActionCommand(deps: BotDeps, scope: TurnScope, cmd: ActionCommand): Promise<string | Partial<Activity>> {
  const { m, language, userId } = scope;
  const t = actionTexts(language);
  const store = deps.jobs.meeting;
  const nameOf = (id: string) => people(m).find((p) => p.id === id)?.name ?? id;
  switch (cmd.kind) {
    case 'myActions': {
      if ((await openActions(store, m, { ownerId: userId })).length === 0) return t.reply.noneMine;
      return cardMessage(await listCard(deps, scope, 'mine', undefined, {}));
    }
    case 'townActions': {
      if (!isMeetingParticipant(m, userId)) return t.reply.townRefused;
      const town = cmd.town ? findTown(m, cmd.town) : undefined;
      if (cmd.town && !town) return scope.t.errors.unknownTown(cmd.town);
      if ((await openActions(store, m, town ? { townId: town.id } : {})).length === 0) return town ? t.reply.noneTown(town.name) : t.reply.noneAll;
      return cardMessage(await listCard(deps, scope, 'town', town?.id, {}));
    }
    case 'reassignAction':
      return afterCoordinatorChange(deps, scope, await reassignActionTo(store, m, cmd.actionId, cmd.ownerId, changeBy(deps, scope)),
        (u) => t.reply.reassigned(u.after.what, nameOf(u.after.ownerId)),
        (u) => Promise.all([notifyAssignedOwner(deps.jobs, m, u.after), tellPreviousOwner(deps.jobs, m, u.before, u.after, userId)]));
    case 'cancelAction':
      return afterCoordinatorChange(deps, scope, await cancelActionIn(store, m, cmd.actionId, changeBy(deps, scope)),
        (u) => t.reply.cancelled(u.after.what),
        (u) => tellOwnerCancelled(deps.jobs, m, u.after, userId));
    case 'actionHistory': {
      const found = await store.getAction(m.id, cmd.actionId);
      if (!found) return t.reply.notFound(cmd.actionId.slice(0, 60));
      if (!mayViewAction(m, found.value, userId)) return t.reply.historyRefused;
      const ctx = await actionCardContext(store, m, language, deps.clock(), 'card');
      return [`**${t.reply.historyTitle(found.value.what)}**`, ...historyLines(ctx, found.value).map((l) => `- ${l}`)].join('\n');
    }
  }
}

/** Status buttons on owners' cards, as Action.Execute (card updated in place) or the Action.Submit fallback (a new message). */
export function registerActions(app: Application<TurnState>, deps: BotDeps): void {
  const guarded = async (context: TurnContext, data: unknown): Promise<CardReply> => {
    try {
      return await handleActionStatus(deps, context, data);
    } catch (err) {
      if (err instanceof StoreUnavailableError) return fallbackMessages(context).errors.storeDown;
      throw err;
    }
  };
  app.adaptiveCards.actionExecute('actionStatus', (context, _state, data) => guarded(context, data));
  app.adaptiveCards.actionSubmit('actionStatus', async (context, _state, data) => {
    const reply = await guarded(context, data);
    await context.sendActivity(typeof reply === 'string' ? MessageFactory.text(reply) : cardMessage(reply));
  });
}
