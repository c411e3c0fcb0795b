import assert from 'node:assert/strict';
import { cardBytes, DEFAULT_CARD_BUDGET, splitExternalTownCard, splitTownCard } from '../../cards/picture-split';
import { pictureTownCard } from '../../cards/picture-town-card';
import type { AdaptiveCardJson } from '../../cards/render';
import { people } from '../../domain/municipality';
import { compilePicture, type CompileInput } from '../../domain/picture/compile';
import { externalVersion } from '../../domain/picture/external';
import { largestWeekInput, NEXT_MEETING, norrtalje, samplePicture } from './support/sample';
import { cardProblems } from './support/validate';
import { holds, ofType } from './support/walk';

/** Teams' strictest limit seen for one message. */
const TEAMS_LIMIT = 28_000;

describe('splitting a town card by size', function () {
  this.timeout(60_000);
  const m = norrtalje();
  const mode = { readOnly: false as const, people: people(m), nextMeetingDate: NEXT_MEETING };
  let input: CompileInput;
  let parts: AdaptiveCardJson[];

  before(() => {
    input = largestWeekInput(m);
    const picture = compilePicture(input);
    parts = splitTownCard({ municipality: m, picture, town: picture.towns[0]!, language: 'sv', mode });
  });

  const inHowManyCards = (text: string) => parts.filter((card) => holds(card, text)).length;

  it('keeps a normal week in one card, the same as the unsplit card', () => {
    const picture = samplePicture(m);
    const town = picture.towns[0]!;
    const cards = splitTownCard({ municipality: m, picture, town, language: 'sv', mode });
    assert.equal(cards.length, 1);
    assert.deepEqual(cards[0], pictureTownCard({ municipality: m, picture, town, language: 'sv', mode }));
  });

  it('splits the largest realistic week (15 reporters, 2000-character texts, 10 hotspots, 15 actions) into cards each under 28 KB', () => {
    const whole = compilePicture(input);
    assert.ok(cardBytes(pictureTownCard({ municipality: m, picture: whole, town: whole.towns[0]!, language: 'sv', mode })) > TEAMS_LIMIT,
      'the sample is big enough to need splitting');
    assert.ok(parts.length > 1);
    for (const [i, card] of parts.entries()) {
      const bytes = Buffer.byteLength(JSON.stringify(card));
      assert.ok(bytes < TEAMS_LIMIT, `part ${i + 1} is ${bytes} bytes`);
      assert.ok(bytes <= DEFAULT_CARD_BUDGET, `part ${i + 1} is ${bytes} bytes, over the default budget`);
      assert.deepEqual(cardProblems(card), [], `part ${i + 1} is a valid card`);
    }
  });

  it('loses no observation: every reporter\'s texts appear in exactly one card', () => {
    assert.equal(input.reports.length, 15);
    for (const r of input.reports) {
      assert.equal(r.answer.what.length, 2000);
      for (const text of [r.answer.what, r.answer.place, r.answer.measures]) {
        assert.equal(inHowManyCards(text), 1, `${r.organisation}: "${text.slice(0, 30)}…"`);
      }
    }
  });

  it('loses no hotspot and no action either', () => {
    for (const h of input.hotspots) {
      assert.equal(inHowManyCards(h.place), 1, h.id);
      assert.equal(inHowManyCards(h.reason), 1, h.id);
    }
    for (const a of input.actions) {
      assert.equal(inHowManyCards(a.what), 1, a.id);
      assert.equal(inHowManyCards(a.lastComment ?? ''), 1, a.id);
    }
  });

  it('names continuation cards "Rimbo (forts. k/n)", keeps the controls on the first and says where lists go on', () => {
    const n = parts.length;
    assert.equal(parts[0]?.speak, 'Rimbo, v. 48');
    parts.slice(1).forEach((card, i) => assert.equal(card.speak, `Rimbo (forts. ${i + 2}/${n}), v. 48`));
    assert.ok(ofType(parts[0]!, 'Action.Execute').length > 0);
    for (const card of parts.slice(1)) assert.deepEqual(card.actions, []);
    assert.ok(holds(parts[0]!, `Fortsätter i kort 2 av ${n}.`));
  });

  it('splits the external version too, which has no observations at all', () => {
    const ext = externalVersion(compilePicture(input));
    const cards = splitExternalTownCard({ municipality: m, picture: ext, town: ext.towns[0]!, language: 'en' });
    assert.ok(cards.length > 1);
    for (const card of cards) assert.ok(cardBytes(card) <= DEFAULT_CARD_BUDGET);
    for (const r of input.reports) assert.equal(cards.filter((c) => holds(c, r.answer.what)).length, 0);
    for (const a of input.actions) assert.equal(cards.filter((c) => holds(c, a.what)).length, 1, a.id);
  });

  it('refuses, rather than truncating, when a single item cannot fit the budget', () => {
    // One long observation and a small head: the head fits 6 KB, the observation (three 2000-character texts) does not.
    const picture = compilePicture({ ...input, reports: input.reports.slice(0, 1), decisions: [], hotspots: [], actions: [] });
    const town = picture.towns[0]!;
    assert.throws(() => splitTownCard({ municipality: m, picture, town, language: 'sv', mode: { readOnly: true } }, 6_000),
      /One observations item is about \d+ bytes as a card of its own, over the budget of 6000/);
  });
});
