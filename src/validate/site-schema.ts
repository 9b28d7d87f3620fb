import { z } from "zod";
import { vocabulary } from "../vocabulary/vocabulary.ts";
import {
  countryField,
  dateField,
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
    id: idField.meta({
      description: "Id used by conditions' `reviewer` and clinics' `practitioners`.",
      examples: ["mara-ellison"],
    }),
    name: text(2, 100).meta({
      description: "Full name as shown in the reviewer byline.",
      examples: ["Mara Ellison"],
    }),
    credentials: text(2, 60).meta({ description: "Post-nominal credentials.", examples: ["DACM, L.Ac."] }),
    jobTitle: text(2, 100).meta({
      description: "Role at the clinic group.",
      examples: ["Clinical Director"],
    }),
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
    closes: timeField.meta({
      description: 'Closing time; "23:59" with opens "00:00" means open all day.',
      examples: ["18:00"],
    }),
  })
  .strict()
  .refine((h) => h.closes > h.opens, { error: "closes must be later than opens", path: ["closes"] });

const postalAddress = z
  .object({
    street: text(3, 120).meta({
      description: "Street address with suite.",
      examples: ["2601 E Atlantic Blvd, Suite 204"],
    }),
    locality: text(2, 80).meta({ description: "City or town.", examples: ["Pompano Beach"] }),
    region: text(2, 40).meta({ description: "State or province code.", examples: ["FL"] }),
    postalCode: text(3, 12).meta({ description: "ZIP or postal code, in quotes.", examples: ["33062"] }),
    country: countryField.meta({ description: "Two-letter country code.", examples: ["US"] }),
  })
  .strict()
  .meta({ description: "Full postal address, shown on pages and used for directions." });

const payment = z
  .object({
    insurance: z
      .array(text(2, 100))
      .default([])
      .meta({
        description: "Insurance plans accepted, as patients know them.",
        examples: [["Aetna", "Florida Blue"]],
      }),
    selfPay: z
      .object({
        from: z
          .number()
          .nonnegative()
          .meta({ description: "Lowest self-pay price of a visit.", examples: [85] }),
        to: z
          .number()
          .nonnegative()
          .meta({ description: "Highest self-pay price of a visit.", examples: [140] }),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, { error: "expected a currency code such as USD" })
          .default("USD")
          .meta({ description: "ISO 4217 currency code.", examples: ["USD"] }),
      })
      .strict()
      .refine((p) => p.to >= p.from, { error: "to must be at least from", path: ["to"] })
      .optional()
      .meta({ description: "Self-pay price range per visit; becomes priceRange in the structured data." }),
    notes: text(10, 600)
      .optional()
      .meta({ description: "Anything else about paying: HSA/FSA cards, superbills, packages." }),
  })
  .strict()
  .meta({
    description: "Cost and insurance at this clinic, shown on its page and the city pages it serves.",
  });

const clinic = z
  .object({
    id: idField.meta({ description: "Id used by locations' `clinic`.", examples: ["pompano-beach"] }),
    name: text(3, 120).meta({
      description: "The clinic's name as shown on pages.",
      examples: ["Harborlight Acupuncture Pompano Beach"],
    }),
    address: postalAddress,
    geo: geoField,
    phone: phoneField.meta({
      description: "The clinic's phone with country code, in quotes (click-to-call).",
      examples: ["+1-954-555-0142"],
    }),
    hours: z
      .array(openingHours)
      .min(1, { error: "list the clinic's opening hours" })
      .meta({ description: "Opening hours; days not listed are closed." }),
    bookingUrl: urlField.meta({
      description: "Online booking page.",
      examples: ["https://book.saltmeadow.example/pompano-beach"],
    }),
    practitioners: z
      .array(idField)
      .min(1, { error: "list at least one practitioner id" })
      .meta({ description: "Ids of practitioners who see patients here." }),
    acceptingNewPatients: z.boolean().optional().meta({ description: "Shown on pages when true." }),
    medicalSpecialty: z
      .array(
        z.string().refine(isMedicalSpecialty, {
          error: `expected a schema.org MedicalSpecialty, such as ${["Musculoskeletal", "Neurologic", "Physiotherapy", "PrimaryCare"].join(", ")}`,
        }),
      )
      .optional()
      .meta({
        description: "schema.org MedicalSpecialty values shown on the clinic card.",
        examples: [["Musculoskeletal"]],
      }),
    parking: text(5, 300)
      .optional()
      .meta({ description: "Parking or transit note shown beside the address." }),
    photo: photoField.optional(),
    googleBusinessProfile: urlField
      .refine(isGoogleProfileUrl, {
        error:
          "expected the clinic's Google Business Profile link (a google.com/maps, maps.app.goo.gl or g.page address)",
      })
      .optional()
      .meta({
        description:
          'The clinic\'s Google Business Profile (Maps) link: becomes `sameAs` in its JSON-LD and a "Reviews on Google" link. Ratings are never copied into the site.',
        examples: ["https://maps.app.goo.gl/AbCdEf123"],
      }),
    serviceRadius: z
      .number({ error: "expected a distance in the site's units, e.g. 60" })
      .positive()
      .max(1000)
      .optional()
      .meta({
        description:
          "Straight-line service radius of this clinic, in the site's `units`; overrides the site's `serviceRadius`.",
        examples: [60],
      }),
    conditions: z
      .array(idField)
      .optional()
      .meta({
        description: "Condition ids treated at this clinic; omit to treat all.",
        examples: [["sciatica", "neck-pain"]],
      }),
    payment: payment.optional(),
  })
  .strict();

/** Google Business Profile links: Maps places, short links and the legacy g.page links. */
function isGoogleProfileUrl(value: string): boolean {
  try {
    const { hostname, pathname } = new URL(value);
    if (hostname === "maps.app.goo.gl" || hostname === "g.page" || hostname === "g.co") return true;
    return (
      /(^|\.)google\.[a-z.]+$/.test(hostname) &&
      (hostname.startsWith("maps.") || pathname.startsWith("/maps"))
    );
  } catch {
    return false;
  }
}

const statements = z
  .object({
    updated: dateField.meta({
      description: "When the privacy and accessibility statements were last checked (YYYY-MM-DD).",
      examples: ["2026-11-01"],
    }),
    email: z
      .email({ error: "expected an email address such as privacy@example.com" })
      .optional()
      .meta({
        description: "Where patients write about privacy or accessibility.",
        examples: ["hello@harborlight-acupuncture.example"],
      }),
    privacy: text(20, 4000).optional().meta({
      description:
        "Extra paragraphs (Markdown) added to the privacy statement, e.g. how the booking provider handles data.",
    }),
    accessibility: text(20, 4000).optional().meta({
      description:
        "Extra paragraphs (Markdown) added to the accessibility statement, e.g. step-free access at each clinic.",
    }),
  })
  .strict()
  .meta({
    description:
      "The privacy and accessibility statement pages (/privacy/ and /accessibility/), written from the site's data plus these notes.",
  });

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
    clinic: patternList.optional(),
    clinics: patternList.optional(),
    practitioner: patternList.optional(),
    team: patternList.optional(),
  })
  .strict();

const patterns = z
  .object({
    title: patternsPerKind.optional().meta({
      description: "Title patterns per page kind.",
      examples: [
        {
          conditionLocation: [
            "{therapy} for {condition} in {city}, {region} | {brand}",
            "{therapy} for {condition} in {city}, {region}",
          ],
        },
      ],
    }),
    description: patternsPerKind.optional().meta({
      description: "Description patterns per page kind.",
      examples: [{ location: ["{therapy} near {city}, {region}: hours, directions and booking."] }],
    }),
  })
  .strict()
  .meta({ description: `Title and description patterns. Placeholders: ${placeholderList}.` });

/**
 * Default service radius, straight line. Google asks service-area businesses to stay within
 * about two hours' drive of their base; at an average 50–55 mph that is 100–110 road miles, and
 * roads run about 1.3 times the straight-line distance, so about 80 miles (130 km) as the crow flies.
 */
export const defaultServiceRadius = { mi: 80, km: 130 } as const;

/** Wrapper sentences around the data; placeholders as in patterns plus {distance} and {units}. */
export const defaultCopy = {
  cityLead:
    "Looking for {therapyLower} for {phrase} in {city}? {clinic} {whereClinic}, and its team treats {conditionLower} alongside the care you already get from your doctors.",
  locationLead: "{clinic} {whereClinic}. These are the conditions its team treats for patients from {city}.",
  inTown: "is right here in {city}",
  outOfTown: "is in {clinicCity}, {distance} {units} from {city}",
  cta: "Questions before you book? Call {clinic} or book a first visit online.",
  team: "Who you will see",
} as const;

const copyField = (key: keyof typeof defaultCopy, description: string) =>
  text(5, 400)
    .default(defaultCopy[key])
    .meta({ description, examples: [defaultCopy[key]] });

const copy = z
  .object({
    cityLead: copyField(
      "cityLead",
      "First paragraph of a condition × city page. {whereClinic} is inTown or outOfTown.",
    ),
    locationLead: copyField("locationLead", "First paragraph of a city page."),
    inTown: copyField("inTown", "Where the clinic is, when it is in the city."),
    outOfTown: copyField(
      "outOfTown",
      "Where the clinic is, when it is elsewhere; {distance} is the page's one distance.",
    ),
    cta: copyField("cta", "The booking prompt beside the buttons."),
    team: copyField("team", "Heading over the practitioner cards."),
  })
  .strict()
  .meta({
    description:
      "Sentences wrapped around the data, so pages read right for any practice (acupuncture, chiropractic, physical therapy).",
  });

/** Phrases that make unsupported absolute claims about treatment. */
export const defaultClaimPhrases = [
  "cure",
  "cures",
  "cured",
  "guaranteed",
  "proven",
  "clinically proven",
  "no side effects",
  "100% safe",
  "completely safe",
  "permanent relief",
  "miracle",
  "miraculous",
  "instant relief",
];

/** Defaults of the uniqueness gate; see README "Quality gates" for the sources. */
export const uniquenessDefaults = { fail: 0.8, warn: 0.55, minLocalFacts: 5 };

const quality = z
  .object({
    uniqueness: z
      .object({
        fail: z
          .number()
          .min(0.05)
          .max(1)
          .default(uniquenessDefaults.fail)
          .meta({
            description:
              "Jaccard similarity (0–1) to the most similar sibling page at or above which a page is a near-duplicate and fails (or gets noindex). 0.8 is the near-duplicate threshold of Lee et al., ACL 2022.",
            examples: [0.8],
          }),
        warn: z
          .number()
          .min(0.05)
          .max(1)
          .default(uniquenessDefaults.warn)
          .meta({
            description:
              "Similarity at or above which a page gets a warning: close enough to a sibling to be worth rewriting.",
            examples: [0.55],
          }),
        minLocalFacts: z
          .number()
          .int()
          .min(0)
          .max(100)
          .default(uniquenessDefaults.minLocalFacts)
          .meta({
            description:
              "Specific facts (named places, roads and exits, drive times, distances, years) a location's pages must carry that no other location's pages carry; below this its pages fail (or get noindex). 0 turns the check off.",
            examples: [5],
          }),
      })
      .strict()
      .refine((u) => u.warn <= u.fail, { error: "warn must not be above fail", path: ["warn"] })
      .default(uniquenessDefaults)
      .meta({
        description:
          "The uniqueness gate: similarity to the nearest sibling page (wording and synonym-folded wording) and the specific facts a location contributes.",
        examples: [uniquenessDefaults],
      }),
    onThin: z.enum(["fail", "noindex"], { error: 'expected "fail" or "noindex"' }).default("fail").meta({
      description:
        "What to do with pages the uniqueness gate refuses: fail the build, or publish them with noindex and leave them out of the sitemap.",
    }),
    reviewMaxAgeMonths: z
      .number()
      .int()
      .min(1)
      .max(60)
      .default(12)
      .meta({ description: "A condition page's lastReviewed may be at most this many months old." }),
    claims: z
      .object({
        phrases: z
          .array(text(2, 60))
          .default(defaultClaimPhrases)
          .meta({ description: "Unsupported claim phrases to refuse (replaces the default list)." }),
        allowInCitations: z
          .boolean()
          .default(true)
          .meta({ description: "Allow the phrases inside cited study titles." }),
      })
      .strict()
      .default({ phrases: defaultClaimPhrases, allowInCitations: true })
      .meta({
        description: "Unsupported medical claims to refuse.",
        examples: [{ phrases: ["cure", "guaranteed"], allowInCitations: true }],
      }),
    thirdPartyHosts: z
      .array(
        z.string().regex(/^[a-z0-9.-]+$/, { error: "expected a host name such as www.googletagmanager.com" }),
      )
      .default([])
      .meta({ description: "Hosts condition pages may load scripts, images or frames from." }),
  })
  .strict()
  .meta({ description: "Quality gates applied to the built pages." });

/** site.yaml: the organization, its clinics and practitioners, and page settings. */
export const siteSchema = z
  .object({
    baseUrl: urlField.meta({
      description: "Production origin, no trailing path.",
      examples: ["https://www.saltmeadow.example"],
    }),
    language: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'expected a language tag such as "en" or "en-US"' })
      .default("en-US")
      .meta({ description: "Default page language (BCP 47)." }),
    units: z
      .enum(["mi", "km"], { error: 'expected "mi" or "km"' })
      .default("mi")
      .meta({ description: "Distance units for nearby locations." }),
    organization: z
      .object({
        name: text(2, 100).meta({
          description: "The brand, used in titles, cards and JSON-LD.",
          examples: ["Harborlight Acupuncture"],
        }),
        url: urlField.meta({
          description: "The organization's main web address.",
          examples: ["https://www.harborlight-acupuncture.example/"],
        }),
        logo: text(2, 200).meta({
          description: "Logo path under templates/ or an absolute URL.",
          examples: ["/assets/logo.svg"],
        }),
        phone: phoneField.meta({
          description: "Main phone number with country code, in quotes.",
          examples: ["+1-954-555-0100"],
        }),
        sameAs: z
          .array(urlField)
          .default([])
          .meta({
            description: "Official profiles elsewhere.",
            examples: [["https://www.facebook.com/example"]],
          }),
        tagline: text(5, 160)
          .optional()
          .meta({
            description: "The home page heading.",
            examples: ["Acupuncture for back, nerve and neck pain"],
          }),
      })
      .strict()
      .meta({
        description: "The organization behind the clinics.",
        examples: [
          {
            name: "Harborlight Acupuncture",
            url: "https://www.harborlight-acupuncture.example/",
            logo: "/assets/logo.svg",
            phone: "+1-954-555-0100",
          },
        ],
      }),
    therapy: z
      .object({
        name: text(2, 60).meta({
          description: "The therapy's name in headings and titles.",
          examples: ["Acupuncture"],
        }),
        slug: idField.meta({
          description: "URL prefix of condition pages: /<slug>-for-<condition>/.",
          examples: ["acupuncture"],
        }),
        description: text(20, 600).meta({
          description: "A short paragraph about the practice, shown on the home page.",
          examples: ["A small group of licensed acupuncturists who focus on spine and nerve pain."],
        }),
        about: text(40, 3000)
          .optional()
          .meta({ description: "What the therapy is, in Markdown; shown once on each condition hub." }),
        session: text(40, 3000)
          .optional()
          .meta({ description: "How a session works, in Markdown; shown once on each condition hub." }),
        safety: text(40, 3000)
          .optional()
          .meta({ description: "Safety and side effects, in Markdown; shown on each condition hub." }),
      })
      .strict()
      .meta({ description: "The therapy every page offers." }),
    practitioners: z
      .array(practitioner)
      .min(1, { error: "list at least one practitioner" })
      .meta({
        description: "Everyone who treats patients or reviews copy.",
        examples: [
          [
            {
              id: "mara-ellison-tate",
              name: "Mara Ellison-Tate",
              credentials: "DACM, L.Ac.",
              jobTitle: "Clinical Director",
              bio: "Mara reviews every condition page.",
            },
          ],
        ],
      }),
    clinics: z
      .array(clinic)
      .min(1, { error: "list at least one clinic" })
      .meta({ description: "The clinics; every location names the one that serves it." }),
    serviceRadius: z
      .number({ error: "expected a distance in the site's units, e.g. 80" })
      .positive()
      .max(1000)
      .optional()
      .meta({
        description: `Straight-line radius a clinic serves, in \`units\`; default ${defaultServiceRadius.mi} mi or ${defaultServiceRadius.km} km (about two hours' drive).`,
        examples: [80],
      }),
    pagePolicy: z
      .enum(["warranted", "all"], { error: 'expected "warranted" or "all"' })
      .default("warranted")
      .meta({
        description:
          "warranted: build a condition × city page only when the city has a clinic offering the condition, a conditionNotes entry or local questions about it; all: every offered combination.",
      }),
    copy: copy.default(copy.parse({})),
    patterns: patterns.optional(),
    statements: statements.optional(),
    disclaimer: text(20, 800)
      .optional()
      .meta({ description: "Replaces the default consult-your-physician disclaimer." }),
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
