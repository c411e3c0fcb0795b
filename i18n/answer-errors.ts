import type { AnswerError } from '../domain/report';
import type { Messages } from './sv';

/** One sentence per validation problem, in the reporter's language. */
export function describeAnswerError(t: Messages, e: AnswerError): string {
  const field = (f: 'what' | 'place' | 'measures') => t.questionnaire[f];
  switch (e.code) {
    case 'gradeMissing': return t.errors.gradeMissing;
    case 'gradeOutOfRange': return t.errors.gradeOutOfRange(e.value);
    case 'unknownCategory': return t.errors.unknownCategory(e.value);
    case 'unknownTimeOfDay': return t.errors.unknownTimeOfDay(e.value);
    case 'textTooLong': return t.errors.textTooLong(field(e.field), e.max);
    case 'personalData': return t.errors.personalData(field(e.field), e.findings.map((f) => f.match).join(', '));
  }
}
