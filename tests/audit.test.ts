import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.ts";
import { AuditError } from "../src/problems.ts";
import { copyFixture, edit, fixtureSite, temp } from "./helpers.ts";

const outDir = () => join(temp("audit"), "output");

/** Makes Long Branch a copy of Red Bank with only the name changed: a textbook doorway page. */
function cloneCity(root: string) {
  const redBank = readFileSync(join(root, "locations/red-bank-nj.md"), "utf8");
  edit(root, "locations/long-branch-nj.md", () => redBank.replace(/Red Bank/g, "Long Branch").replace("lat: 40.34705, lng: -74.06431", "lat: 40.30428, lng: -73.99236"));
}

async function auditErrors(root: string) {
  try {
    await build({ root, outDir: outDir(), today: "2026-11-25" });
  } catch (error) {
    if (error instanceof AuditError) return error.audit.findings.filter((f) => f.severity === "error");
    throw error;
  }
  return [];
}

describe("uniqueness gate", () => {
  it("fails two city pages that differ only by the city name, naming the twin and the file to fix", async () => {
    const root = copyFixture();
    cloneCity(root);
    const thin = (await auditErrors(root)).filter((f) => f.check === "uniqueness.thin");
    const page = thin.find((f) => f.page === "/acupuncture-for-sciatica/long-branch-nj/")!;
    expect(page).toBeDefined();
    expect(page.message).toMatch(/only \d+% of its text is unique against \/acupuncture-for-sciatica\/red-bank-nj\//);
    expect(page.files).toContain("locations/long-branch-nj.md");
    expect(page.hint).toContain("conditionNotes");
  });

  it("passes the same pages once the clone gets local copy of its own", async () => {
    const root = copyFixture();
    cloneCity(root);
    const local = "Long Branch patients walk the boardwalk from Pier Village to Seven Presidents park, and many work long summer shifts at the beach clubs. " +
      "Commuters take the North Jersey Coast Line two stops to our door, and the hospital staff from Monmouth Medical Center book early visits before their shifts begin. " +
      "Winter storms bring shoveling injuries, summer brings lifeguards with sore backs, and the West End has a large community of retirees who want to keep walking by the ocean.";
    edit(root, "locations/long-branch-nj.md", (t) => `${t.slice(0, t.lastIndexOf("---\n") + 4)}${local}\n`);
    expect((await auditErrors(root)).filter((f) => f.check === "uniqueness.thin")).toEqual([]);
  });

  it("with onThin: noindex, publishes thin pages with noindex and leaves them out of the sitemap", async () => {
    const root = copyFixture();
    cloneCity(root);
    edit(root, "site.yaml", (t) => `${t}  onThin: noindex\n`);
    const out = outDir();
    const result = await build({ root, outDir: out, today: "2026-11-25" });
    expect(result.audit.noindexed).toContain("/acupuncture-for-sciatica/long-branch-nj/");
    const html = readFileSync(join(out, "acupuncture-for-sciatica/long-branch-nj/index.html"), "utf8");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('rel="canonical"');
    expect(readFileSync(join(out, "sitemap.xml"), "utf8")).not.toContain("/acupuncture-for-sciatica/long-branch-nj/");
  });
});

describe("medical copy gate", () => {
  it("refuses unsupported claims, naming the phrase and the files behind the page", async () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) => `${t}\nOur treatment is guaranteed to cure sciatica with no side effects.\n`);
    const claims = (await auditErrors(root)).filter((f) => f.check === "medical.claim" && f.page === "/acupuncture-for-sciatica/red-bank-nj/");
    expect(claims.map((f) => f.message.match(/"([^"]+)" in/)![1]!.toLowerCase()).sort()).toEqual(["cure", "guaranteed", "no side effects"]);
    expect(claims[0]!.files).toContain("locations/red-bank-nj.md");
  });

  it("allows a claim word inside a cited study's title", async () => {
    const root = copyFixture();
    edit(root, "conditions/sciatica.md", (t) => t.replace('title: "Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis"', 'title: "A Proven Approach? Acupuncture for Chronic Pain"'));
    expect((await auditErrors(root)).filter((f) => f.check === "medical.claim")).toEqual([]);
  });

  it("refuses condition pages whose review is older than the configured age", async () => {
    const root = copyFixture();
    edit(root, "conditions/neck-pain.md", (t) => t.replace("lastReviewed: 2026-09-12", "lastReviewed: 2025-10-30"));
    const stale = (await auditErrors(root)).filter((f) => f.check === "medical.review-stale");
    expect(stale.map((f) => f.page)).toContain("/acupuncture-for-neck-pain/");
    expect(stale[0]!.message).toContain("2025-10-30");
    expect(stale[0]!.files).toContain("conditions/neck-pain.md");
  });
});

describe("reports", () => {
  it("writes report.json and an HTML report into report/ beside the site, never into it", () => {
    const out = fixtureSite();
    const reportDir = join(dirname(out), "report");
    const report = JSON.parse(readFileSync(join(reportDir, "report.json"), "utf8"));
    expect(report.schema).toBe("clinic-pages/report@1");
    expect(report.summary).toMatchObject({ pages: 20, indexable: 19, noindexed: 0, errors: 0 });
    const page = report.pages.find((p: { url: string }) => p.url === "/acupuncture-for-sciatica/red-bank-nj/");
    expect(page).toMatchObject({ kind: "conditionLocation", indexable: true, files: ["locations/red-bank-nj.md", "conditions/sciatica.md"] });
    expect(page.uniqueness.score).toBeGreaterThan(0);
    expect(page.uniqueness.similarTo).toMatch(/^\/acupuncture-for-[a-z-]+\/[a-z-]+\/$/);
    const html = readFileSync(join(reportDir, "index.html"), "utf8");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain("Pages by share of unique text");
    expect(existsSync(join(reportDir, "manifest.json"))).toBe(true);
    expect(readdirSync(out)).not.toContain("_report");
    expect(readdirSync(out).filter((name) => name.endsWith(".json"))).toEqual([]);
  });

  it("on failure, leaves output/ alone and writes the report beside it", async () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) => `${t}\nA miracle for your back.\n`);
    const out = outDir();
    await expect(build({ root, outDir: out, today: "2026-11-25" })).rejects.toThrow(/nothing was published/);
    expect(existsSync(out)).toBe(false);
    expect(JSON.parse(readFileSync(join(dirname(out), "report/failed/report.json"), "utf8")).summary.errors).toBeGreaterThan(0);
  });
});
