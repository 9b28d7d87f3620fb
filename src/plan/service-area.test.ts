import { describe, expect, it } from "vitest";
import { copyFixture, edit, modelOf, write } from "../../tests/helpers.ts";
import { DataError, type Problem } from "../problems.ts";
import { buildPlan } from "./index.ts";
import { regionContains } from "./region-shapes.ts";
import { checkServiceAreas } from "./service-area.ts";

/** A filled-in location file, as a marketer would finish one after `npm run new-location`. */
function location(name: string, region: string, lat: number, lng: number, clinic: string): string {
  return (
    `---\nname: ${name}\nregion: ${region}\ngeo: { lat: ${lat}, lng: ${lng} }\nclinic: ${clinic}\n` +
    `directions: Take the main road toward the clinic and follow the signs to the car park.\nupdated: 2026-11-01\n---\nLocal copy.\n`
  );
}

function planProblems(root: string): Problem[] {
  try {
    buildPlan(modelOf(root));
    return [];
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
}

describe("service areas", () => {
  it("refuses Ocala, FL, naming the location, the clinic, the distance and the fix", () => {
    const root = copyFixture();
    write(root, "locations/ocala-fl.md", location("Ocala", "FL", 29.1872, -82.14009, "south"));
    const [problem, ...rest] = planProblems(root);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: "locations/ocala-fl.md", field: "clinic" });
    expect(problem!.message).toMatch(
      /^Ocala, FL is 2\d\d\.\d mi from Test Acupuncture South \(south\), outside its 80-mi service area$/,
    );
    expect(problem!.hint).toContain("serviceRadius");
  });

  it("takes a clinic's own radius over the site's default", () => {
    const root = copyFixture();
    write(root, "locations/ocala-fl.md", location("Ocala", "FL", 29.1872, -82.14009, "south"));
    edit(root, "site.yaml", (t) =>
      t.replace("    acceptingNewPatients: true", "    acceptingNewPatients: true\n    serviceRadius: 300"),
    );
    expect(planProblems(root)).toEqual([]);
  });

  it("measures the radius in the site's units", () => {
    const root = copyFixture();
    write(root, "locations/ocala-fl.md", location("Ocala", "FL", 29.1872, -82.14009, "south"));
    edit(root, "site.yaml", (t) => `${t}units: km\n`);
    expect(planProblems(root)[0]!.message).toMatch(/is \d{3}\.\d km from .* outside its 130-km service area/);
    edit(root, "site.yaml", (t) => `${t}serviceRadius: 450\n`);
    expect(planProblems(root)).toEqual([]);
  });

  it("refuses a location assigned to a clinic across the country, suggesting the one that serves it", () => {
    const root = copyFixture();
    edit(root, "locations/long-branch-nj.md", (t) => t.replace("clinic: north", "clinic: south"));
    const [problem] = planProblems(root);
    expect(problem!.message).toMatch(/^Long Branch, NJ is 1\d{3}\.\d mi from Test Acupuncture South/);
    expect(problem!.hint).toMatch(/^assign clinic: north \(4\.\d mi away\)/);
  });

  it("warns when a much nearer clinic exists, naming it", () => {
    const root = copyFixture();
    const newark =
      `  - id: newark\n    name: Test Acupuncture Newark\n    address: { street: 3 Market St, locality: Newark, region: NJ, postalCode: "07102", country: US }\n` +
      `    geo: { lat: 40.7357, lng: -74.1724 }\n    phone: "+1-973-555-0177"\n    hours:\n      - { days: [Mo], opens: "09:00", closes: "17:00" }\n` +
      `    bookingUrl: https://book.clinic.test/newark\n    practitioners: [ann-reviewer]\n`;
    edit(root, "site.yaml", (t) => t.replace("  - id: south", `${newark}  - id: south`));
    edit(root, "locations/long-branch-nj.md", (t) => t.replace("clinic: north", "clinic: newark"));
    const { warnings, errors } = checkServiceAreas(modelOf(root));
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: "locations/long-branch-nj.md", field: "clinic" });
    expect(warnings[0]!.message).toMatch(
      /assigned to newark \(\d+\.\d mi\) but Test Acupuncture North is 4\.\d mi away/,
    );
    expect(warnings[0]!.hint).toContain("clinic: north");
  });
});

describe("coordinates against the location's region", () => {
  it("accepts coastal towns that the 1:10m outline leaves just offshore", () => {
    expect(regionContains("US", "NJ", { lat: 40.37205, lng: -73.99903 })).toBe(true); // Rumson
    expect(regionContains("US", "FL", { lat: 26.27564, lng: -80.08727 })).toBe(true); // Lighthouse Point
    expect(regionContains("CA", "ON", { lat: 43.65, lng: -79.38 })).toBeUndefined(); // no outline shipped
  });

  it("refuses swapped lat and lng, saying they look swapped", () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) =>
      t.replace("geo: { lat: 40.34705, lng: -74.06431 }", "geo: { lat: -74.06431, lng: 40.34705 }"),
    );
    const problems = planProblems(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: "locations/red-bank-nj.md",
      field: "geo",
      message: "(-74.06431, 40.34705) is not in New Jersey",
    });
    expect(problems[0]!.hint).toContain(
      "lat and lng look swapped; write geo: { lat: 40.34705, lng: -74.06431 }",
    );
  });

  it("refuses a longitude with the wrong sign", () => {
    const root = copyFixture();
    edit(root, "locations/pompano-beach-fl.md", (t) => t.replace("lng: -80.12477", "lng: 80.12477"));
    const [problem] = planProblems(root);
    expect(problem).toMatchObject({
      file: "locations/pompano-beach-fl.md",
      field: "geo",
      message: "(26.23786, 80.12477) is not in Florida",
    });
    expect(problem!.hint).toContain("a sign looks wrong; write geo: { lat: 26.23786, lng: -80.12477 }");
  });

  it("refuses coordinates in another state", () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) => t.replace("region: NJ", "region: FL"));
    const [problem] = planProblems(root);
    expect(problem).toMatchObject({
      file: "locations/red-bank-nj.md",
      field: "geo",
      message: "(40.34705, -74.06431) is not in Florida",
    });
  });
});
