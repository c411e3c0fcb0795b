/**
 * What templates/picture-town.json binds to. Every field is always present (empty strings and
 * lists rather than undefined), because the templating engine shows "${x}" for a missing value.
 * The internal and the external card fill the same model; the external builder starts from
 * `ExternalTownPicture`, which has no free text to leak.
 */

/**
 * The template binds fact and choice lists as they are (`"facts": "${spread.facts}"`), which
 * costs one expression instead of two per entry: every key of these objects reaches the card,
 * so they must hold exactly `title` and `value`, in that order.
 */
export interface Fact {
  title: string;
  value: string;
}

/** Bound as it is, like `Fact`: exactly `title` and `value`. */
export interface Choice {
  title: string;
  value: string;
}

export interface Badge {
  style: string;
  text: string;
}

export interface ObservationView {
  /** "🟠 3 Förhöjd oro · Rimbo skola" */
  header: string;
  what: string;
  /** Where, when, categories; only those with content. */
  facts: Fact[];
  /** "Åtgärdsförslag: …", or empty. */
  measures: string;
}

export interface HotspotView {
  /** "Busstationen (sedan v. 45)" */
  title: string;
  reason: string;
}

export interface ActionView {
  what: string;
  facts: Fact[];
  /** "Klart senast 2026-11-20 – försenad" */
  due: string;
  /** 'Attention' when overdue, so the delay stands out. */
  dueColor: 'Attention' | 'Default';
}

/** A list the card may split across continuation cards; `note` says where it goes on, or that it is empty. */
export interface Section<T> {
  label: string;
  items: T[];
  note: string;
}

export interface TrendView {
  label: string;
  chartTitle: string;
  xAxis: string;
  yAxis: string;
  legend: string;
  /** Only weeks with a grade; a week without one is a gap, not a zero. */
  points: Array<{ x: string; y: number }>;
  /** Every week in words: the chart's fallback for clients without charts. */
  text: string;
  direction: string;
}

export interface ControlsView {
  show: boolean;
  maxLength: number;
  labels: Record<
    | 'setGrade' | 'finalGrade' | 'finalGradeRequired' | 'situation' | 'save' | 'addHotspot' | 'place' | 'placeRequired'
    | 'reason' | 'reasonRequired' | 'add' | 'closeHotspot' | 'whichHotspot' | 'whichHotspotRequired' | 'close'
    | 'addAction' | 'what' | 'whatRequired' | 'owner' | 'ownerRequired' | 'hotspot' | 'due' | 'dueRequired' | 'refresh',
    string
  >;
  grades: Choice[];
  /** Prefilled: the final grade if set, else the proposal. */
  gradeValue: string;
  situationValue: string;
  hotspots: Choice[];
  people: Choice[];
  /** "YYYY-MM-DD": the next meeting, where actions are followed up. */
  due: string;
}

export interface TownCardData {
  municipalityId: string;
  week: string;
  townId: string;
  title: string;
  subtitle: string;
  /** False on continuation cards: they carry only their share of the lists. */
  showHead: boolean;
  external: boolean;
  externalNote: string;
  proposal: Badge & { rule: string };
  final: Badge;
  situation: { label: string; text: string };
  lastWeek: string;
  spread: { label: string; facts: Fact[] };
  trend: TrendView;
  answers: { label: string; summary: string; facts: Fact[] };
  categories: { label: string; facts: Fact[]; empty: string };
  observations: Section<ObservationView>;
  places: Section<Fact>;
  hotspots: Section<HotspotView>;
  followUp: Section<ActionView>;
  newActions: Section<ActionView>;
  footer: string;
  controls: ControlsView;
}

/** The lists, in the order the card shows them and the split fills continuation cards. */
export const SECTION_KEYS = ['observations', 'places', 'hotspots', 'followUp', 'newActions'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
