import type { TurnContext } from 'botbuilder';
import type { Language, Municipality } from '../domain/municipality';
import { messages, type Messages } from '../i18n';
import type { BotDeps } from './bot-deps';
import { callerOf } from './identity';

/** The municipality, the acting person and their language for one turn. */
export interface TurnScope {
  m: Municipality;
  userId: string;
  language: Language;
  t: Messages;
}

/**
 * Resolves the turn's municipality from the tenant and the person from their Entra id; a turn
 * from an unknown tenant or without a user id gets undefined (and nothing is stored).
 */
export async function turnScope(deps: BotDeps, context: TurnContext): Promise<TurnScope | undefined> {
  const caller = callerOf(context);
  const m = await deps.directory.byTenant(caller.tenantId);
  if (!m || !caller.userId) return undefined;
  const language = await deps.directory.languageOf(m, caller.userId);
  return { m, userId: caller.userId, language, t: messages(language) };
}

/** Language for a turn we could not place in a municipality: Swedish unless the client says English. */
export function fallbackMessages(context: TurnContext): Messages {
  return messages(context.activity.locale?.toLowerCase().startsWith('en') ? 'en' : 'sv');
}
