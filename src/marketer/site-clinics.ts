import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeText, parseYaml } from "../load/source-file.ts";
import { DataError } from "../problems.ts";
import type { ClinicPoint } from "./location-file.ts";

/**
 * The clinics in a project's site.yaml (read leniently: only id, name and geo are needed).
 * Invalid YAML is a DataError naming the line, so the commands report it instead of crashing.
 */
export function readClinics(root: string): ClinicPoint[] {
  const path = join(root, "site.yaml");
  if (!existsSync(path)) return [];
  const parsed = parseYaml("site.yaml", normalizeText(readFileSync(path, "utf8")));
  if (!parsed.file) throw new DataError(parsed.problems, "no file was written");
  const site = parsed.file.data as { clinics?: Array<Partial<ClinicPoint>> } | null;
  return (site?.clinics ?? []).filter(
    (c): c is ClinicPoint =>
      typeof c.id === "string" && typeof c.geo?.lat === "number" && typeof c.geo?.lng === "number",
  );
}
