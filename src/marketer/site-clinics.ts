import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { ClinicPoint } from "./location-file.ts";

/** The clinics in a project's site.yaml (read leniently: only id, name and geo are needed). */
export function readClinics(root: string): ClinicPoint[] {
  const path = join(root, "site.yaml");
  if (!existsSync(path)) return [];
  const site = parse(readFileSync(path, "utf8").replace(/^\uFEFF/, "")) as { clinics?: Array<Partial<ClinicPoint>> } | null;
  return (site?.clinics ?? []).filter((c): c is ClinicPoint => typeof c.id === "string" && typeof c.geo?.lat === "number" && typeof c.geo?.lng === "number");
}
