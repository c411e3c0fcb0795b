import assert from 'node:assert/strict';
import { normalizeActivity } from '../../bot/normalize-activity';
import { commandText } from '../../bot/handlers/commands';
import { execute, message, personalConversationId, submit, type User } from '../support/activities';
import { BotHarness } from '../support/bot-harness';

/** Tuesday 1 December 2026 (week 49), 10:00 in Stockholm. */
const NOW = '2026-12-01T09:00:00Z';
const BOT_MENTION = { type: 'mention', mentioned: { id: '28:bot', name: 'Lägesbild' }, text: '<at>Lägesbild</at>' };

/**
 * Activities the fuzzer found that got a 200 and no reply: the turn failed inside the SDK (mention
 * removal on a typeless entity, the reply serializer on a numeric locale or conversation type). The
 * edge now drops what is mistyped, so each gets the ordinary answer, in Swedish unless the person
 * chose English.
 */
describe('Activities with malformed mentions, locale and conversation fields', function () {
  this.timeout(30_000);
  let h: BotHarness;
  let reporter: User;

  before(async () => {
    h = await BotHarness.start({ now: NOW });
    const sv = h.m.reporters.find((r) => !r.language || r.language === 'sv')!;
    reporter = { aadObjectId: sv.id };
  });
  after(() => h.stop());
  beforeEach(() => h.channel.clear());

  /** Posts a reporter's message with the given fields overridden; returns the one reply's text. */
  async function reply(overrides: Record<string, unknown>, text = 'hjälp', user = reporter): Promise<string> {
    const a = { ...message(h.ctx, user, text), ...overrides };
    const res = await h.post(a);
    assert.equal(res.status, 200);
    const conversation = (a.conversation as { id?: unknown }).id;
    const texts = h.channel.activities.filter((x) => x.conversationId === conversation).map((x) => x.activity.text ?? '');
    assert.equal(texts.length, 1, `one reply to ${JSON.stringify(overrides)}`);
    return texts[0]!;
  }
  const conversation = (fields: Record<string, unknown>) => ({ conversation: { id: personalConversationId(reporter), conversationType: 'personal', tenantId: h.m.tenantId, ...fields } });

  const SWEDISH_HELP = /Lägesbild – kommandon/;
  const STATUS = /\*\*Dina svar v\. 49\*\*/;

  describe('mentions', () => {
    it('runs the command after an @mention whose entity has no type', async () => {
      const { type: _type, ...typeless } = BOT_MENTION;
      assert.match(await reply({ entities: [typeless] }, '<at>Lägesbild</at> status'), STATUS);
    });

    it('runs the command after an @mention whose entity lacks the mentioned account, or has it null or a string', async () => {
      for (const mentioned of [undefined, null, 'Lägesbild', { name: 'Lägesbild' }, { id: 5 }]) {
        h.channel.clear();
        assert.match(await reply({ entities: [{ type: 'mention', mentioned, text: '<at>Lägesbild</at>' }] }, '<at>Lägesbild</at> status'), STATUS, JSON.stringify(mentioned));
      }
    });

    it('answers whatever else the entities hold: null, strings, numbers, objects without a string type', async () => {
      for (const entities of [[null], ['x'], [1], [{}], [{ type: 5 }], [{ type: null, text: 'x' }], 'x', 5, { type: 'mention' }]) {
        h.channel.clear();
        assert.match(await reply({ entities }), SWEDISH_HELP, JSON.stringify(entities));
      }
    });

    it('answers a card submit that carries a mention but no text', async () => {
      h.channel.clear();
      const a = { ...submit(h.ctx, reporter, {}), entities: [BOT_MENTION] };
      assert.equal((await h.post(a)).status, 200);
      assert.equal(h.textsFor(reporter).length, 1);
    });
  });

  describe('locale, conversation and account fields of the wrong type', () => {
    it('answers in Swedish when the locale is a number, an object, an array or a boolean', async () => {
      for (const locale of [5, {}, ['en-US'], true, null]) {
        h.channel.clear();
        assert.match(await reply({ locale }), SWEDISH_HELP, JSON.stringify(locale));
      }
    });

    it('answers when the conversation type, tenant id or isGroup has the wrong type', async () => {
      for (const fields of [{ conversationType: 5 }, { conversationType: {} }, { conversationType: ['personal'] }, { isGroup: 'yes' }, { tenantId: 5 }, { tenantId: {} }]) {
        h.channel.clear();
        assert.match(await reply(conversation(fields)), SWEDISH_HELP, JSON.stringify(fields));
      }
    });

    it('answers when the sender or recipient name is not a string', async () => {
      assert.match(await reply({ from: { id: `29:${reporter.aadObjectId}`, aadObjectId: reporter.aadObjectId, name: 5 } }), SWEDISH_HELP);
      h.channel.clear();
      assert.match(await reply({ recipient: { id: '28:bot', name: {} } }), SWEDISH_HELP);
    });

    it('answers when the activity id is not a string or absurdly long, and when the text is not a string', async () => {
      for (const id of [5, {}, 'å'.repeat(5_000)]) {
        h.channel.clear();
        assert.match(await reply({ id }), SWEDISH_HELP, String(id).slice(0, 20));
      }
      h.channel.clear();
      assert.match(await reply({ text: 5 }), /Jag förstår inte ""[\s\S]*Lägesbild – kommandon/);
    });

    it('tells someone from an unknown tenant, in Swedish, when the locale is not a string', async () => {
      const stranger = { aadObjectId: '12345678-0000-4000-8000-000000000abc' };
      const a = { ...message({ ...h.ctx, tenantId: '99999999-0000-4000-8000-00000000ffff' }, stranger, 'hjälp'), locale: { en: true } };
      assert.equal((await h.post(a)).status, 200);
      assert.match(h.textsFor(stranger).join('\n'), /inte ansluten till Lägesbild/);
    });

    it('answers a card action with a numeric locale and an object conversation type in the invoke body', async () => {
      const a = {
        ...execute(h.ctx, reporter, 'noSuchVerb', {}), locale: 5,
        conversation: { id: personalConversationId(reporter), conversationType: {}, tenantId: h.m.tenantId },
      };
      const res = await h.post(a);
      assert.equal(res.status, 200);
      assert.match(BotHarness.invokeMessage(res.body) ?? '', /Kortet kunde inte läsas/);
    });
  });

  describe('normalizeActivity', () => {
    const valid = () => message({ serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 't' }, { aadObjectId: 'u' }, 'status') as Record<string, unknown>;

    it('leaves a well-formed Teams activity as it is', () => {
      const a = { ...valid(), entities: [BOT_MENTION, { type: 'clientInfo', locale: 'sv-SE' }], channelData: { tenant: { id: 't' }, team: { id: '19:x', name: 'EST' } }, attachments: [{ contentType: 'text/html', content: '<p>x</p>' }] };
      const { activity, fixed } = normalizeActivity(a);
      assert.deepEqual(fixed, []);
      assert.deepEqual(activity, a);
    });

    it('drops mistyped fields, names them, and does not change the body it was given', () => {
      const a = { ...valid(), locale: 5, conversation: { id: 'c', conversationType: {}, isGroup: 'no' }, entities: [{ mentioned: { id: '28:bot' }, text: '<at>B</at>' }, null] };
      const copy = structuredClone(a);
      const { activity, fixed } = normalizeActivity(a);
      assert.deepEqual(a, copy);
      assert.deepEqual(fixed.sort(), ['conversation.conversationType', 'conversation.isGroup', 'entities', 'locale']);
      assert.equal('locale' in activity, false);
      assert.deepEqual(activity.conversation, { id: 'c' });
      assert.deepEqual(activity.entities, [{ type: 'mention', mentioned: { id: '28:bot' }, text: '<at>B</at>' }], 'a typeless but whole mention is still a mention');
    });
  });

  it('reads the command after leading @mentions', () => {
    assert.equal(commandText('<at>Lägesbild</at> status rimbo'), 'status rimbo');
    assert.equal(commandText(' <at>Lägesbild</at><at>Anna</at>  hjälp '), 'hjälp');
    assert.equal(commandText('status <at>Anna</at>'), 'status <at>Anna</at>');
    assert.equal(commandText(5), '');
  });
});
