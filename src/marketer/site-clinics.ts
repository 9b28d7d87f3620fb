import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeText, parseYaml } from "../load/source-file.ts";
import { DataError } from "../problems.ts";
import { defaultServiceRadius } from "../validate/site-schema.ts";
import type { ClinicPoint } from "./location-file.ts";

interface RawSite {
  units?: unknown;
  serviceRadius?: unknown;
  clinics?: Array<Partial<ClinicPoint> & { serviceRadius?: unknown }>;
}

/** site.yaml read leniently. Invalid YAML is a DataError naming the line, so commands report it. */
function readSite(root: string): RawSite | null {
  const path = join(root, "site.yaml");
  if (!existsSync(path)) return null;
  const parsed = parseYaml("site.yaml", normalizeText(readFileSync(path, "utf8")));
  if (!parsed.file) throw new DataError(parsed.problems, "no file was written");
  return parsed.file.data as RawSite | null;
}

/** The clinics in a project's site.yaml (read leniently: only id, name and geo are needed). */
export function readClinics(root: string): ClinicPoint[] {
  const site = readSite(root);
  return (site?.clinics ?? [])
    .filter((c) => typeof c.id === "string" && typeof c.geo?.lat === "number" && typeof c.geo?.lng === "number")
    .map((c) => ({
      id: c.id!,
      name: String(c.name ?? c.id),
      geo: c.geo!,
      ...(typeof c.serviceRadius === "number" ? { serviceRadius: c.serviceRadius } : {}),
    }));
}

/** The site's distance units and default service radius, read leniently with the build's defaults. */
export function readServiceArea(root: string): { units: "mi" | "km"; radius: number } {
  const site = readSite(root);
  const units = site?.units === "km" ? "km" : "mi";
  return { units, radius: typeof site?.serviceRadius === "number" ? site.serviceRadius : defaultServiceRadius[units] };
}
