import assert from 'node:assert/strict';
import { message, type User } from '../support/activities';
import { BotHarness } from '../support/bot-harness';

const NOW = '2026-12-01T09:00:00Z';

describe('Chat commands over the Bot Framework protocol', function () {
  this.timeout(30_000);
  let h: BotHarness;
  let coordinator: User;
  let reporter: User;

  before(async () => {
    h = await BotHarness.start({ now: NOW });
    coordinator = { aadObjectId: h.m.coordinators[0]!.id };
    reporter = { aadObjectId: h.m.reporters[0]!.id };
  });
  after(() => h.stop());
  beforeEach(() => h.channel.clear());

  async function say(user: User, text: string): Promise<string> {
    const res = await h.post(message(h.ctx, user, text));
    assert.equal(res.status, 200);
    return h.textsFor(user).at(-1) ?? '';
  }

  it('answers hjälp and help with the commands a reporter may use', async () => {
    const sv = await say(reporter, 'hjälp');
    assert.match(sv, /Lägesbild – kommandon/);
    assert.doesNotMatch(sv, /utskick/, 'reporters do not see coordinator commands');
    assert.match(await say(reporter, 'Help'), /Lägesbild – kommandon/);
    assert.match(await say(coordinator, 'help'), /utskick/);
  });

  it('answers an unknown command with what it did not understand and the help text', async () => {
    const reply = await say(reporter, 'gör kaffe');
    assert.match(reply, /Jag förstår inte "gör kaffe"/);
    assert.match(reply, /kommandon/);
  });

  it('refuses coordinator commands from a reporter', async () => {
    assert.match(await say(reporter, 'utskick'), /bara för samordnare/);
    assert.match(await say(reporter, 'rapportör ta bort x'), /bara för samordnare/);
  });

  it('shows a reporter their own answers and a coordinator the answer rate with who is missing', async () => {
    assert.match(await say(reporter, 'status'), /inte besvarad/);
    const rate = await say(coordinator, 'status');
    assert.match(rate, /Rimbo: 0 av \d+ har svarat/);
    assert.match(rate, /Saknas: /);
    const town = await say(reporter, 'status hallstavik');
    assert.match(town, /\*\*Hallstavik, v\. 49\*\*/);
    assert.match(town, /Bedömning per vecka: .*v\. 49/, 'the trend in words');
    assert.match(town, /Inga öppna hotspots/);
    assert.doesNotMatch(town, /Rimbo/);
    assert.match(await say(reporter, 'status Atlantis'), /Okänd ort: "Atlantis"/);
  });

  it('lets a reporter say they are away and come back', async () => {
    assert.match(await say(reporter, 'borta'), /du är borta v\. 49/);
    assert.equal((await h.stores.weekly.listWeek(h.m.id, '2026-W49')).absences.length, 1);
    assert.match(await say(reporter, 'tillbaka'), /Välkommen tillbaka/);
    assert.equal((await h.stores.weekly.listWeek(h.m.id, '2026-W49')).absences.length, 0);
  });

  it('switches a person to English on request', async () => {
    assert.match(await say(reporter, 'language en'), /I now answer in English/);
    assert.match(await say(reporter, 'help'), /Lägesbild – commands/);
    await say(reporter, 'språk sv');
  });

  it('lets a coordinator add, move and remove reporters, and the changes survive a restart', async () => {
    const id = '00000000-0000-4000-8000-0000000009a1';
    assert.match(await say(coordinator, `rapportör lägg till ${id} rimbo,hallstavik Nina Nyström | Rimbo bibliotek`), /Nina Nyström är registrerad/);
    assert.match(await say(coordinator, `rapportör flytta ${id} Norrtälje`), /bevakar nu Norrtälje/);
    const audit = await h.stores.audit.list(h.m.id, { subject: id });
    // The test clock stands still, so both entries share a time: compare them as a set.
    assert.deepEqual(audit.map((e) => `${e.actorId}:${String(e.change.op)}`).sort(), [`${coordinator.aadObjectId}:add`, `${coordinator.aadObjectId}:move`]);
    await h.restartBot();
    const list = await say(coordinator, 'rapportörer');
    assert.match(list, /Nina Nyström \(Rimbo bibliotek\): Norrtälje/);
    assert.match(await say(coordinator, `rapportör ta bort ${id}`), /Nina Nyström är borttagen/);
    assert.doesNotMatch(await say(coordinator, 'reporters'), /Nina Nyström/);
    assert.match(await say(coordinator, 'rapportör flytta nobody rimbo'), /Ingen rapportör med id nobody/);
    assert.match(await say(coordinator, `rapportör lägg till ${id} Atlantis Nina | X`), /Okänd ort: "Atlantis"/);
  });

  it('runs the prompts job on a coordinator\'s request and reports the result', async () => {
    assert.match(await say(coordinator, 'send prompts'), /Jag kör det nu/);
    for (let i = 0; i < 100 && !h.textsFor(coordinator).some((t) => /Utskick klart/.test(t)); i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(h.textsFor(coordinator).at(-1)!, /Utskick klart: \d+ skickade/);
  });

  it('tells someone from an unknown tenant that their organisation is not connected, and stores nothing', async () => {
    const res = await h.post(message({ ...h.ctx, tenantId: 'another-tenant' }, reporter, 'status'));
    assert.equal(res.status, 200);
    assert.match(h.textsFor(reporter).at(-1)!, /inte ansluten/);
    assert.equal(await h.stores.conversations.get(h.m.id, 'conversation:a:someone'), undefined);
  });
});
