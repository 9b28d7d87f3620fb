import { byCodePoint } from "./order.ts";
/** A point with an id, in decimal degrees. */
export interface Place {
  id: string;
  lat: number;
  lng: number;
}

const earthRadiusKm = 6371.0088;
const kmPerMile = 1.609344;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function kmTo(units: "mi" | "km", km: number): number {
  return units === "mi" ? km / kmPerMile : km;
}

/**
 * For each place, its `k` nearest other places, nearest first (ties by id).
 * Places are sorted by latitude once; each search walks outwards and stops when the
 * latitude gap alone exceeds the k-th best distance, so typical cost is near-linear.
 */
export function nearestNeighbours(
  places: Place[],
  k: number,
): Map<string, Array<{ id: string; km: number }>> {
  const sorted = [...places].sort((a, b) => a.lat - b.lat || byCodePoint(a.id, b.id));
  const result = new Map<string, Array<{ id: string; km: number }>>();
  sorted.forEach((place, index) => result.set(place.id, searchAround(sorted, index, k)));
  return result;
}

const kmPerDegreeLat = (Math.PI / 180) * earthRadiusKm;

function searchAround(sorted: Place[], index: number, k: number): Array<{ id: string; km: number }> {
  const origin = sorted[index]!;
  const best: Array<{ id: string; km: number }> = [];
  const consider = (other: Place) => {
    const km = distanceKm(origin, other);
    if (best.length === k && compare({ id: other.id, km }, best[k - 1]!) >= 0) return;
    best.push({ id: other.id, km });
    best.sort(compare);
    if (best.length > k) best.pop();
  };
  const bound = () => (best.length < k ? Infinity : best[k - 1]!.km);
  for (let step = 1; ; step++) {
    const below = sorted[index - step];
    const above = sorted[index + step];
    if (!below && !above) break;
    const belowOpen = below && (origin.lat - below.lat) * kmPerDegreeLat <= bound();
    const aboveOpen = above && (above.lat - origin.lat) * kmPerDegreeLat <= bound();
    if (!belowOpen && !aboveOpen) break;
    if (belowOpen) consider(below);
    if (aboveOpen) consider(above);
  }
  return best;
}

function compare(a: { id: string; km: number }, b: { id: string; km: number }): number {
  return a.km - b.km || byCodePoint(a.id, b.id);
}
