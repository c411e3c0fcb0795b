import type { Application, TurnState } from '../teams-sdk';
import { isCoordinator } from '../../domain/municipality';
import type { BotDeps } from '../bot-deps';
import { turnScope } from '../turn-scope';
import { helpText } from './status-text';

/** Greets a person when the app is installed for them; the reference is captured before any turn. */
export function registerInstall(app: Application<TurnState>, deps: BotDeps): void {
  app.activity('installationUpdate', async (context) => {
    const scope = await turnScope(deps, context);
    if (!scope || context.activity.action === 'remove' || context.activity.conversation?.conversationType !== 'personal') return;
    await context.sendActivity(helpText(scope.t, isCoordinator(scope.m, scope.userId)));
  });
  app.conversationUpdate('membersAdded', async () => {
    // Nothing to say in channels on install; the reference was stored by the turn hook.
  });
}
