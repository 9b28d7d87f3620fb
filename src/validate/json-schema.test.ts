import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packagePath } from "../rules/package-paths.ts";
import { jsonSchemas } from "./json-schema.ts";

describe("JSON Schemas for editors", () => {
  it("are up to date in schemas/ (run npm run schemas after changing a zod schema)", () => {
    for (const [name, text] of Object.entries(jsonSchemas())) {
      expect(readFileSync(packagePath(`schemas/${name}`), "utf8"), name).toBe(text);
    }
  });

  it("describe fields and refuse unknown ones", () => {
    const location = JSON.parse(jsonSchemas()["location.json"]!);
    expect(location.additionalProperties).toBe(false);
    expect(location.properties.clinic.description).toContain("clinic");
    expect(location.required).toEqual(
      expect.arrayContaining(["name", "geo", "clinic", "directions", "updated"]),
    );
  });
});

describe("editor help", () => {
  it("every field in every schema has a description", () => {
    const missing: string[] = [];
    const walk = (node: Record<string, unknown> | undefined, path: string) => {
      if (!node || typeof node !== "object") return;
      for (const [key, value] of Object.entries(
        (node.properties ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        if (!value.description) missing.push(`${path}${key}`);
        walk(value, `${path}${key}.`);
      }
      walk(node.items as Record<string, unknown> | undefined, `${path}[].`);
      if (typeof node.additionalProperties === "object")
        walk(node.additionalProperties as Record<string, unknown>, `${path}*.`);
      for (const key of ["anyOf", "allOf", "oneOf"])
        for (const branch of (node[key] ?? []) as Array<Record<string, unknown>>) walk(branch, path);
    };
    for (const [name, text] of Object.entries(jsonSchemas())) walk(JSON.parse(text), `${name}: `);
    expect(missing).toEqual([]);
  });
});
