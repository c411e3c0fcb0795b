import type { Municipality } from '../domain/municipality';
import type { Messages } from '../i18n';
import { messages } from '../i18n';
import type { JobDeps } from './job-deps';
import { deliverOnce } from './deliver-once';

/**
 * Tells every coordinator something, in their language, once per key: a job that runs twice
 * does not repeat the message.
 */
export async function tellCoordinators(deps: JobDeps, m: Municipality, onceKey: string, text: (t: Messages) => string): Promise<void> {
  await Promise.all(m.coordinators.map(async (c) => {
    const language = await deps.directory.languageOf(m, c.id);
    await deliverOnce(deps, m.id, `${onceKey}:${c.id}`, (options) => deps.notifier.sendToUser(m.id, c.id, { text: text(messages(language)) }, options));
  }));
}
