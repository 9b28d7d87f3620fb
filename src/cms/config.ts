import { jsonSchemaObjects } from "../validate/json-schema.ts";
import type { Model } from "../validate/index.ts";
import { fieldsOf, type CmsField, type FieldContext } from "./fields.ts";

/** The Sveltia CMS configuration written to /admin/config.json (see node_modules/@sveltia/cms/schema). */
export interface CmsConfig {
  backend: { name: string; repo: string; branch?: string; base_url?: string };
  app_title: string;
  site_url: string;
  media_folder: string;
  public_folder: string;
  slug: { encoding: "ascii"; clean_accents: boolean };
  output: { omit_empty_optional_fields: boolean };
  collections: Array<Record<string, unknown>>;
}

/** Project folders the CMS edits; the same paths the loader reads (src/load/index.ts). */
export const cmsFolders = {
  locations: "locations",
  conditions: "conditions",
  site: "site.yaml",
  images: "images",
} as const;

/**
 * The CMS configuration for a project, generated from the same zod schemas as schemas/*.json:
 * locations and conditions as folder collections, site.yaml as a file collection, every field
 * with its label, help text, widget, required flag and pattern. Pick lists (clinic, conditions,
 * reviewer) and the per-condition notes come from the site's own ids.
 */
export function cmsConfig(model: Model, origin: string): CmsConfig {
  const schemas = jsonSchemaObjects();
  const context: FieldContext = {
    clinics: model.site.clinics.map((c) => ({ value: c.id, label: c.name })),
    conditions: model.conditions.map((c) => ({ value: c.id, label: c.name })),
    practitioners: model.site.practitioners.map((p) => ({
      value: p.id,
      label: `${p.name}, ${p.credentials}`,
    })),
  };
  const brand = model.site.organization.name;
  return {
    backend: backendOf(model),
    app_title: `${brand}: pages editor`,
    site_url: origin,
    media_folder: cmsFolders.images,
    public_folder: cmsFolders.images,
    // File names become URL slugs, which must be lowercase ASCII letters, digits and dashes.
    slug: { encoding: "ascii", clean_accents: true },
    // An empty optional field left in a file would fail validation (an empty slug, say).
    output: { omit_empty_optional_fields: true },
    collections: [
      {
        name: "locations",
        label: "Locations",
        label_singular: "Location",
        description:
          "One file per city or area served. The local copy is what makes each city page worth indexing.",
        folder: cmsFolders.locations,
        extension: "md",
        format: "yaml-frontmatter",
        create: true,
        identifier_field: "name",
        slug: "{{name}}-{{region}}",
        summary: "{{name}}, {{region}}",
        sortable_fields: ["name", "region", "updated"],
        fields: [
          ...fieldsOf("location", "", schemas.location, context),
          bodyField(
            "Local copy",
            "A few paragraphs about serving this place: who comes from here, how they get to the clinic, what is different about it.",
          ),
        ],
      },
      {
        name: "conditions",
        label: "Conditions",
        label_singular: "Condition",
        description: "One file per condition treated. Medical copy needs a reviewer and a review date.",
        folder: cmsFolders.conditions,
        extension: "md",
        format: "yaml-frontmatter",
        create: true,
        identifier_field: "name",
        slug: "{{name}}",
        summary: "{{name}}",
        fields: [
          ...fieldsOf("condition", "", schemas.condition, context),
          bodyField(
            "Explanation",
            "The long explanation of the condition, shown on its pages. Start headings at ##.",
          ),
        ],
      },
      {
        name: "settings",
        label: "Site settings",
        files: [
          {
            name: "site",
            label: "Organization, clinics and practitioners",
            file: cmsFolders.site,
            format: "yaml",
            fields: fieldsOf("site", "", schemas.site, context),
          },
        ],
      },
    ],
  };
}

function bodyField(label: string, hint: string): CmsField {
  return { name: "body", label, widget: "markdown", required: false, hint };
}

/**
 * The Git host from site.yaml. Without one the CMS still needs a backend entry; local editing
 * ("Work with Local Repository") ignores it, and signing in on a deployed site cannot work.
 */
function backendOf(model: Model): CmsConfig["backend"] {
  const backend = model.site.cms?.backend;
  if (!backend) return { name: "github", repo: `local/${model.site.therapy.slug}-site` };
  return {
    name: backend.name,
    repo: backend.repo,
    ...(backend.branch ? { branch: backend.branch } : {}),
    ...(backend.authUrl ? { base_url: backend.authUrl } : {}),
  };
}
