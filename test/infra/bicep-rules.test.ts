import assert from 'node:assert/strict';
import {
  literalSecrets,
  looksSecret,
  objectProperty,
  paramsWithoutDescription,
  parseBicep,
  resourceBody,
  resourcesOfType,
  stringValue,
  syntaxProblems,
  unpinnedResourceTypes,
} from './bicep-rules';

// Each rule must catch a small bad snippet and pass its corrected twin, so that a green
// run over infra/ means the rules looked, not that they could not see.

describe('Bicep rules on small snippets', () => {
  it('reports a syntax error and a missing token, and none for valid code', () => {
    assert.ok(syntaxProblems(parseBicep("resource x 'A.B/c@2020-01-01' = {\n  name: 'x'\n")).length > 0);
    assert.ok(syntaxProblems(parseBicep('param p string = = 1\n')).length > 0);
    assert.deepEqual(syntaxProblems(parseBicep("resource x 'A.B/c@2020-01-01' = {\n  name: 'x'\n}\n")), []);
  });

  it('reports a param without @description, also when another decorator is present', () => {
    const findings = paramsWithoutDescription(
      parseBicep("@description('Has one.')\nparam a string\n\n@minLength(3)\nparam b string\n\nparam c int = 1\n"),
    );
    assert.deepEqual(
      findings.map((f) => f.message),
      ['param b has no @description', 'param c has no @description'],
    );
  });

  it('rejects an empty description and accepts sys.description with a comment in between', () => {
    assert.equal(paramsWithoutDescription(parseBicep("@description('')\nparam a string\n")).length, 1);
    assert.deepEqual(paramsWithoutDescription(parseBicep("@sys.description('Ok.')\n// note\nparam a string\n")), []);
  });

  it('reports resource types without a dated apiVersion, nested ones included', () => {
    const source = [
      "resource a 'Microsoft.Web/sites' = {\n  name: 'a'\n}",
      "resource b 'Microsoft.Web/sites@latest' = {\n  name: 'b'\n}",
      "resource c 'Microsoft.Web/sites@2023-12-01' = {\n  name: 'c'\n  resource d 'config' = {\n    name: 'web'\n  }\n}",
      "resource e 'Microsoft.BotService/botServices@2023-09-15-preview' = {\n  name: 'e'\n}",
    ].join('\n');
    const messages = unpinnedResourceTypes(parseBicep(source)).map((f) => f.message);
    assert.equal(messages.length, 3);
    assert.match(messages[0]!, /resource a /);
    assert.match(messages[1]!, /resource b /);
    assert.match(messages[2]!, /resource d /);
  });

  it('reports literal secrets in properties, app settings, params and vars', () => {
    const source = [
      "param adminPassword string = 'hunter2'",
      "var storageConnectionString = 'DefaultEndpointsProtocol=https;AccountKey=abc'",
      "resource s 'Microsoft.Web/sites@2023-12-01' = {",
      "  name: 's'",
      '  properties: {',
      "    clientSecret: 'abc123'",
      "    'primaryKey': 'xyz'",
      '    siteConfig: {',
      '      appSettings: [',
      '        {',
      "          name: 'API_KEY'",
      "          value: 'literal-key'",
      '        }',
      '      ]',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const messages = literalSecrets(parseBicep(source)).map((f) => f.message).sort();
    assert.deepEqual(messages, [
      'literal value for secret-like param adminPassword',
      'literal value for secret-like property clientSecret',
      'literal value for secret-like property primaryKey',
      'literal value for secret-like setting API_KEY',
      'literal value for secret-like var storageConnectionString',
    ]);
  });

  it('accepts secrets that come from expressions, empty defaults and non-secret keys', () => {
    const source = [
      '@secure()',
      "@description('From the pipeline.')",
      "param adminPassword string = ''",
      "resource s 'Microsoft.Web/sites@2023-12-01' = {",
      "  name: 's'",
      '  properties: {',
      '    clientSecret: adminPassword',
      "    connectionString: 'Server=${s.name}'",
      "    partitionKeyPath: '/municipalityId'",
      '    siteConfig: {',
      '      appSettings: [',
      '        {',
      "          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'",
      '          value: ai.properties.ConnectionString',
      '        }',
      '      ]',
      '    }',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(literalSecrets(parseBicep(source)), []);
  });

  it('treats names ending in key as secret, except partition and row keys', () => {
    for (const name of ['COSMOS_KEY', 'apiKey', 'sshKeys', 'key', 'adminPassword', 'AZURE_CLIENT_SECRET', 'storageConnectionString']) {
      assert.ok(looksSecret(name), name);
    }
    for (const name of ['partitionKey', 'partitionKeyPath', 'keyVaultReferenceIdentity', 'disableLocalAuth', 'COSMOS_ENDPOINT', 'monkey']) {
      assert.ok(!looksSecret(name), name);
    }
  });

  it('finds a property value by path in a resource body, also in a conditional resource', () => {
    const root = parseBicep(
      "resource db 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = if (deploy) {\n  name: 'db'\n  properties: {\n    disableLocalAuth: false\n    minimalTlsVersion: 'Tls12'\n  }\n}\n",
    );
    const [account] = resourcesOfType(root, 'Microsoft.DocumentDB/databaseAccounts');
    assert.ok(account);
    const body = resourceBody(account);
    assert.equal(objectProperty(body, ['properties', 'disableLocalAuth'])?.text, 'false');
    assert.equal(stringValue(objectProperty(body, ['properties', 'minimalTlsVersion'])), 'Tls12');
    assert.equal(objectProperty(body, ['properties', 'nothing']), undefined);
  });

  it('ignores existing resources when looking up resources of a type', () => {
    const root = parseBicep("resource ai 'Microsoft.Insights/components@2020-02-02' existing = {\n  name: 'x'\n}\n");
    assert.deepEqual(resourcesOfType(root, 'Microsoft.Insights/components'), []);
  });
});
