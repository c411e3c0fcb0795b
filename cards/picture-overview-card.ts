/** The week at a glance for the meeting channel: each town's grade and answer rate. */
import type { Language, Municipality } from '../domain/municipality';
import type { ExternalPicture } from '../domain/picture/external';
import type { Picture } from '../domain/picture/picture';
import { answerRateText, formatCompiledAt, formatMeetingDate, gradeText } from './picture-format';
import { pictureTexts } from './picture-texts';
import template from './templates/picture-overview.json';
import { gradeStyle, renderCard, type AdaptiveCardJson } from './render';

export interface OverviewCardInput {
  municipality: Municipality;
  /** The internal picture, or its external version for readers outside the meeting. */
  picture: Picture | ExternalPicture;
  language: Language;
  /** Shows the meeting's "finalize" button (only on the internal, not yet finalized picture). */
  finalizable?: boolean;
}

export function pictureOverviewCard(input: OverviewCardInput): AdaptiveCardJson {
  const { municipality: m, picture: p, language } = input;
  const t = pictureTexts(language);
  const towns = p.overview.towns.map((o) => {
    // The overview's grade is the final one if set; the town tells which, so the card can say so.
    const isFinal = p.towns.find((x) => x.townId === o.townId)?.finalGrade !== undefined;
    const kind = o.grade === undefined ? '' : ` (${isFinal ? t.overview.final : t.overview.proposed})`;
    return {
      style: gradeStyle(o.grade),
      heading: `${o.name}: ${gradeText(m, o.grade, language)}${kind}`,
      rate: answerRateText(o.answered, o.expected, language),
    };
  });
  const rate = p.overview.answerRate;
  return renderCard(template, {
    municipalityId: m.id,
    week: p.week,
    canFinalize: Boolean(input.finalizable) && !p.finalized && !('external' in p),
    finalizeLabel: t.overview.finalize,
    title: t.overview.title(p.weekLabel),
    meeting: t.overview.meeting(formatMeetingDate(p.meetingDate, language)),
    external: 'external' in p,
    externalNote: t.town.external,
    status: p.finalized ? t.overview.finalized : t.overview.preliminary,
    statusColor: p.finalized ? 'Good' : 'Warning',
    towns,
    total: `${t.overview.total}: ${answerRateText(rate.answered, rate.expected, language)}`,
    footer: t.overview.compiled(formatCompiledAt(p.compiledAt, m.timeZone)),
  });
}
