import { DEFAULT_ACTION_SETTINGS } from './defaults';
import type { Weekday } from './iso-week';

export type Language = 'sv' | 'en';

/** Text in both interface languages. */
export interface Localized {
  sv: string;
  en: string;
}

export interface Town {
  id: string;
  name: string;
  /** Areas the questionnaire offers as a pick list; reporters may add free text. */
  areas: string[];
}

/** Someone the bot knows by their Microsoft Entra object id. */
export interface Person {
  id: string;
  name: string;
  organisation: string;
  language?: Language;
}

export interface Reporter extends Person {
  /** Town ids this reporter covers; one questionnaire per town per week. */
  towns: string[];
}

export interface WeeklyTime {
  day: Weekday;
  /** Local wall time "HH:MM" in the municipality's zone. */
  time: string;
}

export interface Schedule {
  prompts: WeeklyTime;
  deadline: WeeklyTime;
  /** Reminder times on the deadline's day, "HH:MM". */
  reminders: string[];
  picture: WeeklyTime;
  meeting: WeeklyTime;
}

export interface GradeLevel {
  level: 1 | 2 | 3 | 4 | 5;
  /** Adaptive Card colour name or hex, e.g. "#2E7D32". */
  colour: string;
  label: Localized;
  description: Localized;
}

export interface Category {
  id: string;
  label: Localized;
}

/** Where the picture goes: the meeting's channel, and external recipients of the summary. */
export interface ConversationTarget {
  /** Conversation id, e.g. "19:abc@thread.tacv2" for a channel. */
  conversationId: string;
  name: string;
  serviceUrl?: string;
}

/** How the owners of the meeting's actions are told and reminded. */
export interface ActionSettings {
  /** A new action's owner gets their card when it is added, or when the week is finalized. */
  notifyOwners: 'atOnce' | 'afterFinalize';
  /** Days before the due date on which an owner is reminded of an action not done. */
  reminderDaysBefore: number;
  /** "HH:MM" on the meeting's day: every owner gets their open actions; also when due reminders go out. */
  meetingMorningReminder: string;
}

export interface Municipality {
  id: string;
  name: string;
  language: Language;
  timeZone: string;
  tenantId: string;
  towns: Town[];
  coordinators: Person[];
  meetingMembers: Person[];
  reporters: Reporter[];
  meetingChannel?: ConversationTarget;
  summaryRecipients: ConversationTarget[];
  schedule: Schedule;
  categories: Category[];
  scale: GradeLevel[];
  /** Raw answers expire after this many days (Cosmos DB TTL); summaries are kept. */
  retentionDays: number;
  /** Absent in hand-made fixtures; `actionSettings` fills the defaults. */
  actions?: ActionSettings;
}

export type Role = 'coordinator' | 'meetingMember' | 'reporter';

export function rolesOf(m: Municipality, userId: string): Set<Role> {
  const roles = new Set<Role>();
  if (m.coordinators.some((p) => p.id === userId)) roles.add('coordinator');
  if (m.meetingMembers.some((p) => p.id === userId)) roles.add('meetingMember');
  if (m.reporters.some((p) => p.id === userId)) roles.add('reporter');
  return roles;
}

export function isCoordinator(m: Municipality, userId: string): boolean {
  return m.coordinators.some((p) => p.id === userId);
}

export function findTown(m: Municipality, townIdOrName: string): Town | undefined {
  const q = townIdOrName.trim().toLocaleLowerCase('sv');
  return m.towns.find((t) => t.id.toLocaleLowerCase('sv') === q || t.name.toLocaleLowerCase('sv') === q);
}

/** Everyone the municipality knows, each once: coordinators, meeting members, reporters. */
export function people(m: Municipality): Person[] {
  const byId = new Map<string, Person>();
  for (const p of [...m.coordinators, ...m.meetingMembers, ...m.reporters]) if (!byId.has(p.id)) byId.set(p.id, p);
  return [...byId.values()];
}

export function languageOf(m: Municipality, userId: string): Language {
  return people(m).find((p) => p.id === userId)?.language ?? m.language;
}

export function actionSettings(m: Municipality): ActionSettings {
  return m.actions ?? DEFAULT_ACTION_SETTINGS;
}
