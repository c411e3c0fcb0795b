/**
 * The town card split as `cards/picture-split.ts` did it before it was made fast (issue 6
 * follow-up): a dozen full renders to estimate sizes, then one per card. Kept, unchanged, only
 * to prove the fast version produces the very same cards; do not use it outside tests.
 */
import { cardBytes, DEFAULT_CARD_BUDGET, type SplitTexts } from '../../../cards/picture-split';
import { renderTownCard } from '../../../cards/picture-town-card';
import { SECTION_KEYS, type Section, type SectionKey, type TownCardData } from '../../../cards/picture-town-model';
import { pictureTexts } from '../../../cards/picture-texts';
import { renderCard, type AdaptiveCardJson } from '../../../cards/render';
import template from '../../../cards/templates/picture-town.json';
import type { Language } from '../../../domain/municipality';

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

function partData(data: TownCardData, entries: Entry[], bin: Bin, head: boolean, title: string, notes: Notes): TownCardData {
  const part = <T>(s: Section<T>, key: SectionKey): Section<T> =>
    ({ label: s.label, items: s.items.slice(...rangeOf(entries, bin, key)), note: notes[key] });
  return {
    ...data,
    title,
    showHead: head,
    controls: head ? data.controls : { ...data.controls, show: false },
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

/** The element the template repeats for each item of a section (the one with `$data: ${key.items}`). */
function itemTemplate(key: SectionKey): object {
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
 * section costs (heading, note) the first time, plus each item's own rendered size. That is a
 * dozen full renders instead of one per item; the real cards are measured again afterwards.
 */
function pack(data: TownCardData, entries: Entry[], budget: number, texts: SplitTexts): Bin[] {
  const longNote = texts.continuesIn(99, 99);
  const worst = (note: string) => (note.length > longNote.length ? note : longNote);
  const notes: Notes = {
    observations: worst(data.observations.note), places: worst(data.places.note), hotspots: worst(data.hotspots.note),
    followUp: worst(data.followUp.note), newActions: worst(data.newActions.note),
  };
  const contTitle = texts.continuedTitle(99, 99);
  const size = (bin: Bin, head: boolean) =>
    cardBytes(renderTownCard(partData(data, entries, bin, head, head ? data.title : contTitle, notes)));
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

/** `splitTownCardData` as it was before issue 6's follow-up. */
export function splitTownCardDataBefore(data: TownCardData, texts: SplitTexts, budget = DEFAULT_CARD_BUDGET): AdaptiveCardJson[] {
  const whole = renderTownCard(data);
  if (cardBytes(whole) <= budget) return [whole];
  const entries = entriesOf(data);
  const bins = pack(data, entries, budget, texts);
  return bins.map((bin, i) => {
    const title = i === 0 ? data.title : texts.continuedTitle(i + 1, bins.length);
    const card = renderTownCard(partData(data, entries, bin, i === 0, title, notesFor(data, entries, bins, i, texts)));
    const bytes = cardBytes(card);
    if (bytes > budget) throw new Error(`Part ${i + 1} of the town card is ${bytes} bytes, over the budget of ${budget}.`);
    return card;
  });
}

/** The split's titles and notes, as `splitTownCard` builds them. */
export function splitTextsBefore(language: Language, town: string, week: string): SplitTexts {
  const t = pictureTexts(language).town;
  return { continuedTitle: (part, parts) => t.continued(town, week, part, parts), continuesIn: t.continues };
}
