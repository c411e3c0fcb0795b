import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseEnvFile } from '../../scripts/package-app';
import { declarationNames, looksSecret, parseBicep } from './bicep-rules';
import { repoRoot } from './infra-files';

// The Agents Toolkit project files tie env files, Bicep outputs and the app package together;
// these tests catch a renamed output or env key before a provision run does.

interface Action {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

interface ProjectFile {
  version: string;
  environmentFolderPath?: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}

const root = repoRoot();
const read = (file: string): string => readFileSync(join(root, file), 'utf8');
const project = (file: string): ProjectFile => parse(read(file)) as ProjectFile;
const uses = (actions: Action[] | undefined): string[] => (actions ?? []).map((a) => a.uses);
const envKeys = (file: string): Set<string> => new Set(Object.keys(parseEnvFile(read(file))));

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!));
}

function writtenKeys(p: ProjectFile): Set<string> {
  const actions = [...(p.provision ?? []), ...(p.deploy ?? []), ...(p.publish ?? [])];
  return new Set(actions.flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {})));
}

function bicepOutputs(): Set<string> {
  return new Set(declarationNames(parseBicep(read('infra/main.bicep')), 'output_declaration'));
}

function action(actions: Action[] | undefined, name: string): Action {
  const found = (actions ?? []).find((a) => a.uses === name);
  assert.ok(found, `${name} not found`);
  return found;
}

const APP_PACKAGE_ZIP = './appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip';
const PACKAGE_STEPS = ['teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update'];

describe('teamsapp.yml', () => {
  const yml = project('teamsapp.yml');

  it('uses project file version v1.7 and the env/ folder', () => {
    assert.equal(yml.version, 'v1.7');
    assert.equal(yml.environmentFolderPath, './env');
  });

  it('provisions the Teams app, then the Bicep resources, then validates, zips and updates the app', () => {
    assert.deepEqual(uses(yml.provision), ['teamsApp/create', 'arm/deploy', ...PACKAGE_STEPS]);
  });

  it('deploys infra/main.bicep with its parameters file', () => {
    const templates = action(yml.provision, 'arm/deploy').with?.templates as Array<{ path: string; parameters: string }>;
    assert.deepEqual(templates.map((t) => [t.path, t.parameters]), [['./infra/main.bicep', './infra/main.parameters.json']]);
    for (const t of templates) {
      assert.ok(existsSync(join(root, t.path)) && existsSync(join(root, t.parameters)));
    }
  });

  it('installs, builds and zip-deploys to the web app named by a main.bicep output', () => {
    assert.deepEqual(uses(yml.deploy), ['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    const zipDeploy = action(yml.deploy, 'azureAppService/zipDeploy').with ?? {};
    assert.equal(zipDeploy.artifactFolder, '.');
    assert.equal(zipDeploy.ignoreFile, '.webappignore');
    const [resourceIdKey] = [...placeholders(String(zipDeploy.resourceId))];
    assert.ok(resourceIdKey !== undefined && bicepOutputs().has(resourceIdKey), `${String(zipDeploy.resourceId)} is no main.bicep output`);
  });

  it('publishes to the Teams admin center after validating the package', () => {
    assert.deepEqual(uses(yml.publish), [...PACKAGE_STEPS, 'teamsApp/publishAppPackage']);
  });

  it('defines every placeholder it, the parameters and the app package use', () => {
    const known = new Set([...envKeys('env/.env.dev'), ...bicepOutputs(), ...writtenKeys(yml)]);
    const used = new Set(
      ['teamsapp.yml', 'infra/main.parameters.json', 'appPackage/manifest.json', 'appPackage/en-US.json'].flatMap((f) => [...placeholders(read(f))]),
    );
    assert.deepEqual([...used].filter((name) => !known.has(name)).sort(), []);
  });
});

describe('teamsapp.local.yml', () => {
  const yml = project('teamsapp.local.yml');

  it('registers a local bot against the dev tunnel and packages the app', () => {
    assert.equal(yml.version, 'v1.7');
    assert.deepEqual(uses(yml.provision), ['teamsApp/create', 'botAadApp/create', 'botFramework/create', ...PACKAGE_STEPS]);
    assert.equal(action(yml.provision, 'botFramework/create').with?.messagingEndpoint, '${{BOT_ENDPOINT}}/api/messages');
  });

  it('writes the bot id and password for the local process into .localConfigs', () => {
    const write = action(yml.deploy, 'file/createOrUpdateEnvironmentFile').with ?? {};
    assert.equal(write.target, './.localConfigs');
    const envs = write.envs as Record<string, string>;
    assert.equal(envs.BOT_ID, '${{BOT_ID}}');
    assert.equal(envs.BOT_PASSWORD, '${{SECRET_BOT_PASSWORD}}');
  });

  it('defines every placeholder it and the app package use', () => {
    const known = new Set([...envKeys('env/.env.local'), ...writtenKeys(yml)]);
    const used = new Set(['teamsapp.local.yml', 'appPackage/manifest.json'].flatMap((f) => [...placeholders(read(f))]));
    assert.deepEqual([...used].filter((name) => !known.has(name)).sort(), []);
  });
});

describe('Both project files and the committed env files', () => {
  it('build the app package at the path `npm run package` uses', () => {
    for (const file of ['teamsapp.yml', 'teamsapp.local.yml']) {
      const p = project(file);
      for (const a of [...(p.provision ?? []), ...(p.publish ?? [])]) {
        if (a.uses === 'teamsApp/zipAppPackage') assert.equal(a.with?.outputZipPath, APP_PACKAGE_ZIP);
        if (a.with?.appPackagePath !== undefined) assert.equal(a.with.appPackagePath, APP_PACKAGE_ZIP);
      }
    }
  });

  it('hold no secret values', () => {
    for (const file of ['env/.env.dev', 'env/.env.local']) {
      for (const [key, value] of Object.entries(parseEnvFile(read(file)))) {
        if (key.startsWith('SECRET_') || looksSecret(key)) assert.equal(value, '', `${file} sets ${key}`);
      }
    }
  });

  it('keep the runtime files in the App Service zip', () => {
    const rules = read('.webappignore').split(/\r?\n/).map((l) => l.trim());
    for (const kept of ['dist', 'node_modules', 'config', 'package.json', '*.js', '*.json', '*.yaml']) {
      assert.ok(!rules.includes(kept) && !rules.includes(`/${kept}`) && !rules.includes(`/${kept}/`), `.webappignore drops ${kept}`);
    }
  });
});
