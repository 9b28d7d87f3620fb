import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeText, parseYaml } from "../load/source-file.ts";
import type { Problem } from "../problems.ts";
import { defaultServiceRadius } from "../validate/site-schema.ts";
import type { ClinicPoint } from "./location-file.ts";

/** What new-location needs from site.yaml: the clinics, the distance units and the default service radius. */
export interface SiteClinics {
  clinics: ClinicPoint[];
  problems: Problem[];
  units: "mi" | "km";
  /** The site's service radius in `units` (a clinic's own `serviceRadius` overrides it). */
  radius: number;
}

/**
 * The clinics in a project's site.yaml (read leniently: only id, name, geo and service radius
 * are needed). A site.yaml with a YAML error gives its problem instead, so the command can say
 * what to fix.
 */
export function readClinics(root: string): SiteClinics {
  const path = join(root, "site.yaml");
  const none = { clinics: [], units: "mi" as const, radius: defaultServiceRadius.mi };
  if (!existsSync(path)) return { ...none, problems: [] };
  const parsed = parseYaml("site.yaml", normalizeText(readFileSync(path, "utf8")));
  if (!parsed.file) return { ...none, problems: parsed.problems };
  const site = parsed.file.data as { clinics?: unknown; units?: unknown; serviceRadius?: unknown } | null;
  const list = Array.isArray(site?.clinics)
    ? (site.clinics as Array<(Partial<ClinicPoint> & { serviceRadius?: unknown }) | null>)
    : [];
  const clinics = list
    .filter(
      (c) => typeof c?.id === "string" && typeof c.geo?.lat === "number" && typeof c.geo?.lng === "number",
    )
    .map((c) => ({
      id: c!.id!,
      name: String(c!.name ?? c!.id),
      geo: c!.geo!,
      ...(typeof c!.serviceRadius === "number" ? { serviceRadius: c!.serviceRadius } : {}),
    }));
  const units = site?.units === "km" ? "km" : "mi";
  const radius = typeof site?.serviceRadius === "number" ? site.serviceRadius : defaultServiceRadius[units];
  return { clinics, problems: [], units, radius };
}
