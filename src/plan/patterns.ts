import { fill, type PatternKind, type Vars } from "../rules/placeholders.ts";

/** Built-in title and description patterns; site.yaml `patterns` replaces them per page kind. */
export const defaultPatterns: Record<"title" | "description", Record<PatternKind, string[]>> = {
  title: {
    conditionLocation: [
      "{therapy} for {condition} in {city}, {region} | {brand}",
      "{therapy} for {condition} in {city}, {region}",
      "{therapy} for {condition} in {city}",
    ],
    condition: ["{therapy} for {condition} | {brand}", "{therapy} for {condition}"],
    location: ["{therapy} in {city}, {region} | {brand}", "{therapy} in {city}, {region}"],
    locations: ["Locations We Serve | {brand}", "Locations We Serve"],
    home: ["{brand} | {therapy} for Back, Nerve and Neck Pain", "{brand}"],
    clinic: ["{clinic}: {city}, {region}", "{clinic}"],
    clinics: ["Our Clinics | {brand}", "Our Clinics"],
    practitioner: ["{person}, {credentials} | {brand}", "{person}, {credentials}", "{person}"],
    team: ["Our Team | {brand}", "Our Team"],
  },
  description: {
    conditionLocation: [
      "{therapy} for {phrase} near {city}, {region}: what a visit is like, how many sessions, the research, and booking at {clinic}.",
      "{therapy} for {phrase} near {city}, {region}: visits, sessions, research and booking at {brand}.",
      "{therapy} for {phrase} near {city}, {region}, with {brand}.",
    ],
    condition: [
      "{therapy} for {phrase}: what the research shows, what a visit is like, and {count} {brand} locations where you can book.",
      "{therapy} for {phrase}: research, visits and {count} locations.",
    ],
    location: [
      "{therapy} near {city}, {region} at {clinic}: conditions treated, hours, directions and online booking.",
      "{therapy} near {city}, {region}: conditions treated, hours, directions and booking.",
    ],
    locations: [
      "All {count} cities and towns {brand} serves across {regions}, with the nearest clinic, hours and conditions treated for each.",
      "All {count} places {brand} serves, with hours and directions.",
    ],
    home: [
      "{brand} offers {therapyLower} for {conditions} at {clinicCount} clinics serving {count} communities in {regions}.",
      "{brand} offers {therapyLower} at {clinicCount} clinics serving {count} communities.",
    ],
    clinic: [
      "{clinic} in {city}, {region}: hours, directions, parking, who you will see, cost and insurance, and the {count} places it serves.",
      "{clinic} in {city}, {region}: hours, directions, cost, insurance and booking.",
      "{clinic}: hours, directions, cost, insurance and booking.",
    ],
    clinics: [
      "The {clinicCount} {brand} clinics: addresses, hours, phone numbers, cost and insurance, and the places each one serves.",
      "The {clinicCount} {brand} clinics: addresses, hours and phone numbers.",
    ],
    practitioner: [
      "{person}, {credentials}: training, the clinics where {person} sees patients, and the {brand} pages {person} has medically reviewed.",
      "{person}, {credentials}, at {brand}: background, clinics and the pages reviewed.",
      "{person}, {credentials}, at {brand}.",
    ],
    team: [
      "The practitioners of {brand}: their credentials, the clinics where they see patients, and the pages they review.",
      "The practitioners of {brand}, with credentials and clinics.",
    ],
  },
};

export interface Fitted {
  text: string;
  fits: boolean;
}

/** First candidate whose length is within [min, max]; otherwise the closest one, flagged. */
export function fitPattern(candidates: string[], vars: Vars, min: number, max: number): Fitted {
  const texts = candidates.map((c) => fill(c, vars).text);
  const fitting = texts.find((t) => t.length >= min && t.length <= max);
  if (fitting) return { text: fitting, fits: true };
  const gap = (t: string) => (t.length > max ? t.length - max : min - t.length);
  const closestText = [...texts].sort((a, b) => gap(a) - gap(b))[0]!;
  return { text: closestText, fits: false };
}
