import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { actionCard, type ActionCardContext } from '../../cards/action-card';
import { actionListCard, MAX_LISTED_ACTIONS } from '../../cards/action-list-card';
import { questionnaireCard, valuesFromAnswer } from '../../cards/questionnaire-card';
import { receiptCard } from '../../cards/receipt-card';
import { pictureOverviewCard } from '../../cards/picture-overview-card';
import { pictureTownCard } from '../../cards/picture-town-card';
import { pictureTownCardExternal } from '../../cards/picture-town-external-card';
import { splitExternalTownCard, splitTownCard } from '../../cards/picture-split';
import { instantInWeek } from '../../domain/iso-week';
import { people, type Language, type Municipality } from '../../domain/municipality';
import { compilePicture } from '../../domain/picture/compile';
import { externalVersion } from '../../domain/picture/external';
import type { Picture } from '../../domain/picture/picture';
import type { AdaptiveCardJson } from '../../cards/render';
import {
  finalizedPicture, largestWeekInput, NEXT_MEETING, norrtalje, report, sampleInput, samplePicture, WEEK,
} from './support/sample';
import { assertValidCard, cardProblems } from './support/validate';
import { repoRoot } from '../support/repo-root';
import { newAction, sampleActions } from '../actions/support/sample-actions';

type Sample = { name: string; card: AdaptiveCardJson };
type Samples = (m: Municipality, language: Language) => Sample[];

function meetingMode(m: Municipality) {
  return { readOnly: false as const, people: people(m), nextMeetingDate: NEXT_MEETING };
}

function townCards(m: Municipality, p: Picture, language: Language, label: string): Sample[] {
  return p.towns.flatMap((town) => [
    { name: `${label} ${town.name}, meeting`, card: pictureTownCard({ municipality: m, picture: p, town, language, mode: meetingMode(m) }) },
    { name: `${label} ${town.name}, read-only`, card: pictureTownCard({ municipality: m, picture: p, town, language, mode: { readOnly: true } }) },
  ]);
}

function externalCards(m: Municipality, p: Picture, language: Language): Sample[] {
  const ext = externalVersion(p);
  return ext.towns.map((town) => ({ name: `external ${town.name}`, card: pictureTownCardExternal({ municipality: m, picture: ext, town, language }) }));
}

function actionContext(m: Municipality, language: Language, view: ActionCardContext['view']): ActionCardContext {
  return { municipality: m, language, today: '2026-12-08', view, hotspotPlaces: new Map([['hotspot-1', 'Busstationen']]) };
}

/** Sample cards per template file, made by the real card functions from realistic data. */
const SAMPLES: Record<string, Samples> = {
  'action.json': (m, language) => {
    const { busy, done, cancelled } = sampleActions(m);
    const ctx = actionContext(m, language, 'card');
    return [
      { name: 'action, assigned', card: actionCard({ ...ctx, action: { ...newAction(m, 'action-new'), hotspotId: 'hotspot-1' }, canChange: true, heading: 'Ny åtgärd till dig' }) },
      { name: 'action, long history, overdue, with errors', card: actionCard({ ...ctx, action: busy, canChange: true, errors: ['För lång text.'], comment: 'utkast' }) },
      { name: 'action, done, saved', card: actionCard({ ...ctx, action: done, canChange: true, notice: 'Sparat.' }) },
      { name: 'action, cancelled', card: actionCard({ ...ctx, action: cancelled, canChange: true }) },
      { name: 'action, read-only', card: actionCard({ ...ctx, action: busy, canChange: false }) },
    ];
  },
  'action-list.json': (m, language) => {
    const { busy, done } = sampleActions(m);
    const many = Array.from({ length: MAX_LISTED_ACTIONS + 3 }, (_, i) => ({ ...busy, id: `action-${i}` }));
    return [
      { name: 'list, mine', card: actionListCard({ ...actionContext(m, language, 'mine'), title: 'Dina öppna åtgärder (2)', intro: 'Möte i dag', actions: [busy, done], canChange: () => true }) },
      { name: 'list, town, read-only, more than fit', card: actionListCard({ ...actionContext(m, language, 'town'), townId: 'rimbo', title: 'Rimbo', actions: many, canChange: () => false }) },
      { name: 'list, empty after a change', card: actionListCard({ ...actionContext(m, language, 'mine'), title: 'Inga', actions: [], canChange: () => true, notice: 'Sparat.', errors: ['Fel'] }) },
    ];
  },
  'questionnaire.json': (m, language) => {
    const town = m.towns[0]!;
    const deadline = instantInWeek(WEEK, m.schedule.deadline.day, m.schedule.deadline.time, m.timeZone);
    const answered = report(m, town.id, 3, { grade: 3, categories: ['vandalism'], what: 'Klotter vid skolan', areas: ['Skolområdet'], when: ['night'], measures: 'Sanera' });
    return [
      { name: 'questionnaire, blank', card: questionnaireCard({ municipality: m, town, week: WEEK, language, deadline, late: false }) },
      {
        name: 'questionnaire, late with errors and values',
        card: questionnaireCard({
          municipality: m, town, week: WEEK, language, deadline, late: true, values: valuesFromAnswer(answered.answer), errors: ['Välj en bedömning.', 'För lång text.'],
        }),
      },
    ];
  },
  'receipt.json': (m, language) => {
    const town = m.towns[0]!;
    const deadline = instantInWeek(WEEK, m.schedule.deadline.day, m.schedule.deadline.time, m.timeZone);
    const observed = report(m, town.id, 3, { grade: 4, categories: ['drugs', 'gatherings'], what: 'Langning', areas: ['Centrum'], place: 'bakom Konsum', when: ['evening'], measures: 'Fler vuxna ute' });
    const nothing = report(m, town.id, 9, 'nothing');
    return [
      { name: 'receipt, editable', card: receiptCard({ municipality: m, town, report: observed, language, deadline, editable: true }) },
      { name: 'receipt, nothing, late, closed', card: receiptCard({ municipality: m, town, report: nothing, language, deadline, editable: false }) },
    ];
  },
  'picture-overview.json': (m, language) => [
    { name: 'overview', card: pictureOverviewCard({ municipality: m, picture: samplePicture(m), language }) },
    { name: 'overview, finalized', card: pictureOverviewCard({ municipality: m, picture: finalizedPicture(m), language }) },
    { name: 'overview, external', card: pictureOverviewCard({ municipality: m, picture: externalVersion(samplePicture(m)), language }) },
  ],
  'picture-town.json': (m, language) => {
    const quiet = compilePicture({ ...sampleInput(m), reports: [], history: [], decisions: [], hotspots: [], actions: [] });
    const largest = compilePicture(largestWeekInput(m));
    const rimbo = largest.towns[0]!;
    const ext = externalVersion(largest);
    return [
      ...townCards(m, samplePicture(m), language, 'sample'),
      ...townCards(m, finalizedPicture(m), language, 'finalized'),
      ...townCards(m, quiet, language, 'no answers, no history'),
      ...externalCards(m, samplePicture(m), language),
      ...splitTownCard({ municipality: m, picture: largest, town: rimbo, language, mode: meetingMode(m) })
        .map((card, i) => ({ name: `largest week, part ${i + 1}`, card })),
      ...splitExternalTownCard({ municipality: m, picture: ext, town: ext.towns[0]!, language })
        .map((card, i) => ({ name: `largest week, external part ${i + 1}`, card })),
    ];
  },
};

describe('card templates', function () {
  this.timeout(60_000);
  const templatesDir = join(repoRoot(), 'cards', 'templates');
  const files = readdirSync(templatesDir).filter((f) => f.endsWith('.json')).sort();
  const m = norrtalje();

  it('are checked by a check that does catch problems: a chart without fallback, an unknown element, a duplicate id', () => {
    const chart = { type: 'Chart.Line', data: [] };
    assert.deepEqual(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ ...chart, fallback: { type: 'TextBlock', text: 'v. 48: 2' } }] }), []);
    assert.notDeepEqual(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [chart] }), []);
    assert.notDeepEqual(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Table2', fallback: { type: 'TextBlock', text: 'x' } }] }), []);
    const input = { type: 'Input.Text', id: 'what', label: 'Vad' };
    assert.notDeepEqual(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [input, input] }), []);
    assert.throws(() => assertValidCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${title}' }] }, 'unbound'));
  });

  it('have sample data for every template file, so a new template cannot skip this check', () => {
    assert.deepEqual(Object.keys(SAMPLES).sort(), files);
  });

  for (const file of files) {
    for (const language of ['sv', 'en'] as const) {
      it(`render ${file} in ${language} into cards the official parser accepts, at version 1.5, with nothing left unbound`, () => {
        const samples = SAMPLES[file];
        assert.ok(samples, `no samples for ${file}`);
        const cards = samples(m, language);
        assert.ok(cards.length > 0);
        for (const { name, card } of cards) assertValidCard(card, `${file} / ${name} / ${language}`);
      });
    }
  }
});
