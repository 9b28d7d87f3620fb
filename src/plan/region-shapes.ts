import { geoContains } from "d3-geo";
import type { ExtendedFeature } from "d3-geo";
import { usStates } from "../rules/regions.ts";
import { statesAtlas } from "../rules/us-atlas.ts";

/**
 * Region outlines come from data we ship (src/rules/us-atlas.ts: the Census Bureau's 1:10,000,000
 * boundaries), not a hand-typed table of boxes. At that scale a coastal town can sit just outside its state's outline, so a point counts as inside when it or any point
 * within `toleranceKm` of it is: a swapped lat/lng or a wrong sign lands thousands of km away.
 */
export const toleranceKm = 15;

let shapes: Map<string, ExtendedFeature> | undefined;

function stateShapes(): Map<string, ExtendedFeature> {
  if (shapes) return shapes;
  const byName = new Map<string, ExtendedFeature>();
  for (const f of statesAtlas().states.features) byName.set(f.properties.name, f);
  shapes = new Map(
    Object.entries(usStates).flatMap(([code, name]) => (byName.has(name) ? [[code, byName.get(name)!]] : [])),
  );
  return shapes;
}

/** True or false when the region's outline is known (US states), undefined otherwise. */
export function regionContains(
  country: string,
  region: string,
  point: { lat: number; lng: number },
): boolean | undefined {
  if (country !== "US") return undefined;
  const shape = stateShapes().get(region.toUpperCase());
  if (!shape) return undefined;
  return nearbyPoints(point).some((p) => geoContains(shape, [p.lng, p.lat]));
}

const earthRadiusKm = 6371.0088;

/** The point and eight points on a circle `toleranceKm` around it. */
function nearbyPoints(point: { lat: number; lng: number }): Array<{ lat: number; lng: number }> {
  const dLat = (toleranceKm / earthRadiusKm) * (180 / Math.PI);
  const dLng = dLat / Math.max(0.01, Math.cos((point.lat * Math.PI) / 180));
  const ring = Array.from({ length: 8 }, (_, i) => {
    const angle = (i * Math.PI) / 4;
    return { lat: point.lat + dLat * Math.sin(angle), lng: point.lng + dLng * Math.cos(angle) };
  });
  return [point, ...ring];
}

/** What probably went wrong with coordinates outside their region, for the hint. */
export function coordinateHint(country: string, region: string, point: { lat: number; lng: number }): string {
  const swapped = { lat: point.lng, lng: point.lat };
  if (Math.abs(point.lng) <= 90 && regionContains(country, region, swapped)) {
    return `lat and lng look swapped; write geo: { lat: ${point.lng}, lng: ${point.lat} }`;
  }
  for (const flipped of [
    { lat: point.lat, lng: -point.lng },
    { lat: -point.lat, lng: point.lng },
    { lat: -point.lat, lng: -point.lng },
  ]) {
    if (regionContains(country, region, flipped))
      return `a sign looks wrong; write geo: { lat: ${flipped.lat}, lng: ${flipped.lng} } (west and south are negative)`;
  }
  return "check the coordinates (decimal degrees, west and south negative) and the region code";
}
