import Parser from 'tree-sitter';
import Bicep from 'tree-sitter-bicep';

// Rules for Bicep files, checked on the tree-sitter syntax tree because no Bicep compiler
// can run here. Each rule returns findings so a test can show exactly what broke.

export type SyntaxNode = Parser.SyntaxNode;

export interface Finding {
  line: number;
  message: string;
}

const parser = new Parser();
// tree-sitter-bicep types its language object loosely (`language: unknown`); it is a valid Language.
parser.setLanguage(Bicep as unknown as Parser.Language);

export function parseBicep(source: string): SyntaxNode {
  // The default parse buffer is small; long files need a buffer that fits them.
  return parser.parse(source, null, { bufferSize: Math.max(32 * 1024, source.length * 4) }).rootNode;
}

function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}

function walk(node: SyntaxNode, visit: (n: SyntaxNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

/** ERROR and MISSING nodes: places where the file is not valid Bicep syntax. */
export function syntaxProblems(root: SyntaxNode): Finding[] {
  const findings: Finding[] = [];
  walk(root, (node) => {
    if (node.type === 'ERROR') findings.push({ line: lineOf(node), message: `syntax error near "${node.text.slice(0, 40)}"` });
    else if (node.isMissing) findings.push({ line: lineOf(node), message: `missing ${node.type}` });
  });
  return findings;
}

/** The literal value of a string node, or undefined when it interpolates expressions. */
export function stringValue(node: SyntaxNode | undefined): string | undefined {
  if (node === undefined || node.type !== 'string') return undefined;
  if (node.descendantsOfType('interpolation').length > 0) return undefined;
  const quote = node.text.startsWith("'''") ? 3 : 1;
  return node.text.slice(quote, -quote);
}

/** The decorators written above a declaration (comments in between are allowed). */
export function decoratorsOf(declaration: SyntaxNode): SyntaxNode[] {
  let previous = declaration.previousNamedSibling;
  while (previous !== null && previous.type === 'comment') previous = previous.previousNamedSibling;
  if (previous === null || previous.type !== 'decorators') return [];
  return previous.namedChildren.filter((n) => n.type === 'decorator');
}

function decoratorName(decorator: SyntaxNode): string | undefined {
  const call = decorator.namedChildren.find((n) => n.type === 'call_expression');
  const fn = call?.childForFieldName('function');
  return fn?.text.replace(/^sys\./, '');
}

function decoratorArguments(decorator: SyntaxNode): SyntaxNode[] {
  const call = decorator.namedChildren.find((n) => n.type === 'call_expression');
  return call?.childForFieldName('arguments')?.namedChildren ?? [];
}

function declaredName(declaration: SyntaxNode): string {
  return declaration.namedChildren.find((n) => n.type === 'identifier')?.text ?? '?';
}

/** Params without a non-empty @description('...'). */
export function paramsWithoutDescription(root: SyntaxNode): Finding[] {
  return root.descendantsOfType('parameter_declaration').flatMap((param) => {
    const described = decoratorsOf(param).some((d) => {
      if (decoratorName(d) !== 'description') return false;
      const text = stringValue(decoratorArguments(d)[0]);
      return text !== undefined && text.trim() !== '';
    });
    return described ? [] : [{ line: lineOf(param), message: `param ${declaredName(param)} has no @description` }];
  });
}

const PINNED_TYPE = /^[A-Za-z0-9.]+(\/[A-Za-z0-9.]+)*@\d{4}-\d{2}-\d{2}(-preview)?$/;

/** The type string of a resource declaration, e.g. `Microsoft.Web/sites@2023-12-01`. */
export function resourceTypeOf(resource: SyntaxNode): string | undefined {
  return stringValue(resource.namedChildren.find((n) => n.type === 'string'));
}

/** Resources whose type lacks an explicit `@YYYY-MM-DD` or `@YYYY-MM-DD-preview` apiVersion. */
export function unpinnedResourceTypes(root: SyntaxNode): Finding[] {
  return root.descendantsOfType('resource_declaration').flatMap((resource) => {
    const type = resourceTypeOf(resource);
    return type !== undefined && PINNED_TYPE.test(type)
      ? []
      : [{ line: lineOf(resource), message: `resource ${declaredName(resource)} has no pinned apiVersion: ${type ?? resource.text.slice(0, 60)}` }];
  });
}

const SECRET_WORDS = [
  'password', 'passwd', 'pwd', 'secret', 'connectionstring', 'apikey', 'accesskey', 'accountkey',
  'primarykey', 'secondarykey', 'masterkey', 'instrumentationkey', 'privatekey', 'sastoken',
  'accesstoken', 'refreshtoken', 'bearertoken',
];

// Names ending in "key" that hold no secret.
const NON_SECRET_KEYS = new Set(['partitionkey', 'rowkey', 'sortkey', 'shardkey', 'uniquekey', 'publickey']);

/** Whether a property, setting or parameter name suggests that its value is a secret. */
export function looksSecret(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (SECRET_WORDS.some((word) => normalized.includes(word))) return true;
  // COSMOS_KEY, apiKey, sshKeys: the last word of the name is "key" or "keys".
  const lastWord = name.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter((w) => w !== '').at(-1)?.toLowerCase();
  return (lastWord === 'key' || lastWord === 'keys') && !NON_SECRET_KEYS.has(normalized);
}

function isLiteralSecretValue(node: SyntaxNode | undefined): boolean {
  const value = stringValue(node);
  return value !== undefined && value.trim() !== '';
}

function propertyKey(property: SyntaxNode): string | undefined {
  const key = property.namedChildren[0];
  if (key === undefined) return undefined;
  return key.type === 'string' ? stringValue(key) : key.text;
}

function propertyValueNode(property: SyntaxNode): SyntaxNode | undefined {
  const children = property.namedChildren;
  return children.length >= 2 ? children[children.length - 1] : undefined;
}

/**
 * String literals where a secret belongs: secret-named properties, `{ name: 'X_PASSWORD', value: '...' }`
 * settings, and secret-named params or vars with a literal value.
 */
export function literalSecrets(root: SyntaxNode): Finding[] {
  const findings: Finding[] = [];
  for (const property of root.descendantsOfType('object_property')) {
    const key = propertyKey(property);
    if (key !== undefined && looksSecret(key) && isLiteralSecretValue(propertyValueNode(property))) {
      findings.push({ line: lineOf(property), message: `literal value for secret-like property ${key}` });
    }
  }
  for (const object of root.descendantsOfType('object')) {
    const settingName = stringValue(objectProperty(object, ['name']));
    if (settingName !== undefined && looksSecret(settingName) && isLiteralSecretValue(objectProperty(object, ['value']))) {
      findings.push({ line: lineOf(object), message: `literal value for secret-like setting ${settingName}` });
    }
  }
  for (const declaration of root.descendantsOfType(['parameter_declaration', 'variable_declaration'])) {
    const name = declaredName(declaration);
    const value = declaration.namedChildren[declaration.namedChildren.length - 1];
    if (looksSecret(name) && isLiteralSecretValue(value)) {
      findings.push({ line: lineOf(declaration), message: `literal value for secret-like ${declaration.type === 'parameter_declaration' ? 'param' : 'var'} ${name}` });
    }
  }
  return findings;
}

/** Non-`existing` resources of one type (apiVersion ignored), e.g. `Microsoft.Web/sites`. */
export function resourcesOfType(root: SyntaxNode, type: string): SyntaxNode[] {
  return root.descendantsOfType('resource_declaration').filter((resource) => {
    const isExisting = resource.children.some((c) => !c.isNamed && c.type === 'existing');
    return !isExisting && resourceTypeOf(resource)?.split('@')[0] === type;
  });
}

/** The body object of a resource, also inside `if (...)` or `[for ...]` forms. */
export function resourceBody(resource: SyntaxNode): SyntaxNode | undefined {
  for (const child of resource.namedChildren) {
    if (child.type === 'object') return child;
    if (child.type === 'if_statement' || child.type === 'for_statement') {
      const body = child.namedChildren.find((n) => n.type === 'object');
      if (body !== undefined) return body;
    }
  }
  return undefined;
}

/** The value node at a property path of an object literal, e.g. ['properties', 'siteConfig']. */
export function objectProperty(object: SyntaxNode | undefined, path: readonly string[]): SyntaxNode | undefined {
  let current = object;
  for (const key of path) {
    if (current === undefined || current.type !== 'object') return undefined;
    const property = current.namedChildren.find((p) => p.type === 'object_property' && propertyKey(p) === key);
    current = property === undefined ? undefined : propertyValueNode(property);
  }
  return current;
}

/** Names of the declarations of one kind, e.g. 'output_declaration'. */
export function declarationNames(root: SyntaxNode, kind: 'parameter_declaration' | 'output_declaration' | 'variable_declaration'): string[] {
  return root.namedChildren.filter((n) => n.type === kind).map(declaredName);
}

/** Whether a param declaration has a default value (`param x string = ...`). */
export function hasDefault(param: SyntaxNode): boolean {
  return param.children.some((c) => !c.isNamed && c.type === '=');
}

export function findDeclaration(root: SyntaxNode, kind: string, name: string): SyntaxNode | undefined {
  return root.namedChildren.find((n) => n.type === kind && declaredName(n) === name);
}
