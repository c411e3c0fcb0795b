import type { Language } from '../domain/municipality';
import type { GradeRule } from '../domain/picture/grading';
import { pictureTexts } from './picture-texts';

function step(rule: GradeRule, language: Language): string {
  const t = pictureTexts(language).rule;
  switch (rule.code) {
    case 'noAnswers': return t.noAnswers(rule.fallback === undefined ? undefined : String(rule.fallback));
    case 'nothingCountsAsOne': return t.nothingCountsAsOne(rule.count);
    case 'median': return t.median(rule.n, rule.value);
    case 'raisedForSevereReports': return t.severe(rule.count, rule.atLeast);
    case 'raisedForHotspots': return t.hotspots(rule.count, rule.to);
  }
}

/**
 * The grading rule's steps as one sentence the meeting can read out, e.g. "Medianen av 12 svar
 * är 2; höjd ett steg eftersom 3 rapportörer bedömer 4 eller högre." Steps keep their order.
 */
export function explainGradeRule(rule: GradeRule[], language: Language): string {
  const text = rule.map((r) => step(r, language)).join('; ');
  return text === '' ? '' : `${text.charAt(0).toLocaleUpperCase(pictureTexts(language).locale)}${text.slice(1)}.`;
}
