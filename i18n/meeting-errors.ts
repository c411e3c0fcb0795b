import type { Language } from '../domain/municipality';
import type { MeetingError, MeetingTextField } from '../domain/picture/meeting';

const FIELDS: Record<Language, Record<MeetingTextField, string>> = {
  sv: { situation: 'Läget i stort', place: 'Plats', reason: 'Varför', what: 'Vad ska göras', comment: 'Kommentar' },
  en: { situation: 'Situation at large', place: 'Place', reason: 'Why', what: 'What to do', comment: 'Comment' },
};

/** One sentence per refused meeting change, in the participant's language. */
export function describeMeetingError(language: Language, e: MeetingError): string {
  const sv = language === 'sv';
  switch (e.code) {
    case 'textMissing': return sv ? `Fyll i "${FIELDS.sv[e.field]}".` : `Fill in "${FIELDS.en[e.field]}".`;
    case 'textTooLong': return sv ? `"${FIELDS.sv[e.field]}" är för långt (högst ${e.max} tecken).` : `"${FIELDS.en[e.field]}" is too long (at most ${e.max} characters).`;
    case 'personalData': {
      const found = e.findings.map((f) => f.match).join(', ');
      return sv ? `"${FIELDS.sv[e.field]}" verkar innehålla personuppgifter (${found}). Ta bort dem.` : `"${FIELDS.en[e.field]}" seems to contain personal data (${found}). Remove it.`;
    }
    case 'invalidDate': return sv ? `Ogiltigt datum: "${e.value}".` : `Invalid date: "${e.value}".`;
    case 'gradeOutOfRange': return sv ? `Bedömningen måste vara 1–5 (fick "${e.value}").` : `The grade must be 1–5 (got "${e.value}").`;
    case 'unknownStatus': return sv ? `Okänd status: "${e.value}".` : `Unknown status: "${e.value}".`;
    case 'statusUnchanged': return sv ? 'Åtgärden har redan den statusen.' : 'The action already has that status.';
    case 'actionCancelled': return sv ? 'Åtgärden är struken och kan inte ändras.' : 'The action is cancelled and cannot change.';
    case 'actionDone': return sv ? 'Åtgärden är redan klar.' : 'The action is already done.';
    case 'sameOwner': return sv ? 'Åtgärden har redan den ansvarige.' : 'The action already has that owner.';
    case 'hotspotClosed': return sv ? 'Hotspoten är redan stängd.' : 'The hotspot is already closed.';
    case 'hotspotElsewhere': return sv ? 'Hotspoten finns inte i den här orten.' : 'The hotspot is not in this town.';
    case 'weekFinalized': return sv ? 'Veckan är redan fastställd och kan inte ändras.' : 'The week is already finalized and cannot change.';
    case 'mismatch': return sv ? 'Kortet hör inte ihop med den sparade lägesbilden. Hämta en ny med "lägesbild".' : 'The card does not match the stored picture. Get a new one with "picture".';
  }
}
