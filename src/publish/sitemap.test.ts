import { describe, expect, it } from "vitest";
import type { Page } from "../plan/index.ts";
import { buildSitemaps, urlsPerSitemap } from "./sitemap.ts";

const page = (i: number, lastmod = "2026-10-01"): Page =>
  ({
    kind: "notFound",
    url: `/p${String(i).padStart(6, "0")}/`,
    canonical: `https://clinic.test/p${String(i).padStart(6, "0")}/`,
    title: "",
    description: "",
    h1: "",
    heading: "",
    breadcrumbs: [],
    lastmod,
    indexable: true,
    sources: [],
  }) as Page;

describe("sitemaps", () => {
  it("one file up to 50,000 URLs, with lastmod and escaped locations", () => {
    const files = buildSitemaps(
      [page(1), { ...page(2), canonical: "https://clinic.test/a&b/" }],
      "https://clinic.test",
    );
    expect([...files.keys()]).toEqual(["sitemap.xml"]);
    expect(files.get("sitemap.xml")).toContain(
      "<url><loc>https://clinic.test/a&#38;b/</loc><lastmod>2026-10-01</lastmod></url>",
    );
  });

  it("past 50,000 URLs, a sitemap index over numbered parts", () => {
    const pages = Array.from({ length: urlsPerSitemap + 1 }, (_, i) =>
      page(i, i === urlsPerSitemap ? "2026-11-02" : "2026-10-01"),
    );
    const files = buildSitemaps(pages, "https://clinic.test");
    expect([...files.keys()].sort()).toEqual(["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
    expect(files.get("sitemap.xml")).toContain(
      "<sitemap><loc>https://clinic.test/sitemap-2.xml</loc><lastmod>2026-11-02</lastmod></sitemap>",
    );
    expect(files.get("sitemap-1.xml")!.match(/<url>/g)).toHaveLength(urlsPerSitemap);
  });
});
