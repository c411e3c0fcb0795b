import { auditEntry } from '../../domain/audit';
import type { Clock } from '../../domain/clock';
import type { Directory } from '../../domain/directory';
import { isCoordinator, rolesOf } from '../../domain/municipality';
import {
  countPersonData, holdsNothing, planErasure, type ErasureCounts, type PersonExport,
} from '../../domain/personal-records';
import type { AuditStore, PersonDataStore } from '../../domain/ports';
import { privacyTexts, type PrivacyTexts } from '../../i18n/privacy-texts';
import type { TurnScope } from '../turn-scope';

/** What the privacy commands need; BotDeps provides it once it carries `audit` and `personData`. */
export interface PrivacyDeps {
  directory: Directory;
  personData: PersonDataStore;
  audit: AuditStore;
  clock: Clock;
}

export type PrivacyCommand =
  | { kind: 'export'; userId: string }
  | { kind: 'erase'; userId: string; confirmed: boolean }
  | { kind: 'usage' };

const EXPORT_WORDS = new Set(['export', 'exportera']);
const ERASE_WORDS = new Set(['radera', 'erase']);
const CONFIRM_WORDS = new Set(['bekräfta', 'confirm']);
/** Entra object ids and the like; no ':' (ids are matched as ':'-separated parts of keys). */
const ID = /^[A-Za-z0-9._@-]{1,100}$/;

/** Teams wraps copied ids in backticks when they came from a code span (as `rapportörer` shows them). */
function unquote(word: string): string {
  return word.replace(/^[`'"<]+|[`'">]+$/g, '');
}

/** The command in a message, or undefined when the message is not a privacy command. */
export function parsePrivacyCommand(text: string): PrivacyCommand | undefined {
  const [verb, ...args] = text.replace(/\s+/g, ' ').trim().split(' ');
  const word = (verb ?? '').toLocaleLowerCase('sv');
  const isExport = EXPORT_WORDS.has(word);
  if (!isExport && !ERASE_WORDS.has(word)) return undefined;
  const userId = unquote(args[0] ?? '');
  if (!ID.test(userId)) return { kind: 'usage' };
  if (isExport) return args.length === 1 ? { kind: 'export', userId } : { kind: 'usage' };
  if (args.length === 1) return { kind: 'erase', userId, confirmed: false };
  // Only the confirm word erases: anything else is not consent, so it gets the usage, not a dry run.
  if (args.length === 2 && CONFIRM_WORDS.has(args[1]!.toLocaleLowerCase('sv'))) return { kind: 'erase', userId, confirmed: true };
  return { kind: 'usage' };
}

/** A chat message carries about 28 KB; the JSON gets 20 of them, the summary the rest. */
export const MAX_JSON_BYTES = 20_000;

function countLines(p: PrivacyTexts, counts: Partial<Record<keyof PrivacyTexts['kinds'], number>>): string[] {
  return Object.entries(counts).filter(([, n]) => n! > 0).map(([k, n]) => `- ${n} ${p.kinds[k as keyof PrivacyTexts['kinds']]}`);
}

function exportText(p: PrivacyTexts, e: PersonExport, municipalityId: string): string {
  if (holdsNothing(e) && !e.removalMarker) return p.nothingStored(e.userId);
  const lines = [`**${p.exportTitle(e.userId)}**`, ...countLines(p, countPersonData(e))];
  if (e.removalMarker) lines.push(p.removalMarker);
  // A backtick in free text would end the code block; \u0060 is the same character to a JSON parser.
  const json = JSON.stringify(e, null, 1).replace(/`/g, '\\u0060');
  if (Buffer.byteLength(json, 'utf8') <= MAX_JSON_BYTES) lines.push('', p.exportJson, '```json', json, '```');
  else lines.push('', p.exportTooLarge(`npm run export-person -- ${municipalityId} ${e.userId}`));
  return lines.join('\n');
}

function erasureLines(p: PrivacyTexts, counts: ErasureCounts): string[] {
  const groups = (['deleted', 'scrubbed', 'pseudonymized'] as const)
    .map((g) => ({ title: p.groups[g], lines: countLines(p, counts[g]) }))
    .filter((g) => g.lines.length > 0);
  return groups.flatMap((g) => [`${g.title}:`, ...g.lines]);
}

/** Says which roles the municipality's file still gives the person; the store cannot edit it. */
function configurationNotice(deps: PrivacyDeps, p: PrivacyTexts, municipalityId: string, userId: string): string {
  const configured = deps.directory.all.find((x) => x.id === municipalityId);
  const roles = configured ? [...rolesOf(configured, userId)] : [];
  return roles.length > 0 ? p.stillConfigured(roles.map((r) => p.roles[r]).join(', ')) : p.configurationNotice;
}

/**
 * `export <id>` / `exportera <id>`, `erase <id> [confirm]` / `radera <id> [bekräfta]`, for
 * coordinators. Undefined when the text is none of these, so the other commands get it.
 */
export async function handlePrivacyCommand(deps: PrivacyDeps, scope: TurnScope, text: string): Promise<string | undefined> {
  const cmd = parsePrivacyCommand(text);
  if (!cmd) return undefined;
  const { m, userId: actorId } = scope;
  if (!isCoordinator(m, actorId)) return scope.t.errors.notCoordinator;
  const p = privacyTexts(scope.language);
  if (cmd.kind === 'usage') return p.usage;
  const now = deps.clock();

  if (cmd.kind === 'export') {
    const e = await deps.personData.exportPerson(m.id, cmd.userId, now);
    await deps.audit.append(auditEntry({
      municipalityId: m.id, at: now, actorId, kind: 'personExported', subject: cmd.userId, change: countPersonData(e),
    }));
    return exportText(p, e, m.id);
  }

  if (!cmd.confirmed) {
    // The dry run reads only: it neither changes data nor writes to the trail.
    const e = await deps.personData.exportPerson(m.id, cmd.userId, now);
    if (holdsNothing(e)) return [p.nothingToErase(cmd.userId), configurationNotice(deps, p, m.id, cmd.userId)].join('\n\n');
    const confirm = scope.language === 'en' ? `erase ${cmd.userId} confirm` : `radera ${cmd.userId} bekräfta`;
    return [`**${p.dryRunTitle(cmd.userId)}**`, ...erasureLines(p, planErasure(e)), '', p.confirmHint(confirm),
      '', configurationNotice(deps, p, m.id, cmd.userId)].join('\n');
  }

  const summary = await deps.personData.erasePerson(m.id, cmd.userId, actorId, now);
  return [`**${p.erasedTitle(cmd.userId, summary.pseudonym)}**`, ...erasureLines(p, summary.counts),
    '', configurationNotice(deps, p, m.id, cmd.userId)].join('\n');
}
