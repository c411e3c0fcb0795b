import assert from 'node:assert/strict';
import { questionnaireCard } from '../../cards/questionnaire-card';
import { parseWeekKey } from '../../domain/iso-week';
import { roundTimes } from '../../domain/round';
import { execute, submit, type User } from '../support/activities';
import { BotHarness, cardText } from '../support/bot-harness';

/** Tuesday 1 December 2026, 10:00 in Stockholm. */
const NOW = '2026-12-01T09:00:00Z';

describe('The questionnaire over the Bot Framework protocol', function () {
  this.timeout(30_000);
  let h: BotHarness;
  let reporter: User;
  let townId: string;

  before(async () => {
    h = await BotHarness.start({ now: NOW });
    reporter = { aadObjectId: h.m.reporters[0]!.id };
    townId = h.m.reporters[0]!.towns[0]!;
  });
  after(() => h.stop());
  beforeEach(() => h.clock.set(NOW));

  const base = () => ({ verb: 'submitReport', municipalityId: h.m.id, week: '2026-W49', townId });

  it('refuses an out-of-range grade, an unknown category and personal data, and keeps what was typed', async () => {
    const res = await h.post(execute(h.ctx, reporter, 'submitReport', {
      ...base(), grade: '7', categories: 'vandalism,teleportation', what: 'Ring 070-123 45 67 om bilen ABC 123', place: 'Torget',
    }));
    const card = BotHarness.invokeCard(res.body)!;
    const text = cardText(card);
    assert.match(text, /Bedömningen måste vara 1–5/);
    assert.match(text, /Okänd kategori: \\"teleportation\\"/);
    assert.match(text, /personuppgifter/);
    assert.match(text, /Ring 070-123 45 67 om bilen ABC 123/, 'the typed text is still in the card');
    const { reports } = await h.stores.weekly.listWeek(h.m.id, '2026-W49');
    assert.equal(reports.length, 0, 'nothing was stored');
  });

  it('refuses a submit from someone who is not a reporter for that town, and stores nothing', async () => {
    const other = h.m.reporters.find((r) => !r.towns.includes(townId))!;
    const res = await h.post(execute(h.ctx, { aadObjectId: other.id }, 'submitReport', { ...base(), grade: '2' }));
    assert.match(BotHarness.invokeMessage(res.body)!, /inte registrerad som rapportör/);
    const { reports } = await h.stores.weekly.listWeek(h.m.id, '2026-W49');
    assert.equal(reports.length, 0);
  });

  it('ignores an identity written into the card data: the activity decides who answers', async () => {
    const res = await h.post(execute(h.ctx, reporter, 'submitReport', { ...base(), grade: '2', reporterId: h.m.reporters[5]!.id }));
    assert.ok(BotHarness.invokeCard(res.body));
    const { reports } = await h.stores.weekly.listWeek(h.m.id, '2026-W49');
    assert.deepEqual(reports.map((r) => r.reporterId), [reporter.aadObjectId]);
  });

  it('marks an answer after the deadline as late but still takes it', async () => {
    h.clock.set('2026-12-01T12:30:00Z');
    const late = { aadObjectId: h.m.reporters[1]!.id };
    const res = await h.post(execute(h.ctx, late, 'submitReport', { ...base(), townId: h.m.reporters[1]!.towns[0]!, grade: '1' }));
    const receipt = cardText(BotHarness.invokeCard(res.body));
    assert.match(receipt, /markerat som sent/);
    assert.doesNotMatch(receipt, /editReport/, 'no Edit after the deadline');
  });

  it('tells a reporter clicking last week\'s card that it is closed and offers this week\'s', async () => {
    const res = await h.post(execute(h.ctx, reporter, 'submitReport', { ...base(), week: '2026-W48', grade: '2' }));
    const card = BotHarness.invokeCard(res.body)!;
    assert.match(cardText(card), /Enkäten för v\. 48 är stängd/);
    const submitAction = (card.actions as Array<{ verb: string; data: { week: string } }>).find((a) => a.verb === 'submitReport')!;
    assert.equal(submitAction.data.week, '2026-W49');
  });

  it('answers a malformed submit and an unknown verb with a clear message', async () => {
    const malformed = await h.post(execute(h.ctx, reporter, 'submitReport', { week: 'next tuesday', townId: 42 }));
    assert.match(BotHarness.invokeMessage(malformed.body)!, /Kortet kunde inte läsas/);
    const unknown = await h.post(execute(h.ctx, reporter, 'launchRockets', {}));
    assert.equal(unknown.status, 200);
    assert.match(BotHarness.invokeMessage(unknown.body)!, /Kortet kunde inte läsas/);
  });

  it('handles the Action.Submit fallback by replying with the new card', async () => {
    h.channel.clear();
    const res = await h.post(submit(h.ctx, reporter, { ...base(), grade: '3', what: 'Fallback-svar' }));
    assert.equal(res.status, 200);
    const cards = h.cardsFor(reporter);
    assert.equal(cards.length, 1);
    assert.match(cardText(cards[0]), /Fallback-svar/);
  });

  it('tells the reporter the answer was not saved when the store is down, and keeps the text', async () => {
    await h.cosmos.stop();
    try {
      const res = await h.post(execute(h.ctx, reporter, 'submitReport', { ...base(), grade: '4', what: 'Skrivet under avbrottet' }));
      const card = cardText(BotHarness.invokeCard(res.body));
      assert.match(card, /kunde inte sparas just nu/);
      assert.match(card, /Skrivet under avbrottet/);
    } finally {
      h.clock.set(NOW);
    }
  });

  it('renders the English questionnaire for an English-speaking reporter', () => {
    const en = h.m.reporters.find((r) => r.language === 'en')!;
    const week = parseWeekKey('2026-W49')!;
    const card = questionnaireCard({
      municipality: h.m, town: h.m.towns.find((t) => t.id === en.towns[0])!, week, language: 'en',
      deadline: roundTimes(h.m, week).deadline, late: false,
    });
    const text = cardText(card);
    assert.match(text, /This is not a police report/);
    assert.match(text, /114 14/);
    assert.match(text, /Tuesday 13:00/);
  });
});
