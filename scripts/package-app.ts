import { existsSync, readFileSync, createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { ZipFile } from 'yazl';

// Builds the Teams app package (manifest + localization + icons) for one environment,
// the same zip the Agents Toolkit builds, so it also works without the toolkit.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface BuildAppPackageOptions {
  /** Environment name; picks `env/.env.<env>` and names the zip. Default: TEAMSFX_ENV or 'dev'. */
  env?: string;
  /** Variables that win over the env file. Default: process.env. */
  variables?: Readonly<Record<string, string | undefined>>;
  /** Where the zip goes. Default: <repo>/appPackage/build. */
  outDir?: string;
  /** Repository root. Default: found by walking up from this file. */
  rootDir?: string;
  /** Folder with the `.env.<env>` files. Default: <repo>/env. */
  envDir?: string;
}

export interface AppPackageResult {
  zipPath: string;
  manifest: JsonObject;
  entries: string[];
}

export class AppPackageError extends Error {
  override name = 'AppPackageError';
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
// A fixed timestamp keeps the zip byte-identical for identical inputs.
const ZIP_MTIME = new Date(Date.UTC(2024, 0, 1));

/**
 * The folder holding package.json and appPackage/, searched upwards from `starts` in turn
 * (this file first; the working directory for builds emitted outside the repository).
 */
export function findRepoRoot(starts: readonly string[] = [__dirname, process.cwd()]): string {
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'appPackage', 'manifest.json'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new AppPackageError(`No repository root (package.json + appPackage/) above ${starts.join(' or ')}`);
}

/** Parses the KEY=VALUE lines of an Agents Toolkit env file; comments and blank lines are skipped. */
export function parseEnvFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && /^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    result[key] = value;
  }
  return result;
}

/** Env file values overlaid by non-empty variables; TEAMS_APP_ID falls back to BOT_ID. */
export function resolveVariables(
  fileValues: Readonly<Record<string, string>>,
  variables: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries(fileValues)) if (value !== '') merged[key] = value;
  for (const [key, value] of Object.entries(variables)) if (value !== undefined && value !== '') merged[key] = value;
  if (merged.TEAMS_APP_ID === undefined && merged.BOT_ID !== undefined) merged.TEAMS_APP_ID = merged.BOT_ID;
  return merged;
}

/** Every `${{NAME}}` used in the string values of a JSON document. */
export function placeholdersIn(value: Json): Set<string> {
  const names = new Set<string>();
  visitStrings(value, (text) => {
    for (const match of text.matchAll(PLACEHOLDER)) if (match[1] !== undefined) names.add(match[1]);
  });
  return names;
}

/** Replaces placeholders inside string values only, so a value can never break the JSON. */
export function fillPlaceholders(value: Json, variables: Readonly<Record<string, string>>): Json {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (whole, name: string) => variables[name] ?? whole);
  }
  if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, variables));
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) out[key] = fillPlaceholders(item, variables);
    return out;
  }
  return value;
}

function visitStrings(value: Json, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((item) => visitStrings(item, visit));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => visitStrings(item, visit));
}

/** Schema errors of a Teams manifest, checked offline against the schema bundled in @microsoft/app-manifest. */
export async function validateManifest(manifest: JsonObject): Promise<string[]> {
  // The library types manifests per version; the JSON here is checked by the schema itself.
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest);
  return [...errors, ...validDomainProblems(manifest)];
}

/** Schema errors of a localization file, against the bundled localization schema named by its $schema. */
export async function validateLocalization(localization: JsonObject): Promise<string[]> {
  const schemaUrl = localization.$schema;
  if (typeof schemaUrl !== 'string') return ['localization file has no $schema'];
  const schema = escapeLoneBrackets(await AppManifestUtils.fetchSchema(schemaUrl));
  return AppManifestUtils.validateAgainstSchema(localization as unknown as AppManifest, schema);
}

// validDomains takes bare host names; the schema accepts any string.
function validDomainProblems(manifest: JsonObject): string[] {
  const domains = manifest.validDomains;
  if (!Array.isArray(domains)) return [];
  return domains
    .filter((d): d is string => typeof d === 'string' && /:\/\/|\//.test(d))
    .map((d) => `/validDomains "${d}" must be a host name without protocol or path`);
}

// Microsoft's localization schema has patterns like `\b]\.description$` whose lone `]` is
// invalid in Unicode regex mode, which Ajv uses; escaping it keeps the pattern's meaning.
function escapeLoneBrackets<T>(node: T): T {
  if (Array.isArray(node)) return node.map((item: unknown) => escapeLoneBrackets(item)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'pattern' && typeof value === 'string') out[key] = escapePattern(value);
    else if (key === 'patternProperties' && value !== null && typeof value === 'object') {
      const props: Record<string, unknown> = {};
      for (const [pattern, sub] of Object.entries(value as Record<string, unknown>)) {
        props[escapePattern(pattern)] = escapeLoneBrackets(sub);
      }
      out[key] = props;
    } else out[key] = escapeLoneBrackets(value);
  }
  return out as T;
}

function escapePattern(pattern: string): string {
  let out = '';
  let escaped = false;
  let inClass = false;
  for (const ch of pattern) {
    if (escaped) {
      out += ch;
      escaped = false;
    } else if (ch === '\\') {
      out += ch;
      escaped = true;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else out += ch;
  }
  return out;
}

function readJsonObject(path: string): JsonObject {
  if (!existsSync(path)) throw new AppPackageError(`Missing file ${path}`);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AppPackageError(`${path} must hold a JSON object`);
  }
  return parsed as JsonObject;
}

/** File names the manifest refers to: its icons and its additional-language files. */
export function referencedFiles(manifest: JsonObject): string[] {
  const files: string[] = [];
  const localization = manifest.localizationInfo;
  if (isObject(localization) && Array.isArray(localization.additionalLanguages)) {
    for (const lang of localization.additionalLanguages) {
      if (isObject(lang) && typeof lang.file === 'string') files.push(lang.file);
    }
  }
  const icons = manifest.icons;
  if (isObject(icons)) {
    for (const key of ['color', 'outline']) {
      const file = icons[key];
      if (typeof file === 'string') files.push(file);
    }
  }
  return files;
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value);
}

async function writeZip(zipPath: string, entries: ReadonlyArray<{ name: string; data: Buffer }>): Promise<void> {
  mkdirSync(dirname(zipPath), { recursive: true });
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { mtime: ZIP_MTIME, mode: 0o100644 });
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(zipPath);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.on('error', reject);
    zip.outputStream.pipe(out);
  });
  zip.end();
  await done;
}

export async function buildAppPackage(options: BuildAppPackageOptions = {}): Promise<AppPackageResult> {
  const rootDir = options.rootDir ?? findRepoRoot();
  const variables = options.variables ?? process.env;
  const env = options.env ?? variables.TEAMSFX_ENV ?? 'dev';
  if (!/^[A-Za-z0-9_-]+$/.test(env)) throw new AppPackageError(`Invalid environment name "${env}"`);
  const packageDir = join(rootDir, 'appPackage');
  const envFile = join(options.envDir ?? join(rootDir, 'env'), `.env.${env}`);
  const fileValues = existsSync(envFile) ? parseEnvFile(readFileSync(envFile, 'utf8')) : {};
  const values = resolveVariables(fileValues, variables);

  const template = readJsonObject(join(packageDir, 'manifest.json'));
  const extraFiles = referencedFiles(template);
  const jsonFiles = extraFiles.filter((f) => f.endsWith('.json'));
  const jsonTemplates = jsonFiles.map((f) => ({ name: f, json: readJsonObject(join(packageDir, f)) }));

  const needed = new Set<string>(placeholdersIn(template));
  for (const t of jsonTemplates) for (const name of placeholdersIn(t.json)) needed.add(name);
  const missing = [...needed].filter((name) => values[name] === undefined).sort();
  if (missing.length > 0) {
    throw new AppPackageError(
      `Missing variables for the Teams app package (env "${env}"): ${missing.join(', ')}. ` +
        `Set them in the environment or in ${relative(rootDir, envFile)}.`,
    );
  }

  const manifest = fillPlaceholders(template, values) as JsonObject;
  const problems = await validateManifest(manifest);
  const entries: Array<{ name: string; data: Buffer }> = [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') },
  ];
  for (const t of jsonTemplates) {
    const filled = fillPlaceholders(t.json, values) as JsonObject;
    problems.push(...(await validateLocalization(filled)).map((p) => `${t.name}: ${p}`));
    entries.push({ name: t.name, data: Buffer.from(JSON.stringify(filled, null, 2) + '\n') });
  }
  if (problems.length > 0) {
    throw new AppPackageError(`The Teams app manifest is not valid:\n  ${problems.join('\n  ')}`);
  }
  for (const file of extraFiles.filter((f) => !f.endsWith('.json'))) {
    const path = join(packageDir, file);
    if (!existsSync(path)) throw new AppPackageError(`Missing file ${path} named in manifest.json`);
    entries.push({ name: file, data: readFileSync(path) });
  }

  const zipPath = join(options.outDir ?? join(packageDir, 'build'), `appPackage.${env}.zip`);
  await writeZip(zipPath, entries);
  return { zipPath, manifest, entries: entries.map((e) => e.name) };
}

if (require.main === module) {
  buildAppPackage()
    .then((result) => console.log(`Teams app package: ${relative(process.cwd(), result.zipPath)}`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
}
