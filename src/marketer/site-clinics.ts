import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeText, parseYaml } from "../load/source-file.ts";
import type { Problem } from "../problems.ts";
import type { ClinicPoint } from "./location-file.ts";

/**
 * The clinics in a project's site.yaml (read leniently: only id, name and geo are needed). A
 * site.yaml with a YAML error gives its problem instead, so the command can say what to fix.
 */
export function readClinics(root: string): { clinics: ClinicPoint[]; problems: Problem[] } {
  const path = join(root, "site.yaml");
  if (!existsSync(path)) return { clinics: [], problems: [] };
  const parsed = parseYaml("site.yaml", normalizeText(readFileSync(path, "utf8")));
  if (!parsed.file) return { clinics: [], problems: parsed.problems };
  const site = parsed.file.data as { clinics?: unknown } | null;
  const list = Array.isArray(site?.clinics) ? (site.clinics as Array<Partial<ClinicPoint> | null>) : [];
  const clinics = list.filter(
    (c): c is ClinicPoint => typeof c?.id === "string" && typeof c.geo?.lat === "number" && typeof c.geo?.lng === "number",
  );
  return { clinics, problems: [] };
}
