import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppPackage, parseEnvFile, type JsonObject } from '../../scripts/package-app';
import { SAMPLE_VARIABLES, appPackagePath, botOf } from './fixtures';
import { readZipEntries } from './zip-entries';

describe('buildAppPackage', () => {
  let work: string;
  let emptyEnvDir: string;

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'app-package-'));
    emptyEnvDir = mkdtempSync(join(tmpdir(), 'app-package-env-'));
  });

  afterEach(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(emptyEnvDir, { recursive: true, force: true });
  });

  it('zips exactly the manifest, the English localization and the two icons at the root', async () => {
    const result = await buildAppPackage({ env: 'test', variables: SAMPLE_VARIABLES, outDir: work, envDir: emptyEnvDir });
    assert.equal(result.zipPath, join(work, 'appPackage.test.zip'));
    const entries = readZipEntries(readFileSync(result.zipPath));
    assert.deepEqual([...entries.keys()].sort(), ['color.png', 'en-US.json', 'manifest.json', 'outline.png']);
    assert.ok(entries.get('color.png')?.equals(readFileSync(appPackagePath('color.png'))));
    assert.ok(entries.get('outline.png')?.equals(readFileSync(appPackagePath('outline.png'))));
  });

  it('fills the bot id, app id and domain and leaves no placeholder behind', async () => {
    const result = await buildAppPackage({ env: 'test', variables: SAMPLE_VARIABLES, outDir: work, envDir: emptyEnvDir });
    const entries = readZipEntries(readFileSync(result.zipPath));
    const manifestText = entries.get('manifest.json')!.toString('utf8');
    assert.ok(!manifestText.includes('${{'), 'manifest.json still has a placeholder');
    assert.ok(!entries.get('en-US.json')!.toString('utf8').includes('${{'), 'en-US.json still has a placeholder');
    const manifest = JSON.parse(manifestText) as JsonObject;
    assert.equal(botOf(manifest).botId, SAMPLE_VARIABLES.BOT_ID);
    assert.equal(manifest.id, SAMPLE_VARIABLES.TEAMS_APP_ID);
    assert.deepEqual(manifest.validDomains, [SAMPLE_VARIABLES.BOT_DOMAIN]);
  });

  it('uses the bot id as the Teams app id when TEAMS_APP_ID is not set', async () => {
    const { TEAMS_APP_ID: _unused, ...withoutAppId } = SAMPLE_VARIABLES;
    const result = await buildAppPackage({ env: 'test', variables: withoutAppId, outDir: work, envDir: emptyEnvDir });
    assert.equal(result.manifest.id, SAMPLE_VARIABLES.BOT_ID);
  });

  it('names BOT_ID when it is missing', async () => {
    const { BOT_ID: _unused, TEAMS_APP_ID: _alsoUnused, ...withoutBotId } = SAMPLE_VARIABLES;
    await assert.rejects(
      buildAppPackage({ env: 'test', variables: withoutBotId, outDir: work, envDir: emptyEnvDir }),
      (error: Error) => {
        assert.equal(error.name, 'AppPackageError');
        assert.match(error.message, /Missing variables .*\bBOT_ID\b/);
        assert.match(error.message, /\bTEAMS_APP_ID\b/);
        assert.doesNotMatch(error.message, /BOT_DOMAIN/);
        return true;
      },
    );
  });

  it('lists every missing variable at once', async () => {
    await assert.rejects(
      buildAppPackage({ env: 'test', variables: { BOT_ID: '' }, outDir: work, envDir: emptyEnvDir }),
      /BOT_DOMAIN, BOT_ID, DEVELOPER_URL, PRIVACY_URL, TEAMS_APP_ID, TERMS_URL/,
    );
  });

  it('reads env/.env.<env> and lets variables win over it', async () => {
    const lines = Object.entries(SAMPLE_VARIABLES).map(([k, v]) => `${k}=${v}`);
    writeFileSync(join(emptyEnvDir, '.env.ci'), ['# written by a test', ...lines, 'BOT_DOMAIN="from-file.example.org"'].join('\n'));
    const fromFile = await buildAppPackage({ env: 'ci', variables: {}, outDir: work, envDir: emptyEnvDir });
    assert.deepEqual(fromFile.manifest.validDomains, ['from-file.example.org']);
    const overridden = await buildAppPackage({ env: 'ci', variables: { BOT_DOMAIN: 'from-env.example.org' }, outDir: work, envDir: emptyEnvDir });
    assert.deepEqual(overridden.manifest.validDomains, ['from-env.example.org']);
    assert.equal(overridden.zipPath, join(work, 'appPackage.ci.zip'));
  });

  it('rejects a filled manifest that breaks the schema, such as a bot id that is no GUID', async () => {
    await assert.rejects(
      buildAppPackage({ env: 'test', variables: { ...SAMPLE_VARIABLES, BOT_ID: 'not-a-guid' }, outDir: work, envDir: emptyEnvDir }),
      /not valid[\s\S]*botId/,
    );
  });

  it('rejects a bot domain given as a URL', async () => {
    await assert.rejects(
      buildAppPackage({ env: 'test', variables: { ...SAMPLE_VARIABLES, BOT_DOMAIN: 'https://x.example.org' }, outDir: work, envDir: emptyEnvDir }),
      /validDomains/,
    );
  });
});

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines, skips comments and strips quotes', () => {
    assert.deepEqual(parseEnvFile('# c\nA=1\n\nB = "two words"\nC=\nD=x=y\n'), { A: '1', B: 'two words', C: '', D: 'x=y' });
  });
});
