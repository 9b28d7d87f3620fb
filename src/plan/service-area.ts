import type { Problem } from "../problems.ts";
import { defaultServiceRadius } from "../validate/site-schema.ts";
import type { Clinic, Location, Model, Site } from "../validate/index.ts";
import { distanceKm, kmTo } from "./geo.ts";
import { coordinateHint, regionContains } from "./region-shapes.ts";
import { placeName, regionName } from "../rules/regions.ts";

/**
 * A location assigned to a clinic this many times as far as another clinic (and at least
 * `nearerMargin` units farther) gets a warning naming the nearer clinic.
 */
export const nearerFactor = 2;
export const nearerMargin = 10;

/** A clinic's service radius in the site's units: its own, the site's, or the default. */
export function serviceRadius(site: Site, clinic: Clinic): number {
  return clinic.serviceRadius ?? site.serviceRadius ?? defaultServiceRadius[site.units];
}

/**
 * The one distance a page states between two points: in the site's units, one decimal.
 * Every distance on every page comes from here, computed once per pair.
 */
export function siteDistance(
  site: Site,
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  return Math.round(kmTo(site.units, distanceKm(a, b)) * 10) / 10;
}

/** True when a point lies inside the clinic's service area. */
export function inServiceArea(site: Site, clinic: Clinic, point: { lat: number; lng: number }): boolean {
  return siteDistance(site, clinic.geo, point) <= serviceRadius(site, clinic);
}

/** True when the clinic is in this place: the same town name, or under one mile (1.6 km) away. */
export function clinicInTown(site: Site, clinic: Clinic, location: Location): boolean {
  const sameName =
    clinic.address.locality.toLowerCase() === location.name.toLowerCase() &&
    clinic.address.region === location.region;
  return sameName || distanceKm(clinic.geo, location.geo) < 1.609344;
}

/**
 * Coordinates inside their region, every location inside its clinic's service area, and a
 * warning when a much nearer clinic exists. Errors stop the build; warnings are reported.
 */
export function checkServiceAreas(model: Model): { errors: Problem[]; warnings: Problem[] } {
  const { site } = model;
  const errors: Problem[] = [
    ...site.clinics.flatMap((c, i) =>
      coordinateProblems("site.yaml", `clinics[${i}].geo`, c.address.country, c.address.region, c.geo),
    ),
  ];
  const warnings: Problem[] = [];
  const units = site.units;
  for (const location of model.locations) {
    const wrongPlace = coordinateProblems(
      location.file,
      "geo",
      location.country,
      location.region,
      location.geo,
    );
    errors.push(...wrongPlace);
    if (wrongPlace.length > 0) continue;
    const clinic = site.clinics.find((c) => c.id === location.clinic)!;
    const distance = siteDistance(site, clinic.geo, location.geo);
    const radius = serviceRadius(site, clinic);
    const nearest = [...site.clinics].sort(
      (a, b) => distanceKm(a.geo, location.geo) - distanceKm(b.geo, location.geo) || a.id.localeCompare(b.id),
    )[0]!;
    const nearestDistance = siteDistance(site, nearest.geo, location.geo);
    if (distance > radius) {
      const other =
        nearest.id !== clinic.id && nearestDistance <= serviceRadius(site, nearest)
          ? `assign clinic: ${nearest.id} (${nearestDistance} ${units} away), `
          : "";
      errors.push({
        file: location.file,
        field: "clinic",
        message: `${placeName(location)} is ${distance} ${units} from ${clinic.name} (${clinic.id}), outside its ${radius}-${units} service area`,
        hint: `${other}remove this location, or raise serviceRadius for ${clinic.id} in site.yaml if you really serve it (Google expects about two hours' drive at most)`,
      });
    } else if (
      nearest.id !== clinic.id &&
      distance >= nearestDistance * nearerFactor &&
      distance - nearestDistance >= nearerMargin
    ) {
      warnings.push({
        file: location.file,
        field: "clinic",
        message: `${location.name} is assigned to ${clinic.id} (${distance} ${units}) but ${nearest.name} is ${nearestDistance} ${units} away`,
        hint: `set clinic: ${nearest.id} unless patients from here really go to ${clinic.id}`,
      });
    }
  }
  return { errors, warnings };
}

function coordinateProblems(
  file: string,
  field: string,
  country: string,
  region: string,
  point: { lat: number; lng: number },
): Problem[] {
  if (regionContains(country, region, point) !== false) return [];
  const name = regionName(region, country);
  return [
    {
      file,
      field,
      message: `(${point.lat}, ${point.lng}) is not in ${name}`,
      hint: coordinateHint(country, region, point),
    },
  ];
}
