import type { Language } from '../domain/municipality';
import { en } from './en';
import { sv, type Messages } from './sv';

export type { Messages };

const catalogues: Record<Language, Messages> = { sv, en };

/** The message catalogue of a language; Swedish is the default. */
export function messages(language: Language | undefined): Messages {
  return catalogues[language ?? 'sv'];
}
