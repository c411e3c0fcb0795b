import type { TurnContext } from 'botbuilder';
import { StoreUnavailableError } from '../domain/errors';
import { languageOf, type Language, type Municipality } from '../domain/municipality';
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
  const configured = deps.directory.configuredByTenant(caller.tenantId);
  if (!configured || !caller.userId) return undefined;
  try {
    const m = await deps.directory.current(configured.id);
    const language = await deps.directory.languageOf(m, caller.userId);
    return { m, userId: caller.userId, language, t: messages(language) };
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    // The store is down: answer from the configuration alone, so the user hears why and keeps their input.
    const language = languageOf(configured, caller.userId);
    return { m: configured, userId: caller.userId, language, t: messages(language) };
  }
}

/** Language for a turn we could not place in a municipality: Swedish unless the client says English. */
export function fallbackMessages(context: TurnContext): Messages {
  const locale: unknown = context.activity.locale;
  return messages(typeof locale === 'string' && locale.toLowerCase().startsWith('en') ? 'en' : 'sv');
}
