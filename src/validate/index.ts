import type { z } from "zod";
import type { LoadedProject, SourceFile } from "../load/index.ts";
import { DataError, type Problem } from "../problems.ts";
import { conditionSchema, type ConditionData } from "./condition-schema.ts";
import { checkReferences } from "./references.ts";
import { slugFromPath } from "../rules/slug.ts";
import { issuesToProblems } from "./issues.ts";
import { locationSchema, type LocationData } from "./location-schema.ts";
import { siteSchema, type Site } from "./site-schema.ts";

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
}

/** Validates every file and cross-reference; throws one DataError listing every problem. */
export function validateProject(loaded: LoadedProject): Model {
  const problems: Problem[] = [...loaded.problems];
  const site = loaded.site ? parseWith(siteSchema, loaded.site, problems) : undefined;
  const locations = loaded.locations.flatMap((file) => toLocation(file, problems));
  const conditions = loaded.conditions.flatMap((file) => toCondition(file, problems));
  problems.push(...checkReferences(loaded));
  if (problems.length > 0 || !site) throw new DataError(problems);
  if (conditions.length === 0) throw new DataError([{ file: "conditions/", field: "(folder)", message: "no condition files found", hint: "add conditions/<slug>.md (see README)" }]);
  if (locations.length === 0) throw new DataError([{ file: "locations/", field: "(folder)", message: "no location files found", hint: "add locations/<slug>.md (see README)" }]);
  const allIds = conditions.map((c) => c.id);
  for (const location of locations) if (!location.restricted) location.conditions = allIds;
  return { site, locations, conditions };
}

function parseWith<S extends z.ZodType>(schema: S, file: SourceFile, problems: Problem[]): z.infer<S> | undefined {
  const result = schema.safeParse(file.data, { reportInput: true });
  if (result.success) return result.data;
  problems.push(...issuesToProblems(file, result.error.issues, (path) => keysAt(schema, path)));
  return undefined;
}

function toLocation(file: SourceFile, problems: Problem[]): Location[] {
  const data = parseWith(locationSchema, file, problems);
  if (!data) return [];
  const id = data.slug ?? slugFromPath(file.path);
  return [{ ...data, id, file: file.path, body: file.body, conditions: data.conditions ?? [], restricted: data.conditions !== undefined }];
}

function toCondition(file: SourceFile, problems: Problem[]): Condition[] {
  const data = parseWith(conditionSchema, file, problems);
  if (!data) return [];
  const id = data.slug ?? slugFromPath(file.path);
  return [{ ...data, id, file: file.path, body: file.body, shortName: data.shortName ?? data.name }];
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
    if (def.type === "optional" || def.type === "default" || def.type === "nullable") node = def.innerType as z.ZodType;
    else if (def.type === "pipe") node = def.in as z.ZodType;
    else return node;
  }
}
