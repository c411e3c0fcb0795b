import type { ActionSettings, Category, GradeLevel, Schedule } from './municipality';

/**
 * The default 5-grade scale. No public definition of the EST levels exists, so municipalities
 * may override labels, colours and descriptions in their configuration.
 */
export const DEFAULT_SCALE: GradeLevel[] = [
  { level: 1, colour: '#2E7D32', label: { sv: 'Normalläge', en: 'Normal' },
    description: { sv: 'Enstaka vardagshändelser; inga särskilda åtgärder', en: 'Isolated everyday events; no special measures' } },
  { level: 2, colour: '#F9A825', label: { sv: 'Uppmärksamhet', en: 'Watch' },
    description: { sv: 'Upprepade händelser eller rykten; följs upp nästa vecka', en: 'Repeated events or rumours; follow up next week' } },
  { level: 3, colour: '#EF6C00', label: { sv: 'Förhöjd oro', en: 'Elevated concern' },
    description: { sv: 'Tydlig trend eller hotspot; riktade åtgärder beslutas', en: 'A clear trend or hotspot; targeted measures decided' } },
  { level: 4, colour: '#C62828', label: { sv: 'Allvarligt läge', en: 'Serious' },
    description: { sv: 'Allvarliga eller eskalerande händelser; samordnade åtgärder av flera aktörer', en: 'Serious or escalating events; coordinated measures by several actors' } },
  { level: 5, colour: '#6A1B1A', label: { sv: 'Mycket allvarligt läge', en: 'Very serious' },
    description: { sv: 'Akut; eskaleras utanför veckocykeln', en: 'Acute; escalate outside the weekly cycle' } },
];

export const DEFAULT_CATEGORIES: Category[] = [
  { id: 'vandalism', label: { sv: 'Skadegörelse/klotter', en: 'Vandalism, graffiti' } },
  { id: 'littering', label: { sv: 'Nedskräpning', en: 'Littering' } },
  { id: 'fire', label: { sv: 'Brand', en: 'Fires, fire alarms' } },
  { id: 'gatherings', label: { sv: 'Otrygghetsskapande samling av personer/ungdomsgrupper', en: 'Gatherings that create unease' } },
  { id: 'drugs', label: { sv: 'Misstänkt narkotikahandel/-bruk', en: 'Suspected drug dealing or use' } },
  { id: 'violence', label: { sv: 'Hot/våld/bråk, också mot personal', en: 'Threats, violence, also against staff' } },
  { id: 'theft', label: { sv: 'Inbrott/stöld', en: 'Burglary, theft' } },
  { id: 'traffic', label: { sv: 'Buskörning/trafik', en: 'Reckless driving' } },
  { id: 'unsafe-place', label: { sv: 'Otrygg plats/fysisk miljö', en: 'Unsafe place, physical environment' } },
  { id: 'disorder', label: { sv: 'Ordningsstörning/alkohol', en: 'Disorder, public drinking' } },
  { id: 'rumours', label: { sv: 'Rykten/sociala medier', en: 'Rumours, social media' } },
  { id: 'events', label: { sv: 'Arrangemang/planerad händelse', en: 'Events ahead' } },
  { id: 'other', label: { sv: 'Övrigt', en: 'Other' } },
];

export const DEFAULT_SCHEDULE: Schedule = {
  prompts: { day: 'tuesday', time: '09:00' },
  deadline: { day: 'tuesday', time: '13:00' },
  reminders: ['11:00', '12:30'],
  picture: { day: 'wednesday', time: '14:30' },
  meeting: { day: 'wednesday', time: '15:00' },
};

export const DEFAULT_RETENTION_DAYS = 365;

export const DEFAULT_ACTION_SETTINGS: ActionSettings = { notifyOwners: 'atOnce', reminderDaysBefore: 2, meetingMorningReminder: '09:00' };

/** Longest free text a reporter may write in one field. */
export const MAX_TEXT_LENGTH = 2000;
