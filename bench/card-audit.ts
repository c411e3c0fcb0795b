import { promptsDue } from '../domain/answer-rate';
import type { Municipality } from '../domain/municipality';
import { personalConversationId } from './seed-conversations';

export interface CardAudit {
  expected: number;
  /** Reporter-town cards the channel never accepted. */
  lost: number;
  /** Accepted cards beyond the first for the same (conversation, town). */
  duplicated: number;
}

/** Compares the cards the channel accepted with one per (reporter, town) the municipality expects. */
export function auditCards(m: Municipality, accepted: ReadonlyMap<string, number>): CardAudit {
  const due = promptsDue(m);
  let lost = 0;
  for (const { reporter, town } of due) {
    if ((accepted.get(`${personalConversationId(reporter.id)}|${town.id}`) ?? 0) === 0) lost++;
  }
  let duplicated = 0;
  for (const n of accepted.values()) duplicated += Math.max(0, n - 1);
  return { expected: due.length, lost, duplicated };
}
