import { Application, type TurnState } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotDeps } from './bot-deps';
import { captureConversation } from './capture-conversation';
import { registerCommands } from './handlers/commands';
import { registerInstall } from './handlers/install';
import { registerMeeting } from './handlers/meeting';
import { registerQuestionnaire } from './handlers/questionnaire';
import { callerOf } from './identity';
import { registerUnknownAction } from './unknown-action';

/** The teams-ai application with every handler registered; storage of our own, not turn state. */
export function createApp(adapter: TeamsAdapter, botAppId: string, deps: BotDeps): Application<TurnState> {
  const app = new Application<TurnState>({ adapter, botAppId, removeRecipientMention: true });
  app.turn('beforeTurn', async (context) => {
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
  registerUnknownAction(app);
  registerCommands(app, deps);
  app.error(async (context, error) => {
    deps.log.error({ err: error.message, activityType: context.activity.type }, 'handler error');
  });
  return app;
}
