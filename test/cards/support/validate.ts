/**
 * Checks a rendered card with the official Adaptive Cards parser (adaptivecards 3, the
 * reference renderer), for the schema version Teams renders (1.5).
 */
import assert from 'node:assert/strict';
import { typed } from './walk';

interface ParseEvent {
  event: number;
  message: string;
}

interface AdaptiveCardsLib {
  AdaptiveCard: new () => {
    parse(json: object, context: object): void;
    validateProperties(): { validationEvents: ParseEvent[] };
  };
  SerializationContext: new (targetVersion?: object) => { eventCount: number; getEventAt(i: number): ParseEvent };
  Versions: { v1_5: object };
  ValidationEvent: Record<number, string>;
}

// In Node 20 the package's main entry fails to load; its bundled build works.
const AC = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsLib;

/** Teams' chart elements, which the reference parser does not know. */
const TEAMS_ONLY = /^Chart\./;

/**
 * Everything the parser reports, except "Unknown element type" for a Teams-only chart that
 * carries a fallback element (what other clients show instead). An empty list means valid.
 */
export function cardProblems(card: object): string[] {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);

  const charts = typed(card).filter((o) => TEAMS_ONLY.test(String(o.type)));
  for (const chart of charts) {
    const fallback = chart.fallback;
    if (fallback === null || typeof fallback !== 'object' || typeof (fallback as Record<string, unknown>).type !== 'string') {
      problems.push(`${String(chart.type)} has no fallback element`);
    }
  }
  let chartEvents = 0;
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    const unknown = /^Unknown element type "([^"]+)"/.exec(e.message);
    if (AC.ValidationEvent[e.event] === 'UnknownElementType' && unknown && TEAMS_ONLY.test(unknown[1] ?? '')) chartEvents++;
    else problems.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  if (chartEvents !== charts.length) problems.push(`${chartEvents} chart events for ${charts.length} chart elements`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  return problems;
}

/** Asserts validity, version 1.5 and that no template binding was left unbound. */
export function assertValidCard(card: object, name: string): void {
  assert.deepEqual(cardProblems(card), [], `${name}: the parser reports problems`);
  assert.equal((card as { version?: unknown }).version, '1.5', `${name}: version`);
  const text = JSON.stringify(card);
  const at = text.indexOf('${');
  assert.equal(at, -1, `${name}: unbound template value near ${text.slice(Math.max(0, at - 60), at + 40)}`);
}
