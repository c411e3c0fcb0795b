import assert from 'node:assert/strict';
import { handlePrivacyCommand, MAX_JSON_BYTES, parsePrivacyCommand, type PrivacyDeps } from '../../bot/handlers/privacy';
import type { TurnScope } from '../../bot/turn-scope';
import { fixedClock } from '../../domain/clock';
import { DEFAULT_CATEGORIES, DEFAULT_SCALE, DEFAULT_SCHEDULE } from '../../domain/defaults';
import { Directory } from '../../domain/directory';
import type { Language, Municipality } from '../../domain/municipality';
import { pseudonymOf } from '../../domain/personal-records';
import { messages } from '../../i18n';
import { LocalCosmos } from '../../store/local-cosmos';
import { storesOn, type Stores } from '../../store/open-store';
import { ANNA, BO, KIM, M1, report, seed, snapshot } from './seed';

const m1: Municipality = {
  id: M1, name: 'Kommun 1', language: 'sv', timeZone: 'Europe/Stockholm', tenantId: 'tenant-1',
  towns: [{ id: 'rimbo', name: 'Rimbo', areas: ['Centrum'] }],
  coordinators: [{ id: KIM, name: 'Kim Samordnare', organisation: 'Kommunen' }],
  meetingMembers: [],
  reporters: [{ id: ANNA, name: 'Anna Ek', organisation: 'Fritidsgården', towns: ['rimbo'] }, { id: BO, name: 'Bo Berg', organisation: 'Bostadsbolaget', towns: ['rimbo'] }],
  summaryRecipients: [], schedule: DEFAULT_SCHEDULE, categories: DEFAULT_CATEGORIES, scale: DEFAULT_SCALE, retentionDays: 365,
};

function scope(userId: string, language: Language = 'sv'): TurnScope {
  return { m: m1, userId, language, t: messages(language) };
}

describe('The coordinators\' export and erase commands', function () {
  this.timeout(60_000);
  let cosmos: LocalCosmos;
  let stores: Stores;
  let deps: PrivacyDeps;

  beforeEach(async () => {
    cosmos = await LocalCosmos.start({ database: 'privacy-test' });
    const connection = await cosmos.connect();
    stores = storesOn(connection, 'test', async () => connection.dispose());
    await seed(stores);
    deps = { directory: new Directory([m1], stores.registry), personData: stores.personData, audit: stores.audit, clock: fixedClock('2026-12-10T10:00:00Z') };
  });
  afterEach(async () => {
    await stores.close();
    await cosmos.stop();
  });

  it('reads the commands in Swedish and English, and leaves every other message alone', () => {
    assert.deepEqual(parsePrivacyCommand('exportera anna-0001'), { kind: 'export', userId: ANNA });
    assert.deepEqual(parsePrivacyCommand('Export  `anna-0001`'), { kind: 'export', userId: ANNA });
    assert.deepEqual(parsePrivacyCommand('radera anna-0001'), { kind: 'erase', userId: ANNA, confirmed: false });
    assert.deepEqual(parsePrivacyCommand('radera anna-0001 Bekräfta'), { kind: 'erase', userId: ANNA, confirmed: true });
    assert.deepEqual(parsePrivacyCommand('erase anna-0001 confirm'), { kind: 'erase', userId: ANNA, confirmed: true });
    assert.deepEqual(parsePrivacyCommand('radera anna-0001 ja'), { kind: 'usage' }, 'only the confirm word is consent');
    assert.deepEqual(parsePrivacyCommand('radera'), { kind: 'usage' });
    assert.deepEqual(parsePrivacyCommand('exportera a b'), { kind: 'usage' });
    assert.deepEqual(parsePrivacyCommand('radera 29:abc bekräfta'), { kind: 'usage' });
    for (const text of ['status', 'rapportör ta bort anna-0001', 'exporter x', '', 'hjälp']) assert.equal(parsePrivacyCommand(text), undefined, text);
  });

  it('answers only coordinators', async () => {
    assert.equal(await handlePrivacyCommand(deps, scope(BO), `radera ${ANNA} bekräfta`), messages('sv').errors.notCoordinator);
    assert.ok(await stores.weekly.getReport(M1, '2026-W49', 'rimbo', ANNA), 'nothing erased');
    assert.equal(await handlePrivacyCommand(deps, scope(KIM), 'status'), undefined);
  });

  it('exports with counts per kind and the JSON in a code block, and records the export in the trail', async () => {
    const reply = await handlePrivacyCommand(deps, scope(KIM), `exportera ${ANNA}`);
    assert.ok(reply);
    assert.match(reply, /Sparade uppgifter om anna-0001/);
    assert.match(reply, /- 2 svar/);
    assert.match(reply, /- 3 poster i ändringsloggen/);
    const json = /```json\n([\s\S]+)\n```/.exec(reply)?.[1];
    assert.ok(json, reply);
    const parsed = JSON.parse(json) as { userId: string; reports: unknown[]; audit: unknown[] };
    assert.deepEqual([parsed.userId, parsed.reports.length, parsed.audit.length], [ANNA, 2, 3]);
    const trail = await stores.audit.list(M1, { subject: ANNA });
    assert.deepEqual(trail.filter((e) => e.kind === 'personExported').map((e) => [e.actorId, e.change.reports]), [[KIM, 2]]);
    const en = await handlePrivacyCommand(deps, scope(KIM, 'en'), `export ${ANNA}`);
    assert.match(en ?? '', /Data stored about anna-0001/);
  });

  it('sends a large export to the script instead of the chat', async () => {
    const long = 'Lugnt. '.repeat(280);
    for (let w = 10; w < 30; w++) await stores.weekly.saveReport(report(M1, ANNA, `2026-W${w}`, long));
    const reply = await handlePrivacyCommand(deps, scope(KIM), `exportera ${ANNA}`);
    assert.ok(reply && Buffer.byteLength(reply) < MAX_JSON_BYTES);
    assert.doesNotMatch(reply, /```json/);
    assert.match(reply, /npm run export-person -- m1 anna-0001/);
    assert.match(reply, /- 22 svar/);
  });

  it('without the confirm word shows what would be erased and changes nothing at all', async () => {
    const before = await snapshot(stores);
    const reply = await handlePrivacyCommand(deps, scope(KIM), `radera ${ANNA}`);
    assert.deepEqual(await snapshot(stores), before, 'not a single document changed, not even the trail');
    assert.ok(reply);
    assert.match(reply, /Inget är ändrat än/);
    assert.match(reply, /Raderas:\n- 2 svar\n- 1 frånvaroanmälningar\n- 1 registreringar/);
    assert.match(reply, /Id:t byts mot en pseudonym:\n- 1 registerändringar\n- 1 ortbeslut/);
    assert.match(reply, /`radera anna-0001 bekräfta`/);
    assert.match(reply, /Konfigurationsfilen nämner personen som rapportör/);
  });

  it('erases with the confirm word, names the pseudonym and says the configuration file still lists her', async () => {
    const reply = await handlePrivacyCommand(deps, scope(KIM, 'en'), `erase ${ANNA} confirm`);
    assert.ok(reply);
    assert.match(reply, new RegExp(`now say ${pseudonymOf(ANNA)}`));
    assert.match(reply, /Deleted:\n- 2 answers/);
    assert.match(reply, /The configuration file names the person as reporter/);
    assert.equal(await stores.weekly.getReport(M1, '2026-W49', 'rimbo', ANNA), undefined);
    const current = await deps.directory.current(M1);
    assert.deepEqual(current.reporters.map((r) => r.id), [BO], 'off the effective reporter list at once');
    assert.match(await handlePrivacyCommand(deps, scope(KIM), `radera ${ANNA}`) ?? '', /Inget finns sparat om anna-0001; inget att radera/);
  });

  it('for someone the file does not list, says the file may still name them', async () => {
    const reply = await handlePrivacyCommand(deps, scope(KIM), 'radera nobody-9 bekräfta');
    assert.match(reply ?? '', /Konfigurationsfilen \(YAML\) kan fortfarande nämna personen/);
  });
});
