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
  h1: string;
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

export interface ConditionLocationPage extends PageBase {
  kind: "conditionLocation";
  condition: string;
  location: string;
  clinic: string;
  nearby: NearbyLink[];
  related: Crumb[];
}

export interface RegionGroup {
  region: string;
  name: string;
  links: Array<Crumb & { id: string }>;
}

export interface ConditionPage extends PageBase {
  kind: "condition";
  condition: string;
  regions: RegionGroup[];
  related: Crumb[];
}

export interface LocationPage extends PageBase {
  kind: "location";
  location: string;
  clinic: string;
  conditions: Array<Crumb & { id: string }>;
  nearby: NearbyLink[];
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

export type Page = ConditionLocationPage | ConditionPage | LocationPage | LocationsPage | HomePage | NotFoundPage | StatementPage;
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
    notFound: NotFoundPage[];
    statement: StatementPage[];
  };
}
