import type { Application, TurnState } from '../teams-sdk';
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { actionTexts } from '../../cards/action-texts';
import { parseCommand, type Command } from '../../domain/commands';
import { StoreUnavailableError } from '../../domain/errors';
import { weekKey, weekLabel } from '../../domain/iso-week';
import { findTown, isCoordinator } from '../../domain/municipality';
import { setAway } from '../../domain/questionnaire';
import { currentWeek } from '../../domain/round';
import { messages } from '../../i18n';
import { sendPrompts } from '../../scheduler/prompts-job';
import { sendReminders } from '../../scheduler/reminders-job';
import { postPicture } from '../../scheduler/picture-job';
import { parseWeekArgument } from '../../domain/week-argument';
import type { BotDeps } from '../bot-deps';
import { fallbackMessages, turnScope, type TurnScope } from '../turn-scope';
import { answerActionCommand } from './actions';
import { handlePrivacyCommand } from './privacy';
import { runReporterAdmin } from './reporter-admin';
import { coordinatorStatus, helpText, reporterStatus } from './status-text';
import { townStatus } from './town-status';

const COORDINATOR_ONLY = new Set<Command['kind']>(['sendPrompts', 'sendReminders', 'listReporters', 'addReporter', 'removeReporter', 'moveReporter', 'reassignAction', 'cancelAction']);

/**
 * A coordinator's "run it now": the job runs after the reply, and its result comes back as a
 * message, so a long fan-out does not hold the Teams request open.
 */
function runJobInBackground(deps: BotDeps, scope: TurnScope, job: () => Promise<{ sent: number; skipped: number; failed: number }>, done: (r: { sent: number; skipped: number; failed: number }) => string): void {
  void job()
    .then((result) => deps.jobs.notifier.sendToUser(scope.m.id, scope.userId, { text: done(result) }))
    .catch((err: Error) => deps.log.error({ municipalityId: scope.m.id, err: err.message }, 'manual job failed'));
}

async function answer(deps: BotDeps, scope: TurnScope, cmd: Command): Promise<string | Partial<Activity>> {
  const { m, t, userId } = scope;
  const now = deps.clock();
  const coordinator = isCoordinator(m, userId);
  if (COORDINATOR_ONLY.has(cmd.kind) && !coordinator) return t.errors.notCoordinator;
  switch (cmd.kind) {
    case 'help':
      return helpText(t, coordinator);
    case 'unknown':
      return `${t.errors.unknownCommand(cmd.text)}\n\n${helpText(t, coordinator)}`;
    case 'usage':
      return cmd.command === 'action' ? actionTexts(scope.language).reply.usage : t.registry.usage;
    case 'status': {
      const week = currentWeek(m, now);
      if (cmd.town) {
        const town = findTown(m, cmd.town);
        if (!town) return t.errors.unknownTown(cmd.town);
        return townStatus(deps, scope, town, week);
      }
      const answers = await deps.weekly.listWeek(m.id, weekKey(week));
      return coordinator ? coordinatorStatus(t, m, week, answers) : reporterStatus(t, m, userId, week, answers);
    }
    case 'away':
    case 'back': {
      if (!m.reporters.some((r) => r.id === userId)) return t.status.noTowns;
      const week = await setAway(deps.weekly, m, userId, now, cmd.kind === 'away');
      return cmd.kind === 'away' ? t.away.set(weekLabel(week)) : t.away.cleared(weekLabel(week));
    }
    case 'language':
      await deps.registry.setLanguage(m.id, userId, cmd.language);
      return messages(cmd.language).language.set;
    case 'sendPrompts':
      runJobInBackground(deps, scope, () => sendPrompts(deps.jobs, m.id), (r) => t.jobs.promptsDone(r.sent, r.skipped, r.failed));
      return t.jobs.started;
    case 'sendReminders':
      runJobInBackground(deps, scope, () => sendReminders(deps.jobs, m.id, `manual-${now.toISOString().slice(0, 16)}`), (r) => t.jobs.remindersDone(r.sent));
      return t.jobs.started;
    case 'listReporters':
    case 'addReporter':
    case 'removeReporter':
    case 'moveReporter':
      return runReporterAdmin(deps.registry, deps.audit, m, t, userId, cmd, now);
    case 'picture': {
      if (!coordinator && !m.meetingMembers.some((p) => p.id === userId)) return t.errors.notCoordinator;
      const week = parseWeekArgument(cmd.week, currentWeek(m, now));
      if (!week) return t.errors.unknownWeek(cmd.week ?? '');
      runJobInBackground(deps, scope, () => postPicture(deps.jobs, m.id, week, `on-demand-${now.toISOString()}`), (r) => t.jobs.picturePosted(weekLabel(week), r.sent));
      return t.jobs.started;
    }
    case 'hotspots': {
      const open = (await deps.jobs.meeting.listHotspots(m.id)).filter((hs) => !hs.closedWeek);
      if (open.length === 0) return t.hotspots.none;
      return [`**${t.hotspots.title}**`, ...open.map((hs) => `- ${m.towns.find((x) => x.id === hs.townId)?.name ?? hs.townId}: ${hs.place} – ${hs.reason}`)].join('\n');
    }
    case 'myActions':
    case 'townActions':
    case 'reassignAction':
    case 'cancelAction':
    case 'actionHistory':
      return answerActionCommand(deps, scope, cmd);
  }
}

/**
 * The command in a message's text. teams-ai removes the bot's @mention when its entity says so; an
 * `<at>…</at>` still leading the text (its entity missing or malformed) is not part of the command.
 */
export function commandText(text: unknown): string {
  return (typeof text === 'string' ? text : '').replace(/^(\s*<at>[^<]{0,200}<\/at>)+/i, '').trim();
}

export async function handleMessage(deps: BotDeps, context: TurnContext): Promise<void> {
  const scope = await turnScope(deps, context);
  if (!scope) {
    await context.sendActivity(fallbackMessages(context).errors.unknownMunicipality);
    return;
  }
  const text = commandText(context.activity.text);
  try {
    const privacy = await handlePrivacyCommand(deps, scope, text);
    await context.sendActivity(privacy ?? await answer(deps, scope, parseCommand(text)));
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    await context.sendActivity(scope.t.errors.storeDown);
  }
}

export function registerCommands(app: Application<TurnState>, deps: BotDeps): void {
  app.activity(ActivityTypes.Message, (context) => handleMessage(deps, context));
}
