// The placeholders title and description patterns may use. The plan fills them; site.yaml's
// schema lists them for editors. Which page kind has which is the plan's business.

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
