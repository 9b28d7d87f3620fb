import { joined } from "./joined.ts";

/** US state and territory names by postal code, used to group hubs when a location gives no `regionName`. */
export const usStates: Record<string, string> = {
  AL: "Alabama",
  AK: "Alaska",
  AZ: "Arizona",
  AR: "Arkansas",
  CA: "California",
  CO: "Colorado",
  CT: "Connecticut",
  DE: "Delaware",
  DC: "District of Columbia",
  FL: "Florida",
  GA: "Georgia",
  HI: "Hawaii",
  ID: "Idaho",
  IL: "Illinois",
  IN: "Indiana",
  IA: "Iowa",
  KS: "Kansas",
  KY: "Kentucky",
  LA: "Louisiana",
  ME: "Maine",
  MD: "Maryland",
  MA: "Massachusetts",
  MI: "Michigan",
  MN: "Minnesota",
  MS: "Mississippi",
  MO: "Missouri",
  MT: "Montana",
  NE: "Nebraska",
  NV: "Nevada",
  NH: "New Hampshire",
  NJ: "New Jersey",
  NM: "New Mexico",
  NY: "New York",
  NC: "North Carolina",
  ND: "North Dakota",
  OH: "Ohio",
  OK: "Oklahoma",
  OR: "Oregon",
  PA: "Pennsylvania",
  RI: "Rhode Island",
  SC: "South Carolina",
  SD: "South Dakota",
  TN: "Tennessee",
  TX: "Texas",
  UT: "Utah",
  VT: "Vermont",
  VA: "Virginia",
  WA: "Washington",
  WV: "West Virginia",
  WI: "Wisconsin",
  WY: "Wyoming",
  PR: "Puerto Rico",
};

/** The full name of a region: the location's own `regionName`, a US state name, or the code itself. */
export function regionName(region: string, country: string, given?: string): string {
  if (given) return given;
  return country === "US" ? (usStates[region] ?? region) : region;
}

const usCodesByName = new Map(Object.entries(usStates).map(([code, name]) => [name.toLowerCase(), code]));

/**
 * The official code of a region as a marketer may type it, so `fl`, `FL` and `Florida` make one
 * state group: US states and territories by postal code or full name (any case); elsewhere a
 * short code in capitals. Undefined for a US region that is neither (a typo to report).
 */
export function regionCode(value: string, country: string): string | undefined {
  const typed = value.trim();
  if (country !== "US") return /^[A-Za-z0-9]{1,3}$/.test(typed) ? typed.toUpperCase() : typed;
  const upper = typed.toUpperCase();
  if (usStates[upper]) return upper;
  return usCodesByName.get(typed.toLowerCase().replace(/\s+/g, " "));
}

/** Every US code with its name, for "did you mean" hints. */
export const usRegionCodes = Object.keys(usStates);

/** The name a place goes by on every page, card and graph: "Pompano Beach, FL". */
export function placeName(place: { name: string; region: string }): string {
  return joined(place.name, ", ", place.region);
}
