import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { normalizeText, splitFrontMatter } from "../load/source-file.ts";
import type { Problem } from "../problems.ts";
import { closest } from "../validate/issues.ts";
import { findCities } from "./cities.ts";
import { parseCsv } from "./csv.ts";
import { locationFile, locationSlug, nearestClinic, type ClinicPoint, type NewLocation } from "./location-file.ts";

const columns = ["name", "region", "country", "lat", "lng", "clinic", "neighborhoods", "landmarks", "directions", "updated", "slug"];

export interface ImportPlan {
  creates: Array<{ file: string; text: string }>;
  updates: Array<{ file: string; text: string }>;
  unchanged: string[];
  problems: Problem[];
}

interface Row {
  line: number;
  values: Record<string, string>;
}

/** Plans the location files a spreadsheet of cities becomes; writes nothing. */
export function planImport(csvText: string, csvName: string, root: string, clinics: ClinicPoint[], today: string): ImportPlan {
  const csv = parseCsv(csvText);
  const problems: Problem[] = headerProblems(csv.headers, csvName);
  const plan: ImportPlan = { creates: [], updates: [], unchanged: [], problems };
  if (problems.length > 0) return plan;
  const seen = new Map<string, number>();
  for (const row of csv.rows) {
    const rowProblems: Problem[] = [];
    const location = toLocation(row, csv.delimiter, clinics, today, (field, message, hint) => rowProblems.push({ file: csvName, line: row.line, field, message, hint }));
    problems.push(...rowProblems);
    if (!location || rowProblems.length > 0) continue;
    const slug = row.values.slug || locationSlug(location.name, location.region);
    const first = seen.get(slug);
    if (first !== undefined) {
      problems.push({ file: csvName, line: row.line, field: "name", message: `makes the same file as line ${first} (locations/${slug}.md)`, hint: "remove the duplicate row, or give one a slug column value" });
      continue;
    }
    seen.set(slug, row.line);
    addToPlan(plan, join("locations", `${slug}.md`), root, location);
  }
  return plan;
}

function headerProblems(headers: string[], csvName: string): Problem[] {
  const problems: Problem[] = [];
  for (const required of ["name", "region"]) {
    if (!headers.includes(required)) problems.push({ file: csvName, line: 1, field: required, message: "column is missing", hint: `the first row must name the columns; needed: name, region; optional: ${columns.slice(2).join(", ")}` });
  }
  for (const header of headers) {
    if (header && !columns.includes(header)) {
      const guess = closest(header, columns);
      problems.push({ file: csvName, line: 1, field: header, message: "is not a known column", hint: guess ? `did you mean "${guess}"?` : `known columns: ${columns.join(", ")}` });
    }
  }
  return problems;
}

type Report = (field: string, message: string, hint?: string) => void;

function toLocation(row: Row, delimiter: string, clinics: ClinicPoint[], today: string, report: Report): NewLocation | undefined {
  const v = row.values;
  if (!v.name) report("name", "is empty", "give the city or area name");
  if (!/^[A-Za-z]{2}$/.test(v.region ?? "")) report("region", `expected a two-letter state code, got "${v.region ?? ""}"`);
  if (v.updated && !/^\d{4}-\d{2}-\d{2}$/.test(v.updated)) report("updated", `expected a date written YYYY-MM-DD, got "${v.updated}"`);
  const geo = coordinates(v, delimiter, report);
  if (!v.name || !/^[A-Za-z]{2}$/.test(v.region ?? "") || !geo) return undefined;
  const clinic = v.clinic ? clinics.find((c) => c.id === v.clinic) : nearestClinic(clinics, geo);
  if (v.clinic && !clinic) report("clinic", `unknown clinic "${v.clinic}"`, `known clinics: ${clinics.map((c) => c.id).join(", ")}`);
  const list = (text?: string) => (text ? text.split("|").map((s) => s.trim()).filter(Boolean) : undefined);
  return {
    name: v.name,
    region: v.region!.toUpperCase(),
    country: v.country || undefined,
    ...geo,
    clinic: clinic?.id,
    neighborhoods: list(v.neighborhoods),
    landmarks: list(v.landmarks),
    directions: v.directions || undefined,
    updated: v.updated || today,
  };
}

function coordinates(v: Record<string, string>, delimiter: string, report: Report): { lat: number; lng: number } | undefined {
  if (!v.lat && !v.lng) {
    const found = findCities(v.name ?? "", v.region);
    if (found.length === 1) return { lat: found[0]!.lat, lng: found[0]!.lng };
    if (v.name && /^[A-Za-z]{2}$/.test(v.region ?? "")) {
      report("lat", found.length === 0 ? `"${v.name}, ${v.region}" is not in the offline city list` : `"${v.name}, ${v.region}" matches ${found.length} places`, "add lat and lng columns for this row");
    }
    return undefined;
  }
  // In semicolon-separated files, decimals are often written with a comma.
  const number = (text = "") => Number(delimiter === ";" ? text.replace(",", ".") : text);
  const lat = number(v.lat);
  const lng = number(v.lng);
  const okLat = v.lat !== "" && Number.isFinite(lat) && lat >= -90 && lat <= 90;
  const okLng = v.lng !== "" && Number.isFinite(lng) && lng >= -180 && lng <= 180;
  if (!okLat) report("lat", `expected a number between -90 and 90, got "${v.lat ?? ""}"`);
  if (!okLng) report("lng", `expected a number between -180 and 180, got "${v.lng ?? ""}"`);
  return okLat && okLng ? { lat, lng } : undefined;
}

function addToPlan(plan: ImportPlan, file: string, root: string, location: NewLocation): void {
  const path = join(root, file);
  if (!existsSync(path)) return void plan.creates.push({ file, text: locationFile(location) });
  const current = readFileSync(path, "utf8");
  const updated = updateFrontMatter(current, location);
  if (updated === current) plan.unchanged.push(file);
  else plan.updates.push({ file, text: updated });
}

/** Sets the imported fields in an existing file, keeping its other fields, comments and body. */
function updateFrontMatter(text: string, location: NewLocation): string {
  const split = splitFrontMatter(normalizeText(text));
  const doc = parseDocument(split.matter);
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const before = JSON.stringify(data);
  const set = (key: string, value: unknown) => {
    if (value !== undefined && JSON.stringify(data[key]) !== JSON.stringify(value)) doc.set(key, value);
  };
  set("name", location.name);
  set("region", location.region);
  if (location.country) set("country", location.country);
  const current = data.geo as { lat?: number; lng?: number } | undefined;
  if (current?.lat !== location.lat || current?.lng !== location.lng) doc.set("geo", doc.createNode({ lat: location.lat, lng: location.lng }, { flow: true }));
  set("clinic", location.clinic);
  set("neighborhoods", location.neighborhoods);
  set("landmarks", location.landmarks);
  set("directions", location.directions);
  if (JSON.stringify(doc.toJS()) === before) return text;
  set("updated", location.updated);
  return `---\n${doc.toString()}---\n${split.content.replace(/^\n/, "")}`;
}
