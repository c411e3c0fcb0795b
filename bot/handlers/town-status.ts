import { gradeText } from '../../cards/picture-format';
import { pictureTexts } from '../../cards/picture-texts';
import { trendView } from '../../cards/picture-trend';
import { weekLabel, type IsoWeek } from '../../domain/iso-week';
import type { Town } from '../../domain/municipality';
import { compileWeek } from '../../scheduler/compile-week';
import type { BotDeps } from '../bot-deps';
import type { TurnScope } from '../turn-scope';

/**
 * `status <ort>`: the town's grade this week (the meeting's, else the proposal), its trend,
 * open hotspots and this week's answers, compiled from the store like the picture itself.
 */
export async function townStatus(deps: BotDeps, scope: TurnScope, town: Town, week: IsoWeek): Promise<string> {
  const { m, language, t } = scope;
  const picture = await compileWeek({ weekly: deps.weekly, meeting: deps.jobs.meeting }, m, week, deps.clock());
  const p = picture.towns.find((x) => x.townId === town.id);
  if (!p) return t.errors.unknownTown(town.name);
  const pt = pictureTexts(language);
  const trend = trendView(p.trend, language);
  const grade = p.finalGrade ?? p.proposal.grade;
  const kind = p.finalGrade !== undefined ? pt.overview.final : pt.overview.proposed;
  const answered = p.answers.answered.length + p.answers.nothingToReport.length;
  const lines = [
    `**${town.name}, ${weekLabel(week)}**`,
    `${gradeText(m, grade, language)}${grade === undefined ? '' : ` (${kind})`}`,
    `${trend.text} ${trend.direction}`,
    t.status.townLine(town.name, answered, answered + p.answers.missing.length, p.answers.away.length),
    `**${t.hotspots.title}**`,
    ...(p.openHotspots.length === 0 ? [t.hotspots.none] : p.openHotspots.map((h) => `- ${h.place} – ${h.reason} (${h.sinceLabel})`)),
  ];
  return lines.join('\n\n');
}
