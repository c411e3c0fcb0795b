import { z } from 'zod';
import { WEEKDAYS } from '../domain/iso-week';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/, 'must be letters, digits and . _ : @ - (at most 128)');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time "HH:MM"');
const language = z.enum(['sv', 'en']);
const localized = z.object({ sv: z.string().min(1), en: z.string().min(1) });
const weeklyTime = z.object({ day: z.enum(WEEKDAYS), time });

const person = z.object({
  id,
  name: z.string().min(1),
  organisation: z.string().min(1),
  language: language.optional(),
});

const conversation = z.object({
  conversationId: z.string().min(1),
  name: z.string().min(1),
  serviceUrl: z.string().url().optional(),
});

/** The shape of a municipality's YAML file; cross-field rules live in load-municipality.ts. */
export const municipalitySchema = z.object({
  id,
  name: z.string().min(1),
  language: language.default('sv'),
  timeZone: z.string().default('Europe/Stockholm'),
  tenantId: z.string().min(1),
  towns: z.array(z.object({ id, name: z.string().min(1), areas: z.array(z.string().min(1)).default([]) })).min(1),
  coordinators: z.array(person).min(1),
  meetingMembers: z.array(person).default([]),
  reporters: z.array(person.extend({ towns: z.array(id).min(1) })).default([]),
  meetingChannel: conversation.optional(),
  summaryRecipients: z.array(conversation).default([]),
  schedule: z.object({
    prompts: weeklyTime,
    deadline: weeklyTime,
    reminders: z.array(time),
    picture: weeklyTime,
    meeting: weeklyTime,
  }).partial().default({}),
  categories: z.array(z.object({ id, label: localized })).min(1).optional(),
  scale: z.array(z.object({
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    colour: z.string().min(1),
    label: localized,
    description: localized,
  })).length(5).optional(),
  retentionDays: z.number().int().min(1).max(3650).optional(),
  actions: z.object({
    notifyOwners: z.enum(['atOnce', 'afterFinalize']),
    reminderDaysBefore: z.number().int().min(0).max(60),
    meetingMorningReminder: time,
  }).partial().strict().optional(),
}).strict();

export type MunicipalityFile = z.infer<typeof municipalitySchema>;
