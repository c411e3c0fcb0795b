import assert from 'node:assert/strict';
import { actionCard } from '../../cards/action-card';
import { actionListCard, MAX_LISTED_ACTIONS } from '../../cards/action-list-card';
import { cardBytes } from '../../cards/picture-split';
import { MAX_TEXT_LENGTH } from '../../domain/defaults';
import type { Action } from '../../domain/picture/meeting';
import { norrtalje } from '../cards/support/sample';
import { ofType } from '../cards/support/walk';
import { sampleActions } from './support/sample-actions';

/** The strictest message size seen on Teams paths. */
const TEAMS_LIMIT = 28 * 1024;

describe('The action cards', () => {
  const m = norrtalje();
  const ctx = { municipality: m, language: 'sv' as const, today: '2026-12-08', view: 'card' as const };

  it('show the facts, the overdue date in the attention colour, and the newest history first', () => {
    const { busy } = sampleActions(m);
    const card = actionCard({ ...ctx, action: busy, canChange: true });
    const due = ofType(card, 'TextBlock').find((b) => String(b.text).startsWith('Klart senast'));
    assert.deepEqual([due?.text, due?.color], ['Klart senast 2026-12-07 – försenad', 'Attention']);
    const facts = ofType(card, 'FactSet')[0]!.facts as Array<{ title: string; value: string }>;
    assert.deepEqual(facts.map((x) => [x.title, x.value]), [
      ['Ort', 'Rimbo'],
      ['Ansvarig', 'Räddningstjänsten Roslagen (Räddningstjänsten)'],
      ['Beslutad av', 'Karin Trygg (Trygg i Norrtälje), v. 49'],
      ['Status', 'Hindrad'],
      ['Senaste kommentar', 'Väntar på fastighetsägaren'],
    ]);
    const history = ofType(ofType(card, 'Action.ShowCard')[0]!.card as object, 'TextBlock').map((b) => String(b.text));
    assert.equal(history.length, busy.history.length);
    assert.match(history[0]!, /^2026-12-04 11:00 Räddningstjänsten Roslagen \(Räddningstjänsten\): status Hindrad – "Väntar på fastighetsägaren"$/);
    assert.match(history.at(-1)!, /beslutad, ansvarig Polisen Norrtälje \(Polisen\)$/);
  });

  it('offer no buttons and no input on a cancelled action, and say why', () => {
    const { cancelled } = sampleActions(m);
    const card = actionCard({ ...ctx, action: cancelled, canChange: true });
    assert.deepEqual(ofType(card, 'Action.Execute'), []);
    assert.deepEqual(ofType(card, 'Input.Text'), []);
    assert.match(JSON.stringify(card), /Åtgärden är struken och kan inte ändras/);
  });

  it('speak English to an English-speaking owner', () => {
    const { done } = sampleActions(m);
    const text = JSON.stringify(actionCard({ ...ctx, language: 'en', action: done, canChange: true }));
    assert.match(text, /"Done"/);
    assert.match(text, /Show history/);
    assert.doesNotMatch(text, /Klart senast/);
  });

  it('stay under Teams\' 28 KB with the longest texts and histories, a list dropping and counting what does not fit', () => {
    const { busy } = sampleActions(m);
    const long = 'å'.repeat(MAX_TEXT_LENGTH);
    const heavy = (i: number): Action => ({
      ...busy, id: `action-${'f'.repeat(16)}-${i}`, what: long, lastComment: long,
      history: Array.from({ length: 60 }, () => ({ ...busy.history.at(-1)!, comment: long })),
    });
    const single = actionCard({ ...ctx, action: heavy(0), canChange: true, comment: long, errors: ['Fel'] });
    assert.ok(cardBytes(single) < TEAMS_LIMIT, `one action: ${cardBytes(single)} bytes`);
    const many = Array.from({ length: MAX_LISTED_ACTIONS + 5 }, (_, i) => heavy(i));
    const list = actionListCard({ ...ctx, view: 'mine', title: 'Dina öppna åtgärder (17)', actions: many, canChange: () => true });
    assert.ok(cardBytes(list) < TEAMS_LIMIT, `list: ${cardBytes(list)} bytes`);
    const shown = ofType(list, 'Action.ShowCard').filter((x) => /Historik|historik/.test(String(x.title))).length;
    assert.ok(shown >= 1 && shown < many.length);
    assert.match(JSON.stringify(list), new RegExp(`… och ${many.length - shown} till\\.`));
    const light = actionListCard({ ...ctx, view: 'mine', title: 'x', actions: Array.from({ length: MAX_LISTED_ACTIONS + 2 }, (_, i) => ({ ...busy, id: `action-${i}` })), canChange: () => true });
    assert.match(JSON.stringify(light), /… och 2 till\./, 'a long list of ordinary actions shows the first ten');
  });
});
