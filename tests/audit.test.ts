import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/build/build.ts";
import { AuditError } from "../src/problems.ts";
import { copyFixture, edit, fixtureSite, temp } from "./helpers.ts";

const outDir = () => join(temp("audit"), "output");

async function auditErrors(root: string) {
  try {
    await build({ root, outDir: outDir(), today: "2026-11-25" });
  } catch (error) {
    if (error instanceof AuditError) return error.audit.findings.filter((f) => f.severity === "error");
    throw error;
  }
  return [];
}

describe("medical copy gate", () => {
  it("refuses unsupported claims, naming the phrase and the files behind the page", async () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) =>
      t.replace(
        "and the train timetable.",
        "and the train timetable. Our treatment is guaranteed to cure sciatica with no side effects.",
      ),
    );
    const claims = (await auditErrors(root)).filter(
      (f) => f.check === "medical.claim" && f.page === "/acupuncture-for-sciatica/red-bank-nj/",
    );
    expect(claims.map((f) => f.message.match(/"([^"]+)" in/)![1]!.toLowerCase()).sort()).toEqual([
      "cure",
      "guaranteed",
      "no side effects",
    ]);
    expect(claims[0]!.files).toContain("locations/red-bank-nj.md");
  });

  it("allows a claim word inside a cited study's title", async () => {
    const root = copyFixture();
    edit(root, "conditions/sciatica.md", (t) =>
      t.replace(
        'title: "Acupuncture for Chronic Pain: Update of an Individual Patient Data Meta-Analysis"',
        'title: "A Proven Approach? Acupuncture for Chronic Pain"',
      ),
    );
    expect((await auditErrors(root)).filter((f) => f.check === "medical.claim")).toEqual([]);
  });

  it("refuses condition pages whose review is older than the configured age", async () => {
    const root = copyFixture();
    edit(root, "conditions/neck-pain.md", (t) =>
      t.replace("lastReviewed: 2026-09-12", "lastReviewed: 2025-10-30"),
    );
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
    expect(report.schema).toBe("clinic-pages/report@2");
    expect(report.summary).toMatchObject({ pages: 24, indexable: 23, noindexed: 0, errors: 0 });
    const page = report.pages.find(
      (p: { url: string }) => p.url === "/acupuncture-for-sciatica/red-bank-nj/",
    );
    expect(page).toMatchObject({
      kind: "conditionLocation",
      indexable: true,
      files: ["locations/red-bank-nj.md", "conditions/sciatica.md"],
    });
    expect(page.uniqueness).toMatchObject({
      status: "ok",
      localFacts: expect.any(Number),
      unique: expect.any(Number),
    });
    expect(page.uniqueness.similarity).toBeLessThan(0.55);
    expect(page.uniqueness.similarTo).toMatch(/^\/acupuncture-for-[a-z-]+\/[a-z-]+\/$/);
    const html = readFileSync(join(reportDir, "index.html"), "utf8");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain("Pages by similarity to their closest sibling");
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
    expect(
      JSON.parse(readFileSync(join(dirname(out), "report/failed/report.json"), "utf8")).summary.errors,
    ).toBeGreaterThan(0);
  });
});
