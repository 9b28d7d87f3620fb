import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../src/build/build.ts";
import { copyFixture } from "./helpers.ts";

type Node = Record<string, unknown>;
const read = (out: string, url: string) =>
  readFileSync(join(out, url.endsWith("/") ? `${url}index.html` : url), "utf8");
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");
const graphOf = (html: string) =>
  JSON.parse(html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!)[
    "@graph"
  ] as Node[];

describe("clinic and practitioner pages", () => {
  let out: string;
  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), "clinic-entities-")), "output");
    await build({ root: copyFixture(), outDir: out, today: "2026-11-25" });
  });

  it("gives each clinic a page with address, hours, cost and insurance, its team and the places it serves", () => {
    const html = read(out, "/clinics/north/");
    expect(html).toContain("<h1>Test Acupuncture North</h1>");
    const body = text(html);
    expect(body).toContain("1 North St");
    expect(body).toContain("Monday 9:00 AM – 5:00 PM");
    expect(body).toContain("Saturday Closed");
    expect(body).toContain("Self-pay visits: $80–$120.");
    expect(body).toContain("Fixture Health Plan");
    expect(html).toContain('href="/team/ann-reviewer/"');
    expect(body).toMatch(
      /Red Bank, NJ 0\.\d miles Long Branch, NJ 4\.\d miles Asbury Park, NJ \d+\.\d miles/,
    );
    expect(html).toContain('href="https://book.clinic.test/north"');
  });

  it("owns the MedicalClinic's url and @id; other pages use the same ones", () => {
    const clinic = graphOf(read(out, "/clinics/north/")).find((n) => n["@type"] === "MedicalClinic")!;
    expect(clinic).toMatchObject({
      "@id": "https://clinic.test/clinics/north/#clinic",
      url: "https://clinic.test/clinics/north/",
      priceRange: "$80–$120",
    });
    expect((clinic.areaServed as Node[]).map((a) => a.name)).toEqual([
      "Red Bank, NJ",
      "Long Branch, NJ",
      "Asbury Park, NJ",
    ]);
    const page = graphOf(read(out, "/clinics/north/")).find((n) => n["@type"] === "WebPage")!;
    expect(page.mainEntity).toEqual({ "@id": "https://clinic.test/clinics/north/#clinic" });
    for (const url of ["/locations/red-bank-nj/", "/"]) {
      const other = graphOf(read(out, url)).find(
        (n) => n["@type"] === "MedicalClinic" && String(n["@id"]).includes("north"),
      )!;
      expect(other, url).toMatchObject({
        "@id": "https://clinic.test/clinics/north/#clinic",
        url: "https://clinic.test/clinics/north/",
      });
    }
    // City pages name the clinic and point at its page rather than repeating the full node.
    const city = graphOf(read(out, "/acupuncture-for-sciatica/red-bank-nj/"));
    expect(city.filter((n) => n["@type"] === "MedicalClinic")).toEqual([]);
    expect(city.find((n) => n["@type"] === "MedicalWebPage")!.mentions).toEqual({
      "@type": "MedicalClinic",
      "@id": "https://clinic.test/clinics/north/#clinic",
      name: "Test Acupuncture North",
      url: "https://clinic.test/clinics/north/",
    });
  });

  it("gives each practitioner a profile page that the byline and reviewedBy point to", () => {
    const html = read(out, "/team/ann-reviewer/");
    expect(html).toContain("<h1>Ann Reviewer, DACM, L.Ac.</h1>");
    expect(text(html)).toContain("Ann is a fictional practitioner");
    expect(html).toContain('href="/clinics/north/"');
    expect(html).toContain('href="/acupuncture-for-sciatica/"');
    const graph = graphOf(html);
    expect(graph.find((n) => n["@type"] === "ProfilePage")!.mainEntity).toEqual({
      "@id": "https://clinic.test/team/ann-reviewer/#person",
    });
    expect(graph.find((n) => n["@type"] === "Person" && n.description)).toMatchObject({
      url: "https://clinic.test/team/ann-reviewer/",
      name: "Ann Reviewer",
    });
    const medical = graphOf(read(out, "/acupuncture-for-sciatica/red-bank-nj/")).find(
      (n) => n["@type"] === "MedicalWebPage",
    )!;
    expect(medical.reviewedBy).toMatchObject({
      "@id": "https://clinic.test/team/ann-reviewer/#person",
      url: "https://clinic.test/team/ann-reviewer/",
    });
  });

  it("lists clinics and team on hubs in the navigation, with breadcrumbs and sitemap entries", () => {
    const home = read(out, "/");
    expect(home).toContain('<a href="/clinics/">');
    expect(home).toContain('<a href="/team/">');
    expect(read(out, "/clinics/")).toContain('href="/clinics/south/"');
    expect(read(out, "/team/")).toContain('href="/team/ann-reviewer/"');
    const crumbs = graphOf(read(out, "/team/ann-reviewer/")).find((n) => n["@type"] === "BreadcrumbList")!;
    expect((crumbs.itemListElement as Node[]).map((i) => i.item)).toEqual([
      "https://clinic.test/",
      "https://clinic.test/team/",
      "https://clinic.test/team/ann-reviewer/",
    ]);
    const sitemap = readFileSync(join(out, "sitemap.xml"), "utf8");
    for (const url of ["/clinics/", "/clinics/north/", "/team/", "/team/ann-reviewer/"])
      expect(sitemap).toContain(`<loc>https://clinic.test${url}</loc>`);
  });

  it("runs the same audit on them as on every page", () => {
    const report = JSON.parse(readFileSync(join(dirname(out), "report/report.json"), "utf8"));
    const kinds = new Set(report.pages.map((p: { kind: string }) => p.kind));
    for (const kind of ["clinic", "clinics", "practitioner", "team"]) expect(kinds).toContain(kind);
    expect(report.notBuilt.map((n: { url: string }) => n.url)).toContain(
      "/acupuncture-for-sciatica/pompano-beach-fl/",
    );
    expect(readFileSync(join(dirname(out), "report/index.html"), "utf8")).toContain(
      "Condition × location pages not built",
    );
  });
});
