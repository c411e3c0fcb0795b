import assert from 'node:assert/strict';
import { parseCommand, type Command } from '../../domain/commands';

function cases(list: Array<[string, Command]>) {
  for (const [input, expected] of list) {
    it(`reads ${JSON.stringify(input)} as ${expected.kind}`, () => {
      assert.deepEqual(parseCommand(input), expected);
    });
  }
}

describe('commands', () => {
  describe('Swedish words', () => {
    cases([
      ['hjälp', { kind: 'help' }],
      ['?', { kind: 'help' }],
      ['status', { kind: 'status', town: undefined }],
      ['status Rimbo', { kind: 'status', town: 'Rimbo' }],
      ['borta', { kind: 'away' }],
      ['tillbaka', { kind: 'back' }],
      ['utskick', { kind: 'sendPrompts' }],
      ['påminn', { kind: 'sendReminders' }],
      ['rapportörer', { kind: 'listReporters' }],
      ['språk engelska', { kind: 'language', language: 'en' }],
      ['språk svenska', { kind: 'language', language: 'sv' }],
      ['lägesbild', { kind: 'picture', week: undefined }],
      ['lägesbild 2026-W53', { kind: 'picture', week: '2026-W53' }],
      ['hotspots', { kind: 'hotspots' }],
      ['mina åtgärder', { kind: 'myActions' }],
      ['åtgärder', { kind: 'townActions', town: undefined }],
      ['åtgärder Hallstavik', { kind: 'townActions', town: 'Hallstavik' }],
    ]);
  });

  describe('English aliases', () => {
    cases([
      ['help', { kind: 'help' }],
      ['status Norrtälje', { kind: 'status', town: 'Norrtälje' }],
      ['away', { kind: 'away' }],
      ['back', { kind: 'back' }],
      ['send prompts', { kind: 'sendPrompts' }],
      ['send reminders', { kind: 'sendReminders' }],
      ['reporters', { kind: 'listReporters' }],
      ['language en', { kind: 'language', language: 'en' }],
      ['language english', { kind: 'language', language: 'en' }],
      ['language sv', { kind: 'language', language: 'sv' }],
      ['language swedish', { kind: 'language', language: 'sv' }],
      ['picture 2026-W48', { kind: 'picture', week: '2026-W48' }],
      ['my actions', { kind: 'myActions' }],
      ['actions Rimbo', { kind: 'townActions', town: 'Rimbo' }],
    ]);
  });

  describe('case and spacing', () => {
    cases([
      ['HJÄLP', { kind: 'help' }],
      ['Borta', { kind: 'away' }],
      ['Mina Åtgärder', { kind: 'myActions' }],
      ['SEND   PROMPTS', { kind: 'sendPrompts' }],
      ['   status    Rimbo   ', { kind: 'status', town: 'Rimbo' }],
      ['\tpåminn\n', { kind: 'sendReminders' }],
      ['Språk EN', { kind: 'language', language: 'en' }],
    ]);

    it('keeps the case of what follows the command word', () => {
      assert.deepEqual(parseCommand('STATUS Hallstavik'), { kind: 'status', town: 'Hallstavik' });
    });

    it('does not read a longer word that merely starts like a command ("statusar", "bortavaro")', () => {
      assert.deepEqual(parseCommand('statusar'), { kind: 'unknown', text: 'statusar' });
      assert.deepEqual(parseCommand('bortavaro'), { kind: 'unknown', text: 'bortavaro' });
    });
  });

  describe('reporter changes', () => {
    it('reads "rapportör lägg till" with id, towns, name and organisation', () => {
      assert.deepEqual(parseCommand('rapportör lägg till abc-123 rimbo,norrtalje Erik Persson | Rimbo skola'), {
        kind: 'addReporter', reporterId: 'abc-123', towns: ['rimbo', 'norrtalje'], name: 'Erik Persson', organisation: 'Rimbo skola',
      });
    });

    it('reads "reporter add" the same way, with extra spaces around the bar', () => {
      assert.deepEqual(parseCommand('Reporter  add abc-123 hallstavik  Eva   Karlsson   |   Hallstaviks skola '), {
        kind: 'addReporter', reporterId: 'abc-123', towns: ['hallstavik'], name: 'Eva Karlsson', organisation: 'Hallstaviks skola',
      });
    });

    it('reads removal in Swedish and English, taking the first word as the id', () => {
      assert.deepEqual(parseCommand('rapportör ta bort abc-123'), { kind: 'removeReporter', reporterId: 'abc-123' });
      assert.deepEqual(parseCommand('reporter remove abc-123 because she left'), { kind: 'removeReporter', reporterId: 'abc-123' });
    });

    it('reads a move to other towns in Swedish and English', () => {
      assert.deepEqual(parseCommand('rapportör flytta abc-123 rimbo,hallstavik'), { kind: 'moveReporter', reporterId: 'abc-123', towns: ['rimbo', 'hallstavik'] });
      assert.deepEqual(parseCommand('REPORTER MOVE abc-123 norrtalje'), { kind: 'moveReporter', reporterId: 'abc-123', towns: ['norrtalje'] });
    });

    const usage: Command = { kind: 'usage', command: 'reporter' };
    for (const input of [
      'rapportör lägg till',
      'rapportör lägg till abc-123 rimbo Erik Persson', // no "| organisation"
      'reporter add abc-123',
      'rapportör ta bort',
      'reporter remove',
      'rapportör flytta abc-123',
      'reporter move abc-123 rimbo extra',
    ]) {
      it(`falls back to the usage text for ${JSON.stringify(input)}`, () => {
        assert.deepEqual(parseCommand(input), usage);
      });
    }
  });

  describe('unknown text', () => {
    it('returns the text, tidied, as unknown', () => {
      assert.deepEqual(parseCommand('  Vad  händer? '), { kind: 'unknown', text: 'Vad händer?' });
    });

    it('cuts unknown text to 100 characters', () => {
      const r = parseCommand('x'.repeat(300));
      assert.deepEqual(r, { kind: 'unknown', text: 'x'.repeat(100) });
    });

    it('treats an empty message as unknown', () => {
      assert.deepEqual(parseCommand('   '), { kind: 'unknown', text: '' });
    });

    it('treats a language it does not offer as unknown', () => {
      assert.deepEqual(parseCommand('språk finska'), { kind: 'unknown', text: 'språk finska' });
      assert.deepEqual(parseCommand('language'), { kind: 'unknown', text: 'språk' });
    });
  });
});
