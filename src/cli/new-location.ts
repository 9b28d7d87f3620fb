import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { today } from "../rules/dates.ts";
import { distanceKm, kmTo } from "../plan/geo.ts";
import { findCities, normalizeName, type City } from "../authoring/cities.ts";
import { locationFile, locationSlug, nearestClinic } from "../authoring/location-file.ts";
import { readClinics } from "../authoring/site-clinics.ts";
import { formatProblem } from "../problems.ts";
import { recoverSwap } from "../publish/index.ts";
import { fail, isEntryPoint, runCli } from "./command.ts";

const usage = `Usage: npm run new-location -- "Pompano Beach, FL" [--pick N] [--root DIR]

Creates locations/<city>-<state>.md with the city's coordinates (from an offline city list),
the nearest clinic, and prompts for the local facts that make its pages unique.`;

function describe(city: City, i: number): string {
  return `  ${i + 1}. ${city.name}, ${city.region} (${city.lat}, ${city.lng}), population ${city.population.toLocaleString("en-US")}`;
}

function displayName(typed: string, city: City): string {
  return normalizeName(typed) === normalizeName(city.name) && typed !== typed.toLowerCase()
    ? typed
    : city.name;
}

/** The command's body; tests call it in-process with their own arguments. */
export async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      pick: { type: "string" },
      root: { type: "string", default: "." },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) return fail(usage);
  const [name, region] = positionals[0]!.split(",").map((part) => part.trim()) as [
    string,
    string | undefined,
  ];
  const matches = findCities(name, region);
  if (matches.length === 0)
    return fail(
      `No city called "${positionals[0]}" in the offline city list. Check the spelling and the two-letter state, or write the file by hand with the city's coordinates.`,
    );
  const pick = values.pick === undefined ? undefined : Number(values.pick);
  if (matches.length > 1 && pick === undefined) {
    return fail(
      `"${positionals[0]}" matches ${matches.length} places:\n${matches.slice(0, 15).map(describe).join("\n")}\nRun again with --pick N to choose one.`,
    );
  }
  const city = matches[(pick ?? 1) - 1];
  if (!city) return fail(`--pick must be between 1 and ${matches.length}.`);
  const root = resolve(values.root!);
  recoverSwap(join(root, "output"));
  const file = join(root, "locations", `${locationSlug(displayName(name, city), city.region)}.md`);
  if (existsSync(file))
    return fail(`${file} already exists; it was not changed. Edit it, or delete it first to start again.`);
  const site = readClinics(root);
  if (site.problems.length > 0) {
    return fail(
      `${site.problems.map(formatProblem).join("\n")}\nFix site.yaml first: the new file needs its clinics; no file was written.`,
    );
  }
  const clinic = nearestClinic(site.clinics, city);
  const distance = clinic ? kmTo(site.units, distanceKm(city, clinic.geo)).toFixed(1) : undefined;
  const radius = clinic?.serviceRadius ?? site.radius;
  if (clinic && Number(distance) > radius) {
    return fail(
      `${city.name}, ${city.region} is ${distance} ${site.units} from the nearest clinic, ${clinic.name} (${clinic.id}), outside its ${radius}-${site.units} service area; no file was written. Serve it from a nearer clinic, or raise serviceRadius in site.yaml if patients really travel that far.`,
    );
  }
  const miles = distance === undefined ? undefined : `${distance} ${site.units === "mi" ? "miles" : "km"}`;
  mkdirSync(join(root, "locations"), { recursive: true });
  // Keep the spelling the marketer typed ("Port St. Lucie") when it names the same place.
  writeFileSync(
    file,
    locationFile(
      {
        name: displayName(name, city),
        region: city.region,
        lat: city.lat,
        lng: city.lng,
        clinic: clinic?.id,
        updated: today(),
      },
      clinic ? `nearest clinic, ${miles} away` : "no clinic found in site.yaml",
    ),
  );
  console.log(`Created ${file}${clinic ? ` (nearest clinic: ${clinic.id}, ${miles})` : ""}.`);
  console.log("Next: write the directions and the local copy, then run npm start to see its pages.");
  return 0;
}

if (isEntryPoint(import.meta.url)) runCli(main);
