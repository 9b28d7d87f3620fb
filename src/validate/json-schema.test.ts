import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packagePath } from "../pipeline/paths.ts";
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
    expect(location.required).toEqual(expect.arrayContaining(["name", "geo", "clinic", "directions", "updated"]));
  });
});
