import { TeamsAdapter } from './teams-sdk';
import type { AppConfig } from '../config/env';
import type { Logger } from '../observability/logger';

/**
 * The Bot Framework adapter. Without a bot id it runs anonymously (local use: the Agents
 * Playground and tests); with one it requires valid Bot Framework tokens on every request.
 */
export function createAdapter(bot: AppConfig['bot'], log: Logger): TeamsAdapter {
  const adapter = bot.appId
    ? new TeamsAdapter({
      MicrosoftAppId: bot.appId,
      MicrosoftAppPassword: bot.password,
      MicrosoftAppType: bot.type,
      MicrosoftAppTenantId: bot.tenantId,
    })
    : new TeamsAdapter({});
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error.message, activityType: context.activity.type }, 'unhandled turn error');
  };
  return adapter;
}
