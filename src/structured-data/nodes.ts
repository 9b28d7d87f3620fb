import type {
  BreadcrumbList,
  DayOfWeek,
  FAQPage,
  IdReference,
  MedicalClinic,
  MedicalCondition,
  MedicalSpecialty,
  MedicalTherapy,
  OpeningHoursSpecification,
  Organization,
  Person,
  ScholarlyArticle,
  WebSite,
} from "schema-dts";
import type { Crumb } from "../plan/index.ts";
import { shortAuthors } from "../rules/citations.ts";
import { citationLinks, clinicPageUrl, conditionHubPath, practitionerPageUrl } from "../rules/urls.ts";
import { placeName } from "../rules/regions.ts";
import { weekdayNames } from "../rules/weekdays.ts";
import type {
  ClinicInput,
  ConditionInput,
  GraphInput,
  LocationInput,
  PersonInput,
  QuestionInput,
} from "./input.ts";

/** Stable `@id`s: one per thing, on the site's origin, so pages link into one graph. */
export const ids = {
  website: (d: GraphInput) => `${d.origin}/#website`,
  organization: (d: GraphInput) => `${d.origin}/#organization`,
  therapy: (d: GraphInput) => `${d.origin}/#therapy`,
  /** The clinic's `@id` lives on its own page. */
  clinic: (d: GraphInput, id: string) => `${d.origin}${clinicPageUrl(id)}#clinic`,
  /** The practitioner's `@id` lives on their own page. */
  person: (d: GraphInput, id: string) => `${d.origin}${practitionerPageUrl(id)}#person`,
  condition: (d: GraphInput, c: ConditionInput) =>
    `${d.origin}${conditionHubPath(d.site.therapy.slug, c.id)}#condition`,
};

/** A link to a node by its `@id`. */
export const ref = (id: string): IdReference => ({ "@id": id });

/** The site, published by the organization. */
export function websiteNode(d: GraphInput): WebSite {
  return {
    "@type": "WebSite",
    "@id": ids.website(d),
    url: `${d.origin}/`,
    name: d.site.organization.name,
    inLanguage: d.site.language,
    publisher: ref(ids.organization(d)),
  };
}

/** The organization's logo as an absolute URL: the PNG made from an SVG logo when there is one. */
export function logoUrl(d: GraphInput): string {
  if (d.logoRaster) return d.logoRaster;
  const logo = d.site.organization.logo;
  return /^https?:/.test(logo) ? logo : `${d.origin}${logo}`;
}

/** The organization behind every clinic, with its logo. */
export function organizationNode(d: GraphInput): Organization {
  const org = d.site.organization;
  const logo = logoUrl(d);
  return {
    "@type": "Organization",
    "@id": ids.organization(d),
    name: org.name,
    url: org.url,
    logo,
    telephone: org.phone,
    ...(org.sameAs.length > 0 ? { sameAs: org.sameAs } : {}),
  };
}

/** The therapy the site offers; conditions name it as their possible treatment. */
export function therapyNode(d: GraphInput): MedicalTherapy {
  const therapy = d.site.therapy;
  const tcm =
    therapy.slug === "acupuncture"
      ? { medicineSystem: "https://schema.org/TraditionalChinese" as const }
      : {};
  return {
    "@type": "MedicalTherapy",
    "@id": ids.therapy(d),
    name: therapy.name,
    description: therapy.description,
    ...tcm,
  };
}

function hoursNodes(clinic: ClinicInput): OpeningHoursSpecification[] {
  return clinic.hours.map((h) => ({
    "@type": "OpeningHoursSpecification",
    dayOfWeek: h.days.map((day): DayOfWeek => `https://schema.org/${weekdayNames[day]}`),
    opens: h.opens,
    closes: h.closes,
  }));
}

/**
 * A reference to the clinic for pages that only name it and link to its page (city pages):
 * its `@id` and `url` point at the clinic page, which carries the full node.
 */
export function clinicRef(d: GraphInput, clinic: ClinicInput): MedicalClinic {
  return {
    "@type": "MedicalClinic",
    "@id": ids.clinic(d, clinic.id),
    name: clinic.name,
    url: `${d.origin}${clinicPageUrl(clinic.id)}`,
  };
}

/** The clinic, with its `url` and `@id` on its own page. */
export function clinicNode(
  d: GraphInput,
  clinic: ClinicInput,
  served?: LocationInput | LocationInput[],
): MedicalClinic {
  const areas = served === undefined ? [] : Array.isArray(served) ? served : [served];
  const areaServed = areas.map((l) => ({ "@type": "City" as const, name: placeName(l) }));
  return {
    "@type": "MedicalClinic",
    "@id": ids.clinic(d, clinic.id),
    name: clinic.name,
    url: `${d.origin}${clinicPageUrl(clinic.id)}`,
    logo: logoUrl(d),
    ...(clinic.photo && d.photos[clinic.photo.src]
      ? { image: `${d.origin}${d.photos[clinic.photo.src]!.fallback}` }
      : {}),
    telephone: clinic.phone,
    address: {
      "@type": "PostalAddress",
      streetAddress: clinic.address.street,
      addressLocality: clinic.address.locality,
      addressRegion: clinic.address.region,
      postalCode: clinic.address.postalCode,
      addressCountry: clinic.address.country,
    },
    geo: { "@type": "GeoCoordinates", latitude: clinic.geo.lat, longitude: clinic.geo.lng },
    openingHoursSpecification: hoursNodes(clinic),
    availableService: ref(ids.therapy(d)),
    parentOrganization: ref(ids.organization(d)),
    ...(clinic.googleBusinessProfile ? { sameAs: [clinic.googleBusinessProfile] } : {}),
    ...(areaServed.length === 1
      ? { areaServed: areaServed[0] }
      : areaServed.length > 1
        ? { areaServed }
        : {}),
    ...(clinic.acceptingNewPatients ? { isAcceptingNewPatients: true } : {}),
    ...(clinic.priceRange ? { priceRange: clinic.priceRange } : {}),
    ...(clinic.medicalSpecialty?.length
      ? {
          // Validation accepted only MedicalSpecialty members of the vocabulary (site-schema.ts).
          medicalSpecialty: clinic.medicalSpecialty.map((s) => `https://schema.org/${s}` as MedicalSpecialty),
        }
      : {}),
  };
}

/** A practitioner, with their page as `@id`; `withBio` on their own page, which shows it. */
export function personNode(d: GraphInput, person: PersonInput, withBio = false): Person {
  const photo = person.photo && d.photos[person.photo.src];
  return {
    "@type": "Person",
    "@id": ids.person(d, person.id),
    url: `${d.origin}${practitionerPageUrl(person.id)}`,
    name: person.name,
    honorificSuffix: person.credentials,
    jobTitle: person.jobTitle,
    worksFor: ref(ids.organization(d)),
    ...(withBio ? { description: person.bio } : {}),
    ...(photo ? { image: `${d.origin}${photo.fallback}` } : {}),
  };
}

/** `reviewedBy`: the reviewer by `@id`, carrying the URL of their page. */
export function reviewerRef(d: GraphInput, person: PersonInput): Person {
  return {
    "@type": "Person",
    "@id": ids.person(d, person.id),
    url: `${d.origin}${practitionerPageUrl(person.id)}`,
    name: person.name,
  };
}

/** The condition; `brief` (city pages, which show neither) leaves out other names and ICD-10 codes. */
export function conditionNode(d: GraphInput, condition: ConditionInput, brief = false): MedicalCondition {
  return {
    "@type": "MedicalCondition",
    "@id": ids.condition(d, condition),
    name: condition.name,
    ...(condition.alternateNames.length > 0 && !brief ? { alternateName: condition.alternateNames } : {}),
    ...(brief
      ? {}
      : {
          code: condition.icd10.map((code) => ({
            "@type": "MedicalCode" as const,
            codeValue: code.code,
            codingSystem: "ICD-10-CM",
          })),
        }),
    possibleTreatment: ref(ids.therapy(d)),
  };
}

/** The condition's cited studies, written as the page cites them. */
export function citationNodes(condition: ConditionInput): ScholarlyArticle[] {
  return condition.evidence.map(({ citation }) => ({
    "@type": "ScholarlyArticle",
    headline: citation.title,
    // Shortened as on the page: the graph shows only what the page shows.
    author: shortAuthors(citation.authors),
    datePublished: String(citation.year),
    isPartOf: { "@type": "Periodical", name: citation.journal },
    sameAs: citationLinks(citation),
  }));
}

/** The breadcrumb trail the page shows, with absolute item URLs. */
export function breadcrumbNode(d: GraphInput, id: string, crumbs: Crumb[]): BreadcrumbList {
  return {
    "@type": "BreadcrumbList",
    "@id": id,
    itemListElement: crumbs.map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.name,
      item: `${d.origin}${crumb.url}`,
    })),
  };
}

/** The questions and answers the page shows. */
export function faqNode(id: string, items: QuestionInput[]): FAQPage {
  return {
    "@type": "FAQPage",
    "@id": id,
    mainEntity: items.map((item) => ({
      "@type": "Question",
      name: item.q,
      acceptedAnswer: { "@type": "Answer", text: item.a },
    })),
  };
}
