import { z } from "zod";
import { idField, text } from "./fields.ts";

/**
 * What acupuncture can be compared with in a study. The order is the order they are listed on
 * the page; the labels are what readers see ("compared with sham acupuncture and usual care").
 */
export const comparisonLabels = {
  sham: "sham acupuncture",
  "usual-care": "usual care",
  "no-treatment": "no treatment",
  drugs: "drugs",
  "other-treatment": "other treatments",
  "other-acupuncture": "other acupuncture",
  none: "nothing (no control group)",
} as const;

export type Comparison = keyof typeof comparisonLabels;

const comparisonIds = Object.keys(comparisonLabels) as [Comparison, ...Comparison[]];

const comparison = z
  .enum(comparisonIds, { error: `expected one of ${comparisonIds.join(", ")}` })
  .meta({ description: "One kind of comparison group in the study.", examples: ["sham"] });

/**
 * What a cited study covered, so the page can show it beside the citation and the build can
 * tell when a study is cited outside its scope or summarized with more confidence than it has.
 */
export const evidenceScope = z
  .object({
    covers: text(10, 300).meta({
      description:
        "What the study was and who was in it, in plain words; shown beside the citation after 'Scope:'.",
      examples: [
        "39 randomized trials in non-specific back and neck pain, osteoarthritis, headache and shoulder pain",
      ],
    }),
    conditions: z.array(idField).meta({
      description:
        "Ids of this site's conditions the study covered ([] if none). Citing it on any other condition " +
        "gives a warning unless the claim says, in words, that the study did not include them.",
      examples: [["chronic-low-back-pain", "neck-pain"]],
    }),
    notIncluded: text(5, 200)
      .optional()
      .meta({
        description:
          "People a reader of this page might assume were studied but were not; " +
          "shown as 'it did not include …'.",
        examples: ["people with pain after spine surgery"],
      }),
    comparison: z
      .array(comparison)
      .min(1, { error: `list what acupuncture was compared with: ${comparisonIds.join(", ")}` })
      .meta({
        description:
          `What acupuncture was compared with: ${comparisonIds.join(", ")}. Claims with cause-and-effect ` +
          'verbs ("improves", "reduces") need a comparison other than other-acupuncture or none.',
        examples: [["sham", "usual-care"]],
      }),
    certainty: text(10, 400).meta({
      description:
        "The authors' own words on how certain the finding is or its main limitation, copied from the " +
        "abstract; shown in quotes.",
      examples: ["no conclusive evidence of the effectiveness and safety of acupuncture"],
    }),
  })
  .strict()
  .meta({ description: "What the study covered and how sure its authors were; shown beside the citation." });

export type EvidenceScope = z.infer<typeof evidenceScope>;
