import { DataError, type Problem } from "../problems.ts";
import type { Clinic, Condition, Location, Model, Practitioner } from "../validate/index.ts";
import { nearestNeighbours } from "./geo.ts";
import { checkServiceAreas, clinicInTown, inServiceArea, siteDistance } from "./service-area.ts";
import { defaultPatterns, fitPattern } from "./patterns.ts";
import type { PatternKind, Vars } from "../rules/placeholders.ts";
import { descriptionRange, titleMax } from "../rules/limits.ts";
import { clinicPageUrl, conditionHubPath, practitionerPageUrl } from "../rules/urls.ts";
import { joined } from "../rules/joined.ts";
import { placeName, regionName } from "../rules/regions.ts";
import type {
  ClinicDistance,
  ClinicPage,
  ClinicsPage,
  ConditionLocationPage,
  ConditionPage,
  Crumb,
  HomePage,
  LocationPage,
  LocationsPage,
  NearbyLink,
  NotBuilt,
  NotFoundPage,
  Page,
  PageBase,
  Plan,
  PractitionerPage,
  RegionGroup,
  StatementPage,
  TeamPage,
  Warrant,
} from "./types.ts";

export type * from "./types.ts";
export { clinicPageUrl, practitionerPageUrl } from "../rules/urls.ts";

/** How many nearby locations a page links to. */
export const nearbyCount = 5;

/**
 * The page graph: pure data from the validated model. Throws DataError on URL collisions,
 * coordinates outside their region and locations outside their clinic's service area.
 */
export function buildPlan(model: Model): { plan: Plan; warnings: Problem[] } {
  const areas = checkServiceAreas(model);
  if (areas.errors.length > 0) throw new DataError(areas.errors);
  const ctx = new PlanContext(model);
  const byKind = {
    home: [ctx.home()],
    locations: [ctx.locationsIndex()],
    location: model.locations.map((l) => ctx.locationHub(l)),
    condition: model.conditions.map((c) => ctx.conditionHub(c)),
    conditionLocation: model.conditions.flatMap((c) => ctx.built(c).map((l) => ctx.conditionLocation(c, l))),
    clinics: [ctx.clinicsHub()],
    clinic: model.site.clinics.map((c) => ctx.clinicPage(c)),
    team: [ctx.teamHub()],
    practitioner: model.site.practitioners.map((p) => ctx.practitionerPage(p)),
    statement: [ctx.statement("privacy"), ctx.statement("accessibility")],
    notFound: [ctx.notFound()],
  };
  const pages: Page[] = Object.values(byKind).flat();
  const collisions = findCollisions(pages);
  if (collisions.length > 0) throw new DataError(collisions);
  return {
    plan: { pages, byKind, notBuilt: ctx.notBuilt() },
    warnings: [...areas.warnings, ...ctx.warnings],
  };
}

function findCollisions(pages: Page[]): Problem[] {
  const seen = new Map<string, Page>();
  const problems: Problem[] = [];
  for (const page of pages) {
    const first = seen.get(page.url);
    if (first) {
      problems.push({
        file: page.sources[0] ?? "site.yaml",
        field: "slug",
        message: `its page ${page.url} collides with the page from ${first.sources[0] ?? "site.yaml"}`,
        hint: "give one of the files a different slug",
      });
    } else seen.set(page.url, page);
  }
  return problems;
}

class PlanContext {
  readonly warnings: Problem[] = [];
  private readonly origin: string;
  private readonly locationsById: Map<string, Location>;
  private readonly conditionsById: Map<string, Condition>;
  private readonly clinicsById: Map<string, Clinic>;
  private readonly offeringByCondition = new Map<string, Location[]>();
  private readonly builtByCondition = new Map<string, Location[]>();
  /** The same as sets: asked once per page and related condition, so a lookup, not a scan. */
  private readonly builtSets = new Map<string, Set<Location>>();
  /** Locations inside each clinic's service area, by clinic id. */
  private readonly areaByClinic = new Map<string, Location[]>();
  private readonly nearbyTables = new Map<string, Map<string, Array<{ id: string; km: number }>>>();
  private readonly groupKeys = new Map<string, string>();
  private readonly groupIds = new Map<string, string>();

  constructor(private readonly model: Model) {
    this.origin = model.site.baseUrl.replace(/\/+$/, "");
    this.locationsById = new Map(model.locations.map((l) => [l.id, l]));
    this.conditionsById = new Map(model.conditions.map((c) => [c.id, c]));
    this.clinicsById = new Map(model.site.clinics.map((c) => [c.id, c]));
    for (const clinic of model.site.clinics) {
      this.areaByClinic.set(
        clinic.id,
        model.locations.filter((l) => inServiceArea(model.site, clinic, l.geo)),
      );
    }
    for (const condition of model.conditions) {
      const offering = model.locations.filter((l) => l.conditions.includes(condition.id));
      this.offeringByCondition.set(condition.id, offering);
      const all = model.site.pagePolicy === "all";
      const built = offering.filter((l) => all || this.warrants(condition, l).length > 0);
      this.builtByCondition.set(condition.id, built);
      this.builtSets.set(condition.id, new Set(built));
    }
  }

  offering(condition: Condition): Location[] {
    return this.offeringByCondition.get(condition.id) ?? [];
  }

  /** The locations that get a page for this condition under the site's page policy. */
  built(condition: Condition): Location[] {
    return this.builtByCondition.get(condition.id) ?? [];
  }

  private isBuilt(condition: Condition, location: Location): boolean {
    return this.builtSets.get(condition.id)?.has(location) ?? false;
  }

  /** What a condition × location page has that its siblings lack (see README, "Which pages exist"). */
  warrants(condition: Condition, location: Location): Warrant[] {
    const reasons: Warrant[] = [];
    const offersHere = (c: Clinic) =>
      clinicInTown(this.model.site, c, location) && (!c.conditions || c.conditions.includes(condition.id));
    if (this.model.site.clinics.some(offersHere)) reasons.push("clinic");
    if (location.conditionNotes[condition.id]) reasons.push("note");
    if (location.faq.some((item) => item.condition === condition.id)) reasons.push("questions");
    return reasons;
  }

  /** Every offered combination not built, with the data that would warrant it. */
  notBuilt(): NotBuilt[] {
    return this.model.conditions.flatMap((condition) =>
      this.offering(condition)
        .filter((l) => !this.isBuilt(condition, l))
        .map((l) => ({
          condition: condition.id,
          location: l.id,
          url: this.conditionLocationUrl(condition, l),
          file: l.file,
          hint: `add conditionNotes: { ${condition.id}: … } or a local question with condition: ${condition.id} to ${l.file}`,
        })),
    );
  }

  /**
   * One key for groups with the same members, so conditions offered in the same places (every
   * place, under `pagePolicy: all`) share one nearest-neighbour table instead of one each.
   */
  private groupKey(key: string, group: Location[]): string {
    let found = this.groupKeys.get(key);
    if (found === undefined) {
      const members = group.map((l) => l.id).join("\n");
      found = this.groupIds.get(members) ?? String(this.groupIds.size);
      this.groupIds.set(members, found);
      this.groupKeys.set(key, found);
    }
    return found;
  }

  /** Nearest other members of `group` inside the page clinic's service area, computed once per group. */
  private nearbyIn(
    key: string,
    clinic: string,
    group: Location[],
    location: Location,
  ): Array<{ id: string; km: number }> {
    const tableKey = `${this.groupKey(key, group)}|${clinic}`;
    let table = this.nearbyTables.get(tableKey);
    if (!table) {
      const area = new Set(this.areaByClinic.get(clinic));
      table = nearestNeighbours(group.filter((l) => area.has(l) || l === location).map(toPlace), nearbyCount);
      this.nearbyTables.set(tableKey, table);
    }
    return table.get(location.id) ?? [];
  }

  private toNearby(from: Location, list: Array<{ id: string }>, url: (l: Location) => string): NearbyLink[] {
    return list.map(({ id }) => {
      const other = this.locationsById.get(id)!;
      return { location: id, url: url(other), distance: siteDistance(this.model.site, from.geo, other.geo) };
    });
  }

  /** The page's one distance to its clinic. */
  private clinicDistance(location: Location): ClinicDistance {
    const clinic = this.clinicsById.get(location.clinic)!;
    return {
      clinicDistance: siteDistance(this.model.site, clinic.geo, location.geo),
      clinicInTown: clinicInTown(this.model.site, clinic, location),
    };
  }

  conditionHubUrl(condition: Condition): string {
    return conditionHubPath(this.model.site.therapy.slug, condition.id);
  }

  /** URLs, headings and place names, each made once and shared by every page and link using it (see rules/joined.ts). */
  private readonly made = new Map<string, Map<string, string>>();

  conditionLocationUrl(condition: Condition, location: Location): string {
    const hub = this.conditionHubUrl(condition);
    return this.once(hub, location.id, () => joined(hub, location.id, "/"));
  }

  locationHubUrl(location: Location): string {
    return this.once("/locations/", location.id, () => joined("/locations/", location.id, "/"));
  }

  /** "Acupuncture for Sciatica": the heading of a condition's pages and its breadcrumb. */
  private conditionHeading(condition: Condition): string {
    const therapy = this.model.site.therapy.name;
    return this.once("heading", condition.id, () => joined(therapy, " for ", condition.shortName));
  }

  /** "Stuart, FL". */
  private placeOf(location: Location): string {
    return this.once("place", location.id, () => placeName(location));
  }

  /** `make()` once per group and id; URL groups start with "/", the others never do. */
  private once(group: string, id: string, make: () => string): string {
    let byId = this.made.get(group);
    if (!byId) this.made.set(group, (byId = new Map()));
    let value = byId.get(id);
    if (value === undefined) byId.set(id, (value = make()));
    return value;
  }

  clinicUrl(clinic: Clinic): string {
    return clinicPageUrl(clinic.id);
  }

  practitionerUrl(person: Practitioner): string {
    return practitionerPageUrl(person.id);
  }

  private base(kind: PatternKind, url: string, vars: Vars, sources: string[]) {
    const titles = this.patterns("title", kind);
    const descriptions = this.patterns("description", kind);
    const title = fitPattern(titles, vars, 1, titleMax);
    const description = fitPattern(descriptions, vars, descriptionRange[0], descriptionRange[1]);
    if (!title.fits)
      this.warn(
        sources,
        url,
        "title",
        `"${title.text}" is ${title.text.length} characters; search results show about ${titleMax}`,
        "add a shorter title pattern in site.yaml patterns.title, or a shortName",
      );
    if (!description.fits)
      this.warn(
        sources,
        url,
        "description",
        `"${description.text}" is ${description.text.length} characters; aim for ${descriptionRange[0]}–${descriptionRange[1]}`,
        "adjust site.yaml patterns.description",
      );
    return {
      url,
      canonical: joined(this.origin, url),
      title: title.text,
      description: description.text,
      sources,
      indexable: true,
    };
  }

  /** site.yaml's patterns for the kind, or the built-in ones; validation checked their placeholders. */
  private patterns(field: "title" | "description", kind: PatternKind): string[] {
    return this.model.site.patterns?.[field]?.[kind] ?? defaultPatterns[field][kind];
  }

  private warn(sources: string[], url: string, field: string, message: string, hint: string) {
    this.warnings.push({ file: sources[0] ?? "site.yaml", field, message: `${url} ${message}`, hint });
  }

  private siteVars(): Vars {
    const { site } = this.model;
    return {
      therapy: site.therapy.name,
      therapyLower: site.therapy.name.toLowerCase(),
      brand: site.organization.name,
    };
  }

  private conditionVars(condition: Condition): Vars {
    return { condition: condition.shortName, conditionName: condition.name, phrase: condition.searchPhrase };
  }

  private locationVars(location: Location): Vars {
    const clinic = this.clinicsById.get(location.clinic)!;
    return { city: location.name, region: location.region, clinic: clinic.name };
  }

  private crumbs(...trail: Crumb[]): Crumb[] {
    return [{ name: "Home", url: "/" }, ...trail];
  }

  conditionLocation(condition: Condition, location: Location): ConditionLocationPage {
    const url = this.conditionLocationUrl(condition, location);
    const vars = { ...this.siteVars(), ...this.conditionVars(condition), ...this.locationVars(location) };
    return {
      kind: "conditionLocation",
      ...this.base("conditionLocation", url, vars, [location.file, condition.file]),
      ...headings(this.conditionHeading(condition), this.placeOf(location)),
      condition: condition.id,
      location: location.id,
      clinic: location.clinic,
      breadcrumbs: this.crumbs(
        { name: this.conditionHeading(condition), url: this.conditionHubUrl(condition) },
        { name: this.placeOf(location), url },
      ),
      lastmod: latestDate([location.updated, condition.lastReviewed]),
      ...this.clinicDistance(location),
      warrant: this.warrants(condition, location),
      nearby: this.toNearby(
        location,
        this.nearbyIn(condition.id, location.clinic, this.built(condition), location),
        (l) => this.conditionLocationUrl(condition, l),
      ),
      related: this.relatedLinks(condition, location),
    };
  }

  private relatedLinks(condition: Condition, location?: Location): Crumb[] {
    return condition.related.map((id) => {
      const other = this.conditionsById.get(id)!;
      const local = location && this.isBuilt(other, location);
      return {
        name: other.shortName,
        url: local ? this.conditionLocationUrl(other, location) : this.conditionHubUrl(other),
      };
    });
  }

  conditionHub(condition: Condition): ConditionPage {
    const url = this.conditionHubUrl(condition);
    const offering = this.built(condition);
    const clinics = this.model.site.clinics.filter(
      (c) => !c.conditions || c.conditions.includes(condition.id),
    );
    const vars = { ...this.siteVars(), ...this.conditionVars(condition), count: String(offering.length) };
    return {
      kind: "condition",
      ...this.base("condition", url, vars, [condition.file]),
      ...headings(this.conditionHeading(condition)),
      condition: condition.id,
      breadcrumbs: this.crumbs({ name: this.conditionHeading(condition), url }),
      lastmod: latestDate([condition.lastReviewed, ...offering.map((l) => l.updated)]),
      regions: groupByRegion(offering, (l) => this.conditionLocationUrl(condition, l)),
      clinics: clinics.map((c) => ({ id: c.id, name: c.name, url: this.clinicUrl(c) })),
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
      ...headings(this.model.site.therapy.name, this.placeOf(location)),
      location: location.id,
      clinic: location.clinic,
      breadcrumbs: this.crumbs(
        { name: "Locations", url: "/locations/" },
        { name: this.placeOf(location), url },
      ),
      lastmod: latestDate([location.updated, ...conditions.map((c) => c.lastReviewed)]),
      ...this.clinicDistance(location),
      conditions: conditions.map((c) => {
        const local = this.isBuilt(c, location);
        return {
          id: c.id,
          name: c.shortName,
          url: local ? this.conditionLocationUrl(c, location) : this.conditionHubUrl(c),
          local,
        };
      }),
      nearby: this.toNearby(
        location,
        this.nearbyIn("*", location.clinic, this.model.locations, location),
        (l) => this.locationHubUrl(l),
      ),
    };
  }

  clinicPage(clinic: Clinic): ClinicPage {
    const url = this.clinicUrl(clinic);
    const served = this.model.locations.filter((l) => l.clinic === clinic.id);
    const vars = {
      ...this.siteVars(),
      clinic: clinic.name,
      city: clinic.address.locality,
      region: clinic.address.region,
      count: String(served.length),
    };
    const conditions = this.model.conditions.filter(
      (c) => !clinic.conditions || clinic.conditions.includes(c.id),
    );
    const home = served.find((l) => clinicInTown(this.model.site, clinic, l));
    const distance = (l: Location) => siteDistance(this.model.site, clinic.geo, l.geo);
    return {
      kind: "clinic",
      ...this.base("clinic", url, vars, ["site.yaml"]),
      ...headings(clinic.name),
      clinic: clinic.id,
      breadcrumbs: this.crumbs({ name: "Clinics", url: "/clinics/" }, { name: clinic.name, url }),
      lastmod: latestDate(served.map((l) => l.updated)),
      served: [...served]
        .sort((a, b) => distance(a) - distance(b) || a.id.localeCompare(b.id))
        .map((l) => ({ location: l.id, url: this.locationHubUrl(l), distance: distance(l) })),
      conditions: conditions.map((c) => ({
        id: c.id,
        name: c.shortName,
        url: home && this.isBuilt(c, home) ? this.conditionLocationUrl(c, home) : this.conditionHubUrl(c),
      })),
      team: clinic.practitioners.map((id) => this.personLink(id)),
    };
  }

  private personLink(id: string): Crumb & { id: string } {
    const person = this.model.site.practitioners.find((p) => p.id === id)!;
    return { id, name: person.name, url: this.practitionerUrl(person) };
  }

  clinicsHub(): ClinicsPage {
    const { clinics } = this.model.site;
    const vars = { ...this.siteVars(), clinicCount: String(clinics.length) };
    return {
      kind: "clinics",
      ...this.base("clinics", "/clinics/", vars, ["site.yaml"]),
      ...headings("Our clinics"),
      breadcrumbs: this.crumbs({ name: "Clinics", url: "/clinics/" }),
      lastmod: latestDate(this.model.locations.map((l) => l.updated)),
      clinics: clinics.map((c) => ({ id: c.id, name: c.name, url: this.clinicUrl(c) })),
    };
  }

  practitionerPage(person: Practitioner): PractitionerPage {
    const url = this.practitionerUrl(person);
    const vars = { ...this.siteVars(), person: person.name, credentials: person.credentials };
    const clinics = this.model.site.clinics.filter((c) => c.practitioners.includes(person.id));
    const reviewed = this.model.conditions.filter((c) => c.reviewer === person.id);
    const servedDates = this.model.locations
      .filter((l) => clinics.some((c) => c.id === l.clinic))
      .map((l) => l.updated);
    return {
      kind: "practitioner",
      ...this.base("practitioner", url, vars, ["site.yaml"]),
      ...headings(`${person.name}, ${person.credentials}`),
      practitioner: person.id,
      breadcrumbs: this.crumbs({ name: "Our team", url: "/team/" }, { name: person.name, url }),
      lastmod: latestDate([...reviewed.map((c) => c.lastReviewed), ...servedDates]),
      clinics: clinics.map((c) => ({ id: c.id, name: c.name, url: this.clinicUrl(c) })),
      reviewed: reviewed.map((c) => ({
        id: c.id,
        name: `${this.model.site.therapy.name} for ${c.shortName}`,
        url: this.conditionHubUrl(c),
      })),
    };
  }

  teamHub(): TeamPage {
    const { practitioners } = this.model.site;
    return {
      kind: "team",
      ...this.base("team", "/team/", this.siteVars(), ["site.yaml"]),
      ...headings("Our team"),
      breadcrumbs: this.crumbs({ name: "Our team", url: "/team/" }),
      lastmod: latestDate([
        ...this.model.conditions.map((c) => c.lastReviewed),
        ...this.model.locations.map((l) => l.updated),
      ]),
      people: practitioners.map((p) => this.personLink(p.id)),
    };
  }

  locationsIndex(): LocationsPage {
    const { locations } = this.model;
    const regions = groupByRegion(locations, (l) => this.locationHubUrl(l));
    const vars = {
      ...this.siteVars(),
      count: String(locations.length),
      regions: listText(regions.map((r) => r.name)),
    };
    return {
      kind: "locations",
      ...this.base("locations", "/locations/", vars, ["locations/"]),
      ...headings("Locations we serve"),
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
      ...headings(site.organization.tagline ?? `${site.therapy.name} at ${site.organization.name}`),
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
      ...headings("We could not find that page"),
      breadcrumbs: [],
      indexable: false,
      sources: ["site.yaml"],
    };
  }

  /** /privacy/ or /accessibility/: fixed titles, since no marketer pattern is needed for them. */
  statement(statement: StatementPage["statement"]): StatementPage {
    const { site } = this.model;
    const name = statement === "privacy" ? "Privacy statement" : "Accessibility statement";
    const url = `/${statement}/`;
    const description =
      statement === "privacy"
        ? `How ${site.organization.name} handles what you share when you visit this site, call a clinic or book a visit.`
        : `How ${site.organization.name} keeps this site and its clinics usable for everyone, and how to tell us about a barrier.`;
    return {
      kind: "statement",
      statement,
      url,
      canonical: joined(this.origin, url),
      title: `${name} | ${site.organization.name}`,
      description,
      ...headings(name),
      breadcrumbs: this.crumbs({ name, url }),
      lastmod: site.statements?.updated,
      indexable: true,
      sources: ["site.yaml"],
    };
  }
}

/** A page's h1 and its parts: the heading, then the place when the page is about one. */
function headings(heading: string, place?: string): Pick<PageBase, "h1" | "heading" | "place"> {
  return place === undefined
    ? { h1: heading, heading }
    : { h1: joined(heading, " in ", place), heading, place };
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
