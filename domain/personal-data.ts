/**
 * Detects obvious personal identifiers in free text, so a reporter can remove them before the
 * answer is saved (EST is about places, not people; anything saved may become a public document).
 */

export type IdentifierKind = 'personalNumber' | 'phoneNumber' | 'licencePlate';

export interface IdentifierFinding {
  kind: IdentifierKind;
  /** The matched text, shown back to the reporter so they know what to remove. */
  match: string;
}

const PERSONAL_NUMBER = /\b(\d{2})?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})\b/g;
// Swedish mobile and landline forms: 070-123 45 67, 0701234567, +46 70 123 45 67, 08-123 456 78.
const PHONE = /(?<![\d-])(?:\+46[\s-]?|0)(?:\d[\s-]?){7,10}\d(?![\d-])/g;
// Plates: three letters then three digits, or two digits and a final letter (ABC 123, ABC 12D).
// Plates use A-Z without I, Q, V, Å, Ä, Ö. The letters must be capitals as written, so everyday
// words before a number ("och 100 personer", "för 200 kr") are not taken for plates.
const PLATE = /\b[A-HJ-PR-UW-Z]{3}[\s-]?\d{2}[\dA-HJ-PR-UW-Z]\b/g;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]);
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

function plausibleDate(month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  // Coordination numbers add 60 to the day.
  return m >= 1 && m <= 12 && ((d >= 1 && d <= 31) || (d >= 61 && d <= 91));
}

export function findIdentifiers(text: string): IdentifierFinding[] {
  const findings: IdentifierFinding[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of text.matchAll(PERSONAL_NUMBER)) {
    const [, , yy, mm, dd, last] = m as unknown as [string, string | undefined, string, string, string, string];
    if (plausibleDate(mm, dd) && luhnValid(`${yy}${mm}${dd}${last}`)) {
      findings.push({ kind: 'personalNumber', match: m[0] });
      taken.push([m.index!, m.index! + m[0].length]);
    }
  }
  for (const m of text.matchAll(PHONE)) {
    const start = m.index!;
    if (taken.some(([a, b]) => start < b && start + m[0].length > a)) continue;
    findings.push({ kind: 'phoneNumber', match: m[0].trim() });
  }
  for (const m of text.matchAll(PLATE)) {
    findings.push({ kind: 'licencePlate', match: m[0] });
  }
  return findings;
}
