import { createHash } from "node:crypto";
import type { Plan } from "../plan/index.ts";
import { distanceKm, kmTo } from "../plan/geo.ts";
import { regionName } from "../plan/regions.ts";
import type { Clinic, Condition, Location, Model, Practitioner, Site } from "../validate/index.ts";
import { directionsUrl, displayPhone, hoursTable, longDate, telHref, type HoursRow } from "./format.ts";
import { evidenceViews, type EvidenceView } from "./evidence.ts";
import { renderMarkdown } from "./markdown.ts";
import type { CardSpec, ImagePlan, PhotoSet } from "../images/plan.ts";

export interface ClinicView extends Clinic {
  phoneDisplay: string;
  telHref: string;
  hoursRows: HoursRow[];
  directionsUrl: string;
  team: Practitioner[];
}

export interface LocationView extends Location {
  html: string;
  notesHtml: Record<string, string>;
  regionFullName: string;
  /** Distance from the place to its clinic, in the site's units, one decimal. */
  clinicDistance: number;
  /** True when the clinic is in this place (same town name, or under a mile or km away). */
  clinicInTown: boolean;
}

export interface ConditionView extends Condition {
  html: string;
  visitHtml: string;
  sessionsHtml: string;
  reviewerPerson: Practitioner;
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
}

export const defaultDisclaimer =
  "This page is general information, not medical advice. Talk with your physician before starting acupuncture, especially after spine surgery, during pregnancy, or if you take blood thinners. Seek urgent care for new weakness, numbness in the groin, or loss of bladder or bowel control.";

/** Builds the render data from the model and plan. `css` is the stylesheet text, hashed for cache busting. */
export function buildRenderData(model: Model, plan: Plan, css: string): RenderData {
  const practitioners = new Map(model.site.practitioners.map((p) => [p.id, p]));
  const cssHash = createHash("sha256").update(css).digest("hex").slice(0, 10);
  return {
    site: model.site,
    plan,
    origin: model.site.baseUrl.replace(/\/+$/, ""),
    organizationPhone: { display: displayPhone(model.site.organization.phone), href: telHref(model.site.organization.phone) },
    locations: byId(model.locations.map((l) => locationView(l, model.site))),
    conditions: byId(model.conditions.map((c) => conditionView(c, practitioners, model.site.language))),
    clinics: byId(model.site.clinics.map((c) => clinicView(c, practitioners))),
    disclaimer: model.site.disclaimer ?? defaultDisclaimer,
    css: { href: `/assets/site.css?v=${cssHash}`, text: css },
    year: plan.byKind.home[0]?.lastmod?.slice(0, 4) ?? "",
    unitsLabel: model.site.units === "mi" ? "miles" : "km",
    photos: {},
    cards: {},
  };
}

function byId<T extends { id: string }>(items: T[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.id, item]));
}

function locationView(location: Location, site: Site): LocationView {
  const notesHtml = Object.fromEntries(Object.entries(location.conditionNotes).map(([id, text]) => [id, renderMarkdown(text, 3)]));
  const clinic = site.clinics.find((c) => c.id === location.clinic)!;
  const clinicDistance = Math.round(kmTo(site.units, distanceKm(location.geo, clinic.geo)) * 10) / 10;
  return {
    ...location,
    html: renderMarkdown(location.body, 3),
    notesHtml,
    regionFullName: regionName(location.region, location.country, location.regionName),
    clinicDistance,
    clinicInTown: clinic.address.locality === location.name || clinicDistance < 1,
  };
}

function conditionView(condition: Condition, practitioners: Map<string, Practitioner>, language: string): ConditionView {
  return {
    ...condition,
    html: renderMarkdown(condition.body, 3),
    visitHtml: renderMarkdown(condition.visit, 3),
    sessionsHtml: renderMarkdown(condition.sessions, 3),
    reviewerPerson: practitioners.get(condition.reviewer)!,
    reviewedOn: longDate(condition.lastReviewed, language),
    citations: evidenceViews(condition),
  };
}

function clinicView(clinic: Clinic, practitioners: Map<string, Practitioner>): ClinicView {
  return {
    ...clinic,
    phoneDisplay: displayPhone(clinic.phone),
    telHref: telHref(clinic.phone),
    hoursRows: hoursTable(clinic.hours),
    directionsUrl: directionsUrl(clinic.address),
    team: clinic.practitioners.map((id) => practitioners.get(id)!),
  };
}

/** Adds the planned photos and cards, so templates can write `<picture>` and `og:image`. */
export function withImages(data: RenderData, images: ImagePlan): RenderData {
  return { ...data, photos: Object.fromEntries(images.photos), cards: Object.fromEntries(images.cards) };
}
