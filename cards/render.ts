import * as ACData from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to attach. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; [key: string]: unknown };

/**
 * Parsed templates, one per template object. Parsing the "${...}" expressions is most of a card's
 * cost (measured 3.5–5 ms a card; 0.12 ms with the parse reused), and expanding leaves it intact.
 */
const prepared_ = new WeakMap<object, ACData.Template>();

/**
 * Binds a card template to data. Every value a template references must be present: the
 * templating engine leaves "${name}" in place for an undefined one, which would show to users.
 */
export function renderCard<TData extends object>(template: object, data: TData): AdaptiveCardJson {
  return expandTemplate(template, data) as AdaptiveCardJson;
}

/** `renderCard` for any part of a template: an element may expand to nothing (null) or to several. */
export function expandTemplate(template: object, data: object): unknown {
  let prepared = prepared_.get(template);
  if (!prepared) {
    prepared = new ACData.Template(template);
    prepared_.set(template, prepared);
  }
  return prepared.expand({ $root: data });
}

/** Size as sent: UTF-8 bytes of the JSON (å, ä, ö take two). */
export function cardBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Adaptive Card container styles that read as the grade's colour in Teams' themes. */
export function gradeStyle(level: number | undefined): 'good' | 'warning' | 'attention' | 'emphasis' {
  if (level === undefined) return 'emphasis';
  if (level <= 1) return 'good';
  if (level <= 3) return 'warning';
  return 'attention';
}

/** A coloured symbol per level, so the colour also reaches text-only views and screen readers. */
export function gradeSymbol(level: number | undefined): string {
  return ['⚪', '🟢', '🟡', '🟠', '🔴', '🟥'][level ?? 0] ?? '⚪';
}
