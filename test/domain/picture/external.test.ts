import assert from 'node:assert/strict';
import { compilePicture } from '../../../domain/picture/compile';
import { externalVersion } from '../../../domain/picture/external';
import { municipality, report, W48 } from './fixture';

function picture() {
  return compilePicture({
    municipality: municipality(),
    week: W48,
    reports: [
      report('rimbo', 'anna', { answer: { grade: 3, what: 'Grupp vid Kalles kiosk', areas: ['Centrum'], place: 'Hos grannen', measures: 'Prata med Kalle', categories: ['gatherings'] } }),
      report('rimbo', 'bo', { kind: 'nothing' }),
    ],
    absentReporterIds: ['cia'],
    history: [],
    decisions: [{ municipalityId: 'norrtalje', week: '2026-W48', townId: 'rimbo', finalGrade: 2, situation: 'Viss oro i centrum' }],
    hotspots: [{
      id: 'h1', municipalityId: 'norrtalje', townId: 'rimbo', place: 'Centrum', reason: 'Samlingar kvällstid',
      openedWeek: '2026-W46', openedBy: 'police', openedAt: '2026-11-11T15:00:00Z',
    }],
    actions: [{
      id: 'a1', municipalityId: 'norrtalje', townId: 'rimbo', hotspotId: 'h1', what: 'Bättre belysning', ownerId: 'police',
      createdBy: 'coord', createdAt: '2026-11-18T15:00:00Z', createdWeek: '2026-W47', due: '2026-11-25', status: 'inProgress',
      history: [], lastComment: 'Pratat med Kalle',
    }],
    now: new Date('2026-11-25T13:00:00Z'),
  });
}

describe('externalVersion', () => {
  it('contains none of the reporters\' free text nor any person\'s name', () => {
    const text = JSON.stringify(externalVersion(picture()));
    for (const secret of ['Kalle', 'grannen', 'Anna Ek', 'Bo Berg', 'Cia Dahl', 'Per Polis', 'anna', 'org-anna']) {
      assert.ok(!text.includes(secret), `leaks ${secret}`);
    }
  });

  it('keeps counts of answers instead of lists of reporters', () => {
    const t = externalVersion(picture()).towns[0]!;
    assert.deepEqual(t.answers, { answered: 1, nothingToReport: 1, missing: 0, away: 1 });
    assert.equal('observations' in t, false);
  });

  it('keeps grades, the meeting\'s situation, hotspots, category counts and configured places', () => {
    const internal = picture();
    const t = externalVersion(internal).towns[0]!;
    assert.equal(t.finalGrade, 2);
    assert.equal(t.proposal.grade, 3);
    assert.equal(t.situation, 'Viss oro i centrum');
    assert.deepEqual(t.openHotspots, internal.towns[0]!.openHotspots);
    assert.deepEqual(t.categoryCounts, [{ categoryId: 'gatherings', thisWeek: 1, lastWeek: null }]);
    assert.deepEqual(t.places, [{ place: 'Centrum', count: 1, configured: true }]);
    assert.deepEqual(t.trend, internal.towns[0]!.trend);
  });

  it('keeps actions with the owner\'s organisation but not the owner or comments', () => {
    const t = externalVersion(picture()).towns[0]!;
    assert.deepEqual(t.followUp, [{ id: 'a1', what: 'Bättre belysning', hotspotId: 'h1', ownerOrganisation: 'Polisen', due: '2026-11-25', status: 'inProgress', overdue: false }]);
  });

  it('keeps the header and overview and marks itself external', () => {
    const internal = picture();
    const e = externalVersion(internal);
    assert.equal(e.external, true);
    assert.equal(e.weekLabel, 'v. 48');
    assert.deepEqual(e.overview, internal.overview);
  });
});
