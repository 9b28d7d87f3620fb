import { z } from "zod";
import { conditionSchema } from "./condition-schema.ts";
import { locationSchema } from "./location-schema.ts";
import { siteSchema } from "./site-schema.ts";

/** The JSON Schemas editors use to autocomplete data files, keyed by file name in schemas/. */
export function jsonSchemas(): Record<string, string> {
  const entries = [
    ["site.json", siteSchema, "clinic-pages site.yaml"],
    ["location.json", locationSchema, "clinic-pages location front matter"],
    ["condition.json", conditionSchema, "clinic-pages condition front matter"],
  ] as const;
  return Object.fromEntries(
    entries.map(([name, schema, title]) => {
      const json = { title, ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) };
      return [name, `${JSON.stringify(json, null, 2)}\n`];
    }),
  );
}
