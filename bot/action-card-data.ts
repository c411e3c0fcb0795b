import { commentInputId, OWNER_STATUSES, type ActionCardView } from '../cards/action-card';
import { MAX_TEXT_LENGTH } from '../domain/defaults';
import type { ActionStatus } from '../domain/picture/meeting';

/** What an action card's status button carries, checked at the edge. */
export interface ActionStatusRef {
  actionId: string;
  status: ActionStatus;
  view: ActionCardView;
  /** The town of a town list; undefined for all towns and the other views. */
  townId?: string;
  /** The optional comment, '' when none. */
  comment: string;
}

const ID = /^[A-Za-z0-9._:@-]{1,128}$/;
const VIEWS: readonly ActionCardView[] = ['card', 'mine', 'town'];

/**
 * Reads a status button's data, or undefined when it is not one we made. The comment comes from
 * the action's own input (the list card holds one per action); anything longer than the domain
 * allows is cut one past the limit, so the domain still refuses it with its own message.
 */
export function readActionStatusRef(data: unknown): ActionStatusRef | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const d = data as Record<string, unknown>;
  const { actionId, status, view, townId } = d;
  if (typeof actionId !== 'string' || !ID.test(actionId)) return undefined;
  if (typeof status !== 'string' || !(OWNER_STATUSES as readonly string[]).includes(status)) return undefined;
  const v = typeof view === 'string' && (VIEWS as readonly string[]).includes(view) ? view as ActionCardView : 'card';
  const town = typeof townId === 'string' && ID.test(townId) ? townId : undefined;
  const raw = d[commentInputId(actionId)] ?? d.comment;
  const comment = typeof raw === 'string' ? raw.slice(0, MAX_TEXT_LENGTH + 1) : '';
  return { actionId, status: status as ActionStatus, view: v, ...(town ? { townId: town } : {}), comment };
}
