import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { parseCommand, type Command } from '../../domain/commands';
import { messages } from '../../i18n';
import { fillPlaceholders, placeholdersIn, validateLocalization, type JsonObject } from '../../scripts/package-app';
import { SAMPLE_VARIABLES, botOf, readAppPackageJson } from './fixtures';

const manifest = readAppPackageJson('manifest.json');
const english = readAppPackageJson('en-US.json');
const filled = (): JsonObject => fillPlaceholders(manifest, SAMPLE_VARIABLES) as JsonObject;

/** The command lists' titles, per list, in Swedish (the manifest) and English (en-US.json). */
const svTitles = (list: number): string[] => botOf(manifest).commandLists[list]!.commands.map((c) => c.title);
const enTitles = (list: number): string[] => botOf(manifest).commandLists[list]!.commands.map((_, j) => String(english[`bots[0].commandLists[${list}].commands[${j}].title`]));
const listFor = (scope: string): number => botOf(manifest).commandLists.findIndex((l) => l.scopes.includes(scope));

/** What a menu entry is for: the parsed command, and for a bare "usage" which command's usage. */
const meaning = (c: Command): string => (c.kind === 'usage' ? `usage:${c.command}` : c.kind);

/** A help line's command words without its placeholders: "åtgärd flytta ID ÄGARE" → "åtgärd flytta", "lägesbild [vecka]" → "lägesbild". */
function commandWords(helpEntry: string): string {
  const words: string[] = [];
  for (const w of helpEntry.split(' ')) {
    if (w.startsWith('[') || /^[A-ZÅÄÖ,|]{2,}$/.test(w) || w === '|') break;
    words.push(w);
  }
  return words.join(' ');
}

function schemaVersion(schemaUrl: unknown): string {
  const match = typeof schemaUrl === 'string' ? schemaUrl.match(/\/teams\/v(\d+\.\d+)\//) : null;
  assert.ok(match?.[1], `no Teams schema version in ${String(schemaUrl)}`);
  return match[1];
}

/** Every string of the manifest that a localization file may translate, by its localization key. */
function localizableStrings(m: JsonObject): Map<string, string> {
  const strings = new Map<string, string>();
  const name = m.name as { short: string; full?: string };
  const description = m.description as { short: string; full: string };
  strings.set('name.short', name.short);
  if (name.full !== undefined) strings.set('name.full', name.full);
  strings.set('description.short', description.short);
  strings.set('description.full', description.full);
  botOf(m).commandLists.forEach((list, i) =>
    list.commands.forEach((command, j) => {
      strings.set(`bots[0].commandLists[${i}].commands[${j}].title`, command.title);
      strings.set(`bots[0].commandLists[${i}].commands[${j}].description`, command.description);
    }),
  );
  return strings;
}

describe('The Teams app manifest', () => {
  it('uses a schema of v1.19 or newer that @microsoft/app-manifest bundles, so validation runs offline', () => {
    const version = schemaVersion(manifest.$schema);
    assert.equal(manifest.manifestVersion, version);
    assert.ok(Number(version.split('.')[1]) >= 19, `schema v${version} is older than v1.19`);
    const bundled = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
    assert.ok(existsSync(bundled), `${bundled} is not bundled`);
  });

  it('validates against the bundled schema once the placeholders are filled', async () => {
    const errors = await AppManifestUtils.validateAgainstSchema(filled() as unknown as AppManifest);
    assert.deepEqual(errors, []);
  });

  it('fails the schema check for a fourth command list, so the check above is real', async () => {
    const broken = filled();
    const lists = botOf(broken).commandLists;
    lists.push({ ...lists[0]!, scopes: ['personal'] });
    const errors = await AppManifestUtils.validateAgainstSchema(broken as unknown as AppManifest);
    assert.ok(errors.some((e) => e.startsWith('/bots/0/commandLists ')), errors.join('\n') || 'no errors');
  });

  it('leaves ids, URLs and the domain to Agents Toolkit placeholders', () => {
    assert.deepEqual([...placeholdersIn(manifest)].sort(), ['BOT_DOMAIN', 'BOT_ID', 'DEVELOPER_URL', 'PRIVACY_URL', 'TEAMS_APP_ID', 'TERMS_URL']);
    assert.equal(manifest.id, '${{TEAMS_APP_ID}}');
    assert.equal(botOf(manifest).botId, '${{BOT_ID}}');
    assert.deepEqual(manifest.validDomains, ['${{BOT_DOMAIN}}']);
  });

  it('names the app in Swedish', () => {
    assert.deepEqual(manifest.name, { short: 'Lägesbild', full: 'Lägesbild – EST trygghetssamordning' });
    assert.equal((manifest.description as { short: string }).short.length <= 80, true);
  });

  it('declares one bot for personal, team and group chats that takes no files', () => {
    const bot = botOf(manifest);
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(bot.supportsFiles, false);
  });

  // Teams shows at most 32 characters of a title; the v1.22 schema itself allows 128.
  it('has at most 3 command lists, one per scope, with short titles and descriptions', () => {
    const lists = botOf(manifest).commandLists;
    assert.ok(lists.length <= 3, `${lists.length} command lists`);
    const scopes = lists.flatMap((l) => l.scopes);
    assert.equal(new Set(scopes).size, scopes.length, 'a scope appears in two command lists');
    for (const command of lists.flatMap((l) => l.commands)) {
      assert.ok(command.title.length <= 32, `title too long: ${command.title}`);
      assert.ok(command.description.length <= 128, `description too long: ${command.description}`);
    }
  });

  it('offers the reporter commands and the coordinators\' run-now commands in personal scope', () => {
    assert.deepEqual(svTitles(listFor('personal')), ['hjälp', 'status', 'borta', 'tillbaka', 'mina åtgärder', 'åtgärder', 'språk en', 'utskick', 'påminn', 'rapportörer']);
  });

  it('offers the meeting\'s commands, with the action commands, in team scope and the same in group chats', () => {
    const meeting = ['lägesbild', 'status', 'hotspots', 'åtgärder', 'åtgärd flytta', 'åtgärd stryk', 'åtgärd historik', 'hjälp'];
    assert.deepEqual(svTitles(listFor('team')), meeting);
    const lists = botOf(manifest).commandLists;
    assert.deepEqual(lists[listFor('groupChat')]!.commands, lists[listFor('team')]!.commands);
  });

  it('lists every command a reporter\'s help names in the personal menu, and the action commands of the coordinators\' help in a menu', () => {
    for (const [language, titles] of [['sv', svTitles], ['en', enTitles]] as const) {
      const help = messages(language).help;
      const personal = titles(listFor('personal'));
      for (const [entry] of help.reporter) assert.ok(personal.includes(commandWords(entry)), `${language}: "${commandWords(entry)}" is not in the personal menu`);
      const meeting = titles(listFor('team'));
      const actionWords = help.coordinator.map(([entry]) => commandWords(entry)).filter((w) => /^(åtgärd|action)/.test(w));
      assert.equal(actionWords.length, 3, `${language}: the help names ${actionWords.join(', ')}`);
      for (const w of actionWords) assert.ok(meeting.includes(w), `${language}: "${w}" is not in the team menu`);
    }
  });

  it('has only commands the bot parses, with the English title the alias of the Swedish one', () => {
    botOf(manifest).commandLists.forEach((_, i) => {
      const sv = svTitles(i);
      const en = enTitles(i);
      sv.forEach((title, j) => {
        const parsed = parseCommand(title);
        assert.notEqual(parsed.kind, 'unknown', `"${title}" is no command`);
        assert.equal(meaning(parseCommand(en[j]!)), meaning(parsed), `"${en[j]}" is not the English for "${title}"`);
      });
    });
  });

  it('has Swedish as its default language and English in en-US.json', () => {
    assert.deepEqual(manifest.localizationInfo, {
      defaultLanguageTag: 'sv-SE',
      additionalLanguages: [{ languageTag: 'en-US', file: 'en-US.json' }],
    });
  });
});

describe('The English localization en-US.json', () => {
  it('validates against the bundled localization schema of the manifest version', async () => {
    assert.equal(schemaVersion(english.$schema), schemaVersion(manifest.$schema));
    assert.match(String(english.$schema), /MicrosoftTeams\.Localization\.schema\.json$/);
    assert.deepEqual(await validateLocalization(english), []);
  });

  it('fails the localization schema check for an unknown key, so the check above is real', async () => {
    const errors = await validateLocalization({ ...english, 'bots[0].commandLists[0].commands[0].titel': 'help' });
    assert.ok(errors.length > 0);
  });

  it('translates exactly the localizable strings of the manifest', () => {
    const expected = [...localizableStrings(manifest).keys()].sort();
    const actual = Object.keys(english).filter((k) => k !== '$schema').sort();
    assert.deepEqual(actual, expected);
    for (const key of actual) assert.ok(String(english[key]).trim() !== '', `${key} is empty`);
  });

  it('gives the English command aliases', () => {
    assert.deepEqual(enTitles(0), ['help', 'status', 'away', 'back', 'my actions', 'actions', 'language sv', 'send prompts', 'send reminders', 'reporters']);
    const meeting = ['picture', 'status', 'hotspots', 'actions', 'action reassign', 'action cancel', 'action history', 'help'];
    assert.deepEqual(enTitles(1), meeting);
    assert.deepEqual(enTitles(2), meeting);
  });

  it('keeps English command titles within 32 characters', () => {
    for (const [key, value] of Object.entries(english)) {
      if (key.endsWith('.title')) assert.ok(String(value).length <= 32, `${key} too long`);
    }
  });
});
