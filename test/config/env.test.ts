import assert from 'node:assert/strict';
import { EnvError, loadEnv } from '../../config/env';

const GUID = '2f1c6a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadEnv(env);
  } catch (err) {
    assert.ok(err instanceof EnvError, `expected an EnvError, got ${String(err)}`);
    return err.problems;
  }
  return assert.fail('expected the environment to be refused');
}

describe('env', () => {
  it('uses the defaults for an empty environment', () => {
    assert.deepEqual(loadEnv({}), {
      port: 3978,
      bot: { appId: undefined, password: undefined, tenantId: undefined, type: 'UserAssignedMSI' },
      municipalityFiles: ['municipalities/norrtalje.yaml'],
      cosmos: { endpoint: undefined, key: undefined, database: 'lagesbild' },
      dataDir: '.data',
      scheduler: true,
      logLevel: 'info',
      instanceId: undefined,
      appInsightsConnectionString: undefined,
    });
  });

  it('counts blank values as unset', () => {
    assert.deepEqual(loadEnv({ PORT: '', BOT_ID: '   ', BOT_PASSWORD: '', COSMOS_KEY: ' ', LOG_LEVEL: '\t' }), loadEnv({}));
  });

  it('reads a multi-tenant bot with its password and a port', () => {
    const c = loadEnv({ PORT: '8080', BOT_ID: GUID, BOT_PASSWORD: 'secret' });
    assert.equal(c.port, 8080);
    assert.deepEqual(c.bot, { appId: GUID, password: 'secret', tenantId: undefined, type: 'MultiTenant' });
  });

  it('splits several municipality files on commas', () => {
    assert.deepEqual(loadEnv({ MUNICIPALITY_CONFIG: 'a.yaml, b.yaml,,' }).municipalityFiles, ['a.yaml', 'b.yaml']);
  });

  it('reads the scheduler flag as true/false, 1/0 and on/off', () => {
    assert.equal(loadEnv({ SCHEDULER: 'false' }).scheduler, false);
    assert.equal(loadEnv({ SCHEDULER: '0' }).scheduler, false);
    assert.equal(loadEnv({ SCHEDULER: 'off' }).scheduler, false);
    assert.equal(loadEnv({ SCHEDULER: 'on' }).scheduler, true);
    assert.match(problemsOf({ SCHEDULER: 'yes' })[0]!, /^SCHEDULER: /);
  });

  it('reports a bad PORT, a non-GUID BOT_ID and a missing BOT_PASSWORD all at once', () => {
    const problems = problemsOf({ PORT: '99999', BOT_ID: 'not-a-guid', BOT_TYPE: 'MultiTenant' });
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems.find((p) => p.startsWith('PORT:'))!, /PORT/);
    assert.match(problems.find((p) => p.startsWith('BOT_ID:'))!, /GUID/);
    assert.match(problems.find((p) => p.startsWith('BOT_PASSWORD:'))!, /required when BOT_ID is set and BOT_TYPE is MultiTenant/);
  });

  it('names every problem in the error message', () => {
    assert.throws(() => loadEnv({ PORT: 'abc', LOG_LEVEL: 'loud' }), (err: unknown) => {
      assert.ok(err instanceof EnvError);
      assert.match(err.message, /^The environment is not valid:/);
      assert.match(err.message, /\n {2}PORT: /);
      assert.match(err.message, /\n {2}LOG_LEVEL: /);
      return true;
    });
  });

  it('refuses COSMOS_KEY without COSMOS_ENDPOINT', () => {
    assert.deepEqual(problemsOf({ COSMOS_KEY: 'key' }), ['COSMOS_KEY: set COSMOS_ENDPOINT too, or neither for the local store']);
  });

  it('takes COSMOS_KEY together with COSMOS_ENDPOINT', () => {
    const c = loadEnv({ COSMOS_KEY: 'key', COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' });
    assert.deepEqual(c.cosmos, { endpoint: 'https://acct.documents.azure.com:443/', key: 'key', database: 'lagesbild' });
  });

  it('refuses a COSMOS_ENDPOINT that is not a URL', () => {
    assert.match(problemsOf({ COSMOS_ENDPOINT: 'acct.documents.azure.com' })[0]!, /^COSMOS_ENDPOINT: must be the Cosmos DB account URL/);
  });

  it('asks for BOT_TENANT_ID for a single-tenant bot', () => {
    assert.deepEqual(problemsOf({ BOT_ID: GUID, BOT_PASSWORD: 'secret', BOT_TYPE: 'SingleTenant' }),
      ['BOT_TENANT_ID: required when BOT_TYPE is SingleTenant']);
  });

  it('takes a bot id without a password as a managed identity, which needs BOT_TENANT_ID', () => {
    assert.deepEqual(problemsOf({ BOT_ID: GUID }), ['BOT_TENANT_ID: required when BOT_TYPE is UserAssignedMSI']);
    assert.deepEqual(loadEnv({ BOT_ID: GUID, BOT_TENANT_ID: 'tenant' }).bot, { appId: GUID, password: undefined, tenantId: 'tenant', type: 'UserAssignedMSI' });
  });

  it('reports an unknown BOT_TYPE without guessing rules from it', () => {
    const problems = problemsOf({ BOT_ID: GUID, BOT_TYPE: 'Whatever' });
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /^BOT_TYPE: /);
  });
});
