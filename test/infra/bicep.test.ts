import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  declarationNames,
  decoratorsOf,
  findDeclaration,
  hasDefault,
  literalSecrets,
  objectProperty,
  paramsWithoutDescription,
  parseBicep,
  resourceBody,
  resourcesOfType,
  stringValue,
  syntaxProblems,
  unpinnedResourceTypes,
  type Finding,
  type SyntaxNode,
} from './bicep-rules';
import { infraBicepFiles, repoRoot } from './infra-files';

interface ParsedFile {
  name: string;
  root: SyntaxNode;
}

const files: ParsedFile[] = infraBicepFiles().map((f) => ({ name: f.name, root: parseBicep(f.source) }));

function report(file: string, findings: Finding[]): string[] {
  return findings.map((f) => `${file}:${f.line} ${f.message}`);
}

/** The single resource of a type across all infra files, with the file it lives in. */
function onlyResource(type: string): { file: ParsedFile; body: SyntaxNode } {
  const found = files.flatMap((file) => resourcesOfType(file.root, type).map((resource) => ({ file, resource })));
  assert.equal(found.length, 1, `expected exactly one ${type}, found ${found.length}`);
  const body = resourceBody(found[0]!.resource);
  assert.ok(body, `${type} has no body object`);
  return { file: found[0]!.file, body };
}

function fileNamed(name: string): ParsedFile {
  const file = files.find((f) => f.name.replace(/\\/g, '/') === name);
  assert.ok(file, `${name} not found`);
  return file;
}

/** `{ name: 'X', value: ... }` entries of an array literal, by name. */
function namedEntries(array: SyntaxNode | undefined): Map<string, SyntaxNode | undefined> {
  assert.ok(array !== undefined && array.type === 'array', 'expected an array literal');
  const entries = new Map<string, SyntaxNode | undefined>();
  for (const item of array.namedChildren.filter((n) => n.type === 'object')) {
    const name = stringValue(objectProperty(item, ['name']));
    if (name !== undefined) entries.set(name, objectProperty(item, ['value']));
  }
  return entries;
}

function numberDecorator(param: SyntaxNode, name: string): number | undefined {
  const decorator = decoratorsOf(param).find((d) => d.text.startsWith(`@${name}(`));
  const match = decorator?.text.match(/\((-?\d+)\)/);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

describe('Bicep files in infra/', () => {
  it('includes main.bicep and its modules', () => {
    const names = files.map((f) => f.name.replace(/\\/g, '/'));
    assert.ok(names.includes('infra/main.bicep'));
    assert.ok(names.length >= 2, `found only ${names.join(', ')}`);
  });

  it('parse without syntax errors or missing tokens', () => {
    assert.deepEqual(files.flatMap((f) => report(f.name, syntaxProblems(f.root))), []);
  });

  it('describe every param with @description', () => {
    assert.deepEqual(files.flatMap((f) => report(f.name, paramsWithoutDescription(f.root))), []);
  });

  it('pin every resource type to a dated apiVersion', () => {
    assert.deepEqual(files.flatMap((f) => report(f.name, unpinnedResourceTypes(f.root))), []);
  });

  it('hold no literal secrets', () => {
    assert.deepEqual(files.flatMap((f) => report(f.name, literalSecrets(f.root))), []);
  });
});

describe('The Azure resources', () => {
  it('deploy to a resource group', () => {
    const main = fileNamed('infra/main.bicep');
    const scope = main.root.namedChildren.find((n) => n.type === 'target_scope_assignment');
    assert.equal(stringValue(scope?.namedChildren[0]), 'resourceGroup');
  });

  it('keep Cosmos DB key-less, TLS 1.2 only and serverless by default, in Sweden Central', () => {
    const { body } = onlyResource('Microsoft.DocumentDB/databaseAccounts');
    assert.equal(objectProperty(body, ['properties', 'disableLocalAuth'])?.text, 'true');
    assert.equal(stringValue(objectProperty(body, ['properties', 'minimalTlsVersion'])), 'Tls12');
    assert.match(objectProperty(body, ['properties', 'capabilities'])?.text ?? '', /'EnableServerless'/);
    const main = fileNamed('infra/main.bicep');
    const serverless = findDeclaration(main.root, 'parameter_declaration', 'cosmosServerless');
    assert.equal(serverless?.namedChildren.at(-1)?.text, 'true');
    const location = findDeclaration(main.root, 'parameter_declaration', 'location');
    assert.equal(stringValue(location?.namedChildren.at(-1)), 'swedencentral');
  });

  it('create the lagesbild database with the expected containers and partition keys', () => {
    const { file } = onlyResource('Microsoft.DocumentDB/databaseAccounts');
    const containers = findDeclaration(file.root, 'variable_declaration', 'containers')?.namedChildren.at(-1);
    assert.ok(containers !== undefined && containers.type === 'array', 'containers must be an array literal');
    const actual = containers.namedChildren
      .filter((n) => n.type === 'object')
      .map((c) => ({
        name: stringValue(objectProperty(c, ['name'])),
        partitionKey: stringValue(objectProperty(c, ['partitionKeyPath'])),
        perItemTtl: objectProperty(c, ['perItemTtl'])?.text,
      }));
    assert.deepEqual(actual, [
      { name: 'weekly', partitionKey: '/partition', perItemTtl: 'true' },
      { name: 'registry', partitionKey: '/municipalityId', perItemTtl: 'false' },
      { name: 'meeting', partitionKey: '/municipalityId', perItemTtl: 'false' },
      { name: 'operations', partitionKey: '/municipalityId', perItemTtl: 'true' },
      { name: 'audit', partitionKey: '/municipalityId', perItemTtl: 'false' },
    ]);
    const { body } = onlyResource('Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
    assert.match(objectProperty(body, ['properties', 'resource'])?.text ?? '', /defaultTtl: -1/);
    const main = fileNamed('infra/main.bicep');
    assert.equal(stringValue(findDeclaration(main.root, 'variable_declaration', 'cosmosDatabaseName')?.namedChildren.at(-1)), 'lagesbild');
  });

  it('give the identity the built-in Cosmos DB Data Contributor role on the account', () => {
    const { file, body } = onlyResource('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    const roleId = findDeclaration(file.root, 'variable_declaration', 'dataContributorRoleId');
    assert.equal(stringValue(roleId?.namedChildren.at(-1)), '00000000-0000-0000-0000-000000000002');
    assert.match(objectProperty(body, ['properties', 'roleDefinitionId'])?.text ?? '', /sqlRoleDefinitions\/\$\{dataContributorRoleId\}/);
    assert.equal(objectProperty(body, ['properties', 'principalId'])?.text, 'dataContributorPrincipalId');
  });

  it('run the web app always on, HTTPS only, Node 20 on Linux, as the user-assigned identity', () => {
    const { body } = onlyResource('Microsoft.Web/sites');
    assert.equal(objectProperty(body, ['properties', 'httpsOnly'])?.text, 'true');
    assert.equal(objectProperty(body, ['properties', 'siteConfig', 'alwaysOn'])?.text, 'true');
    assert.match(stringValue(objectProperty(body, ['properties', 'siteConfig', 'linuxFxVersion'])) ?? '', /^NODE\|20/);
    assert.equal(stringValue(objectProperty(body, ['identity', 'type'])), 'UserAssigned');
  });

  it('give the web app the settings the bot reads', () => {
    const { body } = onlyResource('Microsoft.Web/sites');
    const settings = namedEntries(objectProperty(body, ['properties', 'siteConfig', 'appSettings']));
    for (const name of [
      'BOT_ID', 'BOT_TENANT_ID', 'BOT_TYPE', 'AZURE_CLIENT_ID', 'COSMOS_ENDPOINT', 'COSMOS_DATABASE',
      'APPLICATIONINSIGHTS_CONNECTION_STRING', 'MUNICIPALITY_CONFIG', 'WEBSITE_RUN_FROM_PACKAGE',
    ]) {
      assert.ok(settings.has(name), `app setting ${name} missing`);
    }
    assert.equal(stringValue(settings.get('BOT_TYPE')), 'UserAssignedMSI');
    assert.equal(stringValue(settings.get('WEBSITE_RUN_FROM_PACKAGE')), '1');
    const main = fileNamed('infra/main.bicep');
    const configPath = findDeclaration(main.root, 'parameter_declaration', 'municipalityConfigPath');
    assert.equal(stringValue(configPath?.namedChildren.at(-1)), 'municipalities/norrtalje.yaml');
  });

  it('use a Linux plan whose capacity starts at 1 and may grow beyond one instance', () => {
    const { body } = onlyResource('Microsoft.Web/serverfarms');
    assert.equal(objectProperty(body, ['properties', 'reserved'])?.text, 'true');
    const main = fileNamed('infra/main.bicep');
    const capacity = findDeclaration(main.root, 'parameter_declaration', 'appServiceCapacity');
    assert.ok(capacity);
    assert.equal(numberDecorator(capacity, 'minValue'), 1);
    assert.ok((numberDecorator(capacity, 'maxValue') ?? 0) > 1);
  });

  it('register the bot with the managed identity and the Teams channel', () => {
    const { body } = onlyResource('Microsoft.BotService/botServices');
    assert.equal(stringValue(objectProperty(body, ['properties', 'msaAppType'])), 'UserAssignedMSI');
    assert.equal(objectProperty(body, ['properties', 'msaAppId'])?.text, 'identityClientId');
    assert.equal(objectProperty(body, ['properties', 'msaAppTenantId'])?.text, 'identityTenantId');
    assert.match(objectProperty(body, ['properties', 'endpoint'])?.text ?? '', /^'https:\/\/.*\/api\/messages'$/);
    const channel = onlyResource('Microsoft.BotService/botServices/channels');
    assert.equal(stringValue(objectProperty(channel.body, ['name'])), 'MsTeamsChannel');
    assert.equal(stringValue(objectProperty(channel.body, ['properties', 'channelName'])), 'MsTeamsChannel');
  });

  it('send telemetry to workspace-based Application Insights', () => {
    onlyResource('Microsoft.OperationalInsights/workspaces');
    const { body } = onlyResource('Microsoft.Insights/components');
    assert.ok(objectProperty(body, ['properties', 'WorkspaceResourceId']));
  });
});

describe('The deployment contract of main.bicep', () => {
  const main = () => fileNamed('infra/main.bicep').root;

  it('outputs the env keys the Agents Toolkit and the app use', () => {
    const outputs = declarationNames(main(), 'output_declaration');
    for (const name of ['BOT_ID', 'BOT_TENANT_ID', 'BOT_DOMAIN', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'AZURE_CLIENT_ID', 'COSMOS_ENDPOINT', 'COSMOS_DATABASE']) {
      assert.ok(outputs.includes(name), `output ${name} missing`);
    }
  });

  it('gets every required param from main.parameters.json, which names no unknown param', () => {
    const raw: unknown = JSON.parse(readFileSync(join(repoRoot(), 'infra', 'main.parameters.json'), 'utf8'));
    const given = Object.keys((raw as { parameters: Record<string, unknown> }).parameters);
    const params = main().namedChildren.filter((n) => n.type === 'parameter_declaration');
    const declared = declarationNames(main(), 'parameter_declaration');
    assert.deepEqual(given.filter((name) => !declared.includes(name)), []);
    const required = params.filter((p) => !hasDefault(p)).map((p) => p.namedChildren[0]?.text ?? '?');
    assert.deepEqual(required.filter((name) => !given.includes(name)), []);
  });
});
