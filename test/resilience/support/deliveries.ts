import type { Municipality } from '../../../domain/municipality';
import type { Stores } from '../../../store/open-store';
import type { TeamsChannel } from '../../support/teams-channel';

/** "conversation|town" for every questionnaire card the channel accepted, in order (repeats kept). */
export function questionnaireKeys(channel: TeamsChannel): string[] {
  const keys: string[] = [];
  for (const a of channel.activities) {
    for (const att of a.activity.attachments ?? []) {
      if (att.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
      const actions = (att.content.actions ?? []) as Array<{ verb?: string; data?: { townId?: string } }>;
      const submit = actions.find((x) => x.verb === 'submitReport');
      if (submit?.data?.townId) keys.push(`${a.conversationId}|${submit.data.townId}`);
    }
  }
  return keys;
}

/** Every (reporter's 1:1 conversation, town) that should get one card on Tuesday. */
export function expectedPromptKeys(m: Municipality): string[] {
  return m.reporters.flatMap((r) => r.towns.map((t) => `a:${r.id}|${t}`)).sort();
}

export interface DeliveryCount {
  /** Distinct cards received. */
  distinct: number;
  /** Cards received more than once, counted once per extra copy. */
  duplicates: number;
  missing: string[];
  repeated: string[];
}

export function countDeliveries(m: Municipality, channel: TeamsChannel): DeliveryCount {
  const counts = new Map<string, number>();
  for (const k of questionnaireKeys(channel)) counts.set(k, (counts.get(k) ?? 0) + 1);
  const expected = expectedPromptKeys(m);
  return {
    distinct: counts.size,
    duplicates: [...counts.values()].reduce((s, n) => s + n - 1, 0),
    missing: expected.filter((k) => !counts.has(k)),
    repeated: [...counts].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`),
  };
}

/** A stored 1:1 conversation reference for each person, as the install turn would have saved. */
async function seedPersonalConversations(stores: Stores, m: Municipality, serviceUrl: string, persons: ReadonlyArray<{ id: string; name: string }>): Promise<void> {
  for (const p of persons) {
    const conversationId = `a:${p.id}`;
    await stores.conversations.save({
      municipalityId: m.id, key: `user:${p.id}`, conversationId, serviceUrl, tenantId: m.tenantId,
      reference: {
        channelId: 'msteams', serviceUrl, locale: 'sv-SE',
        user: { id: `29:${p.id}`, aadObjectId: p.id, name: p.name },
        bot: { id: '28:bot', name: 'Lägesbild' },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: m.tenantId },
      },
      updatedAt: new Date().toISOString(),
    });
  }
}

export function seedReporterConversations(stores: Stores, m: Municipality, serviceUrl: string): Promise<void> {
  return seedPersonalConversations(stores, m, serviceUrl, m.reporters);
}

/** Coordinators have the app too, so notes from the jobs reach them. */
export function seedCoordinatorConversations(stores: Stores, m: Municipality, serviceUrl: string): Promise<void> {
  return seedPersonalConversations(stores, m, serviceUrl, m.coordinators);
}

export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 20): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
