import type { Application, TurnState } from './teams-sdk';
import { ActivityTypes } from 'botbuilder';
import { fallbackMessages } from './turn-scope';

/**
 * Any card action no handler claims (an old card, a forged verb) gets a clear message; Teams
 * always gets an invoke response. Registered last, so real verbs match first.
 */
export function registerUnknownAction(app: Application<TurnState>): void {
  app.adaptiveCards.actionExecute(/.*/, async (context) => fallbackMessages(context).errors.malformed);
  // An adaptiveCard/action whose action is no Action.Execute with a string verb matches no
  // actionExecute route; without this the adapter would answer 501.
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action',
    async (context) => {
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: fallbackMessages(context).errors.malformed } },
      });
    },
    true,
  );
}
