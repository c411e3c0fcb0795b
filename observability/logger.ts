import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Only ids, counts and codes go in: never free text or names, since
 * reports may carry personal data.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'lagesbild-bot' }, redact: ['*.text', '*.card', '*.answer'] }, destination);
}

export const silentLogger: Logger = pino({ level: 'silent' });
