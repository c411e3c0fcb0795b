import pino from 'pino';
import { correlationFields } from './correlation';

export type Logger = pino.Logger;

/**
 * Keys whose values may hold what a person wrote or who they are: the free text of answers and
 * commands, cards and submitted forms, names and contact details. Their values never reach a log
 * line, at any depth and whatever the call site passes; ids, counts and codes go through.
 */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  'text', 'card', 'answer', 'form', 'raw', 'value', 'attachments',
  'what', 'place', 'measures', 'reason', 'description', 'comment', 'note', 'notes',
  'name', 'displayName', 'givenName', 'surname', 'email', 'userPrincipalName',
]);

const CENSOR = '[Redacted]';
const MAX_DEPTH = 8;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A copy without the values of PERSONAL_KEYS; the caller's object is left as it was. Errors pass to pino's serializer. */
function withoutPersonalData(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return depth >= MAX_DEPTH ? CENSOR : value.map((v) => withoutPersonalData(v, depth + 1));
  if (!isPlainObject(value)) return value;
  if (depth >= MAX_DEPTH) return CENSOR;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = PERSONAL_KEYS.has(key) ? CENSOR : withoutPersonalData(v, depth + 1);
  return out;
}

/**
 * Structured JSON logs. Only ids, counts and codes go in: never free text or names, since
 * reports may carry personal data; PERSONAL_KEYS are censored as a safety net, at any depth of
 * a log call's object and at the top of a child logger's bindings (pino formats those apart).
 * Each line written inside a turn or a job run carries its `correlationId`.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'lagesbild-bot' },
    mixin: correlationFields,
    serializers: Object.fromEntries([...PERSONAL_KEYS].map((key) => [key, () => CENSOR])),
    formatters: { log: (obj) => withoutPersonalData(obj) as Record<string, unknown> },
  }, destination);
}

export const silentLogger: Logger = pino({ level: 'silent' });
