import { DataError, type Problem } from "../problems.ts";
import type { Condition, Location, Model } from "../validate/index.ts";
import { kmTo, nearestNeighbours } from "./geo.ts";
import { checkPatterns, defaultPatterns, fitPattern, type PatternKind, type Vars } from "./patterns.ts";
import { descriptionRange, titleMax } from "../rules/limits.ts";
import { conditionHubPath } from "../rules/urls.ts";
import { regionName } from "./regions.ts";
import type {
  ConditionLocationPage, ConditionPage, Crumb, HomePage, LocationPage, LocationsPage,
  NearbyLink, NotFoundPage, Page, Plan, RegionGroup,
} from "./types.ts";

export type * from "./types.ts";

/** How many nearby locations a page links to. */
export const nearbyCount = 5;

/** The page graph: pure data from the validated model. Throws DataError on URL collisions. */
export function buildPlan(model: Model): { plan: Plan; warnings: Problem[] } {
  const ctx = new PlanContext(model);
  const byKind = {
    home: [ctx.home()],
    locations: [ctx.locationsIndex()],
    location: model.locations.map((l) => ctx.locationHub(l)),
    condition: model.conditions.map((c) => ctx.conditionHub(c)),
    conditionLocation: model.conditions.flatMap((c) => ctx.offering(c).map((l) => ctx.conditionLocation(c, l))),
    notFound: [ctx.notFound()],
  };
  const pages: Page[] = [...byKind.home, ...byKind.locations, ...byKind.location, ...byKind.condition, ...byKind.conditionLocation, ...byKind.notFound];
  const collisions = findCollisions(pages);
  if (collisions.length > 0 || ctx.patternProblems.length > 0) throw new DataError([...ctx.patternProblems, ...collisions]);
  return { plan: { pages, byKind }, warnings: ctx.warnings };
}

function findCollisions(pages: Page[]): Problem[] {
  const seen = new Map<string, Page>();
  const problems: Problem[] = [];
  for (const page of pages) {
    const first = seen.get(page.url);
    if (first) {
      problems.push({ file: page.sources[0] ?? "site.yaml", field: "slug", message: `its page ${page.url} collides with the page from ${first.sources[0] ?? "site.yaml"}`, hint: "give one of the files a different slug" });
    } else seen.set(page.url, page);
  }
  return problems;
}

class PlanContext {
  readonly warnings: Problem[] = [];
  readonly patternProblems: Problem[] = [];
  private readonly origin: string;
  private readonly locationsById: Map<string, Location>;
  private readonly conditionsById: Map<string, Condition>;
  private readonly offeringByCondition = new Map<string, Location[]>();
  private readonly nearbyByCondition = new Map<string, Map<string, Array<{ id: string; km: number }>>>();
  private readonly nearbyAll: Map<string, Array<{ id: string; km: number }>>;
  private readonly checkedPatterns = new Set<string>();

  constructor(private readonly model: Model) {
    this.origin = model.site.baseUrl.replace(/\/+$/, "");
    this.locationsById = new Map(model.locations.map((l) => [l.id, l]));
    this.conditionsById = new Map(model.conditions.map((c) => [c.id, c]));
    for (const condition of model.conditions) {
      this.offeringByCondition.set(condition.id, model.locations.filter((l) => l.conditions.includes(condition.id)));
    }
    this.nearbyAll = nearestNeighbours(model.locations.map(toPlace), nearbyCount);
  }

  offering(condition: Condition): Location[] {
    return this.offeringByCondition.get(condition.id) ?? [];
  }

  private nearbyFor(condition: Condition, location: Location): NearbyLink[] {
    let table = this.nearbyByCondition.get(condition.id);
    if (!table) {
      table = nearestNeighbours(this.offering(condition).map(toPlace), nearbyCount);
      this.nearbyByCondition.set(condition.id, table);
    }
    return this.toNearby(table.get(location.id) ?? [], (l) => this.conditionLocationUrl(condition, l));
  }

  private toNearby(list: Array<{ id: string; km: number }>, url: (l: Location) => string): NearbyLink[] {
    return list.map(({ id, km }) => ({
      location: id,
      url: url(this.locationsById.get(id)!),
      distance: Math.round(kmTo(this.model.site.units, km) * 10) / 10,
    }));
  }

  conditionHubUrl(condition: Condition): string {
    return conditionHubPath(this.model.site.therapy.slug, condition.id);
  }

  conditionLocationUrl(condition: Condition, location: Location): string {
    return `${this.conditionHubUrl(condition)}${location.id}/`;
  }

  locationHubUrl(location: Location): string {
    return `/locations/${location.id}/`;
  }

  private base(kind: PatternKind, url: string, vars: Vars, sources: string[]) {
    const titles = this.patterns("title", kind, vars);
    const descriptions = this.patterns("description", kind, vars);
    const title = fitPattern(titles, vars, 1, titleMax);
    const description = fitPattern(descriptions, vars, descriptionRange[0], descriptionRange[1]);
    if (!title.fits) this.warn(sources, url, "title", `"${title.text}" is ${title.text.length} characters; search results show about ${titleMax}`, "add a shorter title pattern in site.yaml patterns.title, or a shortName");
    if (!description.fits) this.warn(sources, url, "description", `"${description.text}" is ${description.text.length} characters; aim for ${descriptionRange[0]}–${descriptionRange[1]}`, "adjust site.yaml patterns.description");
    return { url, canonical: `${this.origin}${url}`, title: title.text, description: description.text, sources, indexable: true };
  }

  private patterns(field: "title" | "description", kind: PatternKind, vars: Vars): string[] {
    const candidates = this.model.site.patterns?.[field]?.[kind] ?? defaultPatterns[field][kind];
    const key = `${field}.${kind}`;
    if (!this.checkedPatterns.has(key)) {
      this.checkedPatterns.add(key);
      this.patternProblems.push(...checkPatterns(kind, field, candidates, vars));
    }
    return candidates;
  }

  private warn(sources: string[], url: string, field: string, message: string, hint: string) {
    this.warnings.push({ file: sources[0] ?? "site.yaml", field, message: `${url} ${message}`, hint });
  }

  private siteVars(): Vars {
    const { site } = this.model;
    return { therapy: site.therapy.name, therapyLower: site.therapy.name.toLowerCase(), brand: site.organization.name };
  }

  private conditionVars(condition: Condition): Vars {
    return { condition: condition.shortName, conditionName: condition.name, phrase: condition.searchPhrase };
  }

  private locationVars(location: Location): Vars {
    const clinic = this.model.site.clinics.find((c) => c.id === location.clinic)!;
    return { city: location.name, region: location.region, clinic: clinic.name };
  }

  private crumbs(...trail: Crumb[]): Crumb[] {
    return [{ name: "Home", url: "/" }, ...trail];
  }

  conditionLocation(condition: Condition, location: Location): ConditionLocationPage {
    const url = this.conditionLocationUrl(condition, location);
    const vars = { ...this.siteVars(), ...this.conditionVars(condition), ...this.locationVars(location) };
    const h1 = `${vars.therapy} for ${condition.shortName} in ${location.name}, ${location.region}`;
    return {
      kind: "conditionLocation",
      ...this.base("conditionLocation", url, vars, [location.file, condition.file]),
      h1,
      condition: condition.id,
      location: location.id,
      clinic: location.clinic,
      breadcrumbs: this.crumbs({ name: `${vars.therapy} for ${condition.shortName}`, url: this.conditionHubUrl(condition) }, { name: `${location.name}, ${location.region}`, url }),
      lastmod: latestDate([location.updated, condition.lastReviewed]),
      nearby: this.nearbyFor(condition, location),
      related: this.relatedLinks(condition, location),
    };
  }

  private relatedLinks(condition: Condition, location?: Location): Crumb[] {
    return condition.related.map((id) => {
      const other = this.conditionsById.get(id)!;
      const local = location && location.conditions.includes(id);
      return { name: other.shortName, url: local ? this.conditionLocationUrl(other, location) : this.conditionHubUrl(other) };
    });
  }

  conditionHub(condition: Condition): ConditionPage {
    const url = this.conditionHubUrl(condition);
    const offering = this.offering(condition);
    const vars = { ...this.siteVars(), ...this.conditionVars(condition), count: String(offering.length) };
    return {
      kind: "condition",
      ...this.base("condition", url, vars, [condition.file]),
      h1: `${vars.therapy} for ${condition.shortName}`,
      condition: condition.id,
      breadcrumbs: this.crumbs({ name: `${vars.therapy} for ${condition.shortName}`, url }),
      lastmod: latestDate([condition.lastReviewed, ...offering.map((l) => l.updated)]),
      regions: groupByRegion(offering, (l) => this.conditionLocationUrl(condition, l)),
      related: this.relatedLinks(condition),
    };
  }

  locationHub(location: Location): LocationPage {
    const url = this.locationHubUrl(location);
    const conditions = location.conditions.map((id) => this.conditionsById.get(id)!);
    const vars = { ...this.siteVars(), ...this.locationVars(location) };
    return {
      kind: "location",
      ...this.base("location", url, vars, [location.file]),
      h1: `${vars.therapy} in ${location.name}, ${location.region}`,
      location: location.id,
      clinic: location.clinic,
      breadcrumbs: this.crumbs({ name: "Locations", url: "/locations/" }, { name: `${location.name}, ${location.region}`, url }),
      lastmod: latestDate([location.updated, ...conditions.map((c) => c.lastReviewed)]),
      conditions: conditions.map((c) => ({ id: c.id, name: c.shortName, url: this.conditionLocationUrl(c, location) })),
      nearby: this.toNearby(this.nearbyAll.get(location.id) ?? [], (l) => this.locationHubUrl(l)),
    };
  }

  locationsIndex(): LocationsPage {
    const { locations } = this.model;
    const regions = groupByRegion(locations, (l) => this.locationHubUrl(l));
    const vars = { ...this.siteVars(), count: String(locations.length), regions: listText(regions.map((r) => r.name)) };
    return {
      kind: "locations",
      ...this.base("locations", "/locations/", vars, ["locations/"]),
      h1: "Locations we serve",
      breadcrumbs: this.crumbs({ name: "Locations", url: "/locations/" }),
      lastmod: latestDate(locations.map((l) => l.updated)),
      regions,
    };
  }

  home(): HomePage {
    const { site, locations, conditions } = this.model;
    const regions = groupByRegion(locations, (l) => this.locationHubUrl(l));
    const vars: Vars = {
      ...this.siteVars(),
      count: String(locations.length),
      clinicCount: String(site.clinics.length),
      regions: listText(regions.map((r) => r.name)),
      conditions: listText(conditions.slice(0, 3).map((c) => c.shortName.toLowerCase())),
    };
    return {
      kind: "home",
      ...this.base("home", "/", vars, ["site.yaml"]),
      h1: site.organization.tagline ?? `${site.therapy.name} at ${site.organization.name}`,
      breadcrumbs: [{ name: "Home", url: "/" }],
      lastmod: latestDate([...locations.map((l) => l.updated), ...conditions.map((c) => c.lastReviewed)]),
      conditions: conditions.map((c) => ({ id: c.id, name: c.shortName, url: this.conditionHubUrl(c) })),
      regions,
    };
  }

  notFound(): NotFoundPage {
    const { site } = this.model;
    return {
      kind: "notFound",
      url: "/404.html",
      canonical: `${this.origin}/404.html`,
      title: `Page not found | ${site.organization.name}`,
      description: `The page you asked for is not on the ${site.organization.name} site.`,
      h1: "We could not find that page",
      breadcrumbs: [],
      indexable: false,
      sources: ["site.yaml"],
    };
  }
}

function toPlace(location: Location) {
  return { id: location.id, lat: location.geo.lat, lng: location.geo.lng };
}

/** The latest of some YYYY-MM-DD dates ("" for none). */
export function latestDate(dates: Array<string | undefined>): string {
  return dates.reduce<string>((a, b) => (b && b > a ? b : a), "");
}

/** Groups locations by region name, regions and places in alphabetical order. */
export function groupByRegion(locations: Location[], url: (l: Location) => string): RegionGroup[] {
  const groups = new Map<string, RegionGroup>();
  for (const location of locations) {
    const name = regionName(location.region, location.country, location.regionName);
    const group = groups.get(name) ?? { region: location.region, name, links: [] };
    group.links.push({ id: location.id, name: location.name, url: url(location) });
    groups.set(name, group);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");
  return [...groups.values()].sort(byName).map((g) => ({ ...g, links: g.links.sort(byName) }));
}

/** "Florida and New Jersey", "A, B and C" */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
