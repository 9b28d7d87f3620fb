// The placeholders title and description patterns may use, and which page kind fills which. The
// plan fills them; validation names a pattern that uses one its page kind lacks; site.yaml's
// schema lists them for editors.

/** Every `{name}` a pattern in site.yaml may contain. */
export const placeholders = [
  "therapy",
  "therapyLower",
  "condition",
  "conditionName",
  "phrase",
  "city",
  "region",
  "brand",
  "clinic",
  "count",
  "regions",
  "conditions",
  "clinicCount",
  "person",
  "credentials",
] as const;

export type Placeholder = (typeof placeholders)[number];

/** Extra placeholders of site.yaml `copy` sentences: where the clinic is and the page's one distance. */
export const copyOnlyPlaceholders = [
  "distance",
  "units",
  "clinicCity",
  "whereClinic",
  "conditionLower",
] as const;
export type CopyPlaceholder = (typeof copyOnlyPlaceholders)[number];

/** "{therapy} {therapyLower} …", for help texts. */
export const placeholderList = placeholders.map((name) => `{${name}}`).join(" ");

/** The page kinds whose title and description come from site.yaml `patterns`. */
export type PatternKind =
  | "conditionLocation"
  | "condition"
  | "location"
  | "locations"
  | "home"
  | "clinic"
  | "clinics"
  | "practitioner"
  | "team";

/** The values a pattern is filled with; a placeholder without one is reported as missing. */
export type Vars = Partial<Record<Placeholder | CopyPlaceholder, string>>;

/** Fills `{name}` placeholders; unknown or missing ones are reported, not guessed. */
export function fill(pattern: string, vars: Vars): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = pattern.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (vars as Record<string, string | undefined>)[name];
    if (value === undefined) missing.push(name);
    return value ?? whole;
  });
  return { text: text.replace(/\s+/g, " ").trim(), missing };
}

const sitePlaceholders = ["therapy", "therapyLower", "brand"];
const conditionPlaceholders = ["condition", "conditionName", "phrase"];
const locationPlaceholders = ["city", "region", "clinic"];

/**
 * The placeholders each page kind fills (the plan builds its vars from the same groups), so
 * validation can name a pattern that uses a wrong one in the same pass as every other problem.
 */
export const placeholdersByKind: Record<PatternKind, string[]> = {
  conditionLocation: [...sitePlaceholders, ...conditionPlaceholders, ...locationPlaceholders],
  condition: [...sitePlaceholders, ...conditionPlaceholders, "count"],
  location: [...sitePlaceholders, ...locationPlaceholders],
  locations: [...sitePlaceholders, "count", "regions"],
  home: [...sitePlaceholders, "count", "clinicCount", "regions", "conditions"],
  clinic: [...sitePlaceholders, "clinic", "city", "region", "count"],
  clinics: [...sitePlaceholders, "clinicCount"],
  practitioner: [...sitePlaceholders, "person", "credentials"],
  team: sitePlaceholders,
};

const pageVars = ["therapy", "therapyLower", "city", "region", "clinic", "whereClinic", "brand"];

/** The placeholders each site.yaml `copy` sentence can use (the values its template passes). */
export const copyPlaceholders: Record<string, string[]> = {
  cityLead: [...pageVars, "phrase", "condition", "conditionLower"],
  locationLead: pageVars,
  inTown: ["city", "clinicCity", "distance", "units"],
  outOfTown: ["city", "clinicCity", "distance", "units"],
  cta: ["clinic", "city"],
  team: [],
};
