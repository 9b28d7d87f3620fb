import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseMarkdown } from "../load/source-file.ts";
import { regionCode } from "../rules/regions.ts";
import type { Problem } from "../problems.ts";
import { futureDateProblem } from "../validate/dates.ts";
import { locationSchema } from "../validate/location-schema.ts";
import { closest } from "../validate/issues.ts";
import { findCities } from "./cities.ts";
import { parseCsv, type Csv } from "./csv.ts";
import { decodeSpreadsheet } from "./decode.ts";
import { setFrontMatterFields, type FieldChange } from "./front-matter-edit.ts";
import { locationFile, locationSlug, nearestClinic, type ClinicPoint } from "./location-file.ts";

const columns = [
  "name",
  "region",
  "country",
  "lat",
  "lng",
  "clinic",
  "neighborhoods",
  "landmarks",
  "directions",
  "updated",
  "slug",
];

/** Longest slug (file name without `.md`) an import creates; file systems stop at 255 bytes. */
const maxSlugLength = 100;

/** What one field of an existing file becomes. */
export interface FieldDiff {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ImportPlan {
  creates: Array<{ file: string; text: string }>;
  updates: Array<{ file: string; text: string; diff: FieldDiff[] }>;
  unchanged: string[];
  problems: Problem[];
  /** Things worth knowing that are not problems (how the file was decoded). */
  notes: string[];
}

interface Row {
  line: number;
  values: Record<string, string>;
}

type Report = (field: string, message: string, hint?: string) => void;

/**
 * Plans the location files a spreadsheet of cities becomes; writes nothing. Every row is checked
 * with the build's own location schema; an existing file changes only in the columns the sheet
 * has (non-empty cells), everything else in it stays byte for byte.
 */
export function planImport(
  bytes: Uint8Array,
  csvName: string,
  root: string,
  clinics: ClinicPoint[],
  today: string,
): ImportPlan {
  const decoded = decodeSpreadsheet(bytes);
  const notes = decoded.encoding === "UTF-8" ? [] : [`${csvName} was read as ${decoded.encoding}.`];
  const csv = parseCsv(decoded.text);
  if (csv.delimiter === "\t") notes.push(`${csvName} is tab-separated; read as such.`);
  const problems: Problem[] = headerProblems(csv.headers, csvName);
  const plan: ImportPlan = { creates: [], updates: [], unchanged: [], problems, notes };
  if (problems.length > 0) return plan;
  const seen = new Map<string, number>();
  for (const row of csv.rows) {
    const report: Report = (field, message, hint) =>
      problems.push({ file: csvName, line: row.line, field, message, hint });
    const slug = rowSlug(row, report);
    if (!slug) continue;
    const first = seen.get(slug);
    if (first !== undefined) {
      report(
        "name",
        `makes the same file as line ${first} (locations/${slug}.md)`,
        "remove the duplicate row, or give one a slug column value",
      );
      continue;
    }
    seen.set(slug, row.line);
    planRow(plan, row, csv, `locations/${slug}.md`, { root, clinics, today }, report);
  }
  return plan;
}

function headerProblems(headers: string[], csvName: string): Problem[] {
  const problems: Problem[] = [];
  for (const required of ["name", "region"]) {
    if (!headers.includes(required))
      problems.push({
        file: csvName,
        line: 1,
        field: required,
        message: "column is missing",
        hint: `the first row must name the columns; needed: name, region; optional: ${columns.slice(2).join(", ")}; save the sheet as "CSV UTF-8"`,
      });
  }
  for (const header of headers) {
    if (header && !columns.includes(header)) {
      const guess = closest(header, columns);
      problems.push({
        file: csvName,
        line: 1,
        field: header,
        message: "is not a known column",
        hint: guess ? `did you mean "${guess}"?` : `known columns: ${columns.join(", ")}`,
      });
    }
  }
  return problems;
}

/** The file name for a row: the slug column, or name and region, by the build's slug rule. */
function rowSlug(row: Row, report: Report): string | undefined {
  const v = row.values;
  if (v.slug) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v.slug)) {
      report(
        "slug",
        `"${v.slug}" is not a file name: expected lowercase letters, digits and single dashes (no "/", "." or "..")`,
        'e.g. "pompano-beach-fl"',
      );
      return undefined;
    }
    return tooLong(v.slug, "slug", report) ? undefined : v.slug;
  }
  if (!v.name) return void report("name", "is empty", "give the city or area name");
  const region = regionCode(v.region ?? "", v.country || "US") ?? v.region ?? "";
  const slug = locationSlug(v.name, region);
  if (!slug || slug === locationSlug("", region)) {
    return void report(
      "name",
      `"${v.name}" gives no file name (only letters a–z and digits are kept)`,
      'add a slug column with a name such as "tokyo"',
    );
  }
  return tooLong(slug, "name", report) ? undefined : slug;
}

function tooLong(slug: string, field: string, report: Report): boolean {
  if (slug.length <= maxSlugLength) return false;
  report(
    field,
    `makes a file name of ${slug.length} characters (at most ${maxSlugLength})`,
    "shorten it, or add a shorter slug column value",
  );
  return true;
}

interface Context {
  root: string;
  clinics: ClinicPoint[];
  today: string;
}

/** The fields one row sets, as front-matter values; only non-empty cells of present columns. */
function rowFields(row: Row, csv: Csv, report: Report): Record<string, unknown> {
  const v = row.values;
  const fields: Record<string, unknown> = {};
  const list = (text: string) =>
    text
      .split("|")
      .map((s) => s.trim())
      .filter(Boolean);
  if (v.name) fields.name = v.name;
  if (v.country) fields.country = v.country.toUpperCase();
  if (v.region) {
    const code = regionCode(v.region, v.country?.toUpperCase() || "US");
    if (code) fields.region = code;
    else
      report(
        "region",
        `"${v.region}" is not a US state code or name`,
        'write the two-letter code, e.g. "FL", or the name, e.g. "Florida"',
      );
  } else report("region", "is empty", 'write the two-letter state code, e.g. "FL"');
  if (v.lat || v.lng) {
    // In semicolon-separated files, decimals are often written with a comma.
    const number = (text = "") =>
      text === "" ? Number.NaN : Number(csv.delimiter === ";" ? text.replace(",", ".") : text);
    const lat = number(v.lat);
    const lng = number(v.lng);
    if (!Number.isFinite(lat) || lat < -90 || lat > 90)
      report("lat", `expected a number between -90 and 90, got "${v.lat ?? ""}"`);
    if (!Number.isFinite(lng) || lng < -180 || lng > 180)
      report("lng", `expected a number between -180 and 180, got "${v.lng ?? ""}"`);
    fields.geo = { lat, lng };
  }
  if (v.clinic) fields.clinic = v.clinic;
  if (v.neighborhoods) fields.neighborhoods = list(v.neighborhoods);
  if (v.landmarks) fields.landmarks = list(v.landmarks);
  if (v.directions) fields.directions = v.directions;
  if (v.updated) fields.updated = v.updated;
  return fields;
}

function planRow(plan: ImportPlan, row: Row, csv: Csv, file: string, context: Context, report: Report): void {
  const before = plan.problems.length;
  const fields = rowFields(row, csv, report);
  if (fields.clinic && !context.clinics.some((c) => c.id === fields.clinic)) {
    report(
      "clinic",
      `unknown clinic "${String(fields.clinic)}"`,
      `known clinics: ${context.clinics.map((c) => c.id).join(", ")}`,
    );
  }
  const path = join(context.root, file);
  if (existsSync(path) && !statSync(path).isFile())
    return void report(
      "slug",
      `${file} is a folder, not a file`,
      "rename the folder, or give this row another slug",
    );
  const existing = existsSync(path) ? readExisting(file, path, report) : undefined;
  if (existing === null) return;
  if (!existing) completeNewRow(fields, row, context, report);
  if (plan.problems.length > before) return;
  // The build's own schema decides, on the file as it will be; only the row's fields are judged.
  const merged = { ...(existing?.data ?? {}), ...fields };
  checkWithSchema(merged, Object.keys(fields), existing === undefined, report);
  const future =
    typeof fields.updated === "string" ? futureDateProblem(fields.updated, context.today) : undefined;
  if (future) report("updated", future.message, future.hint);
  if (plan.problems.length > before) return;
  if (!existing) {
    const geo = fields.geo as { lat: number; lng: number };
    const location = {
      ...(fields as { name: string; region: string; clinic?: string }),
      lat: geo.lat,
      lng: geo.lng,
      updated: fields.updated as string,
    };
    return void plan.creates.push({
      file,
      text: locationFile(location as Parameters<typeof locationFile>[0]),
    });
  }
  const changes = fieldChanges(existing.data, fields);
  if (changes.length === 0) return void plan.unchanged.push(file);
  const text = setFrontMatterFields(
    existing.text,
    changes.map((c) => c.change),
  );
  if (text === undefined)
    return void report(
      "name",
      `${file} could not be edited safely`,
      "check its front matter between the two --- lines",
    );
  plan.updates.push({ file, text, diff: changes.map((c) => c.diff) });
}

/** An existing location file, or null (with its problem reported) when it cannot be updated. */
function readExisting(
  file: string,
  path: string,
  report: Report,
): { text: string; data: Record<string, unknown> } | null {
  const text = readFileSync(path, "utf8");
  const parsed = parseMarkdown(file, text);
  if (!parsed.file || typeof parsed.file.data !== "object" || parsed.file.data === null) {
    const first = parsed.problems[0];
    report(
      "slug",
      `${file} exists but cannot be read${first ? `: ${first.message}` : ""}`,
      `fix ${file} first (npm run build names the problem), then import again`,
    );
    return null;
  }
  return { text, data: parsed.file.data as Record<string, unknown> };
}

/** A new file needs coordinates (from the offline city list), a clinic (the nearest) and a date. */
function completeNewRow(fields: Record<string, unknown>, row: Row, context: Context, report: Report): void {
  const region = fields.region as string | undefined;
  if (!fields.geo && fields.name && region) {
    const found = findCities(fields.name as string, region);
    if (found.length === 1) fields.geo = { lat: found[0]!.lat, lng: found[0]!.lng };
    else
      report(
        "lat",
        found.length === 0
          ? `"${String(fields.name)}, ${region}" is not in the offline city list`
          : `"${String(fields.name)}, ${region}" matches ${found.length} places`,
        "add lat and lng columns for this row",
      );
  }
  if (!fields.clinic && fields.geo)
    fields.clinic = nearestClinic(context.clinics, fields.geo as { lat: number; lng: number })?.id;
  if (!fields.updated) fields.updated = context.today;
  void row;
}

const columnOf = (path: PropertyKey[]): string =>
  path[0] === "geo" && typeof path[1] === "string" ? path[1] : String(path[0]);

/** Problems the build would report for the row's fields. A new file's prompts (directions) are left for the marketer. */
function checkWithSchema(
  data: Record<string, unknown>,
  keys: string[],
  isNew: boolean,
  report: Report,
): void {
  const result = locationSchema.safeParse(data);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "");
    if (!keys.includes(key)) continue;
    if (isNew && key === "directions" && data.directions === undefined) continue;
    report(columnOf(issue.path), issue.message);
  }
}

/** The fields whose value differs from the file's, as edits and as a diff for --dry-run. */
function fieldChanges(
  current: Record<string, unknown>,
  fields: Record<string, unknown>,
): Array<{ change: FieldChange; diff: FieldDiff }> {
  const out: Array<{ change: FieldChange; diff: FieldDiff }> = [];
  const add = (path: string[], from: unknown, to: unknown) => {
    if (JSON.stringify(from) !== JSON.stringify(to))
      out.push({
        change: { path, value: to as FieldChange["value"] },
        diff: { field: path.join("."), from, to },
      });
  };
  for (const [key, value] of Object.entries(fields)) {
    if (key === "geo") {
      const geo = value as { lat: number; lng: number };
      const old = (current.geo ?? {}) as { lat?: unknown; lng?: unknown };
      add(["geo", "lat"], old.lat, geo.lat);
      add(["geo", "lng"], old.lng, geo.lng);
    } else add([key], current[key], value);
  }
  return out;
}

/** `  field: old → new` lines for a dry run. */
export function formatDiff(diff: FieldDiff[]): string[] {
  const show = (value: unknown) => (value === undefined ? "(not set)" : JSON.stringify(value));
  return diff.map((d) => `    ${d.field}: ${show(d.from)} → ${show(d.to)}`);
}

/**
 * Writes the planned files all or none: each goes to a temporary file beside its target first;
 * only when every one is written are they renamed into place.
 */
export function applyImport(plan: ImportPlan, root: string): void {
  const files = [...plan.creates, ...plan.updates];
  const temps: string[] = [];
  try {
    for (const { file, text } of files) {
      const target = join(root, file);
      mkdirSync(dirname(target), { recursive: true });
      const temp = `${target}.import-${process.pid}`;
      temps.push(temp);
      writeFileSync(temp, text);
    }
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true });
    throw error;
  }
  files.forEach(({ file }, i) => renameSync(temps[i]!, join(root, file)));
}
