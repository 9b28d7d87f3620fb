import { Ajv } from "ajv";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureRoot, modelOf } from "../../tests/helpers.ts";
import { jsonSchemaObjects, type JsonSchemaNode } from "../validate/json-schema.ts";
import { cmsConfig, type CmsConfig } from "./config.ts";
import type { CmsField } from "./fields.ts";

const require = createRequire(import.meta.url);
const sveltiaRoot = join(dirname(require.resolve("@sveltia/cms")), "..");
const sveltiaSchema = JSON.parse(readFileSync(join(sveltiaRoot, "schema/sveltia-cms.json"), "utf8"));

/** Sveltia's own JSON Schema for its configuration, compiled with the top-level ajv (v8). */
function sveltiaValidator() {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    formats: { regex: (s: string) => isRegex(s), uri: (s: string) => URL.canParse(s) },
  });
  return ajv.compile(sveltiaSchema);
}

function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** Dotted paths of every property in a JSON Schema ("geo.lat", "faq.q"); records stop at their own name. */
function schemaPaths(node: JsonSchemaNode, prefix = ""): string[] {
  const branches = [node, ...(node.anyOf ?? []), ...(node.items ? [node.items] : [])];
  return branches.flatMap((branch) =>
    Object.entries(branch.properties ?? {}).flatMap(([name, child]) => [
      `${prefix}${name}`,
      ...schemaPaths(child, `${prefix}${name}.`),
    ]),
  );
}

function fieldPaths(fields: CmsField[], prefix = ""): Array<[string, CmsField]> {
  return fields.flatMap((f) => [
    [`${prefix}${f.name}`, f] as [string, CmsField],
    ...fieldPaths(f.fields ?? [], `${prefix}${f.name}.`),
  ]);
}

const model = modelOf(fixtureRoot);
const config = cmsConfig(model, "https://clinic.test");
const collection = (name: string) => config.collections.find((c) => c.name === name)!;
const fieldsByKind: Record<"site" | "location" | "condition", CmsField[]> = {
  location: collection("locations").fields as CmsField[],
  condition: collection("conditions").fields as CmsField[],
  site: (collection("settings").files as Array<{ fields: CmsField[] }>)[0]!.fields,
};

describe("CMS config generated from the zod schemas", () => {
  it("has every field of every schema, with its label, help text, widget, required flag and pattern", () => {
    for (const [kind, schema] of Object.entries(jsonSchemaObjects()) as Array<
      [keyof typeof fieldsByKind, JsonSchemaNode]
    >) {
      const fields = new Map(fieldPaths(fieldsByKind[kind]));
      const missing = schemaPaths(schema).filter((path) => !fields.has(path));
      expect(missing, kind).toEqual([]);
      const walk = (node: JsonSchemaNode, prefix: string) => {
        const branch = node.items ?? node;
        for (const [name, child] of Object.entries(branch.properties ?? {})) {
          const field = fields.get(`${prefix}${name}`)!;
          expect(field.label, `${kind} ${prefix}${name}`).toMatch(/\S/);
          expect(typeof field.widget).toBe("string");
          expect(field.required, `${kind} ${prefix}${name} required`).toBe(
            (branch.required ?? []).includes(name),
          );
          if (child.description) expect(field.hint, `${kind} ${prefix}${name} hint`).toBe(child.description);
          if (child.pattern && field.widget === "string")
            expect(field.pattern?.[0], `${kind} ${prefix}${name} pattern`).toBe(child.pattern);
          walk(child, `${prefix}${name}.`);
        }
      };
      walk(schema, "");
    }
  });

  it("offers the site's own ids: clinics, conditions, reviewers, and one note per condition", () => {
    const location = new Map(fieldPaths(fieldsByKind.location));
    expect(location.get("clinic")).toMatchObject({
      widget: "select",
      options: model.site.clinics.map((c) => ({ value: c.id, label: c.name })),
    });
    expect(location.get("conditions")).toMatchObject({ widget: "select", multiple: true, required: false });
    expect(location.get("conditionNotes")!.fields!.map((f) => f.name)).toEqual(
      model.conditions.map((c) => c.id),
    );
    expect(location.get("conditionNotes")!.fields!.every((f) => f.widget === "markdown" && !f.required)).toBe(
      true,
    );
    const condition = new Map(fieldPaths(fieldsByKind.condition));
    expect(condition.get("reviewer")!.options!.map((o) => o.value)).toEqual(
      model.site.practitioners.map((p) => p.id),
    );
    expect(condition.get("lastReviewed")).toMatchObject({
      widget: "datetime",
      type: "date",
      format: "YYYY-MM-DD",
    });
  });

  it("uploads photos into the photo folder and writes project-relative paths the build accepts", () => {
    const site = new Map(fieldPaths(fieldsByKind.site));
    expect(site.get("clinics.photo.src")).toMatchObject({
      widget: "image",
      media_folder: "/images/clinics",
      public_folder: "images/clinics",
    });
    expect(new Map(fieldPaths(fieldsByKind.location)).get("photo.src")).toMatchObject({
      public_folder: "images/locations",
    });
    const pattern = new RegExp(site.get("clinics.photo.src")!.pattern![0]);
    expect(pattern.test("images/clinics/red-bank.jpg")).toBe(true);
  });

  it("edits locations and conditions as folders of Markdown files and site.yaml as one file", () => {
    expect(collection("locations")).toMatchObject({
      folder: "locations",
      extension: "md",
      format: "yaml-frontmatter",
      create: true,
    });
    expect(collection("conditions")).toMatchObject({ folder: "conditions", extension: "md" });
    expect(collection("settings").files).toMatchObject([{ file: "site.yaml", format: "yaml" }]);
    expect(fieldsByKind.location.at(-1)).toMatchObject({ name: "body", widget: "markdown" });
  });

  it("patterns are valid JavaScript regular expressions that accept the schema's examples", () => {
    for (const [kind, fields] of Object.entries(fieldsByKind)) {
      for (const [path, field] of fieldPaths(fields)) {
        if (!field.pattern) continue;
        expect(isRegex(field.pattern[0]), `${kind} ${path}`).toBe(true);
        expect(field.pattern[1].length, `${kind} ${path} message`).toBeGreaterThan(10);
      }
    }
    const phone = new Map(fieldPaths(fieldsByKind.site)).get("clinics.phone")!;
    expect(new RegExp(phone.pattern![0]).test("+1-954-555-0142")).toBe(true);
    expect(phone.pattern![1]).toContain("+1-954-555-0142");
  });

  it("takes the Git backend from site.yaml, with a local-only placeholder when none is set", () => {
    expect(config.backend).toEqual({ name: "github", repo: expect.stringMatching(/^local\//) });
    const withBackend = {
      ...model,
      site: {
        ...model.site,
        cms: {
          production: false,
          backend: {
            name: "gitlab" as const,
            repo: "harbor/site",
            branch: "main",
            authUrl: "https://auth.clinic.test",
          },
        },
      },
    };
    expect(cmsConfig(withBackend, "https://clinic.test").backend).toEqual({
      name: "gitlab",
      repo: "harbor/site",
      branch: "main",
      base_url: "https://auth.clinic.test",
    });
  });
});

describe("validation against Sveltia CMS's own configuration schema", () => {
  it("uses ajv 8 (the top-level package, not eslint's nested ajv 6)", () => {
    expect(
      Number((require("ajv/package.json") as { version: string }).version.split(".")[0]),
    ).toBeGreaterThanOrEqual(8);
  });

  it("accepts the generated config", () => {
    const validate = sveltiaValidator();
    const valid = validate(JSON.parse(JSON.stringify(config)));
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toEqual([]);
    expect(valid).toBe(true);
  });

  it("rejects a config with a malformed field, so the check above means something", () => {
    const broken = JSON.parse(JSON.stringify(config)) as CmsConfig;
    (broken.collections[0]!.fields as Array<Record<string, unknown>>)[0]!.pattern = "^[a-z]+$";
    expect(sveltiaValidator()(broken)).toBe(false);
    const noBackend = JSON.parse(JSON.stringify(config)) as Partial<CmsConfig>;
    delete noBackend.backend;
    expect(sveltiaValidator()(noBackend)).toBe(false);
  });
});
