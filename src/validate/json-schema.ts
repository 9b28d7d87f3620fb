import { z } from "zod";
import { conditionSchema } from "./condition-schema.ts";
import { locationSchema } from "./location-schema.ts";
import { siteSchema } from "./site-schema.ts";

/** A JSON Schema node as zod writes it (the keywords clinic-pages reads back). */
export interface JsonSchemaNode {
  type?: string;
  title?: string;
  description?: string;
  examples?: unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  additionalProperties?: boolean | JsonSchemaNode;
  items?: JsonSchemaNode;
  minItems?: number;
  anyOf?: JsonSchemaNode[];
}

/** The JSON Schema of each kind of data file, generated from its zod schema. */
export function jsonSchemaObjects(): Record<"site" | "location" | "condition", JsonSchemaNode> {
  const toJson = (schema: z.ZodType, title: string) =>
    ({ title, ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) }) as JsonSchemaNode;
  return {
    site: toJson(siteSchema, "clinic-pages site.yaml"),
    location: toJson(locationSchema, "clinic-pages location front matter"),
    condition: toJson(conditionSchema, "clinic-pages condition front matter"),
  };
}

/** The JSON Schemas editors use to autocomplete data files, keyed by file name in schemas/. */
export function jsonSchemas(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(jsonSchemaObjects()).map(([kind, json]) => [
      `${kind}.json`,
      `${JSON.stringify(json, null, 2)}\n`,
    ]),
  );
}
