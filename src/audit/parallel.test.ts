import { describe, expect, it } from "vitest";
import { defaultClaimPhrases } from "../validate/site-schema.ts";
import { analyzePages, parallelThreshold } from "./parallel.ts";

const quality = {
  uniqueness: { min: 0.15, warn: 0.25 },
  onThin: "fail" as const,
  reviewMaxAgeMonths: 12,
  claims: { phrases: defaultClaimPhrases, allowInCitations: true },
  thirdPartyHosts: [],
};

describe("audit on worker threads", () => {
  it("gives the same summaries as the main thread, checking links against every planned URL", async () => {
    // Like a shard: the pages link to planned pages built elsewhere (/other-shard/…), which are
    // fine, and to one page that is planned nowhere, which is broken.
    const pages = Array.from({ length: parallelThreshold + 100 }, (_, i) => ({
      url: `/p${i}/`,
      html: `<!doctype html><html lang="en"><head><title>Page ${i}</title></head><body data-page-kind="x"><main><h1>Page ${i}</h1><p>Words for page number ${i} ${i % 7 === 0 ? "a guaranteed cure" : "may help"}.</p><a href="/p${(i + 1) % 50}/#missing">next</a><a href="/other-shard/${i % 3}/">elsewhere</a>${i === 9 ? '<a href="/nowhere/">gone</a>' : ""}</main></body></html>`,
    }));
    const urls = new Set([
      ...pages.map((p) => p.url),
      "/other-shard/0/",
      "/other-shard/1/",
      "/other-shard/2/",
    ]);
    const ctx = { origin: "https://clinic.test", urls, quality, today: "2026-11-25" };
    const strip = (list: Awaited<ReturnType<typeof analyzePages>>) =>
      list.map((s) => ({ ...s, words: Array.from(s.words) }));
    const parallel = await analyzePages(pages, ctx, 2);
    const single = await analyzePages(pages, ctx, 1);
    expect(parallel).toHaveLength(pages.length);
    expect(strip(parallel)).toEqual(strip(single));
    expect(parallel[7]!.findings.map((f) => f.check)).toContain("medical.claim");
    const broken = parallel.flatMap((s) =>
      s.findings.filter((f) => f.check === "seo.link-broken").map((f) => `${f.page} ${f.message}`),
    );
    expect(broken).toEqual(["/p9/ links to /nowhere/, which is not a built page"]);
  });
});
