import type { FieldPath, LoadedProject, SourceFile } from "../load/index.ts";
import type { Problem } from "../problems.ts";
import type { Condition, Location } from "./index.ts";
import { closest, fieldName } from "./issues.ts";
import type { Site } from "./site-schema.ts";

/** Checks every id that points from one file to another, and that ids are unique. */
export function checkReferences(site: Site, locations: Location[], conditions: Condition[], loaded: LoadedProject): Problem[] {
  const files = new Map<string, SourceFile>();
  for (const file of [loaded.site, ...loaded.locations, ...loaded.conditions]) if (file) files.set(file.path, file);
  const at = (file: string, path: FieldPath, message: string, hint?: string): Problem => ({
    file,
    line: files.get(file)?.lineOf(path),
    field: fieldName(path),
    message,
    hint,
  });
  return [
    ...siteReferences(site, at),
    ...duplicateIds(locations, "location", at),
    ...duplicateIds(conditions, "condition", at),
    ...locationReferences(site, locations, conditions, at),
    ...conditionReferences(site, conditions, at),
  ];
}

type At = (file: string, path: FieldPath, message: string, hint?: string) => Problem;

function unknownRef(at: At, file: string, path: FieldPath, kind: string, id: string, known: string[]): Problem {
  const guess = closest(id, known);
  const hint = guess ? `did you mean "${guess}"?` : `known ${kind} ids: ${known.join(", ") || "(none)"}`;
  return at(file, path, `unknown ${kind} "${id}"`, hint);
}

function siteReferences(site: Site, at: At): Problem[] {
  const problems: Problem[] = [];
  const practitionerIds = site.practitioners.map((p) => p.id);
  problems.push(...repeated(practitionerIds, (i) => at("site.yaml", ["practitioners", i, "id"], "repeats an id used above", "give each practitioner a unique id")));
  problems.push(...repeated(site.clinics.map((c) => c.id), (i) => at("site.yaml", ["clinics", i, "id"], "repeats an id used above", "give each clinic a unique id")));
  site.clinics.forEach((clinic, c) =>
    clinic.practitioners.forEach((id, p) => {
      if (!practitionerIds.includes(id)) problems.push(unknownRef(at, "site.yaml", ["clinics", c, "practitioners", p], "practitioner", id, practitionerIds));
    }),
  );
  return problems;
}

function repeated(ids: string[], report: (index: number) => Problem): Problem[] {
  const seen = new Set<string>();
  return ids.flatMap((id, i) => (seen.has(id) ? [report(i)] : (seen.add(id), [])));
}

function duplicateIds(items: Array<{ id: string; file: string }>, kind: string, at: At): Problem[] {
  const byId = new Map<string, string[]>();
  for (const item of items) byId.set(item.id, [...(byId.get(item.id) ?? []), item.file]);
  return [...byId.entries()]
    .filter(([, files]) => files.length > 1)
    .flatMap(([id, files]) =>
      files.map((file) => at(file, ["slug"], `duplicate ${kind} slug "${id}" (also ${files.filter((f) => f !== file).join(", ")})`, "rename one file or give it a different `slug`")),
    );
}

function locationReferences(site: Site, locations: Location[], conditions: Condition[], at: At): Problem[] {
  const clinicIds = site.clinics.map((c) => c.id);
  const conditionIds = conditions.map((c) => c.id);
  return locations.flatMap((location) => {
    const problems: Problem[] = [];
    if (!clinicIds.includes(location.clinic)) problems.push(unknownRef(at, location.file, ["clinic"], "clinic", location.clinic, clinicIds));
    location.conditions.forEach((id, i) => {
      if (!conditionIds.includes(id)) problems.push(unknownRef(at, location.file, ["conditions", i], "condition", id, conditionIds));
    });
    for (const id of Object.keys(location.conditionNotes)) {
      if (!conditionIds.includes(id)) problems.push(unknownRef(at, location.file, ["conditionNotes", id], "condition", id, conditionIds));
      else if (location.restricted && !location.conditions.includes(id)) {
        problems.push(at(location.file, ["conditionNotes", id], `has notes for "${id}", which this location does not offer`, `add "${id}" to conditions, or remove the note`));
      }
    }
    return problems;
  });
}

function conditionReferences(site: Site, conditions: Condition[], at: At): Problem[] {
  const practitionerIds = site.practitioners.map((p) => p.id);
  const conditionIds = conditions.map((c) => c.id);
  return conditions.flatMap((condition) => {
    const problems: Problem[] = [];
    if (!practitionerIds.includes(condition.reviewer)) problems.push(unknownRef(at, condition.file, ["reviewer"], "practitioner", condition.reviewer, practitionerIds));
    condition.related.forEach((id, i) => {
      if (id === condition.id) problems.push(at(condition.file, ["related", i], "a condition cannot be related to itself", "remove it from related"));
      else if (!conditionIds.includes(id)) problems.push(unknownRef(at, condition.file, ["related", i], "condition", id, conditionIds));
    });
    return problems;
  });
}
