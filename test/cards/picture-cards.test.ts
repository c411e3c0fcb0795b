import assert from 'node:assert/strict';
import { PICTURE_INPUT_IDS, PICTURE_VERBS } from '../../cards/picture-controls';
import { pictureOverviewCard } from '../../cards/picture-overview-card';
import { explainGradeRule } from '../../cards/picture-rule';
import { pictureTownCard, type TownCardInput } from '../../cards/picture-town-card';
import { pictureTownCardExternal } from '../../cards/picture-town-external-card';
import { people, type Language, type Municipality } from '../../domain/municipality';
import { externalVersion } from '../../domain/picture/external';
import type { Picture } from '../../domain/picture/picture';
import { finalizedPicture, NEXT_MEETING, norrtalje, samplePicture, SECRET } from './support/sample';
import { holds, ofType, textBlocks, typed, type JsonObject } from './support/walk';

const m: Municipality = norrtalje();

function rimboCard(language: Language, over: Partial<TownCardInput> = {}, picture: Picture = samplePicture(m)) {
  const town = picture.towns.find((t) => t.townId === 'rimbo');
  assert.ok(town);
  return pictureTownCard({
    municipality: m, picture, town, language, mode: { readOnly: false, people: people(m), nextMeetingDate: NEXT_MEETING }, ...over,
  });
}

function externalRimbo(language: Language) {
  const ext = externalVersion(samplePicture(m));
  const town = ext.towns.find((t) => t.townId === 'rimbo');
  assert.ok(town);
  return pictureTownCardExternal({ municipality: m, picture: ext, town, language });
}

const inputTypes = (card: object) => typed(card).filter((o) => String(o.type).startsWith('Input.'));

describe('the grading rule in words', () => {
  it('reads the median and a raise for severe reports as one sentence', () => {
    const rule = [
      { code: 'median', value: 2, n: 12 },
      { code: 'raisedForSevereReports', count: 3, atLeast: 4, from: 2, to: 3 },
    ] as const;
    assert.equal(explainGradeRule([...rule], 'sv'), 'Medianen av 12 svar är 2; höjd ett steg eftersom 3 rapportörer bedömer 4 eller högre.');
    assert.equal(explainGradeRule([...rule], 'en'), 'The median of 12 answers is 2; raised one step because 3 reporters grade 4 or higher.');
  });

  it('explains a week without answers and a raise for open hotspots', () => {
    assert.equal(explainGradeRule([{ code: 'noAnswers', fallback: 2 }], 'sv'),
      'Inga svar den här veckan; förra veckans slutliga bedömning (2) föreslås igen.');
    assert.equal(explainGradeRule([{ code: 'noAnswers' }], 'en'), 'No answers this week and no final grade last week, so no proposal.');
    assert.equal(explainGradeRule([{ code: 'median', value: 1, n: 4 }, { code: 'raisedForHotspots', count: 2, from: 1, to: 2 }], 'sv'),
      'Medianen av 4 svar är 1; höjd till 2 eftersom 2 hotspots är öppna.');
  });
});

describe('the town card', () => {
  it('shows the proposed grade with its label, its colour and the rule that produced it', () => {
    const card = rimboCard('sv');
    const proposal = ofType(card, 'Container').find((c) => String((c.items as JsonObject[])[0]?.text).startsWith('Föreslagen bedömning'));
    assert.ok(proposal);
    assert.equal(proposal.style, 'warning');
    const texts = textBlocks(card);
    assert.ok(texts.includes('Föreslagen bedömning: 🟠 3 Förhöjd oro'));
    assert.ok(texts.includes('1 svar med "inget att rapportera" räknas som 1; medianen av 8 svar är 2; höjd ett steg eftersom 3 rapportörer bedömer 4 eller högre.'));
    assert.ok(texts.includes('Slutlig bedömning: 🟠 3 Förhöjd oro'));
    assert.ok(texts.includes('Oroligt kring busstationen kvällstid; i övrigt lugnt.'), 'läget i stort');
    assert.ok(texts.includes('Förra veckan: 🟡 2 Uppmärksamhet'));
  });

  it('says the same in English', () => {
    const texts = textBlocks(rimboCard('en'));
    assert.ok(texts.includes('Proposed grade: 🟠 3 Elevated concern'));
    assert.ok(texts.includes('1 "nothing to report" answer counts as 1; the median of 8 answers is 2; raised one step because 3 reporters grade 4 or higher.'));
  });

  it('shows the spread of reporters\' grades as a count per grade', () => {
    const facts = ofType(rimboCard('sv'), 'FactSet').find((f) => JSON.stringify(f).includes('🟢 1 Normalläge'));
    assert.ok(facts);
    assert.deepEqual(facts.facts, [
      { title: '🟢 1 Normalläge', value: '1' },
      { title: '🟡 2 Uppmärksamhet', value: '4' },
      { title: '🟠 3 Förhöjd oro', value: '0' },
      { title: '🔴 4 Allvarligt läge', value: '3' },
      { title: '🟥 5 Mycket allvarligt läge', value: '0' },
    ]);
  });

  it('draws the 8-week trend as a Teams line chart with a text fallback listing every week, gaps included', () => {
    const [chart, ...more] = ofType(rimboCard('sv'), 'Chart.Line');
    assert.ok(chart);
    assert.equal(more.length, 0);
    const series = chart.data as Array<{ values: Array<{ x: string; y: number }> }>;
    assert.deepEqual(series[0]?.values.map((v) => `${v.x}=${v.y}`), ['v. 41=1', 'v. 42=2', 'v. 43=2', 'v. 45=2', 'v. 46=3', 'v. 47=2', 'v. 48=3']);
    const fallback = chart.fallback as JsonObject;
    assert.equal(fallback.type, 'TextBlock');
    assert.equal(fallback.text, 'Bedömning per vecka: v. 41: 1; v. 42: 2; v. 43: 2; v. 44: –; v. 45: 2; v. 46: 3; v. 47: 2; v. 48: 3.');
  });

  it('sorts the reporters into answered, nothing to report, missing and away, by name and organisation', () => {
    const facts = ofType(rimboCard('sv'), 'FactSet').flatMap((f) => f.facts as Array<{ title: string; value: string }>);
    const byTitle = new Map(facts.map((f) => [f.title, f.value]));
    assert.match(byTitle.get('Har rapporterat (7)') ?? '', /Per Nilsson \(Rimbo vårdcentral, sent\)/);
    assert.equal(byTitle.get('Inget att rapportera (1)'), 'Jonas Johansson (Rimbo IF)');
    assert.equal(byTitle.get('Borta (1)'), 'Eva Jansson (Ungdomsmottagningen)');
    assert.match(byTitle.get('Saknas (6)') ?? '', /Lena Pettersson \(Fältgruppen\)/);
    assert.ok(textBlocks(rimboCard('sv')).includes('8 av 14 har svarat (57 %)'));
  });

  it('lists observations with what, where, when, organisation and grade, and places, hotspots and actions', () => {
    const card = rimboCard('sv');
    const texts = textBlocks(card);
    assert.ok(texts.includes('🔴 4 Allvarligt läge · Norrtäljehem Rimbo'));
    assert.ok(holds(card, `Glasrutor krossade i busskuren; ${SECRET} fönster sprayat.`));
    assert.ok(holds(card, 'Busstationen, bakom Konsum'));
    assert.ok(holds(card, 'Kväll, Natt'));
    assert.ok(texts.includes('Busstationen (sedan v. 45)'));
    assert.ok(texts.includes('Samlingar och skadegörelse kvällstid'));
    assert.ok(texts.includes('Kontakta fastighetsägaren om klottret'), 'new action');
    assert.ok(holds(card, 'Beställt, leverans v. 49'), 'last comment');
  });

  it('highlights an overdue action in the Attention colour', () => {
    const due = ofType(rimboCard('sv'), 'TextBlock').filter((t) => String(t.text).startsWith('Klart senast'));
    assert.deepEqual(due.map((t) => [t.text, t.color]), [
      ['Klart senast 2026-11-18 – försenad', 'Attention'],
      ['Klart senast 2026-12-02', 'Default'],
      ['Klart senast 2026-12-02', 'Default'],
    ]);
  });

  it('gives the meeting its controls as Action.Execute whose data also works as Action.Submit', () => {
    const card = rimboCard('sv');
    const executes = ofType(card, 'Action.Execute');
    assert.deepEqual(executes.map((a) => a.verb), [...PICTURE_VERBS]);
    for (const a of executes) {
      // setGrade also carries what the card showed, so only the fields a participant changed are applied.
      const base = a.verb === 'setGrade' ? { baseGrade: '3', baseSituation: 'Oroligt kring busstationen kvällstid; i övrigt lugnt.' } : {};
      assert.deepEqual(a.data, { verb: a.verb, municipalityId: 'norrtalje', week: '2026-W48', townId: 'rimbo', ...base });
    }
    const ids = inputTypes(card).map((i) => i.id);
    assert.deepEqual(ids, Object.values(PICTURE_INPUT_IDS).flatMap((v) => Object.values(v)));
    assert.equal(new Set(ids).size, ids.length, 'input ids are unique');
    const due = inputTypes(card).find((i) => i.id === 'due');
    assert.equal(due?.type, 'Input.Date');
    assert.equal(due?.value, NEXT_MEETING);
    const owner = inputTypes(card).find((i) => i.id === 'ownerId');
    assert.equal((owner?.choices as unknown[]).length, people(m).length);
    const close = inputTypes(card).find((i) => i.id === 'closeHotspotId');
    assert.deepEqual((close?.choices as Array<{ value: string }>).map((c) => c.value), ['h-busstation', 'h-fiskartorpet']);
    const grade = inputTypes(card).find((i) => i.id === 'finalGrade');
    assert.equal(grade?.value, '3', 'prefilled with the final grade');
  });

  it('hides every control when read-only, and on a finalized week even if asked for them', () => {
    for (const card of [rimboCard('sv', { mode: { readOnly: true } }), rimboCard('sv', {}, finalizedPicture(m))]) {
      assert.deepEqual(card.actions, []);
      assert.deepEqual(inputTypes(card), []);
      assert.equal(ofType(card, 'Action.Execute').length + ofType(card, 'Action.ShowCard').length, 0);
    }
  });
});

describe('the external town card', () => {
  it('contains none of the reporters\' free text, names or action comments', () => {
    for (const language of ['sv', 'en'] as const) {
      const json = JSON.stringify(externalRimbo(language));
      for (const secret of [SECRET, 'Glasrutor', 'bakom Konsum', 'fler vuxna ute', 'Stationsvägen', 'Lars Olsson', 'Per Nilsson', 'Beställt, leverans', 'Polisen Norrtälje']) {
        assert.ok(!json.includes(secret), `${language}: leaks "${secret}"`);
      }
    }
  });

  it('keeps the grades, counts, the meeting\'s text, hotspots and actions, without controls', () => {
    const card = externalRimbo('sv');
    const texts = textBlocks(card);
    assert.ok(texts.includes('Slutlig bedömning: 🟠 3 Förhöjd oro'));
    assert.ok(texts.includes('Oroligt kring busstationen kvällstid; i övrigt lugnt.'));
    assert.ok(texts.includes('Busstationen (sedan v. 45)'));
    assert.ok(texts.includes('Byta trasig belysning vid busskuren'));
    assert.ok(texts.some((t) => t.startsWith('Extern version')));
    assert.ok(ofType(card, 'Chart.Line').length === 1);
    assert.deepEqual(card.actions, []);
  });
});

describe('the overview card', () => {
  it('heads the week with its number and meeting date, and gives each town\'s grade and answer rate', () => {
    const texts = textBlocks(pictureOverviewCard({ municipality: m, picture: samplePicture(m), language: 'sv' }));
    assert.equal(texts[0], 'Lägesbild v. 48');
    assert.equal(texts[1], 'Möte onsdag 25 november 2026');
    assert.ok(texts.includes('Preliminär: mötet har inte fastställt veckan ännu.'));
    assert.ok(texts.includes('Rimbo: 🟠 3 Förhöjd oro (fastställd)'));
    assert.ok(texts.includes('Norrtälje: 🟢 1 Normalläge (förslag)'));
    assert.ok(texts.includes('8 av 14 har svarat (57 %)'));
    assert.ok(texts.includes('Totalt: 11 av 44 har svarat (25 %)'));
  });

  it('colours each town by its grade and says when the week is finalized', () => {
    const card = pictureOverviewCard({ municipality: m, picture: finalizedPicture(m), language: 'en' });
    const towns = ofType(card, 'Container');
    assert.deepEqual(towns.map((c) => c.style), ['warning', 'good', 'warning']);
    assert.ok(textBlocks(card).includes('Finalized by the meeting.'));
  });
});
