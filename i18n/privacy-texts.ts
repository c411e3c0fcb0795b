import type { Language, Role } from '../domain/municipality';
import type { PersonDataKind } from '../domain/personal-records';

/** Words for the coordinators' export and erasure commands, in plain Swedish and English. */
export interface PrivacyTexts {
  usage: string;
  kinds: Record<PersonDataKind | 'registrations', string>;
  exportTitle: (id: string) => string;
  nothingStored: (id: string) => string;
  removalMarker: string;
  exportJson: string;
  exportTooLarge: (command: string) => string;
  dryRunTitle: (id: string) => string;
  nothingToErase: (id: string) => string;
  confirmHint: (command: string) => string;
  erasedTitle: (id: string, pseudonym: string) => string;
  groups: { deleted: string; scrubbed: string; pseudonymized: string };
  configurationNotice: string;
  stillConfigured: (roles: string) => string;
  roles: Record<Role, string>;
}

const sv: PrivacyTexts = {
  usage: 'Använd: `exportera ID` eller `radera ID bekräfta` (utan "bekräfta" visas bara vad som skulle raderas).',
  kinds: {
    reports: 'svar', absences: 'frånvaroanmälningar', registrations: 'registreringar', registryChanges: 'registerändringar',
    conversations: 'konversationsreferenser', language: 'språkval', sends: 'utskick i loggen', decisions: 'ortbeslut',
    hotspots: 'hotspots', actions: 'åtgärder', weekStates: 'stängda veckor', audit: 'poster i ändringsloggen',
  },
  exportTitle: (id) => `Sparade uppgifter om ${id}`,
  nothingStored: (id) => `Inget finns sparat om ${id}.`,
  removalMarker: 'Personen är markerad som borttagen ur rapportörslistan (bara id:t sparas, för att hålla dem borta).',
  exportJson: 'Allt som finns sparat, som JSON:',
  exportTooLarge: (command) => `Hela exporten är för stor för chatten. Be driften köra \`${command}\`, som skriver den som JSON.`,
  dryRunTitle: (id) => `Detta skulle hända med uppgifterna om ${id}. Inget är ändrat än.`,
  nothingToErase: (id) => `Inget finns sparat om ${id}; inget att radera.`,
  confirmHint: (command) => `Skriv \`${command}\` för att radera. Det går inte att ångra.`,
  erasedTitle: (id, pseudonym) => `Uppgifterna om ${id} är raderade. I mötets beslut och i ändringsloggen står nu ${pseudonym}.`,
  groups: { deleted: 'Raderas', scrubbed: 'Namnet tas bort ur delade konversationer', pseudonymized: 'Id:t byts mot en pseudonym' },
  configurationNotice: 'Konfigurationsfilen (YAML) kan fortfarande nämna personen. Ta bort dem där; boten kan inte ändra filen.',
  stillConfigured: (roles) => `Konfigurationsfilen nämner personen som ${roles}. Ta bort dem ur filen och starta om boten.`,
  roles: { coordinator: 'samordnare', meetingMember: 'mötesdeltagare', reporter: 'rapportör' },
};

const en: PrivacyTexts = {
  usage: 'Use: `export ID` or `erase ID confirm` (without "confirm" it only shows what would be erased).',
  kinds: {
    reports: 'answers', absences: 'absences', registrations: 'registrations', registryChanges: 'registry changes',
    conversations: 'conversation references', language: 'language choice', sends: 'sends in the ledger', decisions: 'town decisions',
    hotspots: 'hotspots', actions: 'actions', weekStates: 'closed weeks', audit: 'audit trail entries',
  },
  exportTitle: (id) => `Data stored about ${id}`,
  nothingStored: (id) => `Nothing is stored about ${id}.`,
  removalMarker: 'The person is marked as removed from the reporter list (only the id is kept, to keep them off it).',
  exportJson: 'Everything stored, as JSON:',
  exportTooLarge: (command) => `The full export is too large for chat. Ask operations to run \`${command}\`, which writes it as JSON.`,
  dryRunTitle: (id) => `This is what would happen to the data about ${id}. Nothing has changed yet.`,
  nothingToErase: (id) => `Nothing is stored about ${id}; nothing to erase.`,
  confirmHint: (command) => `Write \`${command}\` to erase. It cannot be undone.`,
  erasedTitle: (id, pseudonym) => `The data about ${id} is erased. The meeting's decisions and the audit trail now say ${pseudonym}.`,
  groups: { deleted: 'Deleted', scrubbed: 'Name removed from shared conversations', pseudonymized: 'Id replaced by a pseudonym' },
  configurationNotice: 'The configuration file (YAML) may still name the person. Remove them there; the bot cannot change the file.',
  stillConfigured: (roles) => `The configuration file names the person as ${roles}. Remove them from the file and restart the bot.`,
  roles: { coordinator: 'coordinator', meetingMember: 'meeting member', reporter: 'reporter' },
};

export function privacyTexts(language: Language): PrivacyTexts {
  return language === 'en' ? en : sv;
}
