import type { z } from "zod";
import type { SourceFile } from "../load/index.ts";
import type { Problem } from "../problems.ts";

type Issue = z.core.$ZodIssue;

/** Turns zod issues into problems that name file, line, field and a fix. */
export function issuesToProblems(
  file: SourceFile,
  issues: Issue[],
  knownKeys: (path: PropertyKey[]) => string[],
): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") return unknownKeyProblems(file, issue, knownKeys(issue.path));
    const path = issue.path.map(keyOf);
    return [{ file: file.path, line: file.lineOf(path), field: fieldName(path), ...describe(issue) }];
  });
}

function keyOf(key: PropertyKey): string | number {
  return typeof key === "number" ? key : String(key);
}

/** `geo.lat`, `faq[2].q` */
export function fieldName(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return "(top level)";
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");
}

function describe(issue: Issue): { message: string; hint?: string } {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === "invalid_type" && input === undefined) {
    return {
      message: "is required but missing",
      hint: `add ${fieldName(issue.path.map(keyOf))} (${expectedOf(issue.message)})`,
    };
  }
  const got = input === undefined ? "" : `, got ${show(input)}`;
  return { message: `${cleanMessage(issue.message)}${got}` };
}

function expectedOf(message: string): string {
  return cleanMessage(message).replace(/^expected /, "");
}

function cleanMessage(message: string): string {
  return message.replace(/^Invalid input: /, "").replace(/, received \w+$/, "");
}

function show(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return "a list";
  if (value === null) return "nothing (null)";
  if (typeof value === "object") return "a group of fields";
  return String(value);
}

/** Fields people add that clinic-pages refuses on purpose, with the reason. */
const refusedKeys: Record<string, { message: string; hint: string }> = Object.fromEntries(
  ["rating", "ratings", "aggregateRating", "review", "reviews", "stars", "testimonials"].map((key) => [
    key,
    {
      message: "ratings and reviews of your own business are not published",
      hint: "Google treats star ratings a business shows about itself as self-serving and ignores or penalizes them; remove this field and collect reviews on your Google Business Profile instead",
    },
  ]),
);

function unknownKeyProblems(file: SourceFile, issue: Issue & { keys: string[] }, known: string[]): Problem[] {
  const parent = issue.path.map(keyOf);
  return issue.keys.map((key) => {
    const refused = refusedKeys[key];
    if (refused)
      return {
        file: file.path,
        line: file.lineOf([...parent, key]),
        field: fieldName([...parent, key]),
        ...refused,
      };
    const guess = closest(key, known);
    const path = [...parent, key];
    // A key that is empty or blank (": value", "'': value") still needs a name the marketer can find.
    const field = key.trim() === "" ? `${fieldName(parent) || "(top level)"} → "${key}"` : fieldName(path);
    return {
      file: file.path,
      line: file.lineOf(path),
      field,
      message: key.trim() === "" ? "has a key with no name" : "is not a known field",
      hint: guess ? `did you mean "${guess}"?` : `known fields here: ${known.join(", ")}`,
    };
  });
}

/** The known key nearest to a typo, if it is close enough to be a likely fix. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
