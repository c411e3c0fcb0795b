import type { Application, TurnState } from '@microsoft/teams-ai';
import { fallbackMessages } from './turn-scope';

/**
 * Any card action no handler claims (an old card, a forged verb) gets a clear message; Teams
 * always gets an invoke response. Registered last, so real verbs match first.
 */
export function registerUnknownAction(app: Application<TurnState>): void {
  app.adaptiveCards.actionExecute(/.*/, async (context) => fallbackMessages(context).errors.malformed);
}
