// What the structured data reads: the validated model's facts, plus the few things decided before
// it (the questions each page shows, the clinic's price range, the photos made). Narrow on
// purpose, so the graph depends on the data, not on how templates view it; the render data
// satisfies these types as it is.
import type { Clinic, Condition, Location, Practitioner, Site } from "../validate/index.ts";

/** A question and its answer, as a page shows it. */
export interface QuestionInput {
  q: string;
  a: string;
}

/** A practitioner: their page carries the Person node; reviewers and teams refer to it. */
export type PersonInput = Pick<Practitioner, "id" | "name" | "credentials" | "jobTitle" | "bio" | "photo">;

/** A clinic: its page carries the full MedicalClinic node. */
export type ClinicInput = Pick<
  Clinic,
  | "id"
  | "name"
  | "phone"
  | "address"
  | "geo"
  | "hours"
  | "photo"
  | "practitioners"
  | "googleBusinessProfile"
  | "acceptingNewPatients"
  | "medicalSpecialty"
> & {
  /** "$85–$140", from the self-pay range, as the clinic page shows it. */
  priceRange?: string;
};

/** A condition: its hub and its city pages are MedicalWebPages about it. */
export type ConditionInput = Pick<
  Condition,
  "id" | "name" | "alternateNames" | "icd10" | "reviewer" | "lastReviewed" | "evidence" | "faq"
>;

/** A place served: named in areaServed; its pages mark up the local questions they show. */
export type LocationInput = Pick<Location, "id" | "name" | "region"> & {
  /** Local questions about no particular condition: on the city page. */
  generalFaq: QuestionInput[];
  /** Local questions about one condition: on that condition's page for this place. */
  faqByCondition: Record<string, QuestionInput[]>;
};

/** Everything the graph of any page may draw on, by id. */
export interface GraphInput {
  /** The site's origin without a trailing slash: every `@id` and URL starts with it. */
  origin: string;
  site: Pick<Site, "language" | "organization" | "therapy">;
  /** Absolute URL of the PNG made from an SVG logo, when there is one. */
  logoRaster?: string;
  /** The fallback image of each photo made, by source path. */
  photos: Record<string, { fallback: string }>;
  clinics: Record<string, ClinicInput>;
  practitioners: Record<string, PersonInput>;
  conditions: Record<string, ConditionInput>;
  locations: Record<string, LocationInput>;
}
