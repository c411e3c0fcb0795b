import { MAX_TEXT_LENGTH } from '../defaults';
import { findIdentifiers } from '../personal-data';
import type { MeetingError, MeetingTextField } from './meeting';

/**
 * Checks a text the meeting writes. Meeting texts reach the external version of the picture,
 * so obvious personal identifiers are refused here just as in reporters' answers.
 */
export function checkMeetingText(field: MeetingTextField, value: string, required: boolean): MeetingError[] {
  if (value.length === 0) return required ? [{ code: 'textMissing', field }] : [];
  if (value.length > MAX_TEXT_LENGTH) return [{ code: 'textTooLong', field, max: MAX_TEXT_LENGTH }];
  const findings = findIdentifiers(value);
  return findings.length > 0 ? [{ code: 'personalData', field, findings }] : [];
}
