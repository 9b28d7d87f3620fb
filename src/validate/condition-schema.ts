import { z } from "zod";
import { evidenceScope } from "./evidence-schema.ts";
import { dateField, faqItem, idField, text } from "./fields.ts";

/** ICD-10-CM codes retired by the CDC, with their replacements. */
export const retiredIcd10: Record<string, string> = {
  "M54.5": "M54.50, M54.51 or M54.59 (M54.5 was retired on 2021-10-01)",
};

const icd10Code = z
  .string({ error: 'expected an ICD-10-CM code in quotes, e.g. "M96.1"' })
  .regex(/^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$/, {
    error: 'expected an ICD-10-CM code such as "M96.1" or "M54.50"',
  })
  .superRefine((code, ctx) => {
    const replacement = retiredIcd10[code];
    if (replacement) ctx.addIssue({ code: "custom", message: `is a retired code; use ${replacement}` });
  });

const citation = z
  .object({
    authors: text(3, 300).meta({ description: "Authors as cited, e.g. 'Vickers AJ, Vertosick EA, et al.'" }),
    title: text(10, 400).meta({
      description: "The study's title as published.",
      examples: ["Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis"],
    }),
    journal: text(3, 200).meta({ description: "The journal's name.", examples: ["The Journal of Pain"] }),
    year: z
      .number({ error: "expected a four-digit year" })
      .int()
      .min(1900)
      .max(2100)
      .meta({ description: "Year of publication.", examples: [2018] }),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, {
        error: 'expected a DOI such as "10.1016/j.jpain.2017.11.005" (without https://doi.org/)',
      })
      .optional()
      .meta({
        description: "The study's DOI, without https://doi.org/.",
        examples: ["10.1016/j.jpain.2017.11.005"],
      }),
    pmid: z
      .union([z.number().int().positive(), z.string().regex(/^\d{4,9}$/)], {
        error: "expected a PubMed id made of digits",
      })
      .transform(String)
      .optional()
      .meta({ description: "The PubMed id.", examples: ["26425130"] }),
  })
  .strict()
  .refine((c) => c.doi !== undefined || c.pmid !== undefined, {
    error: "give a doi or a pmid so readers can find the study",
    path: ["doi"],
  })
  .meta({ description: "The published study, with a DOI or PubMed id." });

/** conditions/<slug>.md front matter: one condition treated. The Markdown body is the long explanation. */
export const conditionSchema = z
  .object({
    name: text(3, 100).meta({ description: "Clinical name.", examples: ["Failed Back Surgery Syndrome"] }),
    shortName: text(3, 60)
      .optional()
      .meta({ description: "Name used in titles and headings.", examples: ["Failed Back Surgery"] }),
    alternateNames: z
      .array(text(2, 100))
      .default([])
      .meta({
        description: "Other names patients and doctors use.",
        examples: [["Post-laminectomy syndrome"]],
      }),
    slug: idField.optional().meta({ description: "Overrides the slug taken from the file name." }),
    searchPhrase: text(3, 80).meta({
      description: "What patients type, used in intro copy.",
      examples: ["failed back surgery"],
    }),
    icd10: z
      .array(
        z
          .object({
            code: icd10Code.meta({ description: "Current ICD-10-CM code, in quotes.", examples: ["M96.1"] }),
            description: text(3, 200).meta({
              description: "The code's official description.",
              examples: ["Postlaminectomy syndrome, not elsewhere classified"],
            }),
          })
          .strict(),
      )
      .min(1, { error: "list at least one ICD-10-CM code" })
      .meta({
        description: "ICD-10-CM codes for the condition (schema.org MedicalCode).",
        examples: [[{ code: "M96.1", description: "Postlaminectomy syndrome, not elsewhere classified" }]],
      }),
    summary: text(40, 600).meta({ description: "One or two sentences opening the explanation." }),
    citySummary: text(40, 600).optional().meta({
      description:
        "A short summary shown on this condition's city pages, which link to the hub for the rest; defaults to summary.",
    }),
    benefits: z
      .array(text(10, 400))
      .min(2, { error: "list at least two benefits" })
      .meta({ description: "Shown as a numbered list." }),
    evidence: z
      .array(
        z
          .object({
            claim: text(20, 600).meta({ description: "What the study found, in careful words." }),
            citation,
            scope: evidenceScope,
          })
          .strict(),
      )
      .min(1, { error: "cite at least one published study" })
      .meta({ description: "What published studies found, each with its citation." }),
    visit: text(40, 2500).meta({ description: "What a visit is like." }),
    sessions: text(20, 1000).meta({ description: "Typical course of sessions." }),
    faq: z
      .array(faqItem)
      .default([])
      .meta({ description: "General questions and answers, shown and marked up on the condition hub." }),
    reviewer: idField.meta({ description: "Id of the practitioner who reviewed this copy." }),
    lastReviewed: dateField.meta({ description: "Date of the last medical review." }),
    related: z.array(idField).default([]).meta({ description: "Ids of related conditions." }),
  })
  .strict();

export type ConditionData = z.infer<typeof conditionSchema>;
