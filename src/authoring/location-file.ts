import { byCodePoint } from "../plan/order.ts";
import { distanceKm } from "../plan/geo.ts";
import { slugify } from "../rules/slug.ts";

export interface ClinicPoint {
  id: string;
  name: string;
  geo: { lat: number; lng: number };
  /** The clinic's own service radius in the site's units, when site.yaml sets one. */
  serviceRadius?: number;
}

export interface NewLocation {
  name: string;
  region: string;
  country?: string;
  lat: number;
  lng: number;
  clinic?: string;
  neighborhoods?: string[];
  landmarks?: string[];
  directions?: string;
  updated: string;
}

/** `Pompano Beach`, `FL` → `pompano-beach-fl` */
export function locationSlug(name: string, region: string): string {
  return slugify(`${name} ${region}`);
}

/** The clinic closest to a point, by great-circle distance. */
export function nearestClinic(
  clinics: ClinicPoint[],
  point: { lat: number; lng: number },
): ClinicPoint | undefined {
  return [...clinics].sort(
    (a, b) => distanceKm(point, a.geo) - distanceKm(point, b.geo) || byCodePoint(a.id, b.id),
  )[0];
}

const yamlString = (text: string) => JSON.stringify(text);
const yamlList = (items: string[]) => `[${items.map(yamlString).join(", ")}]`;

/**
 * A location file with the facts known so far and commented prompts for the local facts
 * that make its pages worth indexing. Prompted fields that are required stay commented out,
 * so the build names them until they are written.
 */
export function locationFile(location: NewLocation, clinicNote = ""): string {
  const lines = [
    "---",
    "# yaml-language-server: $schema=../schemas/location.json",
    `name: ${yamlString(location.name)}`,
    `region: ${location.region}`,
    ...(location.country && location.country !== "US" ? [`country: ${location.country}`] : []),
    `geo: { lat: ${location.lat}, lng: ${location.lng} }`,
    `clinic: ${location.clinic ?? "CHOOSE-A-CLINIC-ID"}${clinicNote ? `  # ${clinicNote}` : ""}`,
    location.neighborhoods?.length
      ? `neighborhoods: ${yamlList(location.neighborhoods)}`
      : "# neighborhoods: [Which neighborhoods do patients come from?]",
    location.landmarks?.length
      ? `landmarks: ${yamlList(location.landmarks)}`
      : "# landmarks: [What do people pass on the way to the clinic?]",
    location.directions
      ? `directions: ${yamlString(location.directions)}`
      : `# directions: How do people from ${location.name} reach the clinic? Roads, exits, transit, parking. (required)`,
    "# faq:",
    `#   - q: A question people in ${location.name} ask`,
    "#     a: The answer, in plain sentences.",
    "# conditionNotes:",
    `#   sciatica: What is different about treating sciatica for people from ${location.name}?`,
    `updated: ${location.updated}`,
    `# Below the closing --- line, write about serving ${location.name}: who comes from here, how they`,
    "# get to the clinic, what is different about the place. That copy is what makes each city page",
    "# worth indexing; pages without it fail the uniqueness check.",
    "---",
    "",
  ];
  return `${lines.join("\n")}\n`;
}
