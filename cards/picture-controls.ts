/**
 * The meeting's controls on a town card: Action.Execute buttons whose `data` also works as an
 * Action.Submit payload (`verb` plus the keys), and the inputs they collect.
 */
import { MAX_TEXT_LENGTH } from '../domain/defaults';
import type { Language, Municipality, Person } from '../domain/municipality';
import type { OpenHotspot } from '../domain/picture/picture';
import type { Grade } from '../domain/report';
import { gradeText, shortLabel } from './picture-format';
import type { Choice, ControlsView } from './picture-town-model';
import { pictureTexts } from './picture-texts';

/** The verbs the town card sends; each arrives as `value.action.verb` and as `data.verb`. */
export const PICTURE_VERBS = ['setGrade', 'addHotspot', 'closeHotspot', 'addAction', 'refreshPicture'] as const;
export type PictureVerb = (typeof PICTURE_VERBS)[number];

/** Input ids per verb, as templates/picture-town.json names them; unique within the card. */
export const PICTURE_INPUT_IDS = {
  setGrade: { finalGrade: 'finalGrade', situation: 'situation' },
  addHotspot: { place: 'place', reason: 'reason' },
  closeHotspot: { hotspotId: 'closeHotspotId' },
  addAction: { what: 'what', ownerId: 'ownerId', hotspotId: 'hotspotId', due: 'due' },
} as const;

/** Controls on (meeting) or off (finalized week, external copy, reading copy). */
export type CardMode =
  | { readOnly: true }
  | { readOnly: false; /** Who may own an action. */ people: Person[]; /** "YYYY-MM-DD", a new action's default due date. */ nextMeetingDate: string };

export interface ControlsInput {
  municipality: Municipality;
  language: Language;
  mode: CardMode;
  /** A finalized week's decisions cannot change, so its card never shows controls. */
  finalized: boolean;
  finalGrade?: Grade;
  proposedGrade?: Grade;
  situation: string;
  openHotspots: OpenHotspot[];
}

export function controlsView(input: ControlsInput): ControlsView {
  const { municipality: m, language, mode } = input;
  const t = pictureTexts(language);
  const hotspots: Choice[] = input.openHotspots.map((h) => ({ title: shortLabel(`${h.place} (${t.hotspots.since(h.sinceLabel)})`), value: h.id }));
  const people: Choice[] = mode.readOnly ? [] : mode.people.map((p) => ({ title: shortLabel(`${p.name} (${p.organisation})`), value: p.id }));
  const grade = input.finalGrade ?? input.proposedGrade;
  return {
    show: !mode.readOnly && !input.finalized,
    maxLength: MAX_TEXT_LENGTH,
    labels: { ...t.controls },
    grades: m.scale.map((g) => ({ title: gradeText(m, g.level, language), value: String(g.level) })),
    gradeValue: grade === undefined ? '' : String(grade),
    situationValue: input.situation,
    hotspots,
    people,
    due: mode.readOnly ? '' : mode.nextMeetingDate,
  };
}
