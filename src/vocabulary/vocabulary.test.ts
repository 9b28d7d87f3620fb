import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packagePath } from "../rules/package-paths.ts";
import { checkGoogle } from "../structured-data/google.ts";
import { deriveVocabulary, readRelease, release, releaseFile } from "./derive.ts";
import { checkVocabulary, isA, vocabulary } from "./vocabulary.ts";

const messages = (graph: unknown[]) => checkVocabulary(graph as never).map((f) => `${f.path}: ${f.message}`);

describe("compact schema.org vocabulary", () => {
  it("knows the medical types and their parents", () => {
    expect(isA("MedicalClinic", "LocalBusiness")).toBe(true);
    expect(isA("MedicalClinic", "Organization")).toBe(true);
    expect(isA("MedicalWebPage", "CreativeWork")).toBe(true);
    expect(isA("Person", "Organization")).toBe(false);
    expect(vocabulary().superseded.branchOf).toBe("parentOrganization");
  });

  // The release ships in vocab/ (or CLINIC_PAGES_SCHEMAORG points to another copy), so this runs everywhere.
  it("is exactly what npm run vocab derives from the official release", () => {
    const source = process.env.CLINIC_PAGES_SCHEMAORG ?? packagePath(releaseFile);
    const derived = deriveVocabulary(readRelease(source), release);
    expect(`${JSON.stringify(derived)}\n`).toBe(
      readFileSync(packagePath("src/vocabulary/schemaorg.json"), "utf8"),
    );
  });
});

describe("vocabulary check", () => {
  it("accepts a valid linked graph", () => {
    const graph = [
      { "@type": "Organization", "@id": "#org", name: "A" },
      {
        "@type": "MedicalClinic",
        "@id": "#c",
        name: "B",
        parentOrganization: { "@id": "#org" },
        openingHoursSpecification: [
          { "@type": "OpeningHoursSpecification", dayOfWeek: "https://schema.org/Monday", opens: "09:00" },
        ],
      },
    ];
    expect(messages(graph)).toEqual([]);
  });

  it("rejects unknown types and properties with their path", () => {
    expect(messages([{ "@type": "AcupunctureClinic", name: "x" }])).toEqual([
      '@graph[0].@type: "AcupunctureClinic" is not a schema.org type',
    ]);
    expect(messages([{ "@type": "MedicalClinic", phone: "1" }])).toEqual([
      '@graph[0].phone: "phone" is not a schema.org property',
    ]);
  });

  it("rejects a property used on a type it does not belong to", () => {
    expect(messages([{ "@type": "Person", isAcceptingNewPatients: true }])[0]).toContain(
      '"isAcceptingNewPatients" is not a property of Person',
    );
  });

  it("rejects superseded terms", () => {
    expect(
      messages([{ "@type": "MedicalClinic", branchOf: { "@type": "Organization", name: "x" } }])[0],
    ).toContain('superseded by "parentOrganization"');
  });

  it("rejects enumeration values that do not exist or do not fit", () => {
    expect(
      messages([{ "@type": "OpeningHoursSpecification", dayOfWeek: "https://schema.org/Funday" }])[0],
    ).toContain("is not a schema.org term");
    expect(
      messages([
        { "@type": "OpeningHoursSpecification", dayOfWeek: "https://schema.org/TraditionalChinese" },
      ])[0],
    ).toContain('is not a valid value for "dayOfWeek"');
  });

  it("rejects nested nodes and references outside the property's range, and dangling ids", () => {
    expect(messages([{ "@type": "MedicalClinic", address: { "@type": "Person", name: "x" } }])[0]).toContain(
      'a Person is not a valid value for "address"',
    );
    expect(messages([{ "@type": "WebPage", isPartOf: { "@id": "#nowhere" } }])[0]).toContain(
      "points at no node",
    );
  });
});

describe("Google rich-result rules", () => {
  const google = (graph: unknown[]) =>
    checkGoogle(graph as never).map((f) => `${f.severity} ${f.path}: ${f.message}`);
  /** A clinic with everything Google requires and recommends, then the fields under test. */
  const clinic = (fields: Record<string, unknown>) => ({
    "@type": "MedicalClinic",
    name: "x",
    address: "a",
    logo: "l",
    telephone: "t",
    url: "u",
    geo: { latitude: 1.123456, longitude: 2.123456 },
    openingHoursSpecification: [1],
    ...fields,
  });

  it("requires name and address on a LocalBusiness and recommends phone, url, geo, hours", () => {
    const found = google([{ "@type": "MedicalClinic", name: "x", logo: "l" }]);
    expect(found).toContain('error @graph[0].address: MedicalClinic needs "address" for Google rich results');
    expect(found).toContain(
      'warning @graph[0].telephone: MedicalClinic should have "telephone" (recommended by Google)',
    );
  });

  it("refuses self-serving ratings on the business", () => {
    expect(google([clinic({ aggregateRating: {} })])).toEqual([
      'error @graph[0].aggregateRating: "aggregateRating" on your own business is a self-serving review that Google ignores and may penalize; remove it',
    ]);
  });

  it("checks breadcrumb positions and FAQ answers", () => {
    const found = google([
      {
        "@type": "BreadcrumbList",
        itemListElement: [{ "@type": "ListItem", position: 2, name: "Home", item: "/" }],
      },
      { "@type": "FAQPage", mainEntity: [{ "@type": "Question", name: "Q?" }] },
    ]);
    expect(found).toContain("error @graph[0].itemListElement: a breadcrumb trail needs at least two items");
    expect(found).toContain("error @graph[0].itemListElement[0].position: expected position 1, got 2");
    expect(found).toContain(
      "error @graph[1].mainEntity[0].acceptedAnswer.text: each question needs an acceptedAnswer with text",
    );
  });

  it("warns when coordinates have fewer than 5 decimal places", () => {
    expect(google([clinic({ geo: { latitude: 26.2, longitude: -80.09712 } })])).toEqual([
      "warning @graph[0].geo.latitude: latitude 26.2 has 1 decimal places; Google asks for at least 5",
    ]);
  });
});
