import { isValidPhoneNumber, type CountryCode } from "libphonenumber-js";
import type { SourceFile, FieldPath } from "../load/index.ts";
import type { Problem } from "../problems.ts";
import { copyPlaceholders, fill, placeholdersByKind, type PatternKind } from "../rules/placeholders.ts";
import { fieldName } from "./issues.ts";
import type { Site } from "./site-schema.ts";

/**
 * Rules on site.yaml that a field schema alone cannot state: the base URL is a bare origin,
 * phone numbers are real numbers of their country, a clinic's hours for one day do not overlap,
 * patterns and copy sentences use only the placeholders their page or sentence fills.
 * They run on the raw data too, so these problems arrive in the same pass as every other one.
 */
export function checkSiteRules(file: SourceFile, site: Site | undefined): Problem[] {
  const data = record(site ?? file.data);
  const at = (path: FieldPath, message: string, hint: string): Problem => ({
    file: file.path,
    line: file.lineOf(path),
    field: fieldName(path),
    message,
    hint,
  });
  return [
    ...baseUrlProblems(data.baseUrl, at),
    ...phoneProblems(data, at),
    ...hoursProblems(data, at),
    ...patternProblems(data, at),
    ...copyProblems(data, at),
  ];
}

type At = (path: FieldPath, message: string, hint: string) => Problem;

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** canonical URLs are `baseUrl` + path: a path, query or fragment in it breaks every one of them. */
function baseUrlProblems(value: unknown, at: At): Problem[] {
  if (typeof value !== "string") return [];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [];
  }
  if ((url.pathname === "/" || url.pathname === "") && !url.search && !url.hash && !url.username) return [];
  return [
    at(
      ["baseUrl"],
      `"${value}" is not an origin: it has a path, query or fragment`,
      `write only the scheme and host, e.g. "${url.origin}"`,
    ),
  ];
}

/** Phone numbers checked against the numbering plan of their country (libphonenumber), not a pattern. */
function phoneProblems(data: Record<string, unknown>, at: At): Problem[] {
  const problems: Problem[] = [];
  const check = (path: FieldPath, phone: unknown, country?: unknown) => {
    if (typeof phone !== "string" || !phone.trim().startsWith("+")) return;
    const code =
      typeof country === "string" && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : undefined;
    const valid = code ? isValidPhoneNumber(phone, code) : isValidPhoneNumber(phone);
    if (!valid)
      problems.push(
        at(
          path,
          `"${phone}" is not a valid ${code ? `${code} ` : ""}phone number`,
          'check the digits and the country code, e.g. "+1-954-555-0142" (a US number has 10 digits after +1)',
        ),
      );
  };
  check(["organization", "phone"], record(data.organization).phone);
  list(data.clinics).forEach((clinic, i) =>
    check(["clinics", i, "phone"], record(clinic).phone, record(record(clinic).address).country ?? "US"),
  );
  return problems;
}

/** Two spans of one clinic that share a day and overlap would publish that day twice. */
function hoursProblems(data: Record<string, unknown>, at: At): Problem[] {
  const problems: Problem[] = [];
  list(data.clinics).forEach((clinic, c) => {
    const spans = list(record(clinic).hours).map(
      (h, i) => ({ ...record(h), i }) as Record<string, unknown> & { i: number },
    );
    for (const a of spans) {
      for (const b of spans) {
        if (b.i <= a.i || !overlap(a, b)) continue;
        const days = list(a.days).filter((d) => list(b.days).includes(d));
        problems.push(
          at(
            ["clinics", c, "hours", b.i],
            `overlaps hours[${a.i}] on ${days.join(", ")} (${String(a.opens)}–${String(a.closes)} and ${String(b.opens)}–${String(b.closes)})`,
            "give each day one span, or split the day into spans that do not overlap",
          ),
        );
      }
    }
  });
  return problems;
}

function overlap(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const times = [a.opens, a.closes, b.opens, b.closes];
  if (!times.every((t) => typeof t === "string")) return false;
  if (!list(a.days).some((d) => list(b.days).includes(d))) return false;
  return (a.opens as string) < (b.closes as string) && (b.opens as string) < (a.closes as string);
}

/** A placeholder a page kind cannot fill, with the pattern's line. */
function patternProblems(data: Record<string, unknown>, at: At): Problem[] {
  const problems: Problem[] = [];
  for (const field of ["title", "description"] as const) {
    const kinds = record(record(data.patterns)[field]);
    for (const [kind, candidates] of Object.entries(kinds)) {
      const allowed = placeholdersByKind[kind as PatternKind];
      if (!allowed) continue;
      const sample = Object.fromEntries(allowed.map((name) => [name, "x"]));
      list(candidates).forEach((candidate, i) => {
        if (typeof candidate !== "string") return;
        for (const name of fill(candidate, sample).missing) {
          problems.push(
            at(
              ["patterns", field, kind, i],
              `uses {${name}}, which ${kind} pages do not have`,
              `use only ${allowed.map((k) => `{${k}}`).join(" ")}`,
            ),
          );
        }
      });
    }
  }
  return problems;
}

/** A `copy` sentence placeholder its template does not pass, with the sentence's line. */
function copyProblems(data: Record<string, unknown>, at: At): Problem[] {
  return Object.entries(record(data.copy)).flatMap(([key, sentence]) => {
    if (typeof sentence !== "string") return [];
    const allowed = copyPlaceholders[key] ?? [];
    const sample = Object.fromEntries(allowed.map((name) => [name, name]));
    return fill(sentence, sample).missing.map((name) =>
      at(
        ["copy", key],
        `uses {${name}}, which this sentence does not have`,
        allowed.length
          ? `use only ${allowed.map((k) => `{${k}}`).join(" ")}`
          : "this sentence takes no placeholders",
      ),
    );
  });
}
