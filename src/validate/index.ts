import type { z } from "zod";
import type { LoadedProject, SourceFile } from "../load/index.ts";
import { DataError, type Problem } from "../problems.ts";
import { conditionSchema, type ConditionData } from "./condition-schema.ts";
import { checkReferences } from "./references.ts";
import { slugFromPath } from "../rules/slug.ts";
import { fieldName, issuesToProblems } from "./issues.ts";
import { locationSchema, type LocationData } from "./location-schema.ts";
import { siteSchema, type Site } from "./site-schema.ts";
import { regionCode } from "../rules/regions.ts";
import { futureDateProblem, futureYearProblem } from "./dates.ts";
import { checkedToday } from "./environment.ts";
import { checkSiteRules } from "./site-rules.ts";

export type { Site, Clinic, Practitioner, OpeningHours } from "./site-schema.ts";
export { slugFromPath } from "../rules/slug.ts";

/** A validated location, with the id and file it came from and its resolved condition list. */
export interface Location extends Omit<LocationData, "conditions"> {
  id: string;
  file: string;
  body: string;
  conditions: string[];
  restricted: boolean;
}

/** A validated condition, with the id and file it came from. */
export interface Condition extends ConditionData {
  id: string;
  file: string;
  body: string;
  shortName: string;
}

/** The whole validated project: what plan and render work from. */
export interface Model {
  site: Site;
  locations: Location[];
  conditions: Condition[];
  /** Entries of locations/ and conditions/ that were skipped on purpose, for the build's warnings. */
  notes?: Problem[];
}

/**
 * Validates every file and cross-reference; throws one DataError listing every problem. Dates
 * after `today` (CLINIC_PAGES_TODAY or the real date) are problems too.
 */
export function validateProject(loaded: LoadedProject, today: string = checkedToday()): Model {
  const problems: Problem[] = [...loaded.problems];
  const site = loaded.site ? parseWith(siteSchema, loaded.site, problems) : undefined;
  const locations = loaded.locations.flatMap((file) => toLocation(file, problems, today));
  const conditions = loaded.conditions.flatMap((file) => toCondition(file, problems, today));
  if (loaded.site) problems.push(...checkSiteRules(loaded.site, site));
  problems.push(...checkReferences(loaded));
  if (problems.length > 0 || !site) throw new DataError(problems);
  if (conditions.length === 0)
    throw new DataError([
      {
        file: "conditions/",
        field: "(folder)",
        message: "no condition files found",
        hint: "add conditions/<slug>.md (see README)",
      },
    ]);
  if (locations.length === 0)
    throw new DataError([
      {
        file: "locations/",
        field: "(folder)",
        message: "no location files found",
        hint: "add locations/<slug>.md (see README)",
      },
    ]);
  const allIds = conditions.map((c) => c.id);
  for (const location of locations) if (!location.restricted) location.conditions = allIds;
  return { site, locations, conditions, notes: loaded.notes ?? [] };
}

function parseWith<S extends z.ZodType>(
  schema: S,
  file: SourceFile,
  problems: Problem[],
): z.infer<S> | undefined {
  const result = schema.safeParse(file.data, { reportInput: true });
  if (result.success) return result.data;
  problems.push(...issuesToProblems(file, result.error.issues, (path) => keysAt(schema, path)));
  return undefined;
}

function toLocation(file: SourceFile, problems: Problem[], today: string): Location[] {
  const data = parseWith(locationSchema, file, problems);
  if (!data) return [];
  const id = data.slug ?? slugFromPath(file.path);
  const before = problems.length;
  problems.push(...fileNameProblems(file, id), ...datesInFuture(file, [["updated"]], today));
  const region = regionCode(data.region, data.country);
  if (region === undefined) {
    problems.push({
      file: file.path,
      line: file.lineOf(["region"]),
      field: "region",
      message: `"${data.region}" is not a US state code or name`,
      hint: 'write the two-letter code, e.g. "FL", or the name, e.g. "Florida"',
    });
  } else data.region = region;
  if (problems.length > before) return [];
  return [
    {
      ...data,
      id,
      file: file.path,
      body: file.body,
      conditions: data.conditions ?? [],
      restricted: data.conditions !== undefined,
    },
  ];
}

function toCondition(file: SourceFile, problems: Problem[], today: string): Condition[] {
  const data = parseWith(conditionSchema, file, problems);
  if (!data) return [];
  const id = data.slug ?? slugFromPath(file.path);
  const before = problems.length;
  problems.push(...fileNameProblems(file, id), ...datesInFuture(file, [["lastReviewed"]], today));
  data.evidence.forEach((item, i) => {
    const future = futureYearProblem(item.citation.year, today);
    const path = ["evidence", i, "citation", "year"];
    if (future)
      problems.push({ file: file.path, line: file.lineOf(path), field: fieldName(path), ...future });
  });
  if (problems.length > before) return [];
  return [{ ...data, id, file: file.path, body: file.body, shortName: data.shortName ?? data.name }];
}

/** A slug that is empty (`東京.md`, `---.md`) or not URL-safe cannot name pages. */
function fileNameProblems(file: SourceFile, id: string): Problem[] {
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && id.length <= 100) return [];
  const given = record(file.data).slug !== undefined;
  return [
    {
      file: file.path,
      line: given ? file.lineOf(["slug"]) : undefined,
      field: given ? "slug" : "(file name)",
      message:
        id === ""
          ? "the file name gives an empty URL slug (only letters a–z and digits are kept)"
          : `"${id}" cannot be used in URLs (at most 100 lowercase letters, digits and single dashes)`,
      hint: 'rename the file with Latin letters, e.g. "tokyo.md", or add a slug field such as "slug: tokyo"',
    },
  ];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** Problems for the dates at `paths` that lie after today. */
function datesInFuture(file: SourceFile, paths: string[][], today: string): Problem[] {
  return paths.flatMap((path) => {
    const value = path.reduce<unknown>((node, key) => record(node)[key], file.data);
    const future = typeof value === "string" ? futureDateProblem(value, today) : undefined;
    return future ? [{ file: file.path, line: file.lineOf(path), field: fieldName(path), ...future }] : [];
  });
}

/** The field names a schema accepts at `path`, for "did you mean" hints. */
function keysAt(schema: z.ZodType, path: PropertyKey[]): string[] {
  let node = unwrap(schema);
  for (const key of path) {
    const def = node._zod.def as unknown as Record<string, unknown>;
    if (def.type === "object") node = unwrap((def.shape as Record<string, z.ZodType>)[String(key)]!);
    else if (def.type === "array") node = unwrap(def.element as z.ZodType);
    else if (def.type === "record") node = unwrap(def.valueType as z.ZodType);
    if (!node) return [];
  }
  const def = node._zod.def as unknown as Record<string, unknown>;
  return def.type === "object" ? Object.keys(def.shape as object) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType {
  let node = schema as z.ZodType;
  for (;;) {
    const def = node?._zod.def as unknown as Record<string, unknown> | undefined;
    if (!def) return node;
    if (def.type === "optional" || def.type === "default" || def.type === "nullable")
      node = def.innerType as z.ZodType;
    else if (def.type === "pipe") node = def.in as z.ZodType;
    else return node;
  }
}
