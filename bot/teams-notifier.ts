import type { Activity, ConversationParameters, ConversationReference } from 'botbuilder';
import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import type { TeamsAdapter } from './teams-sdk';
import type { SendQueue } from '../delivery';
import type { ConversationStore, DeliveryStatus, Notifier, OutgoingMessage, SendOptions, StoredConversation } from '../domain/ports';
import type { Clock } from '../domain/clock';
import type { Logger } from '../observability/logger';

export interface TeamsNotifierOptions {
  adapter: TeamsAdapter;
  /** Empty when running anonymously on loopback. */
  botAppId: string;
  conversations: ConversationStore;
  queue: SendQueue;
  clock: Clock;
  log: Logger;
  /** Tenant of each municipality, for creating 1:1 conversations. */
  tenantOf: (municipalityId: string) => string | undefined;
}

type PipelineClient = { client?: { pipeline?: { removePolicy(policy: { name: string }): unknown } } };

/**
 * The connector's HTTP pipeline retries 429 and 5xx on its own, hidden from the send queue, which
 * owns retrying (Retry-After, bounded backoff, counts). Measured: without this, the queue saw none
 * of the channel's 429s. Only proactive sends lose it; replies within a turn keep the default.
 */
function withoutConnectorRetries(ctx: TurnContext): void {
  const adapter = ctx.adapter as unknown as { ConnectorClientKey: symbol };
  const client = ctx.turnState.get(adapter.ConnectorClientKey) as PipelineClient | undefined;
  client?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

function toActivity(message: OutgoingMessage): Partial<Activity> {
  if (message.card) {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
    if (message.text) activity.text = message.text;
    return activity;
  }
  return MessageFactory.text(message.text ?? '');
}

/**
 * Proactive sends into Teams: through the rate-limited queue, with stored conversation
 * references; a person the bot has not talked to gets a 1:1 conversation created in the tenant,
 * from a service URL the bot already knows there. A 403 marks the person unreachable.
 */
export class TeamsNotifier implements Notifier {
  constructor(private readonly options: TeamsNotifierOptions) {}

  async sendToUser(municipalityId: string, userId: string, message: OutgoingMessage, sendOptions: SendOptions = {}): Promise<DeliveryStatus> {
    const key = `user:${userId}`;
    let conversation = await this.options.conversations.get(municipalityId, key);
    if (conversation?.unreachableSince) return 'unreachable';
    if (!conversation) conversation = await this.createPersonalConversation(municipalityId, userId);
    if (!conversation) return 'noConversation';
    return this.send(municipalityId, key, conversation, message, sendOptions);
  }

  async sendToConversation(
    municipalityId: string, conversationId: string, message: OutgoingMessage, sendOptions: SendOptions & { serviceUrl?: string } = {},
  ): Promise<DeliveryStatus> {
    const key = `conversation:${conversationId}`;
    let conversation = await this.options.conversations.get(municipalityId, key);
    if (!conversation) {
      const url = sendOptions.serviceUrl ?? (await this.anyServiceUrl(municipalityId));
      if (!url) return 'noConversation';
      conversation = {
        municipalityId, key, conversationId, serviceUrl: url, tenantId: this.options.tenantOf(municipalityId),
        reference: { channelId: 'msteams', serviceUrl: url, conversation: { id: conversationId, isGroup: true, tenantId: this.options.tenantOf(municipalityId) } },
        updatedAt: this.options.clock().toISOString(),
      };
    }
    return this.send(municipalityId, key, conversation, message, sendOptions);
  }

  private async send(
    municipalityId: string, key: string, conversation: StoredConversation, message: OutgoingMessage, sendOptions: SendOptions,
  ): Promise<DeliveryStatus> {
    const activity = toActivity(message);
    const reference = conversation.reference as Partial<ConversationReference>;
    const outcome = await this.options.queue.enqueue({
      key: conversation.conversationId,
      tenantId: conversation.tenantId,
      ...(sendOptions.beforeSend ? { beforeFirstSend: sendOptions.beforeSend } : {}),
      send: async () => {
        // The adapter hands errors inside a proactive turn to its turn-error handler and returns
        // normally; the queue must see them (429, 403, 5xx) to retry or stop.
        let failure: unknown;
        await this.options.adapter.continueConversationAsync(this.options.botAppId, reference, async (ctx) => {
          withoutConnectorRetries(ctx);
          try {
            await ctx.sendActivity(activity);
          } catch (err) {
            failure = err;
          }
        });
        if (failure !== undefined) throw failure;
      },
    });
    if (outcome.status === 'delivered') return 'delivered';
    if (outcome.status === 'unreachable') {
      await this.options.conversations.markUnreachable(municipalityId, key, this.options.clock().toISOString());
      this.options.log.warn({ municipalityId, conversation: key, httpStatus: outcome.httpStatus }, 'recipient unreachable');
      return 'unreachable';
    }
    this.options.log.error({ municipalityId, conversation: key, httpStatus: outcome.httpStatus, attempts: outcome.attempts }, 'send failed');
    return 'failed';
  }

  private async anyServiceUrl(municipalityId: string): Promise<string | undefined> {
    for (const prefix of ['team:', 'conversation:', 'user:']) {
      const found = await this.options.conversations.listByPrefix(municipalityId, prefix);
      if (found[0]) return found[0].serviceUrl;
    }
    return undefined;
  }

  private async createPersonalConversation(municipalityId: string, userId: string): Promise<StoredConversation | undefined> {
    const serviceUrl = await this.anyServiceUrl(municipalityId);
    const tenantId = this.options.tenantOf(municipalityId);
    if (!serviceUrl || !tenantId) return undefined;
    const parameters = {
      isGroup: false,
      bot: { id: this.options.botAppId, name: 'Lägesbild' },
      members: [{ id: userId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as unknown as ConversationParameters;
    let created: StoredConversation | undefined;
    try {
      await this.options.adapter.createConversationAsync(this.options.botAppId, 'msteams', serviceUrl, '', parameters, async (ctx) => {
        const reference = TurnContext.getConversationReference(ctx.activity) as unknown as Record<string, unknown>;
        created = {
          municipalityId, key: `user:${userId}`, conversationId: ctx.activity.conversation.id, serviceUrl, tenantId,
          reference, updatedAt: this.options.clock().toISOString(),
        };
      });
    } catch (err) {
      this.options.log.warn({ municipalityId, err: (err as Error).message }, 'could not create a 1:1 conversation');
      return undefined;
    }
    if (created) await this.options.conversations.save(created);
    return created;
  }
}
