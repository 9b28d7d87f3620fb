import { z } from "zod";
import { idField } from "../validate/fields.ts";
import type { JsonSchemaNode } from "../validate/json-schema.ts";

/** One Sveltia CMS field definition (the subset of options clinic-pages writes). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required: boolean;
  hint?: string;
  pattern?: [string, string];
  default?: unknown;
  minlength?: number;
  maxlength?: number;
  min?: number;
  max?: number;
  value_type?: "int" | "float";
  type?: "date";
  format?: string;
  options?: Array<{ label: string; value: string }>;
  multiple?: boolean;
  fields?: CmsField[];
  field?: CmsField;
  collapsed?: boolean;
  summary?: string;
  media_folder?: string;
  public_folder?: string;
}

export interface Choice {
  value: string;
  label: string;
}

/** Which kind of data file a field lives in; paths below are `<kind>:<dotted.path>` (lists add nothing). */
export type DataKind = "site" | "location" | "condition";

/** What the walk needs besides the schema: the site's ids, so references become pick lists. */
export interface FieldContext {
  clinics: Choice[];
  conditions: Choice[];
  practitioners: Choice[];
}

/**
 * Fields that name another record. Validation checks these references (src/validate/references.ts);
 * here they only decide that the editor offers a pick list instead of a text box.
 */
const pickLists: Record<string, keyof FieldContext> = {
  "location:clinic": "clinics",
  "location:conditions": "conditions",
  "condition:reviewer": "practitioners",
  "condition:related": "conditions",
  "site:clinics.practitioners": "practitioners",
};

/** Records keyed by an id: one optional field per id instead of free key–value pairs. */
const keyedBy: Record<string, keyof FieldContext> = { "location:conditionNotes": "conditions" };

/** Text rendered as Markdown on the pages (src/render/render-data.ts), so edited with a Markdown editor. */
const markdownFields = new Set(["condition:visit", "condition:sessions", "location:conditionNotes.*"]);

/** Where uploaded photos go, inside the project's images/ folder, by the record that shows them. */
export const photoFolders: Record<string, string> = {
  "site:clinics.photo": "images/clinics",
  "site:practitioners.photo": "images/practitioners",
  "location:photo": "images/locations",
};

/** Labels that a plain split of the field name would get wrong. */
const labels: Record<string, string> = {
  q: "Question",
  a: "Answer",
  lat: "Latitude",
  lng: "Longitude",
  faq: "Questions and answers",
  icd10: "ICD-10-CM codes",
  doi: "DOI",
  pmid: "PubMed id",
  baseUrl: "Site address (base URL)",
  url: "Web address",
  bookingUrl: "Booking page",
  sameAs: "Profiles elsewhere",
  geo: "Coordinates",
  src: "Image file",
  alt: "Alt text (what the photo shows)",
  authUrl: "Sign-in service address",
  indexNow: "IndexNow",
  cms: "Browser editor (CMS)",
  id: "Id",
};

/** "conditionNotes" → "Condition notes". */
export function labelFor(name: string): string {
  if (labels[name]) return labels[name];
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const idPattern = (z.toJSONSchema(idField) as JsonSchemaNode).pattern;

/** The message shown when a value does not match its pattern: the schema's example says what fits. */
function patternMessage(node: JsonSchemaNode): string {
  const example = node.examples?.find((e) => typeof e === "string");
  if (example) return `Not in the expected form; for example: ${example}`;
  if (node.pattern === idPattern) return "Use lowercase letters, digits and single dashes, e.g. palm-city-fl";
  return "Not in the expected form; see the help below the field";
}

/** A zod union (e.g. a PubMed id as number or text) is edited as its text branch, which zod accepts. */
function resolveUnion(node: JsonSchemaNode): JsonSchemaNode {
  if (!node.anyOf) return node;
  const branch = node.anyOf.find((b) => b.type === "string") ?? node.anyOf[0]!;
  return {
    ...branch,
    description: node.description,
    examples: branch.examples ?? node.examples,
    default: node.default,
  };
}

function isPhoto(node: JsonSchemaNode): boolean {
  return (
    node.type === "object" &&
    Object.keys(node.properties ?? {})
      .sort()
      .join() === "alt,src"
  );
}

/** Sveltia's `default` must fit the widget; only plain values and lists of text are passed on. */
function defaultOf(node: JsonSchemaNode): unknown {
  const value = node.default;
  const plain = (v: unknown) => ["string", "number", "boolean"].includes(typeof v);
  if (plain(value) || (Array.isArray(value) && value.every((v) => typeof v === "string"))) return value;
  return undefined;
}

/**
 * Converts one JSON Schema property into a Sveltia field: label, hint (the description),
 * widget, required flag, pattern and limits; objects and lists recurse.
 */
export function fieldFor(
  kind: DataKind,
  path: string,
  name: string,
  raw: JsonSchemaNode,
  required: boolean,
  context: FieldContext,
): CmsField {
  const node = resolveUnion(raw);
  const key = `${kind}:${path}`;
  const base: CmsField = {
    name,
    label: labelFor(name),
    widget: "string",
    required,
    ...(node.description ? { hint: node.description } : {}),
  };
  const fallback = defaultOf(node);
  if (fallback !== undefined) base.default = fallback;
  const choices = pickLists[key] ? context[pickLists[key]] : [];
  if (choices.length > 0) {
    const multiple = node.type === "array";
    return {
      ...base,
      widget: "select",
      options: choices,
      multiple,
      ...(multiple ? { default: undefined } : {}),
    };
  }
  if (keyedBy[key]) return keyedField(kind, path, base, node, context[keyedBy[key]]);
  if (isPhoto(node)) return photoField(kind, path, base, node, context);
  switch (node.type) {
    case "object":
      if (node.properties)
        return {
          ...base,
          widget: "object",
          collapsed: !required,
          fields: fieldsOf(kind, `${path}.`, node, context),
        };
      return { ...base, widget: "keyvalue" };
    case "array":
      return listField(kind, path, base, node, context);
    case "boolean":
      return { ...base, widget: "boolean" };
    case "number":
    case "integer":
      return {
        ...base,
        widget: "number",
        value_type: node.type === "integer" ? "int" : "float",
        ...limits(node, "min", "max"),
      };
    default:
      return textField(key, base, node);
  }
}

/** Every property of an object node, in schema order. */
export function fieldsOf(
  kind: DataKind,
  prefix: string,
  node: JsonSchemaNode,
  context: FieldContext,
): CmsField[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([name, child]) =>
    fieldFor(kind, `${prefix}${name}`, name, child, required.has(name), context),
  );
}

function limits(
  node: JsonSchemaNode,
  low: "min" | "minlength",
  high: "max" | "maxlength",
): Partial<CmsField> {
  const [min, max] = low === "min" ? [node.minimum, node.maximum] : [node.minLength, node.maxLength];
  return { ...(min !== undefined ? { [low]: min } : {}), ...(max !== undefined ? { [high]: max } : {}) };
}

function textField(key: string, base: CmsField, node: JsonSchemaNode): CmsField {
  if (node.enum)
    return {
      ...base,
      widget: "select",
      options: node.enum.map((v) => ({ label: String(v), value: String(v) })),
    };
  if (node.format === "date") return { ...base, widget: "datetime", type: "date", format: "YYYY-MM-DD" };
  if (markdownFields.has(key)) return { ...base, widget: "markdown" };
  // Long copy gets a multi-line box; names, codes and addresses a single line.
  const widget = (node.maxLength ?? 0) > 300 ? "text" : "string";
  const pattern: Partial<CmsField> = node.pattern ? { pattern: [node.pattern, patternMessage(node)] } : {};
  return { ...base, widget, ...limits(node, "minlength", "maxlength"), ...pattern };
}

function listField(
  kind: DataKind,
  path: string,
  base: CmsField,
  node: JsonSchemaNode,
  context: FieldContext,
): CmsField {
  const items = resolveUnion(node.items ?? {});
  const count = node.minItems !== undefined ? { min: node.minItems } : {};
  if (items.enum)
    return {
      ...base,
      widget: "select",
      multiple: true,
      options: items.enum.map((v) => ({ label: String(v), value: String(v) })),
      ...count,
    };
  if (items.type === "object" && items.properties) {
    const fields = fieldsOf(kind, `${path}.`, items, context);
    const first = fields.find((f) => ["name", "q", "claim", "code", "id"].includes(f.name));
    return {
      ...base,
      widget: "list",
      fields,
      collapsed: true,
      ...(first ? { summary: `{{fields.${first.name}}}` } : {}),
      ...count,
    };
  }
  const item = fieldFor(kind, `${path}.*`, "item", items, true, context);
  return { ...base, widget: "list", field: { ...item, label: base.label }, ...count };
}

/** `conditionNotes`: one optional Markdown field per condition, labelled with its name. */
function keyedField(
  kind: DataKind,
  path: string,
  base: CmsField,
  node: JsonSchemaNode,
  keys: Choice[],
): CmsField {
  const value = typeof node.additionalProperties === "object" ? node.additionalProperties : {};
  const none: FieldContext = { clinics: [], conditions: [], practitioners: [] };
  const fields = keys.map((k) => ({
    ...fieldFor(kind, `${path}.*`, k.value, value, false, none),
    label: k.label,
    hint: `Shown on the ${k.label} page for this place.`,
  }));
  return { ...base, widget: "object", collapsed: true, fields, default: undefined };
}

/** A photo: the image picker uploads into the photo folder and writes the project-relative path. */
function photoField(
  kind: DataKind,
  path: string,
  base: CmsField,
  node: JsonSchemaNode,
  context: FieldContext,
): CmsField {
  const folder = photoFolders[`${kind}:${path}`] ?? "images";
  const [src, alt] = fieldsOf(kind, `${path}.`, node, context);
  const image: CmsField = { ...src!, widget: "image", media_folder: `/${folder}`, public_folder: folder };
  delete image.minlength;
  delete image.maxlength;
  return { ...base, widget: "object", collapsed: !base.required, fields: [image, alt!] };
}
