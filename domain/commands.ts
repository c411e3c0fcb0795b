/**
 * Chat commands, in Swedish with English aliases. Parsing is plain text → a typed command, so the
 * Teams layer only routes and the words are tested here.
 */
export type Command =
  | { kind: 'help' }
  | { kind: 'status'; town?: string }
  | { kind: 'away' }
  | { kind: 'back' }
  | { kind: 'sendPrompts' }
  | { kind: 'sendReminders' }
  | { kind: 'listReporters' }
  | { kind: 'addReporter'; reporterId: string; towns: string[]; name: string; organisation: string }
  | { kind: 'removeReporter'; reporterId: string }
  | { kind: 'moveReporter'; reporterId: string; towns: string[] }
  | { kind: 'language'; language: 'sv' | 'en' }
  | { kind: 'picture'; week?: string }
  | { kind: 'hotspots' }
  | { kind: 'myActions' }
  | { kind: 'townActions'; town?: string }
  | { kind: 'reassignAction'; actionId: string; ownerId: string }
  | { kind: 'cancelAction'; actionId: string }
  | { kind: 'actionHistory'; actionId: string }
  | { kind: 'usage'; command: 'reporter' | 'action' }
  | { kind: 'unknown'; text: string };

interface Rule {
  words: string[];
  parse: (rest: string) => Command;
}

const towns = (s: string) => s.split(',').map((t) => t.trim()).filter(Boolean);

/** Longest phrases first, so "send prompts" is not read as something shorter. */
const RULES: Rule[] = [
  { words: ['rapportör lägg till', 'reporter add'], parse: (rest) => {
    const m = /^(\S+)\s+(\S+)\s+(.+?)\s*\|\s*(.+)$/.exec(rest);
    return m ? { kind: 'addReporter', reporterId: m[1]!, towns: towns(m[2]!), name: m[3]!.trim(), organisation: m[4]!.trim() } : { kind: 'usage', command: 'reporter' };
  } },
  { words: ['rapportör ta bort', 'reporter remove'], parse: (rest) => (rest ? { kind: 'removeReporter', reporterId: rest.split(/\s+/)[0]! } : { kind: 'usage', command: 'reporter' }) },
  { words: ['rapportör flytta', 'reporter move'], parse: (rest) => {
    const m = /^(\S+)\s+(\S+)$/.exec(rest);
    return m ? { kind: 'moveReporter', reporterId: m[1]!, towns: towns(m[2]!) } : { kind: 'usage', command: 'reporter' };
  } },
  { words: ['åtgärd flytta', 'action reassign'], parse: (rest) => {
    const m = /^(\S+)\s+(\S+)$/.exec(rest);
    return m ? { kind: 'reassignAction', actionId: m[1]!, ownerId: m[2]! } : { kind: 'usage', command: 'action' };
  } },
  { words: ['åtgärd stryk', 'action cancel'], parse: (rest) => (rest ? { kind: 'cancelAction', actionId: rest.split(/\s+/)[0]! } : { kind: 'usage', command: 'action' }) },
  { words: ['åtgärd historik', 'action history'], parse: (rest) => (rest ? { kind: 'actionHistory', actionId: rest.split(/\s+/)[0]! } : { kind: 'usage', command: 'action' }) },
  { words: ['mina åtgärder', 'my actions'], parse: () => ({ kind: 'myActions' }) },
  { words: ['send prompts', 'utskick'], parse: () => ({ kind: 'sendPrompts' }) },
  { words: ['send reminders', 'påminn'], parse: () => ({ kind: 'sendReminders' }) },
  { words: ['rapportörer', 'reporters'], parse: () => ({ kind: 'listReporters' }) },
  { words: ['åtgärder', 'actions'], parse: (rest) => ({ kind: 'townActions', town: rest || undefined }) },
  { words: ['lägesbild', 'picture'], parse: (rest) => ({ kind: 'picture', week: rest || undefined }) },
  { words: ['hotspots'], parse: () => ({ kind: 'hotspots' }) },
  { words: ['status'], parse: (rest) => ({ kind: 'status', town: rest || undefined }) },
  { words: ['borta', 'away'], parse: () => ({ kind: 'away' }) },
  { words: ['tillbaka', 'back'], parse: () => ({ kind: 'back' }) },
  { words: ['hjälp', 'help', '?'], parse: () => ({ kind: 'help' }) },
  { words: ['språk', 'language'], parse: (rest) => {
    const l = rest.toLowerCase();
    if (['en', 'english', 'engelska'].includes(l)) return { kind: 'language', language: 'en' };
    if (['sv', 'svenska', 'swedish'].includes(l)) return { kind: 'language', language: 'sv' };
    return { kind: 'unknown', text: `språk ${rest}`.trim() };
  } },
];

export function parseCommand(input: string): Command {
  const text = input.replace(/\s+/g, ' ').trim();
  const lower = text.toLocaleLowerCase('sv');
  for (const rule of RULES) {
    for (const word of rule.words) {
      if (lower === word || lower.startsWith(`${word} `)) return rule.parse(text.slice(word.length).trim());
    }
  }
  return { kind: 'unknown', text: text.slice(0, 100) };
}
