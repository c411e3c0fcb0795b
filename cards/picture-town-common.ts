/** Parts of the town card that the internal and the external version show alike. */
import type { Language, Municipality } from '../domain/municipality';
import type { ExternalActionItem } from '../domain/picture/external';
import type { GradeProposal, GradeSpread } from '../domain/picture/grading';
import type { CategoryCount, OpenHotspot, Picture, PlaceCount } from '../domain/picture/picture';
import type { Grade } from '../domain/report';
import { formatCompiledAt, formatMeetingDate, gradeBadge, gradeText, shortLabel } from './picture-format';
import { explainGradeRule } from './picture-rule';
import type { ActionView, Badge, Fact, HotspotView, Section, TownCardData } from './picture-town-model';
import { pictureTexts } from './picture-texts';

/** What the card needs of the picture around the town; both Picture and ExternalPicture have it. */
export type PictureHeader = Pick<Picture, 'municipalityId' | 'week' | 'weekLabel' | 'meetingDate' | 'compiledAt' | 'finalized'>;

export function section<T>(label: string, items: T[], empty: string): Section<T> {
  return { label, items, note: items.length === 0 ? empty : '' };
}

export function headerData(m: Municipality, header: PictureHeader, townId: string, name: string, language: Language) {
  const t = pictureTexts(language).town;
  return {
    municipalityId: header.municipalityId,
    week: header.week,
    townId,
    title: t.title(name, header.weekLabel),
    subtitle: t.subtitle(formatMeetingDate(header.meetingDate, language)),
    showHead: true,
    footer: t.footer(formatCompiledAt(header.compiledAt, m.timeZone), header.finalized),
  };
}

export interface GradeFields {
  proposal: GradeProposal;
  finalGrade?: Grade;
  lastWeekFinalGrade?: Grade;
  situation: string;
}

export function gradeData(m: Municipality, g: GradeFields, language: Language): Pick<TownCardData, 'proposal' | 'final' | 'situation' | 'lastWeek' | 'spread'> {
  const t = pictureTexts(language).town;
  const final: Badge = g.finalGrade === undefined
    ? { style: 'default', text: `${t.final}: ${t.notSet}` }
    : gradeBadge(m, g.finalGrade, language, t.final);
  return {
    proposal: { ...gradeBadge(m, g.proposal.grade, language, t.proposed), rule: explainGradeRule(g.proposal.rule, language) },
    final,
    situation: { label: t.situation, text: g.situation },
    lastWeek: `${t.lastWeek}: ${g.lastWeekFinalGrade === undefined ? t.lastWeekNone : gradeText(m, g.lastWeekFinalGrade, language)}`,
    spread: { label: `${t.spread} (${t.reporters(g.proposal.spread.n)})`, facts: spreadFacts(m, g.proposal.spread, language) },
  };
}

/** One fact per level, zeros included, so the spread reads the same every week. */
function spreadFacts(m: Municipality, spread: GradeSpread, language: Language): Fact[] {
  return m.scale.map((g) => ({ title: gradeText(m, g.level, language), value: String(spread.counts[g.level]) }));
}

export function categoriesData(m: Municipality, counts: CategoryCount[], language: Language): TownCardData['categories'] {
  const t = pictureTexts(language).categories;
  return {
    label: t.label,
    empty: t.empty,
    facts: counts.map((c) => ({
      title: m.categories.find((k) => k.id === c.categoryId)?.label[language] ?? c.categoryId,
      value: t.count(c.thisWeek, c.lastWeek),
    })),
  };
}

export function placesSection(places: PlaceCount[], language: Language): Section<Fact> {
  const t = pictureTexts(language).places;
  return section(t.label, places.map((p) => ({ title: p.place, value: t.count(p.count) })), t.empty);
}

export function hotspotsSection(hotspots: OpenHotspot[], language: Language): Section<HotspotView> {
  const t = pictureTexts(language).hotspots;
  return section(t.label, hotspots.map((h) => ({ title: `${h.place} (${t.since(h.sinceLabel)})`, reason: h.reason })), t.empty);
}

/** An action as the card lists it; `owner` and `comment` are what the version may show. */
export function actionView(
  a: ExternalActionItem, owner: string, comment: string | undefined, hotspots: OpenHotspot[], language: Language,
): ActionView {
  const t = pictureTexts(language).actions;
  const hotspot = a.hotspotId === undefined ? undefined : hotspots.find((h) => h.id === a.hotspotId);
  const facts: Fact[] = [
    { title: t.owner, value: owner },
    { title: t.status, value: t.statuses[a.status] },
    ...(hotspot ? [{ title: t.hotspot, value: shortLabel(hotspot.place) }] : []),
    ...(comment ? [{ title: t.comment, value: comment }] : []),
  ].filter((f) => f.value !== '');
  return { what: a.what, facts, due: t.due(a.due, a.overdue), dueColor: a.overdue ? 'Attention' : 'Default' };
}
