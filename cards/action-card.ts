import { MAX_TEXT_LENGTH } from '../domain/defaults';
import { parseWeekKey, weekLabel } from '../domain/iso-week';
import { people, type Language, type Municipality } from '../domain/municipality';
import type { Action, ActionEvent, ActionStatus } from '../domain/picture/meeting';
import { formatLocalDate, formatLocalTime } from '../domain/zoned-time';
import { actionTexts } from './action-texts';
import { shortLabel } from './picture-format';
import { pictureTexts } from './picture-texts';
import { renderCard, type AdaptiveCardJson } from './render';
import template from './templates/action.json';

/** Which card a status button came from, so the answer is the same card, updated. */
export type ActionCardView = 'card' | 'mine' | 'town';

/** The statuses an owner sets; 'open' is where an action starts, 'cancelled' is a coordinator's command. */
export const OWNER_STATUSES = ['accepted', 'inProgress', 'done', 'blocked'] as const satisfies readonly ActionStatus[];

/** Everything a status button sends back; Action.Submit-compatible, since the verb rides in the data. */
export interface StatusButton {
  title: string;
  style: 'positive' | 'default';
  verb: 'actionStatus';
  actionId: string;
  status: ActionStatus;
  view: ActionCardView;
  /** The town of a town list ('' for all towns or other views). */
  townId: string;
}

export interface ActionCardContext {
  municipality: Municipality;
  language: Language;
  /** "YYYY-MM-DD" in the municipality's zone, so "overdue" turns at local midnight. */
  today: string;
  /** Hotspot places by id, for actions that address one. */
  hotspotPlaces?: ReadonlyMap<string, string>;
  view: ActionCardView;
  townId?: string;
}

/** One action as both cards show it. */
export interface ActionItemView {
  actionId: string;
  what: string;
  dueText: string;
  dueColor: 'Attention' | 'Default';
  facts: Array<{ title: string; value: string }>;
  history: string[];
  canChange: boolean;
  commentId: string;
  buttons: StatusButton[];
  idText: string;
}

export function commentInputId(actionId: string): string {
  return `comment-${actionId}`;
}

function nameOf(m: Municipality, id: string): string {
  const p = people(m).find((x) => x.id === id);
  return p ? `${p.name}${p.organisation !== p.name ? ` (${p.organisation})` : ''}` : id;
}

function describeEvent(ctx: ActionCardContext, e: ActionEvent): string {
  const t = actionTexts(ctx.language).event;
  const statuses = pictureTexts(ctx.language).actions.statuses;
  const m = ctx.municipality;
  switch (e.kind) {
    case 'created': return t.created(nameOf(m, e.toOwner ?? ''));
    case 'status': return t.status(e.status ? statuses[e.status] : '');
    case 'comment': return t.comment;
    case 'reassigned': return t.reassigned(nameOf(m, e.fromOwner ?? ''), nameOf(m, e.toOwner ?? ''));
    case 'cancelled': return t.cancelled;
  }
}

/** Keeps a card's history a readable size; the full comments stay in the store and the latest is a fact of its own. */
const HISTORY_COMMENT_MAX = 150;

/** Newest first: "2026-12-02 15:10 Anna Berg (Polisen): status Pågår – "Beställt"". */
export function historyLines(ctx: ActionCardContext, a: Action, max = 20): string[] {
  const tz = ctx.municipality.timeZone;
  return [...a.history].reverse().slice(0, max).map((e) => {
    const at = new Date(e.at);
    const comment = e.comment ? ` – "${shortLabel(e.comment, HISTORY_COMMENT_MAX)}"` : '';
    return `${formatLocalDate(at, tz)} ${formatLocalTime(at, tz)} ${nameOf(ctx.municipality, e.by)}: ${describeEvent(ctx, e)}${comment}`;
  });
}

export function actionItemView(ctx: ActionCardContext, a: Action, canChange: boolean, historyMax?: number): ActionItemView {
  const t = actionTexts(ctx.language);
  const statuses = pictureTexts(ctx.language).actions.statuses;
  const m = ctx.municipality;
  const overdue = a.status !== 'done' && a.status !== 'cancelled' && a.due < ctx.today;
  const created = parseWeekKey(a.createdWeek);
  const hotspot = a.hotspotId === undefined ? undefined : ctx.hotspotPlaces?.get(a.hotspotId);
  const changeable = canChange && a.status !== 'cancelled';
  return {
    actionId: a.id,
    what: a.what,
    dueText: t.due(a.due, overdue),
    dueColor: overdue ? 'Attention' : 'Default',
    facts: [
      { title: t.labels.town, value: m.towns.find((x) => x.id === a.townId)?.name ?? a.townId },
      ...(hotspot ? [{ title: t.labels.hotspot, value: hotspot }] : []),
      { title: t.labels.owner, value: nameOf(m, a.ownerId) },
      { title: t.labels.decidedBy, value: t.decided(nameOf(m, a.createdBy), created ? weekLabel(created) : a.createdWeek) },
      { title: t.labels.status, value: statuses[a.status] },
      ...(a.lastComment ? [{ title: t.labels.lastComment, value: a.lastComment }] : []),
    ],
    history: historyLines(ctx, a, historyMax),
    canChange: changeable,
    commentId: commentInputId(a.id),
    buttons: changeable ? OWNER_STATUSES.map((status) => ({
      title: `${status === a.status ? '✓ ' : ''}${t.buttons[status]}`,
      style: status === 'done' ? 'positive' as const : 'default' as const,
      verb: 'actionStatus' as const, actionId: a.id, status, view: ctx.view, townId: ctx.townId ?? '',
    })) : [],
    idText: t.idText(a.id),
  };
}

export interface ActionCardInput extends ActionCardContext {
  action: Action;
  canChange: boolean;
  heading?: string;
  /** A short confirmation on top, e.g. after a saved change. */
  notice?: string;
  errors?: string[];
  /** What the owner had typed, kept when the change was refused. */
  comment?: string;
}

/** One action for its owner: the facts, the status buttons with a comment, and its history on request. */
export function actionCard(input: ActionCardInput): AdaptiveCardJson {
  const t = actionTexts(input.language);
  const item = actionItemView(input, input.action, input.canChange);
  const note = input.action.status === 'cancelled' ? t.cancelledNote : input.canChange ? '' : t.readOnlyNote;
  return renderCard(template, {
    ...item,
    heading: input.heading ?? t.heading.view,
    notice: input.notice ?? '',
    errors: input.errors ?? [],
    note,
    comment: input.comment ?? '',
    maxLength: MAX_TEXT_LENGTH,
    labels: t.labels,
  });
}
