import type { Town } from '../municipality';
import type { Report } from '../report';
import type { PlaceCount } from './picture';

function keyOf(place: string): string {
  return place.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

/** Free text is split on commas and semicolons, as the questionnaire joins extra places with ", ". */
function mentions(r: Report): string[] {
  return [...r.answer.areas, ...r.answer.place.split(/[,;\n]/)].map((p) => p.trim().replace(/\s+/g, ' ')).filter(Boolean);
}

/**
 * Places mentioned in the answers (picked areas and free text), merged regardless of case, with
 * how many answers mention each. A configured area keeps its configured spelling.
 */
export function placesOf(town: Town, reports: Report[]): PlaceCount[] {
  const areas = new Map(town.areas.map((a) => [keyOf(a), a]));
  const counts = new Map<string, PlaceCount>();
  for (const r of reports) {
    const keys = new Map<string, string>();
    for (const p of mentions(r)) if (!keys.has(keyOf(p))) keys.set(keyOf(p), p);
    for (const [key, spelling] of keys) {
      const seen = counts.get(key);
      if (seen) seen.count++;
      else {
        const area = areas.get(key);
        counts.set(key, { place: area ?? spelling, count: 1, configured: area !== undefined });
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.place.localeCompare(b.place, 'sv'));
}
