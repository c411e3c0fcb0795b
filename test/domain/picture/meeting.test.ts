import assert from 'node:assert/strict';
import {
  addAction, cancelAction, changeActionStatus, closeHotspot, commentAction, finalizeWeek, openHotspot,
  reassignAction, setTownDecision, type Action, type Hotspot, type MeetingResult,
} from '../../../domain/picture/meeting';
import { weekKey } from '../../../domain/iso-week';
import { change, W48, W53 } from './fixture';

function ok<T>(r: MeetingResult<T>): T {
  if (!r.ok) assert.fail(`refused: ${JSON.stringify(r.errors)}`);
  return r.value;
}

function codes<T>(r: MeetingResult<T>): string[] {
  return r.ok ? [] : r.errors.map((e) => e.code);
}

const meeting = change('police', '2026-11-25T14:30:00Z');

function hotspot(): Hotspot {
  return ok(openHotspot({ id: 'h1', municipalityId: 'norrtalje', townId: 'rimbo', place: ' Centrum ', reason: 'Samlingar kvällstid' }, meeting));
}

function action(): Action {
  return ok(addAction({
    id: 'a1', municipalityId: 'norrtalje', townId: 'rimbo', what: 'Se över belysningen', ownerId: 'coord', nextMeetingDate: '2026-12-02',
  }, meeting));
}

describe('hotspots', () => {
  it('opens a hotspot with who, when and the week', () => {
    assert.deepEqual(hotspot(), {
      id: 'h1', municipalityId: 'norrtalje', townId: 'rimbo', place: 'Centrum', reason: 'Samlingar kvällstid',
      openedWeek: '2026-W48', openedBy: 'police', openedAt: '2026-11-25T14:30:00.000Z',
    });
  });

  it('refuses a hotspot without place or reason', () => {
    const r = openHotspot({ id: 'h', municipalityId: 'norrtalje', townId: 'rimbo', place: ' ', reason: '' }, meeting);
    assert.deepEqual(r, { ok: false, errors: [{ code: 'textMissing', field: 'place' }, { code: 'textMissing', field: 'reason' }] });
  });

  it('refuses a reason carrying a phone number, since hotspots go out in the external picture', () => {
    const r = openHotspot({ id: 'h', municipalityId: 'norrtalje', townId: 'rimbo', place: 'Torget', reason: 'Ring 070-123 45 67' }, meeting);
    assert.deepEqual(codes(r), ['personalData']);
  });

  it('closes an open hotspot and keeps it for the record', () => {
    const closed = ok(closeHotspot(hotspot(), change('coord', '2027-01-01T10:00:00Z', W53)));
    assert.equal(closed.closedWeek, '2026-W53');
    assert.equal(closed.closedBy, 'coord');
    assert.equal(closed.closedAt, '2027-01-01T10:00:00.000Z');
    assert.equal(closed.place, 'Centrum');
  });

  it('refuses to close a closed hotspot', () => {
    const closed = ok(closeHotspot(hotspot(), meeting));
    assert.deepEqual(closeHotspot(closed, meeting), { ok: false, errors: [{ code: 'hotspotClosed', hotspotId: 'h1' }] });
  });
});

describe('actions', () => {
  it('adds an open action due at the next meeting, with a created event', () => {
    const a = action();
    assert.equal(a.due, '2026-12-02');
    assert.equal(a.status, 'open');
    assert.equal(a.createdWeek, '2026-W48');
    assert.deepEqual(a.history, [{ at: '2026-11-25T14:30:00.000Z', by: 'police', kind: 'created', status: 'open', toOwner: 'coord' }]);
  });

  it('uses a due date given instead of the next meeting', () => {
    const a = ok(addAction({
      id: 'a', municipalityId: 'norrtalje', townId: 'rimbo', what: 'x', ownerId: 'coord', due: '2026-12-24', nextMeetingDate: '2026-12-02',
    }, meeting));
    assert.equal(a.due, '2026-12-24');
  });

  it('refuses an impossible due date and an empty what', () => {
    const r = addAction({
      id: 'a', municipalityId: 'norrtalje', townId: 'rimbo', what: ' ', ownerId: 'coord', due: '2026-02-30', nextMeetingDate: '2026-12-02',
    }, meeting);
    assert.deepEqual(codes(r), ['textMissing', 'invalidDate']);
  });

  it('links an action to an open hotspot of the same town only', () => {
    const h = hotspot();
    const input = { id: 'a', municipalityId: 'norrtalje', townId: 'rimbo', what: 'Vakter', ownerId: 'coord', nextMeetingDate: '2026-12-02' };
    assert.equal(ok(addAction({ ...input, hotspot: h }, meeting)).hotspotId, 'h1');
    assert.deepEqual(codes(addAction({ ...input, townId: 'hallstavik', hotspot: h }, meeting)), ['hotspotElsewhere']);
    assert.deepEqual(codes(addAction({ ...input, hotspot: ok(closeHotspot(h, meeting)) }, meeting)), ['hotspotClosed']);
  });

  it('changes the status, records the event and the comment', () => {
    const a = ok(changeActionStatus(action(), 'inProgress', change('coord', '2026-11-27T08:00:00Z'), ' Beställt '));
    assert.equal(a.status, 'inProgress');
    assert.equal(a.lastComment, 'Beställt');
    assert.deepEqual(a.history.at(-1), { at: '2026-11-27T08:00:00.000Z', by: 'coord', kind: 'status', status: 'inProgress', comment: 'Beställt' });
  });

  it('records the week an action is done, and forgets it when reopened', () => {
    const done = ok(changeActionStatus(action(), 'done', change('coord', '2026-12-29T08:00:00Z', W53)));
    assert.equal(done.doneWeek, '2026-W53');
    const reopened = ok(changeActionStatus(done, 'inProgress', change('coord', '2026-12-30T08:00:00Z', W53)));
    assert.equal(reopened.doneWeek, undefined);
    assert.ok(!('doneWeek' in reopened));
  });

  it('refuses a status the action already has', () => {
    assert.deepEqual(changeActionStatus(action(), 'open', meeting), { ok: false, errors: [{ code: 'statusUnchanged', status: 'open' }] });
  });

  it('refuses an unknown status from a card', () => {
    assert.deepEqual(codes(changeActionStatus(action(), 'finished' as never, meeting)), ['unknownStatus']);
  });

  it('treats a change to cancelled as a cancellation', () => {
    const a = ok(changeActionStatus(action(), 'cancelled', meeting));
    assert.equal(a.status, 'cancelled');
    assert.equal(a.history.at(-1)?.kind, 'cancelled');
  });

  it('refuses any change to a cancelled action', () => {
    const cancelled = ok(cancelAction(action(), meeting, 'Dubblett'));
    assert.equal(cancelled.lastComment, 'Dubblett');
    const refused = { ok: false, errors: [{ code: 'actionCancelled', actionId: 'a1' }] };
    assert.deepEqual(changeActionStatus(cancelled, 'inProgress', meeting), refused);
    assert.deepEqual(commentAction(cancelled, 'hej', meeting), refused);
    assert.deepEqual(reassignAction(cancelled, 'police', meeting), refused);
    assert.deepEqual(cancelAction(cancelled, meeting), refused);
  });

  it('adds a comment, also to a done action', () => {
    const done = ok(changeActionStatus(action(), 'done', meeting));
    const a = ok(commentAction(done, 'Klart, lampor bytta', change('coord', '2026-11-28T09:00:00Z')));
    assert.equal(a.lastComment, 'Klart, lampor bytta');
    assert.deepEqual(a.history.at(-1), { at: '2026-11-28T09:00:00.000Z', by: 'coord', kind: 'comment', comment: 'Klart, lampor bytta' });
  });

  it('refuses an empty comment', () => {
    assert.deepEqual(codes(commentAction(action(), '  ', meeting)), ['textMissing']);
  });

  it('reassigns an action, sending an accepted one back to open', () => {
    const accepted = ok(changeActionStatus(action(), 'accepted', meeting));
    const a = ok(reassignAction(accepted, 'police', change('coord', '2026-11-26T09:00:00Z')));
    assert.equal(a.ownerId, 'police');
    assert.equal(a.status, 'open');
    assert.deepEqual(a.history.at(-1), {
      at: '2026-11-26T09:00:00.000Z', by: 'coord', kind: 'reassigned', fromOwner: 'coord', toOwner: 'police', status: 'open',
    });
  });

  it('keeps work in progress in progress when reassigned', () => {
    const started = ok(changeActionStatus(action(), 'inProgress', meeting));
    assert.equal(ok(reassignAction(started, 'police', meeting)).status, 'inProgress');
  });

  it('refuses to reassign to the same owner or a done action', () => {
    assert.deepEqual(codes(reassignAction(action(), 'coord', meeting)), ['sameOwner']);
    const done = ok(changeActionStatus(action(), 'done', meeting));
    assert.deepEqual(codes(reassignAction(done, 'police', meeting)), ['actionDone']);
  });

  it('never changes the action it is given', () => {
    const a = action();
    const before = JSON.stringify(a);
    ok(changeActionStatus(a, 'done', meeting, 'klart'));
    ok(reassignAction(a, 'police', meeting));
    ok(cancelAction(a, meeting));
    assert.equal(JSON.stringify(a), before);
  });
});

describe('town decisions', () => {
  const key = { municipalityId: 'norrtalje', week: '2026-W48', townId: 'rimbo' };

  it('sets the final grade and situation with who and when', () => {
    const d = ok(setTownDecision({ ...key, finalGrade: 2, situation: ' Lugnt, viss oro vid skolan ' }, meeting));
    assert.deepEqual(d, { ...key, finalGrade: 2, situation: 'Lugnt, viss oro vid skolan', decidedBy: 'police', decidedAt: '2026-11-25T14:30:00.000Z' });
  });

  it('keeps what is not changed and clears the grade on null', () => {
    const first = ok(setTownDecision({ ...key, finalGrade: 3, situation: 'Oro' }, meeting));
    const second = ok(setTownDecision({ ...key, current: first, situation: 'Oro vid torget' }, change('coord', '2026-11-25T15:10:00Z')));
    assert.equal(second.finalGrade, 3);
    assert.equal(second.decidedBy, 'coord');
    const cleared = ok(setTownDecision({ ...key, current: second, finalGrade: null }, meeting));
    assert.equal(cleared.finalGrade, undefined);
    assert.equal(cleared.situation, 'Oro vid torget');
  });

  it('refuses a grade outside 1 to 5', () => {
    assert.deepEqual(setTownDecision({ ...key, finalGrade: 6 as never }, meeting), { ok: false, errors: [{ code: 'gradeOutOfRange', value: '6' }] });
  });

  it('refuses changes once the week is finalized', () => {
    const state = ok(finalizeWeek(undefined, 'norrtalje', '2026-W48', meeting));
    assert.deepEqual(setTownDecision({ ...key, finalGrade: 1, weekState: state }, meeting), {
      ok: false, errors: [{ code: 'weekFinalized', week: '2026-W48' }],
    });
  });

  it('refuses a stored decision of another town', () => {
    const other = ok(setTownDecision({ ...key, townId: 'hallstavik', finalGrade: 1 }, meeting));
    assert.deepEqual(codes(setTownDecision({ ...key, current: other, finalGrade: 2 }, meeting)), ['mismatch']);
  });
});

describe('week state', () => {
  it('finalizes a week once', () => {
    const state = ok(finalizeWeek({ municipalityId: 'norrtalje', week: '2026-W48' }, 'norrtalje', '2026-W48', meeting));
    assert.deepEqual(state, { municipalityId: 'norrtalje', week: '2026-W48', finalizedAt: '2026-11-25T14:30:00.000Z', finalizedBy: 'police' });
    assert.deepEqual(codes(finalizeWeek(state, 'norrtalje', '2026-W48', meeting)), ['weekFinalized']);
  });

  it('uses the picture\'s week, not the week of the change', () => {
    const state = ok(finalizeWeek(undefined, 'norrtalje', weekKey(W48), change('coord', '2026-12-01T08:00:00Z', { year: 2026, week: 49 })));
    assert.equal(state.week, '2026-W48');
  });
});
