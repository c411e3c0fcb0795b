import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendPrompts } from '../../scheduler/prompts-job';
import { sweep } from '../../scheduler/weekly-scheduler';
import { messages } from '../../i18n';
import type { Reporter } from '../../domain/municipality';
import { execute, installation, personalConversationId, type User } from '../support/activities';
import { BotHarness, cardText } from '../support/bot-harness';

/**
 * Issue 5, point 3: missed schedules. A bot that was down when a job was due runs it at start
 * (`sweep` is exactly what a starting bot runs) if it is still worth running, once; otherwise it
 * sends nothing, and for the prompts tells the coordinators instead.
 *
 * Week 49 of 2026: Tuesday 1 December, Wednesday 2 December. Stockholm is UTC+1 in winter, so
 * local 09:00 is 08:00Z. The Norrtälje sample: prompts Tuesday 09:00, reminders 11:00 and 12:30,
 * deadline 13:00, picture Wednesday 14:30, meeting 15:00 (worth posting until 18:00).
 */
const TUESDAY_0830 = '2026-12-01T07:30:00Z';
const TUESDAY_0900 = '2026-12-01T08:00:00Z';
const TUESDAY_1000 = '2026-12-01T09:00:00Z';
const TUESDAY_1130 = '2026-12-01T10:30:00Z';
const TUESDAY_1245 = '2026-12-01T11:45:00Z';
const TUESDAY_1305 = '2026-12-01T12:05:00Z';
const TUESDAY_1330 = '2026-12-01T12:30:00Z';
const WEDNESDAY_1600 = '2026-12-02T15:00:00Z';
const WEDNESDAY_1800 = '2026-12-02T17:00:00Z';
const WEDNESDAY_1830 = '2026-12-02T17:30:00Z';

const TOO_LATE_SV = 'Utskicket för v. 49 gjordes inte i tid och sista svarstiden har passerat. Inga enkäter skickades.';

const userOf = (p: { id: string; name: string }): User => ({ aadObjectId: p.id, name: p.name });

function actionData(card: Record<string, unknown>, verb: string): Record<string, unknown> {
  const actions = card.actions as Array<{ verb?: string; data: Record<string, unknown> }>;
  const action = actions.find((a) => a.verb === verb);
  assert.ok(action, `card has no ${verb} action`);
  return action.data;
}

/** What the bot sent 1:1 to one reporter since the last clear: prompt cards carry no text, reminders do. */
function sentTo(h: BotHarness, reporter: Reporter) {
  const activities = h.channel.activities.filter((a) => a.conversationId === personalConversationId(userOf(reporter)));
  const cards = activities.filter((a) => (a.activity.attachments ?? []).some((x) => x.contentType === 'application/vnd.microsoft.card.adaptive'));
  return {
    all: activities.length,
    prompts: cards.filter((a) => !a.activity.text),
    reminders: cards.filter((a) => !!a.activity.text),
  };
}

function townsOf(activities: Array<{ activity: { attachments?: Array<{ content: Record<string, unknown> }> } }>): string[] {
  return activities.map((a) => String(actionData(a.activity.attachments![0]!.content, 'submitReport').townId)).sort();
}

/** A bot, started at `now`, that everyone in the sample has installed (so it can reach them); the channel is cleared. */
async function startInstalled(now: string, dataDir?: string): Promise<BotHarness> {
  const h = await BotHarness.start({ now, dataDir });
  for (const p of [...h.m.reporters, ...h.m.coordinators]) {
    assert.equal((await h.post(installation(h.ctx, userOf(p)))).status, 200);
  }
  h.channel.clear();
  return h;
}

/** Every adaptive card the bot sent anywhere since the last clear. */
function allCards(h: BotHarness): number {
  return h.channel.activities.flatMap((a) => a.activity.attachments ?? []).filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').length;
}

function tooLateTexts(h: BotHarness, coordinatorId: string): string[] {
  return h.textsFor({ aadObjectId: coordinatorId }).filter((t) => t.includes('gjordes inte i tid'));
}

describe('Missed schedules (issue 5.3): a bot that was down catches up once, or not at all', function () {
  this.timeout(120_000);

  it('the catalogue text the coordinators get is the Swedish tooLate text', () => {
    // Pins the literal the tests below look for, so a change in i18n/sv.ts shows up here first.
    assert.equal(messages('sv').jobs.tooLate('v. 49'), TOO_LATE_SV);
  });

  describe('prompts: down at 09:00, first sweep at 10:00 Tuesday', () => {
    let h: BotHarness;
    before(async () => { h = await startInstalled(TUESDAY_1000); });
    after(() => h.stop());

    it('sends every (reporter, town) questionnaire once, and nothing else', async () => {
      await sweep(h.bot.deps.jobs);
      let total = 0;
      for (const reporter of h.m.reporters) {
        const got = sentTo(h, reporter);
        assert.equal(got.prompts.length, reporter.towns.length, `${reporter.name} got ${got.prompts.length} questionnaires`);
        assert.deepEqual(townsOf(got.prompts), [...reporter.towns].sort(), `${reporter.name}: one card per town covered`);
        assert.equal(got.reminders.length, 0, `${reporter.name} got a reminder at 10:00`);
        assert.equal(got.all, reporter.towns.length, `${reporter.name} got something besides the questionnaires`);
        total += got.prompts.length;
      }
      assert.equal(total, h.m.reporters.reduce((n, r) => n + r.towns.length, 0));
      for (const c of h.m.coordinators) assert.deepEqual(tooLateTexts(h, c.id), [], 'no too-late note before the deadline');
      assert.equal(h.channel.createdConversations.length, 0, 'everyone was reachable through their installation');
    });

    it('sends nothing new on a second sweep, nor after a restart of the bot', async () => {
      h.channel.clear();
      await sweep(h.bot.deps.jobs);
      assert.equal(h.channel.activities.length, 0, 'second sweep sent something');
      await h.restartBot();
      await sweep(h.bot.deps.jobs);
      assert.equal(h.channel.activities.length, 0, 'sweep after a restart sent something');
      // Even run outside the scheduler's lease, the send ledger holds every card back.
      const again = await sendPrompts(h.bot.deps.jobs, h.m.id);
      assert.equal(again.sent, 0);
      assert.equal(again.skipped, h.m.reporters.reduce((n, r) => n + r.towns.length, 0));
      assert.equal(h.channel.activities.length, 0);
    });
  });

  describe('prompts: first sweep after the 13:00 deadline', () => {
    let h: BotHarness;
    let dataDir: string;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-missed-'));
      h = await startInstalled(TUESDAY_1330, dataDir);
    });
    after(async () => {
      await h.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('sends no questionnaire and tells each coordinator exactly once', async () => {
      await sweep(h.bot.deps.jobs);
      assert.equal(allCards(h), 0, 'a card went out after the deadline');
      for (const reporter of h.m.reporters) assert.equal(sentTo(h, reporter).all, 0, `${reporter.name} got something`);
      for (const c of h.m.coordinators) {
        assert.deepEqual(h.textsFor({ aadObjectId: c.id }), [TOO_LATE_SV], `${c.name} was told ${JSON.stringify(h.textsFor({ aadObjectId: c.id }))}`);
      }
      assert.equal(h.channel.activities.length, h.m.coordinators.length, 'only the coordinators heard from the bot');
    });

    it('does not tell them again on a second sweep or when the job is run again', async () => {
      h.channel.clear();
      await sweep(h.bot.deps.jobs);
      assert.equal(h.channel.activities.length, 0, 'second sweep sent something');
      const again = await sendPrompts(h.bot.deps.jobs, h.m.id);
      assert.equal(again.tooLate, true);
      assert.equal(again.sent, 0);
      assert.equal(h.channel.activities.length, 0, 'the note went out twice');
    });

    it('does not tell them again after a restart of the whole bot and store on the same data directory', async () => {
      await h.stop();
      h = await startInstalled(TUESDAY_1330, dataDir);
      // The coordinators' stored conversations now point at this channel: a note would show up here.
      for (const c of h.m.coordinators) {
        const stored = await h.stores.conversations.get(h.m.id, `user:${c.id}`);
        assert.equal(stored?.serviceUrl, h.channel.serviceUrl);
      }
      await sweep(h.bot.deps.jobs);
      for (const c of h.m.coordinators) assert.deepEqual(tooLateTexts(h, c.id), [], `${c.name} was told again after the restart`);
      assert.equal(h.channel.activities.length, 0);
    });
  });

  describe('reminders: prompts went out at 09:00, then the bot was down', () => {
    /** Starts at 08:30, sends the prompts at 09:00 and has two reporters answer: one whole, one in part. */
    async function afterPrompts(): Promise<{ h: BotHarness; whole: Reporter; partly: Reporter }> {
      const h = await startInstalled(TUESDAY_0830);
      h.clock.set(TUESDAY_0900);
      await sweep(h.bot.deps.jobs);
      const whole = h.m.reporters.find((r) => r.towns.length === 1)!;
      const partly = h.m.reporters.find((r) => r.towns.length > 1)!;
      for (const reporter of [whole, partly]) {
        const card = h.cardsFor(userOf(reporter))[0]!;
        const res = await h.post(execute(h.ctx, userOf(reporter), 'submitReport', { ...actionData(card, 'submitReport'), grade: '2', what: 'Lugnt' }));
        assert.match(cardText(BotHarness.invokeCard(res.body)), /Tack!|Thank/);
      }
      const { reports } = await h.stores.weekly.listWeek(h.m.id, '2026-W49');
      assert.equal(reports.length, 2);
      h.channel.clear();
      return { h, whole, partly };
    }

    function assertOneReminderEach(h: BotHarness, whole: Reporter, partly: Reporter): void {
      for (const reporter of h.m.reporters) {
        const got = sentTo(h, reporter);
        const expected = reporter === whole ? 0 : reporter === partly ? reporter.towns.length - 1 : reporter.towns.length;
        assert.equal(got.reminders.length, expected, `${reporter.name} got ${got.reminders.length} reminders`);
        assert.equal(got.prompts.length, 0, `${reporter.name} got the questionnaire again`);
        assert.equal(got.all, expected, `${reporter.name} got something else`);
        for (const r of got.reminders) assert.match(r.activity.text!, reporter.language === 'en' ? /Reminder/ : /Påminnelse/);
      }
      const partlyTowns = townsOf(sentTo(h, partly).reminders);
      assert.equal(partlyTowns.length, partly.towns.length - 1);
      assert.ok(!partlyTowns.includes(partly.towns[0]!), 'the answered town is not reminded');
    }

    it('a bot that starts at 11:30 sends the 11:00 reminder once, only to those who have not answered', async () => {
      const { h, whole, partly } = await afterPrompts();
      try {
        h.clock.set(TUESDAY_1130);
        await h.restartBot();
        await sweep(h.bot.deps.jobs);
        assertOneReminderEach(h, whole, partly);
        h.channel.clear();
        await sweep(h.bot.deps.jobs);
        await h.restartBot();
        await sweep(h.bot.deps.jobs);
        assert.equal(h.channel.activities.length, 0, 'the reminder went out twice');
      } finally {
        await h.stop();
      }
    });

    it('a bot down through both reminder times, starting at 12:45, sends only the latest: one reminder, not two', async () => {
      const { h, whole, partly } = await afterPrompts();
      try {
        h.clock.set(TUESDAY_1245);
        await h.restartBot();
        await sweep(h.bot.deps.jobs);
        assertOneReminderEach(h, whole, partly);
      } finally {
        await h.stop();
      }
    });

    it('a bot that starts after the deadline sends no reminder (and, the prompts having gone out, no note either)', async () => {
      const { h } = await afterPrompts();
      try {
        h.clock.set(TUESDAY_1305);
        await h.restartBot();
        await sweep(h.bot.deps.jobs);
        for (const reporter of h.m.reporters) assert.equal(sentTo(h, reporter).all, 0, `${reporter.name} got something after the deadline`);
        for (const c of h.m.coordinators) assert.deepEqual(tooLateTexts(h, c.id), [], 'the prompts did go out: no too-late note');
        assert.equal(h.channel.activities.length, 0);
      } finally {
        await h.stop();
      }
    });

    it('a bot that first starts after the deadline, prompts never sent, sends no reminder', async () => {
      const h = await startInstalled(TUESDAY_1305);
      try {
        await sweep(h.bot.deps.jobs);
        for (const reporter of h.m.reporters) assert.equal(sentTo(h, reporter).all, 0, `${reporter.name} got something after the deadline`);
        assert.equal(allCards(h), 0);
      } finally {
        await h.stop();
      }
    });
  });

  describe('picture: the bot was down at 14:30 on Wednesday', () => {
    const channelId = (h: BotHarness) => h.m.meetingChannel!.conversationId;

    it('a bot that starts at 16:00, during the meeting, posts the picture once', async () => {
      const h = await startInstalled(WEDNESDAY_1600);
      try {
        await sweep(h.bot.deps.jobs);
        const cards = h.channel.cardsIn(channelId(h));
        assert.ok(cards.length >= 1 + h.m.towns.length, `got ${cards.length} cards`);
        assert.match(cardText(cards[0]), /v\. 49/);
        for (const town of h.m.towns) assert.ok(cards.some((c) => cardText(c).includes(town.name)), `no card for ${town.name}`);
        const count = cards.length;
        await sweep(h.bot.deps.jobs);
        await h.restartBot();
        await sweep(h.bot.deps.jobs);
        assert.equal(h.channel.cardsIn(channelId(h)).length, count, 'the picture was posted twice');
      } finally {
        await h.stop();
      }
    });

    for (const [label, now] of [['18:00, as the meeting window closes', WEDNESDAY_1800], ['18:30', WEDNESDAY_1830]] as const) {
      it(`a bot that starts at ${label} posts nothing`, async () => {
        const h = await startInstalled(now);
        try {
          await sweep(h.bot.deps.jobs);
          assert.equal(h.channel.cardsIn(channelId(h)).length, 0, 'the picture was posted after the meeting');
          assert.equal(allCards(h), 0);
        } finally {
          await h.stop();
        }
      });
    }
  });

  describe('prompts never sent, first sweep between a reminder time and the deadline (11:30)', () => {
    // The sweep runs both the prompts occurrence and the 11:00 reminder occurrence; the reminder
    // must not repeat, in the same minute, the questionnaire the prompts just brought.
    it('sends each reporter the questionnaire once, with no instant reminder', async () => {
      const h = await startInstalled(TUESDAY_1130);
      try {
        await sweep(h.bot.deps.jobs);
        const wrong: string[] = [];
        for (const reporter of h.m.reporters) {
          const got = sentTo(h, reporter);
          assert.equal(got.prompts.length, reporter.towns.length, `${reporter.name} got ${got.prompts.length} questionnaires`);
          if (got.reminders.length !== 0) wrong.push(`${reporter.name}: ${got.prompts.length} questionnaire(s) + ${got.reminders.length} reminder(s)`);
        }
        assert.deepEqual(wrong, [], `reporters got a reminder in the same sweep as their questionnaire:\n  ${wrong.join('\n  ')}`);
      } finally {
        await h.stop();
      }
    });
  });
});
