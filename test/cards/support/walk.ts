/** Finds things in a rendered card's JSON. */

export type JsonObject = Record<string, unknown>;

/** Every object with a string `type`, depth first, the card itself included. */
export function typed(node: unknown, out: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(node)) node.forEach((n) => typed(n, out));
  else if (node !== null && typeof node === 'object') {
    const o = node as JsonObject;
    if (typeof o.type === 'string') out.push(o);
    Object.values(o).forEach((v) => typed(v, out));
  }
  return out;
}

export function ofType(card: object, type: string): JsonObject[] {
  return typed(card).filter((o) => o.type === type);
}

/** The texts of all TextBlocks. */
export function textBlocks(card: object): string[] {
  return ofType(card, 'TextBlock').map((o) => String(o.text));
}

/** Whether the card's JSON holds the text, compared as JSON writes it (quotes escaped). */
export function holds(card: object, text: string): boolean {
  return JSON.stringify(card).includes(JSON.stringify(text).slice(1, -1));
}
