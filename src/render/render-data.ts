import { createHash } from "node:crypto";
import { clinicPageUrl, practitionerPageUrl, type Plan } from "../plan/index.ts";
import { placeName, regionName } from "../rules/regions.ts";
import type { Clinic, Condition, Location, Model, Practitioner, Site } from "../validate/index.ts";
import { directionsUrl, hoursTable, longDate, type HoursRow } from "./format.ts";
import { displayPhone, telHref } from "../rules/phone.ts";
import { evidenceViews, type EvidenceView } from "./evidence.ts";
import { renderMarkdown } from "./markdown.ts";
import type { CardSpec, ImagePlan, PhotoSet } from "../images/plan.ts";
import { siteMaps, type SiteMaps } from "../map/site-maps.ts";

export interface ClinicView extends Clinic {
  /** Path of the clinic's own page. */
  url: string;
  phoneDisplay: string;
  telHref: string;
  hoursRows: HoursRow[];
  directionsUrl: string;
  team: PractitionerView[];
  /** "$85–$140" from payment.selfPay; the MedicalClinic's priceRange. */
  priceRange?: string;
  /** The places this clinic serves, as links to their hubs, alphabetical. */
  served: Array<{ name: string; url: string }>;
}

export interface PractitionerView extends Practitioner {
  /** Path of the practitioner's own page, where the byline links. */
  url: string;
}

type FaqItem = Location["faq"][number];

export interface LocationView extends Location {
  html: string;
  notesHtml: Record<string, string>;
  regionFullName: string;
  /** Local questions about no particular condition: shown and marked up on the city page. */
  generalFaq: FaqItem[];
  /** Local questions about one condition: shown and marked up on that condition's page here. */
  faqByCondition: Record<string, FaqItem[]>;
}

export interface ConditionView extends Condition {
  /** The short summary city pages show (citySummary, or summary). */
  citySummaryText: string;
  html: string;
  visitHtml: string;
  sessionsHtml: string;
  reviewerPerson: PractitionerView;
  reviewedOn: string;
  citations: EvidenceView[];
}

/** Everything the templates read: the plan plus per-id views, rendered once. */
export interface RenderData {
  site: Site;
  plan: Plan;
  origin: string;
  organizationPhone: { display: string; href: string };
  locations: Record<string, LocationView>;
  conditions: Record<string, ConditionView>;
  clinics: Record<string, ClinicView>;
  /** Clinic ids in site.yaml order. */
  clinicIds: string[];
  practitioners: Record<string, PractitionerView>;
  /** The therapy's shared copy (site.yaml therapy.about, session, safety), rendered once. */
  therapyHtml: { about: string; session: string; safety: string };
  disclaimer: string;
  css: { href: string; text: string };
  /** "miles" or "km", for distances in copy. */
  unitsLabel: string;
  /** Set by the preview server when the data has problems: shown on every page, never built. */
  previewError?: string;
  /** Photos by source path, and the social card of each page by page URL (filled in by the images stage). */
  photos: Record<string, PhotoSet>;
  cards: Record<string, CardSpec>;
  year: string;
  /** Ids of the clinics serving at least one place that offers each condition, by condition id. */
  clinicsByCondition: Record<string, string[]>;
  /** Maps drawn at build time (inline SVG). */
  maps: SiteMaps;
  /** Absolute URL of a PNG logo (Google wants raster logos of at least 112 px) once images are planned. */
  logoRaster?: string;
  /** The privacy and accessibility statements' extra paragraphs and contact address. */
  statements: { email?: string; privacyHtml: string; accessibilityHtml: string; updated?: string };
}

export const defaultDisclaimer =
  "This page is general information, not medical advice. Talk with your physician before starting treatment, especially after spine surgery, during pregnancy, or if you take blood thinners. Seek urgent care for new weakness, numbness in the groin, or loss of bladder or bowel control.";

/** Builds the render data from the model and plan. `css` is the stylesheet text, hashed for cache busting. */
export function buildRenderData(model: Model, plan: Plan, css: string): RenderData {
  const practitioners = new Map(
    model.site.practitioners.map((p) => [p.id, { ...p, url: practitionerPageUrl(p.id) }]),
  );
  const therapy = model.site.therapy;
  const cssHash = createHash("sha256").update(css).digest("hex").slice(0, 10);
  return {
    site: model.site,
    plan,
    origin: model.site.baseUrl.replace(/\/+$/, ""),
    organizationPhone: {
      display: displayPhone(model.site.organization.phone),
      href: telHref(model.site.organization.phone),
    },
    locations: byId(model.locations.map((l) => locationView(l))),
    conditions: byId(model.conditions.map((c) => conditionView(c, practitioners, model.site.language))),
    clinics: byId(model.site.clinics.map((c) => clinicView(c, practitioners, model.locations, plan))),
    clinicIds: model.site.clinics.map((c) => c.id),
    practitioners: Object.fromEntries(practitioners),
    therapyHtml: {
      about: therapy.about ? renderMarkdown(therapy.about, 3) : "",
      session: therapy.session ? renderMarkdown(therapy.session, 3) : "",
      safety: therapy.safety ? renderMarkdown(therapy.safety, 3) : "",
    },
    disclaimer: model.site.disclaimer ?? defaultDisclaimer,
    css: { href: `/assets/site.css?v=${cssHash}`, text: css },
    year: plan.byKind.home[0]?.lastmod?.slice(0, 4) ?? "",
    unitsLabel: model.site.units === "mi" ? "miles" : "km",
    photos: {},
    cards: {},
    clinicsByCondition: clinicsByCondition(model),
    maps: siteMaps(model),
    statements: {
      email: model.site.statements?.email,
      privacyHtml: renderMarkdown(model.site.statements?.privacy ?? "", 2),
      accessibilityHtml: renderMarkdown(model.site.statements?.accessibility ?? "", 2),
      updated: model.site.statements?.updated
        ? longDate(model.site.statements.updated, model.site.language)
        : undefined,
    },
  };
}

/** For each condition, the clinics (in site.yaml order) serving a place that offers it. */
function clinicsByCondition(model: Model): Record<string, string[]> {
  return Object.fromEntries(
    model.conditions.map((condition) => {
      const serving = new Set(
        model.locations.filter((l) => l.conditions.includes(condition.id)).map((l) => l.clinic),
      );
      return [condition.id, model.site.clinics.filter((c) => serving.has(c.id)).map((c) => c.id)];
    }),
  );
}

function byId<T extends { id: string }>(items: T[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.id, item]));
}

function locationView(location: Location): LocationView {
  const notesHtml = Object.fromEntries(
    Object.entries(location.conditionNotes).map(([id, text]) => [id, renderMarkdown(text, 3)]),
  );
  const faqByCondition: Record<string, FaqItem[]> = {};
  for (const item of location.faq) if (item.condition) (faqByCondition[item.condition] ??= []).push(item);
  return {
    ...location,
    html: renderMarkdown(location.body, 3),
    notesHtml,
    regionFullName: regionName(location.region, location.country, location.regionName),
    generalFaq: location.faq.filter((item) => !item.condition),
    faqByCondition,
  };
}

function conditionView(
  condition: Condition,
  practitioners: Map<string, PractitionerView>,
  language: string,
): ConditionView {
  return {
    ...condition,
    citySummaryText: condition.citySummary ?? condition.summary,
    html: renderMarkdown(condition.body, 3),
    visitHtml: renderMarkdown(condition.visit, 3),
    sessionsHtml: renderMarkdown(condition.sessions, 3),
    reviewerPerson: practitioners.get(condition.reviewer)!,
    reviewedOn: longDate(condition.lastReviewed, language),
    citations: evidenceViews(condition),
  };
}

function clinicView(
  clinic: Clinic,
  practitioners: Map<string, PractitionerView>,
  locations: Location[],
  plan: Plan,
): ClinicView {
  const hubs = new Map(plan.byKind.location.map((page) => [page.location, page.url]));
  const served = locations
    .filter((l) => l.clinic === clinic.id)
    .map((l) => ({ name: placeName(l), url: hubs.get(l.id) ?? "" }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
  return {
    served,
    ...clinic,
    url: clinicPageUrl(clinic.id),
    ...(clinic.payment?.selfPay ? { priceRange: priceRange(clinic.payment.selfPay) } : {}),
    phoneDisplay: displayPhone(clinic.phone),
    telHref: telHref(clinic.phone),
    hoursRows: hoursTable(clinic.hours),
    directionsUrl: directionsUrl(clinic.address),
    team: clinic.practitioners.map((id) => practitioners.get(id)!),
  };
}

const currencySymbols: Record<string, string> = { USD: "$", CAD: "CA$", EUR: "€", GBP: "£", AUD: "A$" };

/** "$85–$140"; other currencies keep their code ("CHF 90–150"). */
export function priceRange(selfPay: { from: number; to: number; currency: string }): string {
  const symbol = currencySymbols[selfPay.currency];
  const amount = (n: number) => (symbol ? `${symbol}${n}` : String(n));
  const range =
    selfPay.from === selfPay.to ? amount(selfPay.from) : `${amount(selfPay.from)}–${amount(selfPay.to)}`;
  return symbol ? range : `${selfPay.currency} ${range}`;
}

/** Adds the planned photos and cards, so templates can write `<picture>` and `og:image`. */
export function withImages(data: RenderData, images: ImagePlan): RenderData {
  const logoRaster = images.logo ? `${data.origin}${images.logo.url}` : undefined;
  return {
    ...data,
    photos: Object.fromEntries(images.photos),
    cards: Object.fromEntries(images.cards),
    logoRaster,
  };
}
