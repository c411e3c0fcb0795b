import type { Application, TurnState } from '../teams-sdk';
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { questionnaireCard, valuesFromAnswer, valuesFromSubmit, type QuestionnaireValues } from '../../cards/questionnaire-card';
import { receiptCard } from '../../cards/receipt-card';
import type { AdaptiveCardJson } from '../../cards/render';
import { StoreUnavailableError } from '../../domain/errors';
import type { IsoWeek } from '../../domain/iso-week';
import { weekKey, weekLabel } from '../../domain/iso-week';
import type { Town } from '../../domain/municipality';
import { setAway, submitAnswer } from '../../domain/questionnaire';
import type { ReportKind } from '../../domain/report';
import { cardWeekState, roundTimes } from '../../domain/round';
import { describeAnswerError } from '../../i18n/answer-errors';
import type { BotDeps } from '../bot-deps';
import { readQuestionnaireRef, type QuestionnaireRef } from '../card-data';
import { fallbackMessages, turnScope, type TurnScope } from '../turn-scope';

export const QUESTIONNAIRE_VERBS = ['submitReport', 'nothingToReport', 'reportAway', 'editReport'] as const;
type Verb = (typeof QUESTIONNAIRE_VERBS)[number];

/** The answer to a card action: a card that replaces the clicked one, or a short message. */
export type CardReply = AdaptiveCardJson | string;

function showQuestionnaire(scope: TurnScope, town: Town, week: IsoWeek, now: Date, values?: QuestionnaireValues, errors?: string[]): AdaptiveCardJson {
  const state = cardWeekState(scope.m, week, now);
  return questionnaireCard({
    municipality: scope.m, town, week, language: scope.language,
    deadline: roundTimes(scope.m, week).deadline, late: state === 'late', values, errors,
  });
}

async function submit(deps: BotDeps, scope: TurnScope, ref: QuestionnaireRef, kind: ReportKind): Promise<CardReply> {
  const now = deps.clock();
  const { t } = scope;
  try {
    const outcome = await submitAnswer(deps.weekly, scope.m, { reporterId: scope.userId, week: ref.week, townId: ref.townId, kind, raw: ref.form }, now);
    switch (outcome.kind) {
      case 'notReporterForTown': return t.errors.notReporterForTown;
      case 'futureWeek': return t.errors.futureWeek;
      case 'closedWeek':
        return showQuestionnaire(scope, outcome.town, outcome.currentWeek, now, undefined, [t.errors.closedWeek(weekLabel(ref.week))]);
      case 'invalid':
        return showQuestionnaire(scope, outcome.town, ref.week, now, valuesFromSubmit(ref.form), outcome.errors.map((e) => describeAnswerError(t, e)));
      case 'saved': {
        const deadline = roundTimes(scope.m, ref.week).deadline;
        deps.log.info({ municipalityId: scope.m.id, week: outcome.report.week, townId: outcome.report.townId, revision: outcome.report.revision, late: outcome.report.late }, 'answer saved');
        return receiptCard({ municipality: scope.m, town: outcome.town, report: outcome.report, language: scope.language, deadline, editable: now < deadline });
      }
    }
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    deps.log.warn({ municipalityId: scope.m.id, err: err.message }, 'answer not saved: store unavailable');
    const town = scope.m.towns.find((x) => x.id === ref.townId);
    if (!town) return t.errors.storeDown;
    return showQuestionnaire(scope, town, ref.week, now, valuesFromSubmit(ref.form), [t.errors.storeDown]);
  }
}

async function edit(deps: BotDeps, scope: TurnScope, ref: QuestionnaireRef): Promise<CardReply> {
  const now = deps.clock();
  const town = scope.m.towns.find((x) => x.id === ref.townId);
  const reporter = scope.m.reporters.find((r) => r.id === scope.userId);
  if (!town || !reporter?.towns.includes(town.id)) return scope.t.errors.notReporterForTown;
  const state = cardWeekState(scope.m, ref.week, now);
  if (state === 'closed') return showQuestionnaire(scope, town, ref.week, now, undefined, [scope.t.errors.closedWeek(weekLabel(ref.week))]);
  try {
    const existing = await deps.weekly.getReport(scope.m.id, weekKey(ref.week), town.id, scope.userId);
    const deadline = roundTimes(scope.m, ref.week).deadline;
    if (existing && now >= deadline) {
      return receiptCard({ municipality: scope.m, town, report: existing, language: scope.language, deadline, editable: false });
    }
    return showQuestionnaire(scope, town, ref.week, now, existing ? valuesFromAnswer(existing.answer) : undefined);
  } catch (err) {
    if (err instanceof StoreUnavailableError) return scope.t.errors.storeDown;
    throw err;
  }
}

async function away(deps: BotDeps, scope: TurnScope): Promise<CardReply> {
  if (!scope.m.reporters.some((r) => r.id === scope.userId)) return scope.t.errors.notReporterForTown;
  try {
    const week = await setAway(deps.weekly, scope.m, scope.userId, deps.clock(), true);
    return scope.t.away.set(weekLabel(week));
  } catch (err) {
    if (err instanceof StoreUnavailableError) return scope.t.errors.storeDown;
    throw err;
  }
}

/** Handles one questionnaire action, whichever way it came (Action.Execute or Action.Submit). */
export async function handleQuestionnaireAction(deps: BotDeps, context: TurnContext, verb: Verb, data: unknown): Promise<CardReply> {
  const scope = await turnScope(deps, context);
  if (!scope) return fallbackMessages(context).errors.unknownMunicipality;
  const ref = readQuestionnaireRef(data);
  if (!ref) return scope.t.errors.malformed;
  switch (verb) {
    case 'submitReport': return submit(deps, scope, ref, 'observations');
    case 'nothingToReport': return submit(deps, scope, ref, 'nothing');
    case 'editReport': return edit(deps, scope, ref);
    case 'reportAway': return away(deps, scope);
  }
}

/**
 * Routes questionnaire verbs with the framework's own card routing. Action.Execute gets the new
 * card in its invoke response; the Action.Submit fallback gets it as a new message.
 */
export function registerQuestionnaire(app: Application<TurnState>, deps: BotDeps): void {
  for (const verb of QUESTIONNAIRE_VERBS) {
    app.adaptiveCards.actionExecute(verb, (context, _state, data) => handleQuestionnaireAction(deps, context, verb, data));
    app.adaptiveCards.actionSubmit(verb, async (context, _state, data) => {
      const reply = await handleQuestionnaireAction(deps, context, verb, data);
      await context.sendActivity(typeof reply === 'string' ? MessageFactory.text(reply) : MessageFactory.attachment(CardFactory.adaptiveCard(reply)));
    });
  }
}
