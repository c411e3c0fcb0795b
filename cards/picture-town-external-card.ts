/**
 * One town's picture for politicians and external actors. Built only from `ExternalPicture`,
 * which holds no reporters' free text or names, and always without controls.
 */
import type { Language, Municipality } from '../domain/municipality';
import type { ExternalPicture, ExternalTownPicture } from '../domain/picture/external';
import { controlsView } from './picture-controls';
import { answerRateText } from './picture-format';
import {
  actionView, categoriesData, gradeData, headerData, hotspotsSection, placesSection, section,
} from './picture-town-common';
import type { TownCardData } from './picture-town-model';
import { pictureTexts } from './picture-texts';
import { trendView } from './picture-trend';
import { renderTownCard } from './picture-town-card';
import type { AdaptiveCardJson } from './render';

export interface ExternalTownCardInput {
  municipality: Municipality;
  /** The external version (`externalVersion(picture)`), never the internal picture. */
  picture: ExternalPicture;
  town: ExternalTownPicture;
  language: Language;
}

function answersData(a: ExternalTownPicture['answers'], language: Language): TownCardData['answers'] {
  const t = pictureTexts(language).answers;
  const answered = a.answered + a.nothingToReport;
  return {
    label: t.label,
    summary: answerRateText(answered, answered + a.missing, language),
    facts: [
      { title: t.answered, value: String(a.answered) },
      { title: t.nothing, value: String(a.nothingToReport) },
      { title: t.missing, value: String(a.missing) },
      { title: t.away, value: String(a.away) },
    ],
  };
}

export function externalTownCardData(input: ExternalTownCardInput): TownCardData {
  const { municipality: m, picture, town, language } = input;
  const t = pictureTexts(language);
  const actions = (items: ExternalTownPicture['followUp']) =>
    items.map((a) => actionView(a, a.ownerOrganisation ?? '', undefined, town.openHotspots, language));
  return {
    ...headerData(m, picture, town.townId, town.name, language),
    external: true,
    externalNote: t.town.external,
    ...gradeData(m, town, language),
    trend: trendView(town.trend, language),
    answers: answersData(town.answers, language),
    categories: categoriesData(m, town.categoryCounts, language),
    // The external picture has no observations; the section stays empty and hidden.
    observations: section(t.observations.label, [], ''),
    places: placesSection(town.places, language),
    hotspots: hotspotsSection(town.openHotspots, language),
    followUp: section(t.actions.followUp, actions(town.followUp), t.actions.followUpEmpty),
    newActions: section(t.actions.newActions, actions(town.newActions), t.actions.newEmpty),
    controls: controlsView({
      municipality: m, language, mode: { readOnly: true }, finalized: picture.finalized, situation: '', openHotspots: [],
    }),
  };
}

export function pictureTownCardExternal(input: ExternalTownCardInput): AdaptiveCardJson {
  return renderTownCard(externalTownCardData(input));
}
