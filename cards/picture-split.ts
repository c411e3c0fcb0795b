/**
 * Keeps a town's card under Teams' message size limit (about 28 KB) by moving list items
 * (observations, places, hotspots, actions) to continuation cards, "Rimbo (forts. 2/3)", in
 * the order the card shows them. Nothing is cut: every item lands in exactly one card, and a
 * list that goes on elsewhere says in which card. The first card keeps the head (grades,
 * trend, answers) and the meeting's controls.
 *
 * The cards and every size the split estimates come from one `PiecewiseRenderer` per town: it
 * renders the head and the controls (most of a card's cost) once and re-renders only the lists
 * that differ between the cards, and adds up a card's size from its pieces. The cards and the
 * split points are exactly those of rendering every card whole (test/cards/picture-split-same).
 */
import { pictureTexts } from './picture-texts';
import { PiecewiseRenderer } from './piecewise-render';
import { townCardData, type TownCardInput } from './picture-town-card';
import { externalTownCardData, type ExternalTownCardInput } from './picture-town-external-card';
import { SECTION_KEYS, type Section, type SectionKey, type TownCardData } from './picture-town-model';
import { cardBytes, renderCard, type AdaptiveCardJson } from './render';
import template from './templates/picture-town.json';

export { cardBytes } from './render';

/** Below the 28 KB seen on Teams' strictest path, leaving room for the activity around the card. */
export const DEFAULT_CARD_BUDGET = 26_000;

/** Titles and notes for the parts; `part` counts from 1. */
export interface SplitTexts {
  continuedTitle: (part: number, parts: number) => string;
  continuesIn: (part: number, parts: number) => string;
}

interface Entry {
  key: SectionKey;
  index: number;
}

/** A card's share: a run of consecutive entries. */
interface Bin {
  from: number;
  to: number;
}

type Notes = Record<SectionKey, string>;

function itemOf(data: TownCardData, e: Entry): object {
  const item = data[e.key].items[e.index];
  if (item === undefined) throw new Error(`no ${e.key} item ${e.index}`);
  return item;
}

function entriesOf(data: TownCardData): Entry[] {
  return SECTION_KEYS.flatMap((key) => data[key].items.map((_, index) => ({ key, index })));
}

/** The index range of a section's items within a run of entries. */
function rangeOf(entries: Entry[], bin: Bin, key: SectionKey): [number, number] {
  const mine = entries.slice(bin.from, bin.to).filter((e) => e.key === key);
  const first = mine[0];
  return first === undefined ? [0, 0] : [first.index, first.index + mine.length];
}

/** The controls of a continuation card (none shown), one object per town so its pieces are rendered once. */
const hiddenControls = new WeakMap<TownCardData, TownCardData['controls']>();

function controlsHidden(data: TownCardData): TownCardData['controls'] {
  let hidden = hiddenControls.get(data);
  if (!hidden) {
    hidden = { ...data.controls, show: false };
    hiddenControls.set(data, hidden);
  }
  return hidden;
}

function partData(data: TownCardData, entries: Entry[], bin: Bin, head: boolean, title: string, notes: Notes): TownCardData {
  const part = <T>(s: Section<T>, key: SectionKey): Section<T> =>
    ({ label: s.label, items: s.items.slice(...rangeOf(entries, bin, key)), note: notes[key] });
  return {
    ...data,
    title,
    showHead: head,
    controls: head ? data.controls : controlsHidden(data),
    observations: part(data.observations, 'observations'),
    places: part(data.places, 'places'),
    hotspots: part(data.hotspots, 'hotspots'),
    followUp: part(data.followUp, 'followUp'),
    newActions: part(data.newActions, 'newActions'),
  };
}

function notesFor(data: TownCardData, entries: Entry[], bins: Bin[], i: number, texts: SplitTexts): Notes {
  const note = (key: SectionKey): string => {
    const later = bins.findIndex((b, j) => j > i && rangeOf(entries, b, key)[1] > 0);
    if (later >= 0) return texts.continuesIn(later + 1, bins.length);
    // Only the first card says a list is empty; elsewhere an empty list is simply not shown.
    return i === 0 ? data[key].note : '';
  };
  return { observations: note('observations'), places: note('places'), hotspots: note('hotspots'), followUp: note('followUp'), newActions: note('newActions') };
}

const itemTemplates = new Map<SectionKey, object>();

/**
 * The element the template repeats for each item of a section (the one with `$data: ${key.items}`).
 * Found once per section: the parsed template is kept per object, so the same object is reused.
 */
function itemTemplate(key: SectionKey): object {
  let element = itemTemplates.get(key);
  if (!element) {
    element = findItemTemplate(key);
    itemTemplates.set(key, element);
  }
  return element;
}

function findItemTemplate(key: SectionKey): object {
  const wanted = `\${${key}.items}`;
  const find = (node: unknown): Record<string, unknown> | undefined => {
    if (Array.isArray(node)) return node.map(find).find((x) => x !== undefined);
    if (node === null || typeof node !== 'object') return undefined;
    const o = node as Record<string, unknown>;
    if (o.$data === wanted) return o;
    return Object.values(o).map(find).find((x) => x !== undefined);
  };
  const found = find(template);
  if (!found) throw new Error(`templates/picture-town.json repeats nothing over ${key}.items`);
  const { $data: _scope, ...element } = found;
  return element;
}

/** Bytes an item adds to a card where its section is already shown: the element plus a comma. */
function itemBytes(key: SectionKey, item: object): number {
  return cardBytes(renderCard(itemTemplate(key), item)) + 1;
}

/**
 * Packs entries greedily, estimating each card's size as its empty size, plus what showing a
 * section costs (heading, note) the first time, plus each item's own rendered size. The dozen
 * card sizes this takes re-render only the lists; the real cards are measured again afterwards.
 */
function pack(data: TownCardData, entries: Entry[], budget: number, texts: SplitTexts, cards: PiecewiseRenderer<TownCardData>): Bin[] {
  const longNote = texts.continuesIn(99, 99);
  const worst = (note: string) => (note.length > longNote.length ? note : longNote);
  const notes: Notes = {
    observations: worst(data.observations.note), places: worst(data.places.note), hotspots: worst(data.hotspots.note),
    followUp: worst(data.followUp.note), newActions: worst(data.newActions.note),
  };
  const contTitle = texts.continuedTitle(99, 99);
  const size = (bin: Bin, head: boolean) =>
    cards.bytes(partData(data, entries, bin, head, head ? data.title : contTitle, notes));
  const sizes = entries.map((e) => itemBytes(e.key, itemOf(data, e)));
  const headBase = size({ from: 0, to: 0 }, true);
  if (headBase > budget) throw new Error(`The town card's head alone is ${headBase} bytes, over the budget of ${budget}.`);
  const contBase = size({ from: 0, to: 0 }, false);
  // What a section costs beyond its items, measured once with its first item, in either kind of card.
  const overhead = (head: boolean): Record<SectionKey, number> => {
    const cost = (key: SectionKey) => {
      const i = entries.findIndex((e) => e.key === key);
      return i < 0 ? 0 : Math.max(0, size({ from: i, to: i + 1 }, head) - (head ? headBase : contBase) - (sizes[i] ?? 0));
    };
    return { observations: cost('observations'), places: cost('places'), hotspots: cost('hotspots'), followUp: cost('followUp'), newActions: cost('newActions') };
  };
  const headOverhead = overhead(true);
  const contOverhead = overhead(false);

  let current: Bin = { from: 0, to: 0 };
  const bins: Bin[] = [current];
  let used = headBase;
  let shown = new Set<SectionKey>();
  entries.forEach((entry, i) => {
    const item = sizes[i] ?? 0;
    const head = bins.length === 1;
    const extra = shown.has(entry.key) ? 0 : (head ? headOverhead : contOverhead)[entry.key];
    if (used + extra + item <= budget) {
      current.to = i + 1;
      used += extra + item;
      shown.add(entry.key);
      return;
    }
    const alone = contBase + contOverhead[entry.key] + item;
    if (alone > budget) throw new Error(`One ${entry.key} item is about ${alone} bytes as a card of its own, over the budget of ${budget}.`);
    current = { from: i, to: i + 1 };
    bins.push(current);
    used = alone;
    shown = new Set([entry.key]);
  });
  return bins;
}

/** Splits already built card data; the building block of `splitTownCard` and `splitExternalTownCard`. */
export function splitTownCardData(data: TownCardData, texts: SplitTexts, budget = DEFAULT_CARD_BUDGET): AdaptiveCardJson[] {
  // One renderer for all of this town's cards and estimates: the head and controls are rendered once.
  const cards = new PiecewiseRenderer<TownCardData>(template);
  if (cards.bytes(data) <= budget) return [cards.card(data)];
  const entries = entriesOf(data);
  const bins = pack(data, entries, budget, texts, cards);
  const parts = bins.map((bin, i) => {
    const title = i === 0 ? data.title : texts.continuedTitle(i + 1, bins.length);
    const part = partData(data, entries, bin, i === 0, title, notesFor(data, entries, bins, i, texts));
    const bytes = cards.bytes(part);
    if (bytes > budget) throw new Error(`Part ${i + 1} of the town card is ${bytes} bytes, over the budget of ${budget}.`);
    return part;
  });
  return parts.map((part) => cards.card(part));
}

function textsFor(language: TownCardInput['language'], town: string, week: string): SplitTexts {
  const t = pictureTexts(language).town;
  return { continuedTitle: (part, parts) => t.continued(town, week, part, parts), continuesIn: t.continues };
}

/** The meeting's town card, as one or more cards each within `budget` bytes. */
export function splitTownCard(input: TownCardInput, budget = DEFAULT_CARD_BUDGET): AdaptiveCardJson[] {
  return splitTownCardData(townCardData(input), textsFor(input.language, input.town.name, input.picture.weekLabel), budget);
}

/** The external town card, split the same way. */
export function splitExternalTownCard(input: ExternalTownCardInput, budget = DEFAULT_CARD_BUDGET): AdaptiveCardJson[] {
  return splitTownCardData(externalTownCardData(input), textsFor(input.language, input.town.name, input.picture.weekLabel), budget);
}
