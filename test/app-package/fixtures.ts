import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, type JsonObject } from '../../scripts/package-app';

// Sample values for the manifest placeholders and access to the files in appPackage/.

export const SAMPLE_VARIABLES: Readonly<Record<string, string>> = {
  BOT_ID: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  TEAMS_APP_ID: '0b9e8d7c-6a5b-4c3d-9e2f-1a0b9c8d7e6f',
  BOT_DOMAIN: 'app-lagesbild-test.azurewebsites.net',
  PRIVACY_URL: 'https://example.org/lagesbild/integritet',
  TERMS_URL: 'https://example.org/lagesbild/villkor',
  DEVELOPER_URL: 'https://example.org/lagesbild',
};

export function appPackagePath(file: string): string {
  return join(findRepoRoot(), 'appPackage', file);
}

export function readAppPackageJson(file: string): JsonObject {
  return JSON.parse(readFileSync(appPackagePath(file), 'utf8')) as JsonObject;
}

export interface Command {
  title: string;
  description: string;
}

export interface CommandList {
  scopes: string[];
  commands: Command[];
}

/** The manifest's bot, typed for the properties the tests read. */
export interface BotEntry {
  botId: string;
  scopes: string[];
  supportsFiles?: boolean;
  commandLists: CommandList[];
}

export function botOf(manifest: JsonObject): BotEntry {
  const bots = manifest.bots;
  if (!Array.isArray(bots) || bots.length !== 1) throw new Error('manifest must declare exactly one bot');
  return bots[0] as unknown as BotEntry;
}
