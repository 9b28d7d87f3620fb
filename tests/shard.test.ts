import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { build } from "../src/build/build.ts";
import { combine } from "../src/build/combine.ts";
import { prepare } from "../src/build/prepare.ts";
import { packageRoot } from "../src/rules/package-paths.ts";
import { DataError } from "../src/problems.ts";
import { copyFixture, edit, fixtureSite, temp as tempFolder } from "./helpers.ts";

function pages(dir: string): Record<string, string> {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(
    walk(dir)
      .map((f) => relative(dir, f))
      .filter((f) => !f.startsWith("_report/") && !f.startsWith("sitemap"))
      .sort()
      .map((f) => [
        f,
        createHash("sha256")
          .update(readFileSync(join(dir, f)))
          .digest("hex"),
      ]),
  );
}

const temp = () => tempFolder("shard");

describe("sharded builds", () => {
  it("three shards of the fixture site combine into the same pages as one build, with a sitemap index", async () => {
    const options = { root: copyFixture(), today: "2026-11-25" };
    // The one build: the suite's build of the same fixture, on the same date.
    const whole = fixtureSite();
    const shards = [1, 2, 3].map((i) => join(temp(), `shard-${i}`));
    const sizes = [];
    for (const [i, dir] of shards.entries())
      sizes.push((await build({ ...options, outDir: dir, shard: { index: i + 1, count: 3 } })).pages);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(24);
    const combined = join(temp(), "output");
    const result = await combine({ ...options, outDir: combined, shards });
    expect(result.indexable).toBe(23);
    expect(pages(combined)).toEqual(pages(whole));
    const index = readFileSync(join(combined, "sitemap.xml"), "utf8");
    expect(index).toContain("<sitemapindex");
    const listed = [1, 2, 3].flatMap((i) =>
      [...readFileSync(join(combined, `sitemap-${i}.xml`), "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map(
        (m) => m[1],
      ),
    );
    const single = [...readFileSync(join(whole, "sitemap.xml"), "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (m) => m[1],
    );
    expect(listed.sort()).toEqual(single.sort());
    const report = JSON.parse(readFileSync(join(dirname(combined), "report/report.json"), "utf8"));
    expect(report.summary).toMatchObject({ pages: 24, indexable: 23, errors: 0 });
  }, 120_000);

  it("checks uniqueness across shards: a doorway clone in another shard still fails", async () => {
    const root = copyFixture();
    const redBank = readFileSync(join(root, "locations/red-bank-nj.md"), "utf8");
    edit(root, "locations/long-branch-nj.md", () =>
      redBank
        .replace(/Red Bank/g, "Long Branch")
        .replace("lat: 40.34705, lng: -74.06431", "lat: 40.30428, lng: -73.99236"),
    );
    const options = { root, today: "2026-11-25" };
    const shards = [1, 2].map((i) => join(temp(), `shard-${i}`));
    for (const [i, dir] of shards.entries())
      await build({ ...options, outDir: dir, shard: { index: i + 1, count: 2 } });
    await expect(combine({ ...options, outDir: join(temp(), "output"), shards })).rejects.toThrow(
      /uniqueness\.duplicate/,
    );
  });

  it("refuses to combine when a shard is missing", async () => {
    const root = copyFixture();
    const options = { root, today: "2026-11-25" };
    const one = join(temp(), "shard-1");
    await build({ ...options, outDir: one, shard: { index: 1, count: 2 } });
    await expect(combine({ ...options, outDir: join(temp(), "output"), shards: [one] })).rejects.toThrow(
      DataError,
    );
  });
});

describe("#11: shards of a plan larger than the shard", () => {
  it("check links against the whole plan, so links into other shards are not reported broken", async () => {
    const root = copyFixture();
    const options = { root, today: "2026-11-25", threads: 2, chunkSize: 2 };
    const dir = join(temp(), "shard-2");
    const result = await build({ ...options, outDir: dir, shard: { index: 2, count: 3 } });
    const all = prepare(root).plan.pages.length;
    expect(result.pages).toBeLessThan(all / 2);
    const files = Object.keys(pages(dir)).filter((f) => f.endsWith("index.html"));
    const linked = files.flatMap((f) =>
      [...readFileSync(join(dir, f), "utf8").matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!),
    );
    const missing = linked.filter(
      (url) => !url.startsWith("/assets/") && !existsSync(join(dir, url, "index.html")),
    );
    expect(missing.length).toBeGreaterThan(0);
    expect(result.audit.findings.filter((f) => f.check === "seo.link-broken")).toEqual([]);
  }, 60_000);
});

describe("the GitHub Actions matrix for shards", () => {
  it("builds every shard i/n on its own runner and combines all n after them", () => {
    const workflow = parse(readFileSync(join(packageRoot, "deploy/github/sharded-build.yml"), "utf8"));
    const shards = Number(workflow.env.SHARDS);
    expect(workflow.jobs.shard.strategy.matrix.shard).toEqual(
      Array.from({ length: shards }, (_, i) => i + 1),
    );
    const steps = (job: { steps: Array<{ run?: string }> }) => job.steps.map((s) => s.run ?? "").join("\n");
    expect(steps(workflow.jobs.shard)).toContain(
      "npm run build -- --shard ${{ matrix.shard }}/${{ env.SHARDS }} --out shard-${{ matrix.shard }}",
    );
    expect(workflow.jobs.combine.needs).toBe("shard");
    expect(steps(workflow.jobs.combine)).toMatch(/npm run combine -- .*seq 1 "\$SHARDS".*shard-\$i/);
  });
});
