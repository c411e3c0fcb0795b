/** A running bot with this week's picture in the meeting channel, and the steps the action tests repeat. */
import assert from 'node:assert/strict';
import type { Municipality } from '../../../domain/municipality';
import type { Action } from '../../../domain/picture/meeting';
import { sweep } from '../../../scheduler/weekly-scheduler';
import { channelExecute, execute, installation, message, type User } from '../../support/activities';
import { BotHarness, cardText } from '../../support/bot-harness';
import { norrtalje } from '../../cards/support/sample';

export type Card = Record<string, unknown>;

/** Finds an Action.Execute anywhere in a card (controls sit inside Action.ShowCard), optionally by a data field. */
export function findAction(card: unknown, verb: string, where: Record<string, string> = {}): { data: Record<string, unknown>; title?: string } | undefined {
  if (Array.isArray(card)) {
    for (const x of card) { const f = findAction(x, verb, where); if (f) return f; }
    return undefined;
  }
  if (card && typeof card === 'object') {
    const o = card as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) {
      const data = o.data as Record<string, unknown>;
      if (Object.entries(where).every(([k, v]) => data[k] === v)) return o as unknown as { data: Record<string, unknown> };
    }
    for (const v of Object.values(o)) { const f = findAction(v, verb, where); if (f) return f; }
  }
  return undefined;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const found = await probe();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  return assert.fail(`timed out waiting for ${what}`);
}

export const user = (id: string): User => ({ aadObjectId: id });

/** Where the bot's 1:1 messages to someone land: their own chat, or the one it created for them. */
export function personalCards(h: BotHarness, id: string): Card[] {
  return [...h.channel.cardsIn(`a:${id}`), ...h.channel.cardsIn(`a:created-${id}`)];
}

export function personalTexts(h: BotHarness, id: string): string[] {
  return [...h.channel.textsIn(`a:${id}`), ...h.channel.textsIn(`a:created-${id}`)];
}

export class MeetingFixture {
  private constructor(readonly h: BotHarness) {}

  get m(): Municipality { return this.h.m; }
  get coordinator(): User { return user(this.m.coordinators[0]!.id); }
  get channelId(): string { return this.m.meetingChannel!.conversationId; }

  /**
   * Wednesday of week 49, 14:30: the picture is in the channel. Only the first coordinator has
   * talked to the bot, so everyone else gets a conversation created when the bot writes to them.
   */
  static async start(municipality: Municipality = norrtalje()): Promise<MeetingFixture> {
    const h = await BotHarness.start({ now: '2026-12-02T13:30:00Z', municipality });
    await h.post(installation(h.ctx, { aadObjectId: h.m.coordinators[0]!.id }));
    await sweep(h.bot.deps.jobs);
    return new MeetingFixture(h);
  }

  stop(): Promise<void> { return this.h.stop(); }

  townCard(townId = 'rimbo', week = '2026-W49'): Card {
    const card = this.h.channel.cardsIn(this.channelId).filter((c) => findAction(c, 'refreshPicture', { townId, week })).at(-1);
    assert.ok(card, `the ${townId} card of ${week} is in the channel`);
    return card;
  }

  /** The meeting adds an action on the town card; returns it as stored. */
  async assign(what: string, ownerId: string, options: { due?: string; townId?: string; by?: User } = {}): Promise<Action> {
    const data = findAction(this.townCard(options.townId), 'addAction')!.data;
    const res = await this.h.post(channelExecute(this.h.ctx, options.by ?? this.coordinator, this.channelId, 'addAction', { ...data, what, ownerId, ...(options.due ? { due: options.due } : {}) }));
    assert.ok(BotHarness.invokeCard(res.body), `the meeting's card came back: ${JSON.stringify(res.body)}`);
    const action = (await this.h.stores.meeting.listActions(this.m.id)).find((a) => a.what === what);
    assert.ok(action, 'the action is stored');
    return action;
  }

  /** The owner's card for an action, once it has arrived. */
  ownerCard(a: Action, ownerId = a.ownerId): Promise<Card> {
    return waitFor(`the card for "${a.what}" to ${ownerId}`, () => personalCards(this.h, ownerId).find((c) => findAction(c, 'actionStatus', { actionId: a.id })));
  }

  /** A click on a status button of a card, as `who`, with an optional comment in the action's input. */
  async setStatus(who: User, card: Card, actionId: string, status: string, comment?: string): Promise<{ status: number; body: unknown }> {
    const button = findAction(card, 'actionStatus', { actionId, status });
    assert.ok(button, `the card has a "${status}" button for ${actionId}`);
    return this.h.post(execute(this.h.ctx, who, 'actionStatus', { ...button.data, ...(comment ? { [`comment-${actionId}`]: comment } : {}) }));
  }

  /** Says something 1:1 and returns the bot's reply activity. */
  async say(who: User, text: string): Promise<{ text?: string; card?: Card }> {
    const before = this.h.channel.activities.length;
    await this.h.post(message(this.h.ctx, who, text));
    const reply = this.h.channel.activities.slice(before).find((a) => a.conversationId === `a:${who.aadObjectId}`);
    assert.ok(reply, `a reply to "${text}"`);
    const card = reply.activity.attachments?.[0]?.content;
    return { ...(reply.activity.text ? { text: reply.activity.text } : {}), ...(card ? { card } : {}) };
  }

  /** The town card as the meeting sees it after pressing "Uppdatera". */
  async refreshedTownCard(townId = 'rimbo', week = '2026-W49'): Promise<string> {
    const data = findAction(this.townCard(townId, week), 'refreshPicture')!.data;
    const res = await this.h.post(channelExecute(this.h.ctx, this.coordinator, this.channelId, 'refreshPicture', data));
    return cardText(BotHarness.invokeCard(res.body));
  }
}
