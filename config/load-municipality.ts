import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { DEFAULT_ACTION_SETTINGS, DEFAULT_CATEGORIES, DEFAULT_RETENTION_DAYS, DEFAULT_SCALE, DEFAULT_SCHEDULE } from '../domain/defaults';
import type { Municipality } from '../domain/municipality';
import { isValidTimeZone } from '../domain/zoned-time';
import { municipalitySchema } from './municipality-schema';

export interface ConfigProblem {
  /** Path inside the file, e.g. "reporters[3].towns[0]". */
  path: string;
  /** 1-based line, when the problem points at something in the file. */
  line?: number;
  message: string;
}

/** Every problem of a configuration file at once, with the lines they are on. */
export class ConfigError extends Error {
  constructor(readonly file: string, readonly problems: ConfigProblem[]) {
    super(`${file}: ${problems.length} problem(s) in the municipality configuration:\n` +
      problems.map((p) => `  ${file}${p.line ? `:${p.line}` : ''} ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

type PathPart = string | number;

function pathText(path: PathPart[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Rules across fields. They read the raw document defensively, so that they run even when the
 * schema found problems elsewhere and every problem is reported at once.
 */
function crossChecks(raw: unknown): Array<{ path: PathPart[]; message: string }> {
  const problems: Array<{ path: PathPart[]; message: string }> = [];
  const file = obj(raw);
  const timeZone = str(file.timeZone);
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) problems.push({ path: ['timeZone'], message: `unknown time zone "${timeZone}"` });
  const duplicates = (key: string) => {
    const seen = new Set<string>();
    list(file[key]).forEach((item, i) => {
      const id = str(obj(item).id);
      if (id === undefined) return;
      if (seen.has(id)) problems.push({ path: [key, i, 'id'], message: `duplicate id "${id}"` });
      seen.add(id);
    });
  };
  duplicates('towns');
  duplicates('reporters');
  duplicates('coordinators');
  duplicates('categories');
  const townIds = new Set(list(file.towns).map((t) => str(obj(t).id)).filter((t): t is string => t !== undefined));
  list(file.reporters).forEach((r, i) => list(obj(r).towns).forEach((t, j) => {
    if (typeof t === 'string' && !townIds.has(t)) problems.push({ path: ['reporters', i, 'towns', j], message: `unknown town "${t}" (towns: ${[...townIds].join(', ')})` });
  }));
  list(file.scale).forEach((g, i) => {
    if (obj(g).level !== i + 1) problems.push({ path: ['scale', i, 'level'], message: `levels must be 1 to 5 in order (expected ${i + 1})` });
  });
  return problems;
}

/** Parses and checks a municipality's YAML text; throws ConfigError listing every problem. */
export function parseMunicipality(text: string, fileName = 'municipality.yaml'): Municipality {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (path: PathPart[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  if (doc.errors.length > 0) {
    throw new ConfigError(fileName, doc.errors.map((e) => ({
      // Without prettyErrors the error carries only offsets; the line counter turns them into a line.
      path: '', line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line, message: e.message.split('\n')[0] ?? e.message,
    })));
  }
  const raw: unknown = doc.toJS();
  const parsed = municipalitySchema.safeParse(raw);
  // An unknown key (often a typo) is pointed at on its own line, not at the object holding it.
  const schemaProblems = parsed.success ? [] : parsed.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({ path: [...issue.path, key], message: `unknown key "${key}"` }))
    : [{ path: issue.path, message: issue.message }]));
  const schemaPaths = new Set(schemaProblems.map((p) => pathText(p.path)));
  const problems = [...schemaProblems, ...crossChecks(raw).filter((p) => !schemaPaths.has(pathText(p.path)))];
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(fileName, problems.map((p) => ({ path: pathText(p.path), line: lineOf(p.path), message: p.message })));
  }
  const f = parsed.data;
  return {
    id: f.id,
    name: f.name,
    language: f.language,
    timeZone: f.timeZone,
    tenantId: f.tenantId,
    towns: f.towns,
    coordinators: f.coordinators,
    meetingMembers: f.meetingMembers,
    reporters: f.reporters,
    meetingChannel: f.meetingChannel,
    summaryRecipients: f.summaryRecipients,
    schedule: { ...DEFAULT_SCHEDULE, ...f.schedule },
    categories: f.categories ?? DEFAULT_CATEGORIES,
    scale: f.scale ?? DEFAULT_SCALE,
    retentionDays: f.retentionDays ?? DEFAULT_RETENTION_DAYS,
    actions: { ...DEFAULT_ACTION_SETTINGS, ...f.actions },
  };
}

export function loadMunicipality(path: string): Municipality {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(path, [{ path: '', message: `cannot read the file: ${(err as Error).message}` }]);
  }
  return parseMunicipality(text, path);
}
