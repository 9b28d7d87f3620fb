import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packagePath } from "../rules/package-paths.ts";
import { jsonSchemas } from "../validate/json-schema.ts";

const dir = packagePath("schemas");
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemas())) writeFileSync(join(dir, name), text);
console.log(`Wrote ${Object.keys(jsonSchemas()).length} JSON Schemas to ${dir}`);
