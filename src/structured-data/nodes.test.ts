import { describe, expect, it } from "vitest";
import { fixtureRoot } from "../../tests/helpers.ts";
import { prepare } from "../build/prepare.ts";
import {
  breadcrumbNode,
  clinicNode,
  clinicRef,
  conditionNode,
  faqNode,
  organizationNode,
  personNode,
  therapyNode,
} from "./nodes.ts";
import { serializeJsonLd } from "./index.ts";
import { buildGraph } from "./graph.ts";

const { data } = prepare(fixtureRoot);

describe("node builders", () => {
  it("Organization: stable @id on the origin, absolute logo", () => {
    expect(organizationNode(data)).toMatchInlineSnapshot(`
      {
        "@id": "https://clinic.test/#organization",
        "@type": "Organization",
        "logo": "https://clinic.test/assets/logo.svg",
        "name": "Test Acupuncture",
        "telephone": "+1-732-555-0100",
        "url": "https://clinic.test/",
      }
    `);
  });

  it("MedicalClinic: address, geo, hours with 24-hour days, area served, link to the organization", () => {
    const node = clinicNode(
      data,
      data.clinics.south!,
      data.locations["pompano-beach-fl"],
    ) as unknown as Record<string, unknown>;
    // The clinic's url and @id belong to its own page.
    expect(node["@id"]).toBe("https://clinic.test/clinics/south/#clinic");
    expect(node.url).toBe("https://clinic.test/clinics/south/");
    expect(node.address).toEqual({
      "@type": "PostalAddress",
      streetAddress: "2 South St",
      addressLocality: "Southport",
      addressRegion: "FL",
      postalCode: "33062",
      addressCountry: "US",
    });
    expect(node.geo).toEqual({ "@type": "GeoCoordinates", latitude: 26.23245, longitude: -80.09712 });
    expect(node.openingHoursSpecification).toEqual([
      {
        "@type": "OpeningHoursSpecification",
        dayOfWeek: ["https://schema.org/Monday", "https://schema.org/Wednesday"],
        opens: "00:00",
        closes: "23:59",
      },
    ]);
    expect(node.areaServed).toEqual({ "@type": "City", name: "Pompano Beach, FL" });
    expect(node.parentOrganization).toEqual({ "@id": "https://clinic.test/#organization" });
    expect(node.isAcceptingNewPatients).toBe(true);
    expect(node).not.toHaveProperty("aggregateRating");
    expect(clinicNode(data, data.clinics.north!)).not.toHaveProperty("isAcceptingNewPatients");
  });

  it("MedicalClinic: priceRange from the self-pay range; city pages carry only a reference to the clinic page", () => {
    expect(clinicNode(data, data.clinics.north!)).toMatchObject({ priceRange: "$80–$120" });
    expect(clinicRef(data, data.clinics.north!)).toEqual({
      "@type": "MedicalClinic",
      "@id": "https://clinic.test/clinics/north/#clinic",
      name: "Test Acupuncture North",
      url: "https://clinic.test/clinics/north/",
    });
  });

  it("MedicalTherapy: acupuncture belongs to traditional Chinese medicine", () => {
    expect(therapyNode(data)).toMatchObject({
      "@type": "MedicalTherapy",
      medicineSystem: "https://schema.org/TraditionalChinese",
    });
  });

  it("MedicalCondition: ICD-10-CM codes and the therapy as possible treatment", () => {
    expect(conditionNode(data, data.conditions.sciatica!)).toMatchInlineSnapshot(`
      {
        "@id": "https://clinic.test/acupuncture-for-sciatica/#condition",
        "@type": "MedicalCondition",
        "code": [
          {
            "@type": "MedicalCode",
            "codeValue": "M54.30",
            "codingSystem": "ICD-10-CM",
          },
        ],
        "name": "Sciatica",
        "possibleTreatment": {
          "@id": "https://clinic.test/#therapy",
        },
      }
    `);
  });

  it("Person: the reviewer with credentials", () => {
    expect(personNode(data, data.conditions.sciatica!.reviewerPerson)).toMatchObject({
      "@type": "Person",
      "@id": "https://clinic.test/team/ann-reviewer/#person",
      url: "https://clinic.test/team/ann-reviewer/",
      name: "Ann Reviewer",
      honorificSuffix: "DACM, L.Ac.",
      jobTitle: "Clinical Director",
    });
  });

  it("BreadcrumbList: positions from 1 and absolute item URLs", () => {
    const node = breadcrumbNode(data, "#b", [
      { name: "Home", url: "/" },
      { name: "Sciatica", url: "/acupuncture-for-sciatica/" },
    ]) as unknown as { itemListElement: unknown[] };
    expect(node.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: "https://clinic.test/" },
      {
        "@type": "ListItem",
        position: 2,
        name: "Sciatica",
        item: "https://clinic.test/acupuncture-for-sciatica/",
      },
    ]);
  });

  it("FAQPage: one Question with an accepted Answer per item", () => {
    expect(faqNode("#f", [{ q: "Q?", a: "A." }])).toEqual({
      "@type": "FAQPage",
      "@id": "#f",
      mainEntity: [{ "@type": "Question", name: "Q?", acceptedAnswer: { "@type": "Answer", text: "A." } }],
    });
  });
});

describe("the page node of each page kind", () => {
  const expected: Record<string, string> = {
    conditionLocation: "MedicalWebPage",
    condition: "MedicalWebPage",
    location: "CollectionPage",
    locations: "CollectionPage",
    clinics: "CollectionPage",
    team: "CollectionPage",
    practitioner: "ProfilePage",
    clinic: "WebPage",
    home: "WebPage",
    notFound: "WebPage",
    statement: "WebPage",
  };

  it.each(Object.entries(expected))(
    "%s pages are a %s, linked to the site and their breadcrumb",
    (kind, type) => {
      const page = data.plan.pages.find((p) => p.kind === kind)!;
      const nodes = buildGraph(page, data)["@graph"] as ReadonlyArray<Record<string, unknown>>;
      const pageNode = nodes.find((n) => n["@id"] === `${page.canonical}#webpage`)!;
      expect(Object.keys(pageNode).slice(0, 2)).toEqual(["@type", "@id"]);
      expect(pageNode["@type"]).toBe(type);
      expect(pageNode.isPartOf).toEqual({ "@id": "https://clinic.test/#website" });
      const crumbs = nodes.filter((n) => n["@type"] === "BreadcrumbList");
      expect(crumbs.map((n) => n["@id"])).toEqual(
        pageNode.breadcrumb ? [`${page.canonical}#breadcrumb`] : [],
      );
    },
  );

  it("a medical page names its reviewer, review date and the studies it cites", () => {
    const page = data.plan.byKind.conditionLocation[0]!;
    const pageNode = buildGraph(page, data)["@graph"].find(
      (n) => (n as { "@type"?: string })["@type"] === "MedicalWebPage",
    );
    expect(pageNode).toMatchObject({
      reviewedBy: { "@type": "Person", "@id": expect.stringMatching(/\/team\/[a-z-]+\/#person$/) },
      lastReviewed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      mentions: { "@type": "MedicalClinic" },
    });
  });
});

describe("serializing JSON-LD for a script element", () => {
  const hostile = [
    "</script>",
    "</SCRIPT >",
    "<!--<script>",
    "\"quotes\" & 'apostrophes'",
    "line\u2028separator\u2029paragraph",
  ];

  it.each(hostile)("escapes %j so it cannot end the element, and parses back", (text) => {
    const json = serializeJsonLd({ name: text });
    expect(json).not.toMatch(/[<>\u2028\u2029]/);
    expect(json).not.toContain("&");
    expect(JSON.parse(json)).toEqual({ name: text });
  });
});
