/** One town's picture for the meeting: grades, answers, observations, hotspots, actions and controls. */
import type { Language, Municipality } from '../domain/municipality';
import type { AnsweredReporter, Observation, ReporterRef, TownAnswers, TownPicture } from '../domain/picture/picture';
import { messages } from '../i18n';
import { controlsView, type CardMode } from './picture-controls';
import { answerRateText, gradeText } from './picture-format';
import {
  actionView, categoriesData, gradeData, headerData, hotspotsSection, placesSection, section, type PictureHeader,
} from './picture-town-common';
import type { Fact, ObservationView, TownCardData } from './picture-town-model';
import { pictureTexts } from './picture-texts';
import { trendView } from './picture-trend';
import template from './templates/picture-town.json';
import { renderCard, type AdaptiveCardJson } from './render';

export type { CardMode } from './picture-controls';

export interface TownCardInput {
  municipality: Municipality;
  picture: PictureHeader;
  town: TownPicture;
  language: Language;
  /** `{ readOnly: true }` hides every control; a finalized picture never shows them. */
  mode: CardMode;
}

function who(r: ReporterRef | AnsweredReporter, lateWord: string): string {
  // A reporter no longer configured is known by the organisation only; don't say it twice.
  const details = [...(r.name === r.organisation ? [] : [r.organisation]), ...('late' in r && r.late ? [lateWord] : [])];
  return details.length === 0 ? r.name : `${r.name} (${details.join(', ')})`;
}

function answersData(a: TownAnswers, language: Language): TownCardData['answers'] {
  const t = pictureTexts(language).answers;
  const list = (title: string, people: Array<ReporterRef | AnsweredReporter>): Fact => ({
    title: `${title} (${people.length})`,
    value: people.length === 0 ? t.none : people.map((p) => who(p, t.late)).join(', '),
  });
  const answered = a.answered.length + a.nothingToReport.length;
  return {
    label: t.label,
    summary: answerRateText(answered, answered + a.missing.length, language),
    facts: [list(t.answered, a.answered), list(t.nothing, a.nothingToReport), list(t.missing, a.missing), list(t.away, a.away)],
  };
}

function observationView(m: Municipality, o: Observation, language: Language): ObservationView {
  const t = pictureTexts(language).observations;
  const q = messages(language).questionnaire;
  const facts: Fact[] = [
    { title: t.where, value: [...o.areas, o.place].filter((p) => p.trim() !== '').join(', ') },
    { title: t.when, value: o.when.map((w) => q[w]).join(', ') },
    { title: t.categories, value: o.categories.map((id) => m.categories.find((c) => c.id === id)?.label[language] ?? id).join(', ') },
  ].filter((f) => f.value !== '');
  return {
    header: `${gradeText(m, o.grade, language)} · ${o.organisation}`,
    what: o.what,
    facts,
    measures: o.measures.trim() === '' ? '' : t.measures(o.measures),
  };
}

/** The template's data for the internal card; `splitTownCard` slices its lists. */
export function townCardData(input: TownCardInput): TownCardData {
  const { municipality: m, picture, town, language } = input;
  const t = pictureTexts(language);
  const ownerText = (name: string | undefined, organisation: string | undefined) =>
    // A unit named like its organisation is said once.
    name === undefined ? t.actions.unknownOwner : `${name}${organisation && organisation !== name ? ` (${organisation})` : ''}`;
  const actions = (items: TownPicture['followUp']) => items.map((a) =>
    actionView(a, ownerText(a.ownerName, a.ownerOrganisation), a.lastComment, town.openHotspots, language));
  return {
    ...headerData(m, picture, town.townId, town.name, language),
    external: false,
    externalNote: '',
    ...gradeData(m, town, language),
    trend: trendView(town.trend, language),
    answers: answersData(town.answers, language),
    categories: categoriesData(m, town.categoryCounts, language),
    observations: section(t.observations.label, town.observations.map((o) => observationView(m, o, language)), t.observations.empty),
    places: placesSection(town.places, language),
    hotspots: hotspotsSection(town.openHotspots, language),
    followUp: section(t.actions.followUp, actions(town.followUp), t.actions.followUpEmpty),
    newActions: section(t.actions.newActions, actions(town.newActions), t.actions.newEmpty),
    controls: controlsView({
      municipality: m,
      language,
      mode: input.mode,
      finalized: picture.finalized,
      ...(town.finalGrade !== undefined ? { finalGrade: town.finalGrade } : {}),
      ...(town.proposal.grade !== undefined ? { proposedGrade: town.proposal.grade } : {}),
      situation: town.situation,
      openHotspots: town.openHotspots,
    }),
  };
}

export function renderTownCard(data: TownCardData): AdaptiveCardJson {
  return renderCard(template, data);
}

/** The whole town card in one message; see `splitTownCard` for the size-safe version. */
export function pictureTownCard(input: TownCardInput): AdaptiveCardJson {
  return renderTownCard(townCardData(input));
}
