import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { MAX_TEXT_LENGTH } from '../../domain/defaults';
import type { Municipality } from '../../domain/municipality';
import { TIMES_OF_DAY, validateAnswer, type Report } from '../../domain/report';
import { CONTAINERS, type ContainerName } from '../../store/containers';
import { BotHarness } from '../support/bot-harness';
import { sample } from '../resilience/support/paths';

/** Tuesday 1 December 2026 (week 49), 10:00 in Stockholm: cards for this week are open. */
const NOW = '2026-12-01T09:00:00Z';
const OTHER_TENANT = '99999999-0000-4000-8000-00000000ffff';
/** Runs per property are sized for the file to take under 20 s; FUZZ_SCALE=10 runs ten times as many. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1) || 1;
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

/**
 * Issue 5, point 4: thousands of malformed activities and card payloads against one in-process
 * bot. Whatever comes in, the request is answered below 500 within a few seconds and the process
 * stays up; an accepted message is answered in its conversation and an accepted invoke carries a
 * response body (a turn that fails inside the SDK after the 200 leaves the user with nothing);
 * nothing is stored for another tenant or for someone who is not a reporter of the town; and every
 * stored answer passes the domain's own validation.
 */
describe('Fuzzing /api/messages with malformed activities and card payloads', function () {
  this.timeout(60_000 * SCALE);
  const m: Municipality = sample();
  let h: BotHarness;
  const statuses = new Map<number, number>();
  const answered = { messages: 0, invokes: 0 };

  before(async () => {
    h = await BotHarness.start({ now: NOW, municipality: m });
  });
  after(async () => {
    process.stdout.write(`      statuses seen: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(', ')}\n`);
    process.stdout.write(`      answered: ${answered.messages} messages, ${answered.invokes} invokes\n`);
    await h.stop();
  });

  /** Posts a raw body; the answer must come, and below 500. */
  async function post(body: string, contentType = 'application/json'): Promise<number> {
    return (await exchange(body, contentType)).status;
  }

  /** Posts a raw body; returns the status and the response body as text. */
  async function exchange(body: string, contentType = 'application/json'): Promise<{ status: number; body: string }> {
    const res = await fetch(`${h.bot.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': contentType }, body, signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    return { status: res.status, body: text };
  }

  /**
   * Posts an activity and, when it is accepted (200), checks that the user hears back: a message
   * gets a reply sent into its conversation during the request (or, for deliveryMode
   * expectReplies, in the response body); an invoke gets a response body. A turn that throws
   * after the adapter has taken the activity still answers 200, so the status alone proves nothing.
   */
  async function postAndExpectAnswer(a: Record<string, unknown>): Promise<number> {
    const before = h.channel.activities.length;
    const { status, body } = await exchange(JSON.stringify(a));
    if (status !== 200) return status;
    const what = JSON.stringify(a).slice(0, 400);
    if (a.type === 'message') {
      const conversationId = (a.conversation as { id?: unknown }).id;
      const sent = h.channel.activities.slice(before).filter((x) => x.conversationId === conversationId).length;
      const buffered = body ? ((JSON.parse(body) as { activities?: unknown[] }).activities?.length ?? 0) : 0;
      assert.ok(sent + buffered > 0, `no reply to an accepted message: ${what}`);
      answered.messages++;
    } else if (a.type === 'invoke') {
      assert.ok(body !== '', `no response body for an accepted invoke: ${what}`);
      if (a.name === 'adaptiveCard/action') {
        const r = JSON.parse(body) as { statusCode?: unknown; type?: unknown };
        assert.equal(r.statusCode, 200, `invoke answer ${body.slice(0, 200)} for ${what}`);
        assert.match(String(r.type), /^application\/vnd\.microsoft\.(activity\.message|card\.adaptive)$/, what);
      }
      answered.invokes++;
    }
    return status;
  }

  // ---- generators -------------------------------------------------------------------------

  const reporterIds = m.reporters.map((r) => r.id);
  const people = [...reporterIds, ...m.coordinators.map((c) => c.id), ...m.meetingMembers.map((p) => p.id)];
  const huge = fc.integer({ min: 1_000, max: 100_000 }).chain((n) => fc.constantFrom('x', 'å', '💥', '<', '"', '\\u0000').map((c) => c.repeat(Math.ceil(n / c.length)).slice(0, n)));
  const junk: fc.Arbitrary<unknown> = fc.oneof(
    fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constant(''),
    fc.array(fc.string(), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 4 }),
    fc.constant({ __proto__: { polluted: true } }), fc.constant([[[]]]), huge,
  );
  const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: junk });
  const userId = fc.oneof(fc.constantFrom(...people), fc.uuid(), fc.string({ maxLength: 40 }));
  const tenantId = fc.oneof({ weight: 3, arbitrary: fc.constant(m.tenantId) }, { weight: 1, arbitrary: fc.constant(OTHER_TENANT) }, { weight: 1, arbitrary: fc.uuid() });
  const town = fc.oneof(fc.constantFrom(...m.towns.map((t) => t.id)), fc.string({ maxLength: 20 }), fc.constant('../../etc'), fc.constant('rimbo\u0000'));
  const week = fc.oneof(fc.constantFrom('2026-W49', '2026-W48', '2026-W50', '2026-W53', '2020-W01', '9999-W52', 'W49', ''), fc.string({ maxLength: 12 }));
  const list = (values: string[]) => fc.oneof(
    fc.subarray(values).map((a) => a.join(',')), fc.subarray(values), fc.array(fc.string({ maxLength: 30 }), { maxLength: 6 }).map((a) => a.join(',')),
  );
  const form = fc.record({
    grade: fc.oneof(fc.constantFrom('1', '2', '3', '4', '5', 1, 5, '0', '6', '3.5', ' 2 ', '-1', 'NaN', ''), fc.integer(), fc.double()),
    categories: fc.oneof(list(m.categories.map((c) => c.id)), junk),
    what: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('Ring 070-123 45 67', '19850101-1234', 'ABC 123'), huge, junk),
    areas: fc.oneof(list(m.towns.flatMap((t) => t.areas)), junk),
    place: fc.oneof(fc.string({ maxLength: 100 }), junk),
    when: fc.oneof(list([...TIMES_OF_DAY, 'morning']), junk),
    measures: fc.oneof(fc.string({ maxLength: 100 }), huge, junk),
  }, { requiredKeys: [] });
  /** Mostly valid answers, so that plenty get stored and the stored ones can be checked. */
  const plausibleForm = fc.record({
    grade: fc.constantFrom('1', '2', '3', '4', '5'),
    categories: fc.subarray(m.categories.map((c) => c.id)).map((a) => a.join(',')),
    what: fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('Klotter vid busstationen', 'Ring 070-123 45 67', '')),
    areas: fc.subarray([...m.towns.flatMap((t) => t.areas), 'Okänd plats']).map((a) => a.join(',')),
    place: fc.string({ maxLength: 60 }),
    when: fc.subarray([...TIMES_OF_DAY]).map((a) => a.join(',')),
    measures: fc.string({ maxLength: 60 }),
  });
  const verb = fc.oneof(fc.constantFrom('submitReport', 'nothingToReport', 'reportAway', 'editReport'), fc.constantFrom('deleteEverything', '', 'constructor', '__proto__'), fc.string({ maxLength: 20 }));
  const cardData = fc.record({
    verb, municipalityId: maybe(fc.constantFrom(m.id, 'other')), week: maybe(week), townId: maybe(town),
    reporterId: maybe(fc.constantFrom(...people)), form: fc.constant(undefined),
  }, { requiredKeys: [] }).chain((d) => form.map((f) => ({ ...d, ...f })));
  const command = fc.oneof(
    fc.constantFrom('status', 'hjälp', 'help', '?', 'borta', 'away', 'tillbaka', 'back', 'språk en', 'språk sv', 'språk klingon', 'status rimbo', 'status atlantis', 'rapportörer', 'hotspots', 'åtgärder', 'mina åtgärder', ''),
    fc.string({ maxLength: 200 }), huge,
  );
  /** Sometimes @-mentioning the bot first, as in a channel. */
  const text = fc.tuple(fc.constantFrom('', '', '<at>Lägesbild</at> ', '<at>Lägesbild</at>'), command).map(([at, c]) => `${at}${c}`);
  /** Mention entities as Teams sends them, and with the type, the mentioned account or the text missing or mistyped. */
  const mention = fc.record({
    type: maybe(fc.constantFrom('mention', 'Mention', 'clientInfo')),
    mentioned: maybe(fc.record({ id: maybe(fc.constantFrom('28:bot', '29:someone-else')), name: maybe(fc.constant('Lägesbild')) }, { requiredKeys: [] })),
    text: maybe(fc.constantFrom('<at>Lägesbild</at>', '<at>Anna</at>')),
  }, { requiredKeys: [] });
  const entities = fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: fc.array(fc.oneof(mention, junk), { maxLength: 3 }) }, { weight: 1, arbitrary: junk });
  /** A string locale, or a number, object, array … where Teams sends a string. */
  const locale = maybe(fc.constantFrom('sv-SE', 'en-US', 'sv', 'de-DE', ''));

  /** A Teams-shaped envelope; every field may be missing, the wrong type or absurd. */
  const envelope = fc.record({
    user: userId, tenant: tenantId, conversationType: maybe(fc.constantFrom('personal', 'channel', 'groupChat')), locale, entities,
    // Mostly whole envelopes, so that most activities reach the handlers; sometimes fields missing.
    drop: fc.oneof({ weight: 3, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: fc.subarray(['from', 'conversation', 'recipient', 'channelData', 'serviceUrl', 'id', 'channelId', 'type']) }),
    scramble: fc.dictionary(fc.constantFrom('from', 'conversation', 'recipient', 'channelData', 'serviceUrl', 'id', 'channelId', 'locale', 'timestamp', 'entities', 'attachments', 'replyToId', 'deliveryMode'), junk, { maxKeys: 2 }),
  });
  interface Envelope { user: string; tenant: string; conversationType: unknown; locale?: unknown; entities?: unknown }
  function base(e: Envelope): Record<string, unknown> {
    return {
      channelId: 'msteams',
      // Always our channel: a fuzzed service URL must not send the bot across the network.
      serviceUrl: h.channel.serviceUrl,
      from: { id: `29:${e.user}`, aadObjectId: e.user, name: 'Fuzz' },
      recipient: { id: '28:bot', name: 'Lägesbild' },
      conversation: { id: `a:${e.user}`, conversationType: e.conversationType, tenantId: e.tenant },
      channelData: { tenant: { id: e.tenant } },
      locale: 'locale' in e ? e.locale : 'sv-SE', id: randomUUID(), timestamp: new Date().toISOString(),
      ...(e.entities === undefined ? {} : { entities: e.entities }),
    };
  }
  function shape(e: Envelope & { drop: readonly string[]; scramble: Record<string, unknown> }, body: Record<string, unknown>): Record<string, unknown> {
    const a: Record<string, unknown> = { ...base(e), ...body, ...e.scramble };
    // A string service URL always names our channel; other values stay, to be refused.
    if (typeof a.serviceUrl === 'string') a.serviceUrl = h.channel.serviceUrl;
    for (const k of e.drop) delete a[k];
    return a;
  }
  const activity = fc.oneof(
    fc.tuple(envelope, text).map(([e, t]) => shape(e, { type: 'message', text: t })),
    fc.tuple(envelope, cardData).map(([e, d]) => shape(e, { type: 'invoke', name: 'adaptiveCard/action', replyToId: 'card-1', value: { action: { type: 'Action.Execute', verb: d.verb, data: d }, trigger: 'manual' } })),
    fc.tuple(envelope, cardData).map(([e, d]) => shape(e, { type: 'message', replyToId: 'card-1', value: d })),
    fc.tuple(envelope, junk, fc.string({ maxLength: 40 })).map(([e, v, name]) => shape(e, { type: 'invoke', name, value: v })),
    fc.tuple(envelope, junk).map(([e, v]) => shape(e, { type: 'invoke', name: 'adaptiveCard/action', value: { action: v } })),
    fc.tuple(envelope, fc.constantFrom('installationUpdate', 'conversationUpdate', 'messageReaction', 'event', 'typing', 'endOfConversation', 'bogus', '')).map(([e, type]) => shape(e, { type, action: 'add', membersAdded: [{ id: 'x' }] })),
  );

  // ---- properties -------------------------------------------------------------------------

  it('answers any JSON body below 500 (random values, arrays, primitives)', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 })), async (value) => {
      const status = await post(JSON.stringify(value) ?? 'null');
      assert.ok(status < 500, `status ${status}`);
    }), { numRuns: runs(400) });
  });

  it('answers bodies that are not JSON at all below 500', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), huge, fc.constantFrom('{', '{"type":', '\u0000', '[1,2', 'null', '')), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (body, contentType) => {
      const status = await post(body, contentType);
      assert.ok(status < 500, `status ${status}`);
    }), { numRuns: runs(200) });
  });

  /**
   * Below 500, except 501 for an invoke the bot has no handler for: that is the Bot Framework
   * adapter's own answer for an unhandled invoke name, which Teams understands.
   */
  const acceptable = (status: number, a: Record<string, unknown>) => status < 500 || (status === 501 && a.type === 'invoke' && a.name !== 'adaptiveCard/action');

  it('answers Teams-shaped activities with missing, mistyped and absurd fields below 500, and replies to every accepted message and invoke', async () => {
    await fc.assert(fc.asyncProperty(activity, async (a) => {
      const status = await postAndExpectAnswer(a);
      assert.ok(acceptable(status, a), `status ${status} for ${JSON.stringify(a).slice(0, 300)}`);
    }), { numRuns: runs(900) });
  });

  it('replies to a registered person\'s command whatever the mention entities, locale and conversation type', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...people), command, fc.boolean(), entities, locale, maybe(fc.constantFrom('personal', 'channel', 'groupChat')), async (user, c, at, ents, loc, conversationType) => {
      const a = { ...base({ user, tenant: m.tenantId, conversationType, locale: loc, entities: ents }), type: 'message', text: `${at ? '<at>Lägesbild</at> ' : ''}${c}` };
      const status = await postAndExpectAnswer(a);
      assert.equal(status, 200, JSON.stringify(a).slice(0, 300));
    }), { numRuns: runs(250) });
  });

  it('takes valid-looking submits from real reporters, with random form values, and answers each one', async () => {
    const reporterTown = fc.constantFrom(...m.reporters.flatMap((r) => r.towns.map((t) => [r.id, t] as const)));
    await fc.assert(fc.asyncProperty(reporterTown, fc.oneof(plausibleForm, form), fc.constantFrom('submitReport', 'submitReport', 'nothingToReport', 'editReport'), fc.boolean(), async ([reporter, townId], f, v, execute) => {
      const data = { verb: v, municipalityId: m.id, week: '2026-W49', townId, ...f };
      const e = { user: reporter, tenant: m.tenantId, conversationType: 'personal' };
      const a = execute
        ? { ...base(e), type: 'invoke', name: 'adaptiveCard/action', replyToId: 'card-1', value: { action: { type: 'Action.Execute', verb: v, data }, trigger: 'manual' } }
        : { ...base(e), type: 'message', replyToId: 'card-1', value: data };
      const status = await postAndExpectAnswer(a);
      assert.equal(status, 200, JSON.stringify(a).slice(0, 300));
    }), { numRuns: runs(150) });
  });

  // ---- what was stored --------------------------------------------------------------------

  async function all(name: ContainerName): Promise<Array<Record<string, unknown>>> {
    const { resources } = await h.stores.cosmos.container(name).items.readAll().fetchAll();
    return resources as Array<Record<string, unknown>>;
  }

  it('stored nothing for another tenant: every document belongs to the sample municipality', async () => {
    let n = 0;
    for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
      for (const doc of await all(name)) {
        n++;
        assert.equal(doc.municipalityId, m.id, `${name}/${String(doc.id)}`);
        if (name === 'weekly') assert.equal(doc.partition, `${m.id}|${String(doc.week)}`, String(doc.id));
        assert.ok(!JSON.stringify(doc).includes(OTHER_TENANT), `${name}/${String(doc.id)} mentions the other tenant`);
      }
    }
    process.stdout.write(`      ${n} documents stored in all\n`);
  });

  it('stored answers and absences only for registered reporters, and every answer passes validation', async () => {
    const weekly = await all('weekly');
    const reports = weekly.filter((d) => d.type === 'report') as unknown as Report[];
    const absences = weekly.filter((d) => d.type === 'absence') as unknown as Array<{ reporterId: string }>;
    process.stdout.write(`      ${reports.length} answers (${reports.filter((r) => r.kind === 'observations').length} with observations), ${absences.length} absences stored\n`);
    assert.ok(reports.length > 0, 'the fuzz reached the point of storing answers');
    for (const r of reports) {
      const reporter = m.reporters.find((x) => x.id === r.reporterId);
      assert.ok(reporter?.towns.includes(r.townId), `${r.id}: ${r.reporterId} is not a reporter of ${r.townId}`);
      assert.equal(r.id, `report:${r.week}:${r.townId}:${r.reporterId}`);
      assert.ok(['observations', 'nothing'].includes(r.kind), r.id);
      const a = r.answer;
      assert.ok(Number.isInteger(a.grade) && a.grade >= 1 && a.grade <= 5, `${r.id}: grade ${String(a.grade)}`);
      assert.ok(a.categories.every((c) => m.categories.some((k) => k.id === c)), `${r.id}: categories ${a.categories.join(',')}`);
      assert.ok(a.when.every((w) => (TIMES_OF_DAY as readonly string[]).includes(w)), `${r.id}: when ${a.when.join(',')}`);
      for (const t of [a.what, a.place, a.measures]) assert.ok(typeof t === 'string' && t.length <= MAX_TEXT_LENGTH, r.id);
      const town = m.towns.find((t) => t.id === r.townId)!;
      if (r.kind === 'observations') {
        const again = validateAnswer(m, town, { ...a, grade: String(a.grade) });
        assert.ok(again.ok, `${r.id}: the stored answer no longer validates: ${JSON.stringify(again)}`);
      }
    }
    for (const x of absences) assert.ok(reporterIds.includes(x.reporterId), `absence for ${x.reporterId}`);
  });

  it('is still up and answering', async () => {
    assert.equal((await fetch(`${h.bot.url}/health`)).status, 200);
    const reporter = { aadObjectId: m.reporters[0]!.id };
    const status = await post(JSON.stringify({ ...base({ user: reporter.aadObjectId, tenant: m.tenantId, conversationType: 'personal' }), type: 'message', text: 'status' }));
    assert.equal(status, 200);
  });
});
