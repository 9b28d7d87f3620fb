import { z } from "zod";
import { vocabulary } from "../structured-data/vocabulary.ts";
import {
  countryField,
  geoField,
  idField,
  photoField,
  phoneField,
  text,
  timeField,
  urlField,
} from "./fields.ts";
import { cmsSettingsSchema, indexNowSettingsSchema } from "./integrations-schema.ts";
import { placeholderList } from "../rules/placeholders.ts";
import { weekdays } from "../rules/weekdays.ts";

const practitioner = z
  .object({
    id: idField.meta({ description: "Id used by conditions' `reviewer` and clinics' `practitioners`.", examples: ["mara-ellison"] }),
    name: text(2, 100).meta({ description: "Full name as shown in the reviewer byline.", examples: ["Mara Ellison"] }),
    credentials: text(2, 60).meta({ description: "Post-nominal credentials.", examples: ["DACM, L.Ac."] }),
    jobTitle: text(2, 100).meta({ description: "Role at the clinic group.", examples: ["Clinical Director"] }),
    bio: text(20, 1500).meta({ description: "A short biography shown with the byline." }),
    photo: photoField.optional(),
  })
  .strict();

const openingHours = z
  .object({
    days: z
      .array(z.enum(weekdays, { error: `expected one of ${weekdays.join(", ")}` }))
      .min(1, { error: "list at least one day" })
      .meta({ description: "Days these hours apply to.", examples: [["Mo", "We", "Fr"]] }),
    opens: timeField.meta({ description: "Opening time, 24-hour clock.", examples: ["09:00"] }),
    closes: timeField.meta({ description: 'Closing time; "23:59" with opens "00:00" means open all day.', examples: ["18:00"] }),
  })
  .strict()
  .refine((h) => h.closes > h.opens, { error: "closes must be later than opens", path: ["closes"] });

const postalAddress = z
  .object({
    street: text(3, 120).meta({ description: "Street address with suite.", examples: ["2601 E Atlantic Blvd, Suite 204"] }),
    locality: text(2, 80).meta({ description: "City or town.", examples: ["Pompano Beach"] }),
    region: text(2, 40).meta({ description: "State or province code.", examples: ["FL"] }),
    postalCode: text(3, 12).meta({ description: "ZIP or postal code, in quotes.", examples: ["33062"] }),
    country: countryField.meta({ description: "Two-letter country code.", examples: ["US"] }),
  })
  .strict()
  .meta({ description: "Full postal address, shown on pages and used for directions." });

const clinic = z
  .object({
    id: idField.meta({ description: "Id used by locations' `clinic`.", examples: ["pompano-beach"] }),
    name: text(3, 120).meta({ description: "The clinic's name as shown on pages.", examples: ["Harborlight Acupuncture Pompano Beach"] }),
    address: postalAddress,
    geo: geoField,
    phone: phoneField.meta({ description: "The clinic's phone with country code, in quotes (click-to-call).", examples: ["+1-954-555-0142"] }),
    hours: z.array(openingHours).min(1, { error: "list the clinic's opening hours" }).meta({ description: "Opening hours; days not listed are closed." }),
    bookingUrl: urlField.meta({ description: "Online booking page.", examples: ["https://book.saltmeadow.example/pompano-beach"] }),
    practitioners: z.array(idField).min(1, { error: "list at least one practitioner id" }).meta({ description: "Ids of practitioners who see patients here." }),
    acceptingNewPatients: z.boolean().optional().meta({ description: "Shown on pages when true." }),
    medicalSpecialty: z
      .array(
        z.string().refine(isMedicalSpecialty, {
          error: `expected a schema.org MedicalSpecialty, such as ${["Musculoskeletal", "Neurologic", "Physiotherapy", "PrimaryCare"].join(", ")}`,
        }),
      )
      .optional()
      .meta({ description: "schema.org MedicalSpecialty values shown on the clinic card.", examples: [["Musculoskeletal"]] }),
    parking: text(5, 300).optional().meta({ description: "Parking or transit note shown beside the address." }),
    photo: photoField.optional(),
  })
  .strict();

const patternList = z
  .array(text(3, 200))
  .min(1)
  .meta({ description: "Candidates tried in order; the first that fits the length limit wins." });

/** One pattern list per page kind. */
const patternsPerKind = z
  .object({
    conditionLocation: patternList.optional(),
    condition: patternList.optional(),
    location: patternList.optional(),
    locations: patternList.optional(),
    home: patternList.optional(),
  })
  .strict();

const patterns = z
  .object({
    title: patternsPerKind.optional().meta({ description: "Title patterns per page kind.", examples: [{ conditionLocation: ["{therapy} for {condition} in {city}, {region} | {brand}", "{therapy} for {condition} in {city}, {region}"] }] }),
    description: patternsPerKind.optional().meta({ description: "Description patterns per page kind.", examples: [{ location: ["{therapy} near {city}, {region}: hours, directions and booking."] }] }),
  })
  .strict()
  .meta({ description: `Title and description patterns. Placeholders: ${placeholderList}.` });

/** Phrases that make unsupported absolute claims about treatment. */
export const defaultClaimPhrases = [
  "cure", "cures", "cured", "guaranteed", "proven", "clinically proven", "no side effects",
  "100% safe", "completely safe", "permanent relief", "miracle", "miraculous", "instant relief",
];

const quality = z
  .object({
    uniqueness: z
      .object({
        min: z.number().min(0).max(1).default(0.15).meta({ description: "Pages whose share of unique 5-word shingles (against their most similar sibling) is below this fail or are de-indexed." }),
        warn: z.number().min(0).max(1).default(0.25).meta({ description: "Pages below this get a warning in the report." }),
      })
      .strict()
      .default({ min: 0.15, warn: 0.25 })
      .meta({ description: "The uniqueness bar, as shares of unique text (0–1).", examples: [{ min: 0.15, warn: 0.25 }] }),
    onThin: z.enum(["fail", "noindex"], { error: 'expected "fail" or "noindex"' }).default("fail").meta({ description: "What to do with pages under uniqueness.min: fail the build, or publish them with noindex and leave them out of the sitemap." }),
    reviewMaxAgeMonths: z.number().int().min(1).max(60).default(12).meta({ description: "A condition page's lastReviewed may be at most this many months old." }),
    claims: z
      .object({
        phrases: z.array(text(2, 60)).default(defaultClaimPhrases).meta({ description: "Unsupported claim phrases to refuse (replaces the default list)." }),
        allowInCitations: z.boolean().default(true).meta({ description: "Allow the phrases inside cited study titles." }),
      })
      .strict()
      .default({ phrases: defaultClaimPhrases, allowInCitations: true })
      .meta({ description: "Unsupported medical claims to refuse.", examples: [{ phrases: ["cure", "guaranteed"], allowInCitations: true }] }),
    thirdPartyHosts: z.array(z.string().regex(/^[a-z0-9.-]+$/, { error: "expected a host name such as www.googletagmanager.com" })).default([]).meta({ description: "Hosts condition pages may load scripts, images or frames from." }),
  })
  .strict()
  .meta({ description: "Quality gates applied to the built pages." });

/** site.yaml: the organization, its clinics and practitioners, and page settings. */
export const siteSchema = z
  .object({
    baseUrl: urlField.meta({ description: "Production origin, no trailing path.", examples: ["https://www.saltmeadow.example"] }),
    language: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'expected a language tag such as "en" or "en-US"' })
      .default("en-US")
      .meta({ description: "Default page language (BCP 47)." }),
    units: z.enum(["mi", "km"], { error: 'expected "mi" or "km"' }).default("mi").meta({ description: "Distance units for nearby locations." }),
    organization: z
      .object({
        name: text(2, 100).meta({ description: "The brand, used in titles, cards and JSON-LD.", examples: ["Harborlight Acupuncture"] }),
        url: urlField.meta({ description: "The organization's main web address.", examples: ["https://www.harborlight-acupuncture.example/"] }),
        logo: text(2, 200).meta({ description: "Logo path under templates/ or an absolute URL.", examples: ["/assets/logo.svg"] }),
        phone: phoneField.meta({ description: "Main phone number with country code, in quotes.", examples: ["+1-954-555-0100"] }),
        sameAs: z.array(urlField).default([]).meta({ description: "Official profiles elsewhere.", examples: [["https://www.facebook.com/example"]] }),
        tagline: text(5, 160).optional().meta({ description: "The home page heading.", examples: ["Acupuncture for back, nerve and neck pain"] }),
      })
      .strict()
      .meta({ description: "The organization behind the clinics.", examples: [{ name: "Harborlight Acupuncture", url: "https://www.harborlight-acupuncture.example/", logo: "/assets/logo.svg", phone: "+1-954-555-0100" }] }),
    therapy: z
      .object({
        name: text(2, 60).meta({ description: "The therapy's name in headings and titles.", examples: ["Acupuncture"] }),
        slug: idField.meta({ description: "URL prefix of condition pages: /<slug>-for-<condition>/.", examples: ["acupuncture"] }),
        description: text(20, 600).meta({ description: "A short paragraph about the practice, shown on the home page.", examples: ["A small group of licensed acupuncturists who focus on spine and nerve pain."] }),
      })
      .strict()
      .meta({ description: "The therapy every page offers." }),
    practitioners: z.array(practitioner).min(1, { error: "list at least one practitioner" }).meta({ description: "Everyone who treats patients or reviews copy.", examples: [[{ id: "mara-ellison-tate", name: "Mara Ellison-Tate", credentials: "DACM, L.Ac.", jobTitle: "Clinical Director", bio: "Mara reviews every condition page." }]] }),
    clinics: z.array(clinic).min(1, { error: "list at least one clinic" }).meta({ description: "The clinics; every location names the one that serves it." }),
    patterns: patterns.optional(),
    disclaimer: text(20, 800).optional().meta({ description: "Replaces the default consult-your-physician disclaimer." }),
    quality: quality.default(quality.parse({})),
    cms: cmsSettingsSchema.optional(),
    indexNow: indexNowSettingsSchema.optional(),
  })
  .strict();

export type Site = z.infer<typeof siteSchema>;
export type Clinic = Site["clinics"][number];
export type Practitioner = Site["practitioners"][number];
export type OpeningHours = Clinic["hours"][number];
export type QualitySettings = Site["quality"];
export type PageKindPatterns = NonNullable<NonNullable<Site["patterns"]>["title"]>;

function isMedicalSpecialty(value: string): boolean {
  const vocab = vocabulary();
  return (vocab.members[value] ?? []).includes("MedicalSpecialty") && !vocab.superseded[value];
}
