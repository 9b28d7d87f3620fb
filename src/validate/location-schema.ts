import { z } from "zod";
import { countryField, dateField, faqItem, geoField, idField, photoField, text } from "./fields.ts";

/** locations/<slug>.md front matter: one city or area served. The Markdown body is local copy. */
export const locationSchema = z
  .object({
    name: text(2, 80).meta({
      description: "City or area name as people write it.",
      examples: ["Pompano Beach"],
    }),
    region: text(2, 40).meta({ description: "State or province code.", examples: ["FL"] }),
    regionName: text(2, 60)
      .optional()
      .meta({ description: "Full state name, used to group hubs.", examples: ["Florida"] }),
    country: countryField.default("US").meta({ description: "Two-letter country code.", examples: ["US"] }),
    slug: idField.optional().meta({ description: "Overrides the slug taken from the file name." }),
    geo: geoField,
    clinic: idField.meta({
      description: "Id of the clinic in site.yaml that serves this place.",
      examples: ["pompano-beach"],
    }),
    neighborhoods: z
      .array(text(2, 80))
      .default([])
      .meta({
        description: "Neighborhoods served, shown on the page.",
        examples: [["Cresthaven", "Palm Aire"]],
      }),
    landmarks: z
      .array(text(2, 120))
      .default([])
      .meta({ description: "Local landmarks near the clinic or route." }),
    directions: text(20, 1500).meta({ description: "How people from this place reach the clinic." }),
    faq: z
      .array(
        faqItem.extend({
          condition: idField.optional().meta({
            description:
              "Condition id this local question is about; it then belongs to that condition's page for this place.",
            examples: ["sciatica"],
          }),
        }),
      )
      .default([])
      .meta({
        description:
          "Local questions and answers; those naming a condition go on that condition's page for this place, the rest on the city page.",
      }),
    conditions: z
      .array(idField)
      .optional()
      .meta({ description: "Condition ids offered here; omit to offer all." }),
    conditionNotes: z
      .record(idField, text(20, 3000))
      .default({})
      .meta({ description: "Local copy per condition id, shown on that condition's page for this place." }),
    photo: photoField.optional(),
    updated: dateField.meta({
      description: "When this file's facts were last checked (sitemap lastmod).",
      examples: ["2026-10-01"],
    }),
  })
  .strict();

export type LocationData = z.infer<typeof locationSchema>;
