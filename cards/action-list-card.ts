import { MAX_TEXT_LENGTH } from '../domain/defaults';
import type { Action } from '../domain/picture/meeting';
import { actionItemView, type ActionCardContext } from './action-card';
import { actionTexts } from './action-texts';
import { cardBytes, DEFAULT_CARD_BUDGET } from './picture-split';
import { renderCard, type AdaptiveCardJson } from './render';
import template from './templates/action-list.json';

/** Enough for anyone's open actions in a normal week; the rest is counted. */
export const MAX_LISTED_ACTIONS = 10;
/** The latest steps; the full history is on the single card and in "åtgärd historik". */
const HISTORY_PER_ITEM = 3;

export interface ActionListInput extends ActionCardContext {
  title: string;
  intro?: string;
  actions: Action[];
  /** Whether the reader may change this action (the owner, or a coordinator). */
  canChange: (a: Action) => boolean;
  notice?: string;
  errors?: string[];
}

function render(input: ActionListInput, count: number): AdaptiveCardJson {
  const t = actionTexts(input.language);
  const hidden = input.actions.length - count;
  const items = input.actions.slice(0, count).map((a) => actionItemView(input, a, input.canChange(a), HISTORY_PER_ITEM));
  return renderCard(template, {
    title: input.title,
    intro: input.intro ?? '',
    notice: input.notice ?? '',
    errors: input.errors ?? [],
    items,
    more: hidden > 0 ? t.list.more(hidden) : '',
    // Said once under the list rather than at every comment field.
    privacy: items.some((x) => x.canChange) ? t.labels.privacy : '',
    maxLength: MAX_TEXT_LENGTH,
    labels: t.labels,
  });
}

/**
 * Several actions in one card: an owner's open actions, or a town's, each with status buttons
 * and history. Long texts can still make it too big, so actions are dropped from the end (and
 * counted) until it fits.
 */
export function actionListCard(input: ActionListInput): AdaptiveCardJson {
  for (let count = Math.min(input.actions.length, MAX_LISTED_ACTIONS); ; count--) {
    const card = render(input, count);
    if (count <= 1 || cardBytes(card) <= DEFAULT_CARD_BUDGET) return card;
  }
}
