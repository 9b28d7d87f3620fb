/** A link in a breadcrumb trail or list. */
export interface Crumb {
  name: string;
  url: string;
}

export interface PageBase {
  /** Path on the site, e.g. `/acupuncture-for-sciatica/pompano-beach-fl/`. */
  url: string;
  /** Absolute canonical URL on the site's origin. */
  canonical: string;
  title: string;
  description: string;
  /** The page's h1: the heading, then " in " and the place when the page is about one. */
  h1: string;
  /** The h1 without the place: "Acupuncture for Sciatica"; the social card sets the place apart. */
  heading: string;
  /** The place a city page is about: "Pompano Beach, FL"; absent on pages about no one place. */
  place?: string;
  breadcrumbs: Crumb[];
  /** YYYY-MM-DD from the data's own dates; absent for pages kept out of the sitemap. */
  lastmod?: string;
  indexable: boolean;
  /** Data files a marketer edits to change this page, for hints in reports. */
  sources: string[];
}

export interface NearbyLink {
  location: string;
  url: string;
  distance: number;
}

/** The one distance a page states to its clinic, computed once in the plan. */
export interface ClinicDistance {
  /** In the site's units, one decimal. */
  clinicDistance: number;
  /** The clinic is in this place: copy says "right here" instead of a distance. */
  clinicInTown: boolean;
}

export interface ConditionLocationPage extends PageBase, ClinicDistance {
  kind: "conditionLocation";
  condition: string;
  location: string;
  clinic: string;
  /** Why this page exists: "clinic", "note", "questions" (empty when the policy is `all`). */
  warrant: Warrant[];
  nearby: NearbyLink[];
  related: Crumb[];
}

export type Warrant = "clinic" | "note" | "questions";

/** A condition × location combination the page policy did not build, and what would warrant it. */
export interface NotBuilt {
  condition: string;
  location: string;
  url: string;
  file: string;
  hint: string;
}

export interface RegionGroup {
  region: string;
  name: string;
  links: Array<Crumb & { id: string }>;
}

export interface ConditionPage extends PageBase {
  kind: "condition";
  condition: string;
  /** Built city pages for this condition, by region. */
  regions: RegionGroup[];
  /** Clinic pages of the clinics treating it. */
  clinics: Array<Crumb & { id: string }>;
  related: Crumb[];
}

export interface LocationPage extends PageBase, ClinicDistance {
  kind: "location";
  location: string;
  clinic: string;
  /** Every condition offered here: to its city page when built, else to its hub (`local` false). */
  conditions: Array<Crumb & { id: string; local: boolean }>;
  nearby: NearbyLink[];
}

export interface ClinicPage extends PageBase {
  kind: "clinic";
  clinic: string;
  /** Locations this clinic serves, nearest first, with the one distance each location's pages state. */
  served: NearbyLink[];
  conditions: Array<Crumb & { id: string }>;
  team: Array<Crumb & { id: string }>;
}

export interface ClinicsPage extends PageBase {
  kind: "clinics";
  clinics: Array<Crumb & { id: string }>;
}

export interface PractitionerPage extends PageBase {
  kind: "practitioner";
  practitioner: string;
  clinics: Array<Crumb & { id: string }>;
  /** Condition hubs this practitioner reviewed. */
  reviewed: Array<Crumb & { id: string }>;
}

export interface TeamPage extends PageBase {
  kind: "team";
  people: Array<Crumb & { id: string }>;
}

export interface LocationsPage extends PageBase {
  kind: "locations";
  regions: RegionGroup[];
}

export interface HomePage extends PageBase {
  kind: "home";
  conditions: Array<Crumb & { id: string }>;
  regions: RegionGroup[];
}

export interface NotFoundPage extends PageBase {
  kind: "notFound";
}

/** The privacy and the accessibility statement, written from the site's data. */
export interface StatementPage extends PageBase {
  kind: "statement";
  statement: "privacy" | "accessibility";
}

export type Page =
  | ConditionLocationPage
  | ConditionPage
  | LocationPage
  | LocationsPage
  | HomePage
  | NotFoundPage
  | ClinicPage
  | ClinicsPage
  | PractitionerPage
  | TeamPage
  | StatementPage;
export type PageKind = Page["kind"];

/** The whole site as data: every page, and warnings about titles and descriptions. */
export interface Plan {
  pages: Page[];
  byKind: {
    home: HomePage[];
    locations: LocationsPage[];
    location: LocationPage[];
    condition: ConditionPage[];
    conditionLocation: ConditionLocationPage[];
    clinics: ClinicsPage[];
    clinic: ClinicPage[];
    team: TeamPage[];
    practitioner: PractitionerPage[];
    notFound: NotFoundPage[];
    statement: StatementPage[];
  };
  /** Offered condition × location combinations the page policy did not build. */
  notBuilt: NotBuilt[];
}
