import { Application, type TurnState } from './teams-sdk';
import type { TeamsAdapter } from './teams-sdk';
import type { BotDeps } from './bot-deps';
import { captureConversation } from './capture-conversation';
import { registerActions } from './handlers/actions';
import { registerCommands } from './handlers/commands';
import { registerInstall } from './handlers/install';
import { registerMeeting } from './handlers/meeting';
import { registerQuestionnaire } from './handlers/questionnaire';
import { enterCorrelation, turnCorrelation } from '../observability/correlation';
import { callerOf } from './identity';
import { registerUnknownAction } from './unknown-action';

/** The teams-ai application with every handler registered; storage of our own, not turn state. */
export function createApp(adapter: TeamsAdapter, botAppId: string, deps: BotDeps): Application<TurnState> {
  const app = new Application<TurnState>({ adapter, botAppId, removeRecipientMention: true });
  app.turn('beforeTurn', async (context) => {
    // First, before any await: the rest of the turn (and the jobs it starts) logs under this id.
    enterCorrelation(turnCorrelation(context.activity));
    const m = deps.directory.configuredByTenant(callerOf(context).tenantId);
    if (m) {
      await captureConversation(deps.conversations, m.id, context, deps.clock()).catch((err: Error) =>
        deps.log.warn({ municipalityId: m.id, err: err.message }, 'conversation reference not stored'));
    }
    return true;
  });
  registerInstall(app, deps);
  registerQuestionnaire(app, deps);
  registerMeeting(app, deps);
  registerActions(app, deps);
  registerUnknownAction(app);
  registerCommands(app, deps);
  app.error(async (context, error) => {
    deps.log.error({ err: error.message, activityType: context.activity.type }, 'handler error');
  });
  return app;
}
