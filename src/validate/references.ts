import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FieldPath, LoadedProject, SourceFile } from "../load/index.ts";
import type { Problem } from "../problems.ts";
import { closest, fieldName } from "./issues.ts";
import { slugFromPath } from "../rules/slug.ts";

/**
 * Checks every id that points from one file to another, and that ids are unique.
 * Works on the raw data, so a reference is checked even when another field of the
 * same file is invalid: the marketer sees every problem in one report.
 */
export function checkReferences(loaded: LoadedProject): Problem[] {
  const site = record(loaded.site?.data);
  const known = {
    clinic: idsIn(site.clinics),
    practitioner: idsIn(site.practitioners),
    condition: loaded.conditions.map(slugOf),
    siteUnreadable: loaded.site === undefined,
  };
  return [
    ...(loaded.site ? siteReferences(loaded.site, known) : []),
    ...duplicateSlugs(loaded.locations, "location"),
    ...duplicateSlugs(loaded.conditions, "condition"),
    ...loaded.locations.flatMap((file) => locationReferences(file, known)),
    ...loaded.conditions.flatMap((file) => conditionReferences(file, known)),
    ...photoFiles(loaded),
  ];
}

/** Every photo a data file names must exist in the project. */
function photoFiles(loaded: LoadedProject): Problem[] {
  const check = (file: SourceFile, path: FieldPath, photo: unknown): Problem[] => {
    const src = record(photo).src;
    if (typeof src !== "string" || existsSync(join(loaded.root, src))) return [];
    return [
      problemAt(
        file,
        [...path, "src"],
        `no file at ${src}`,
        "put the image in the project (for example under images/) or fix the path",
      ),
    ];
  };
  const site = loaded.site ? record(loaded.site.data) : {};
  return [
    ...(loaded.site
      ? list(site.clinics).flatMap((c, i) => check(loaded.site!, ["clinics", i, "photo"], record(c).photo))
      : []),
    ...(loaded.site
      ? list(site.practitioners).flatMap((p, i) =>
          check(loaded.site!, ["practitioners", i, "photo"], record(p).photo),
        )
      : []),
    ...loaded.locations.flatMap((file) => check(file, ["photo"], record(file.data).photo)),
  ];
}

type Known = Record<"clinic" | "practitioner" | "condition", string[]> & { siteUnreadable: boolean };

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function idsIn(value: unknown): string[] {
  return list(value).flatMap((item) =>
    typeof record(item).id === "string" ? [record(item).id as string] : [],
  );
}

/** The slug a file's pages use: its `slug` field, or its file name. */
export function slugOf(file: SourceFile): string {
  const slug = record(file.data).slug;
  return typeof slug === "string" ? slug : slugFromPath(file.path);
}

function problemAt(file: SourceFile, path: FieldPath, message: string, hint?: string): Problem {
  return { file: file.path, line: file.lineOf(path), field: fieldName(path), message, hint };
}

/** Reports `value` at `path` when it is a string that names no known id. */
function checkRef(
  file: SourceFile,
  path: FieldPath,
  value: unknown,
  kind: "clinic" | "practitioner" | "condition",
  known: Known,
): Problem[] {
  // When site.yaml itself could not be read, its ids are unknown: its own problem says so once.
  if (
    typeof value !== "string" ||
    known[kind].includes(value) ||
    (kind !== "condition" && known.siteUnreadable)
  )
    return [];
  const guess = closest(value, known[kind]);
  const hint = guess
    ? `did you mean "${guess}"?`
    : `known ${kind} ids: ${known[kind].join(", ") || "(none)"}`;
  return [problemAt(file, path, `unknown ${kind} "${value}"`, hint)];
}

function siteReferences(file: SourceFile, known: Known): Problem[] {
  const data = record(file.data);
  return [
    ...repeatedIds(file, "practitioners", data.practitioners),
    ...repeatedIds(file, "clinics", data.clinics),
    ...list(data.clinics).flatMap((clinic, c) =>
      list(record(clinic).practitioners).flatMap((id, p) =>
        checkRef(file, ["clinics", c, "practitioners", p], id, "practitioner", known),
      ),
    ),
    ...list(data.clinics).flatMap((clinic, c) =>
      list(record(clinic).conditions).flatMap((id, i) =>
        checkRef(file, ["clinics", c, "conditions", i], id, "condition", known),
      ),
    ),
  ];
}

function repeatedIds(file: SourceFile, key: string, items: unknown): Problem[] {
  const seen = new Set<unknown>();
  return list(items).flatMap((item, i) => {
    const id = record(item).id;
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [
      problemAt(
        file,
        [key, i, "id"],
        `repeats the id "${String(id)}" used above`,
        `give each entry in ${key} a unique id`,
      ),
    ];
  });
}

function duplicateSlugs(files: SourceFile[], kind: string): Problem[] {
  const bySlug = new Map<string, SourceFile[]>();
  for (const file of files) bySlug.set(slugOf(file), [...(bySlug.get(slugOf(file)) ?? []), file]);
  return (
    [...bySlug.entries()]
      // An empty slug (`東京.md`) is reported once, as a file-name problem, not as duplicates.
      .filter(([slug, group]) => group.length > 1 && slug !== "")
      .flatMap(([slug, group]) =>
        group.map((file) => {
          const others = group
            .filter((f) => f !== file)
            .map((f) => f.path)
            .join(", ");
          return problemAt(
            file,
            ["slug"],
            `duplicate ${kind} slug "${slug}" (also ${others})`,
            "rename one file or give it a different `slug`",
          );
        }),
      )
  );
}

function locationReferences(file: SourceFile, known: Known): Problem[] {
  const data = record(file.data);
  const offered = Array.isArray(data.conditions) ? data.conditions : undefined;
  const problems = [
    ...checkRef(file, ["clinic"], data.clinic, "clinic", known),
    ...list(offered).flatMap((id, i) => checkRef(file, ["conditions", i], id, "condition", known)),
    ...list(data.faq).flatMap((item, i) => {
      const id = record(item).condition;
      const unknown = checkRef(file, ["faq", i, "condition"], id, "condition", known);
      if (unknown.length > 0 || typeof id !== "string" || !offered || offered.includes(id)) return unknown;
      return [
        problemAt(
          file,
          ["faq", i, "condition"],
          `is about "${id}", which this location does not offer`,
          `add "${id}" to conditions, or remove condition from the question`,
        ),
      ];
    }),
  ];
  for (const id of Object.keys(record(data.conditionNotes))) {
    const unknown = checkRef(file, ["conditionNotes", id], id, "condition", known);
    problems.push(...unknown);
    if (unknown.length === 0 && offered && !offered.includes(id)) {
      problems.push(
        problemAt(
          file,
          ["conditionNotes", id],
          `has notes for "${id}", which this location does not offer`,
          `add "${id}" to conditions, or remove the note`,
        ),
      );
    }
  }
  return problems;
}

function conditionReferences(file: SourceFile, known: Known): Problem[] {
  const data = record(file.data);
  const self = slugOf(file);
  return [
    ...checkRef(file, ["reviewer"], data.reviewer, "practitioner", known),
    ...list(data.related).flatMap((id, i) =>
      id === self
        ? [
            problemAt(
              file,
              ["related", i],
              "a condition cannot be related to itself",
              "remove it from related",
            ),
          ]
        : checkRef(file, ["related", i], id, "condition", known),
    ),
    ...list(data.evidence).flatMap((entry, e) =>
      list(record(record(entry).scope).conditions).flatMap((id, i) =>
        checkRef(file, ["evidence", e, "scope", "conditions", i], id, "condition", known),
      ),
    ),
  ];
}
