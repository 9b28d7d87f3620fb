import { distanceKm } from "../plan/geo.ts";
import { listText } from "../plan/index.ts";
import { placeName, regionName } from "../rules/regions.ts";
import type { Clinic, Location, Model } from "../validate/index.ts";
import { drawMap, type MapPlace } from "./index.ts";

/** Clinics closer than this share one map on the locations index; farther groups get their own. */
const clusterKm = 400;

/** One drawn map with what it shows, for the list printed beside it. */
export interface SiteMap {
  /** Heading-sized name, e.g. "Florida" or "Florida and New Jersey". */
  name: string;
  svg: string;
  clinics: string[];
}

export interface SiteMaps {
  /** The locations index: one map per group of nearby clinics. */
  index: SiteMap[];
  /** Each clinic with the cities it serves, by clinic id. */
  byClinic: Record<string, SiteMap>;
}

function places(clinics: Clinic[], locations: Location[]): MapPlace[] {
  const clinicPlaces: MapPlace[] = clinics.map((c) => ({
    name: c.address.locality,
    lat: c.geo.lat,
    lng: c.geo.lng,
    kind: "clinic",
  }));
  const served = locations.filter((l) => clinics.some((c) => c.id === l.clinic));
  const cityPlaces: MapPlace[] = served
    // The clinic's own town is already labelled by its marker.
    .filter((l) => !clinics.some((c) => c.address.locality === l.name && c.id === l.clinic))
    .map((l) => ({
      name: l.name,
      lat: l.geo.lat,
      lng: l.geo.lng,
      kind: "city",
      clinic: clinics.find((c) => c.id === l.clinic)!.address.locality,
    }));
  return [...clinicPlaces, ...cityPlaces];
}

/** The words a screen reader hears instead of the picture. */
function description(clinics: Clinic[], locations: Location[]): string {
  return clinics
    .map((c) => {
      const towns = locations.filter((l) => l.clinic === c.id).map(placeName);
      const serves = towns.length ? `, serving ${listText(towns)}` : "";
      return `${c.name} at ${c.address.street}, ${c.address.locality}, ${c.address.region}${serves}.`;
    })
    .join(" ");
}

/** Groups clinics that lie within `clusterKm` of another clinic in the group, in data order. */
function clusters(clinics: Clinic[]): Clinic[][] {
  const groups: Clinic[][] = [];
  for (const clinic of clinics) {
    const near = groups.filter((g) => g.some((c) => distanceKm(c.geo, clinic.geo) < clusterKm));
    const merged = [...near.flat(), clinic];
    for (const g of near) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  return groups.map((g) => clinics.filter((c) => g.includes(c)));
}

function regionsOf(clinics: Clinic[]): string {
  return listText([...new Set(clinics.map((c) => regionName(c.address.region, c.address.country)))]);
}

/** Every map the site shows, drawn once per build. */
export function siteMaps(model: Model): SiteMaps {
  const { clinics } = model.site;
  const index = clusters(clinics).map((group, i) => {
    const name = regionsOf(group);
    const svg = drawMap(places(group, model.locations), {
      id: `map-${i + 1}`,
      title: `Map of our clinics in ${name} and the places they serve`,
      description: description(group, model.locations),
    });
    return { name, svg, clinics: group.map((c) => c.id) };
  });
  const byClinic = Object.fromEntries(
    clinics.map((c) => {
      const svg = drawMap(places([c], model.locations), {
        id: `map-${c.id}`,
        title: `Map of ${c.name} and the places it serves`,
        description: description([c], model.locations),
      });
      return [c.id, { name: regionsOf([c]), svg, clinics: [c.id] }];
    }),
  );
  return { index, byClinic };
}
