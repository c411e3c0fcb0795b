/**
 * A card template rendered piece by piece, so that cards differing in a few parts (the town
 * card and its continuation cards, each with its own share of the lists) re-render only those
 * parts, and a card's size is known without rendering or serializing it whole.
 *
 * The pieces are the template's skeleton (its top-level arrays emptied) and every element of
 * those top-level arrays (`body`, `actions`). The templating engine expands the elements of an
 * array one by one with the same context ($root is the data, there is no $data above them), so a
 * piece rendered on its own is exactly what it is inside the card, and the card is the skeleton
 * with each array holding its pieces' results in order (a piece whose `$when` is false adds
 * nothing, one repeated over `$data` may add several). JSON is additive too: the card's size is
 * the skeleton's plus its pieces' plus the commas between the elements of each array.
 *
 * A piece is rendered again only when the data it mentions changes: its key is the JSON of the
 * top-level data fields its expressions name (all of the data if one names `$root` or `$data`).
 * Nested names (`${spread.facts}`) are keyed on their top-level field, the whole of it.
 */
import { cardBytes, expandTemplate, type AdaptiveCardJson } from './render';

interface Piece {
  template: object;
  /** Every name in its expressions (data fields among them); undefined: it may read any field. */
  names: string[] | undefined;
}

interface Cut {
  skeleton: Piece;
  arrays: Array<{ key: string; pieces: Piece[] }>;
}

/** What a piece renders to for some data: the elements it adds, and their bytes (no commas). */
interface Rendered {
  elements: unknown[];
  bytes: number;
}

/** The names an element's expressions start from (generous: a name too many only means fewer reuses). */
function namesIn(node: unknown, out = new Set<string>()): Set<string> {
  if (typeof node === 'string') {
    // Not the "${" that opens an expression, but "$root" or "$data" inside one; "a.b" names "a" only.
    if (node.includes('${')) for (const m of node.replaceAll('${', ' ').matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)) out.add(m[0]);
  } else if (Array.isArray(node)) {
    node.forEach((n) => namesIn(n, out));
  } else if (node !== null && typeof node === 'object') {
    Object.values(node).forEach((n) => namesIn(n, out));
  }
  return out;
}

function pieceOf(template: unknown): Piece {
  if (template === null || typeof template !== 'object') throw new Error(`a card template's top-level arrays hold elements, not ${JSON.stringify(template)}`);
  const names = namesIn(template);
  // $root, $data, $index, $host, $_acTemplateVersion: anything may be read; key on all of it.
  if ([...names].some((n) => n.startsWith('$'))) return { template, names: undefined };
  return { template, names: [...names].sort() };
}

const cuts = new WeakMap<object, Cut>();

/** The template cut into pieces, once per template (the pieces' parsed expressions are kept per object). */
function cutOf(template: Record<string, unknown>): Cut {
  let cut = cuts.get(template);
  if (!cut) {
    const arrayKeys = Object.keys(template).filter((k) => Array.isArray(template[k]));
    const skeleton = Object.fromEntries(Object.entries(template).map(([k, v]) => [k, arrayKeys.includes(k) ? [] : v]));
    cut = {
      skeleton: pieceOf(skeleton),
      arrays: arrayKeys.map((key) => ({ key, pieces: (template[key] as unknown[]).map(pieceOf) })),
    };
    cuts.set(template, cut);
  }
  return cut;
}

/**
 * Renders one card template for data that differ in a few fields, reusing the pieces that did
 * not change. Keep one per group of related cards: it remembers every piece it rendered.
 */
export class PiecewiseRenderer<TData extends object> {
  private readonly memo = new Map<string, Rendered>();
  /** Elements already in a card handed out; a second card gets a copy, so no two cards share an object. */
  private readonly handedOut = new Set<unknown>();
  private readonly cut: Cut;
  /** Strings by themselves, other values by their JSON, numbered: equal values share a number. */
  private readonly stringIds = new Map<string, number>();
  private readonly jsonIds = new Map<string, number>();
  /** An object's number, by identity: it is serialized once however many cards it is in. */
  private readonly objectIds = new WeakMap<object, number>();

  constructor(template: object) {
    this.cut = cutOf(template as Record<string, unknown>);
  }

  /**
   * A number per distinct value, compared as JSON. The data must not change while the renderer
   * is in use: an object is serialized the first time it is seen.
   */
  private idOf(value: unknown): number {
    if (typeof value === 'string') return this.number(this.stringIds, value);
    if (value === null || typeof value !== 'object') return this.number(this.jsonIds, String(JSON.stringify(value)));
    let id = this.objectIds.get(value);
    if (id === undefined) {
      id = this.number(this.jsonIds, JSON.stringify(value));
      this.objectIds.set(value, id);
    }
    return id;
  }

  private number(ids: Map<string, number>, key: string): number {
    let id = ids.get(key);
    if (id === undefined) {
      id = this.stringIds.size + this.jsonIds.size;
      ids.set(key, id);
    }
    return id;
  }

  private render(id: string, piece: Piece, data: TData, fieldIds: Map<string, number | '-'>): Rendered {
    let key: string;
    if (piece.names === undefined) {
      key = `${id}:${this.idOf(data)}`;
    } else {
      key = id;
      for (const name of piece.names) {
        let fieldId = fieldIds.get(name);
        if (fieldId === undefined) {
          // A name that is no field of the data (a function, an item's field) keys on nothing.
          fieldId = Object.hasOwn(data, name) ? this.idOf((data as Record<string, unknown>)[name]) : '-';
          fieldIds.set(name, fieldId);
        }
        key += `:${fieldId}`;
      }
    }
    let rendered = this.memo.get(key);
    if (!rendered) {
      const out = expandTemplate(piece.template, data);
      const elements = out === null || out === undefined ? [] : Array.isArray(out) ? out : [out];
      rendered = { elements, bytes: elements.reduce<number>((n, e) => n + cardBytes(e as object), 0) };
      this.memo.set(key, rendered);
    }
    return rendered;
  }

  private parts(data: TData): { skeleton: Rendered; arrays: Array<{ key: string; pieces: Rendered[] }> } {
    const fieldIds = new Map<string, number | '-'>();
    return {
      skeleton: this.render('skeleton', this.cut.skeleton, data, fieldIds),
      arrays: this.cut.arrays.map(({ key, pieces }) => ({ key, pieces: pieces.map((p, i) => this.render(`${key}/${i}`, p, data, fieldIds)) })),
    };
  }

  /** Bytes of the card as sent (UTF-8 JSON), the same as `cardBytes` of the rendered card. */
  bytes(data: TData): number {
    const { skeleton, arrays } = this.parts(data);
    let bytes = skeleton.bytes;
    for (const { pieces } of arrays) {
      const count = pieces.reduce((n, p) => n + p.elements.length, 0);
      bytes += pieces.reduce((n, p) => n + p.bytes, 0) + Math.max(0, count - 1);
    }
    return bytes;
  }

  /** The card, equal to rendering the whole template with the data. */
  card(data: TData): AdaptiveCardJson {
    const { skeleton, arrays } = this.parts(data);
    const own = (e: unknown): unknown => {
      if (e === null || typeof e !== 'object') return e;
      if (this.handedOut.has(e)) return structuredClone(e);
      this.handedOut.add(e);
      return e;
    };
    const card = structuredClone(skeleton.elements[0]) as Record<string, unknown>;
    for (const { key, pieces } of arrays) card[key] = pieces.flatMap((p) => p.elements.map(own));
    return card as AdaptiveCardJson;
  }
}
