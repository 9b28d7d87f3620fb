import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.ts";
import { combine } from "../src/combine.ts";
import { packageRoot } from "../src/pipeline/paths.ts";
import { DataError } from "../src/problems.ts";
import { copyFixture, edit, temp as tempFolder } from "./helpers.ts";

function pages(dir: string): Record<string, string> {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(
    walk(dir)
      .map((f) => relative(dir, f))
      .filter((f) => !f.startsWith("_report/") && !f.startsWith("sitemap"))
      .sort()
      .map((f) => [f, createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")]),
  );
}

const temp = () => tempFolder("shard");

describe("sharded builds", () => {
  it("three shards of the sample site combine into the same pages as one build, with a sitemap index", async () => {
    const options = { root: packageRoot, today: "2026-11-25" };
    const whole = join(temp(), "output");
    await build({ ...options, outDir: whole });
    const shards = [1, 2, 3].map((i) => join(temp(), `shard-${i}`));
    const sizes = [];
    for (const [i, dir] of shards.entries()) sizes.push((await build({ ...options, outDir: dir, shard: { index: i + 1, count: 3 } })).pages);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(70);
    const combined = join(temp(), "output");
    const result = await combine({ ...options, outDir: combined, shards });
    expect(result.indexable).toBe(69);
    expect(pages(combined)).toEqual(pages(whole));
    const index = readFileSync(join(combined, "sitemap.xml"), "utf8");
    expect(index).toContain("<sitemapindex");
    const listed = [1, 2, 3].flatMap((i) => [...readFileSync(join(combined, `sitemap-${i}.xml`), "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    const single = [...readFileSync(join(whole, "sitemap.xml"), "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(single.sort());
    const report = JSON.parse(readFileSync(join(dirname(combined), "report/report.json"), "utf8"));
    expect(report.summary).toMatchObject({ pages: 70, indexable: 69, errors: 0 });
  }, 120_000);

  it("checks uniqueness across shards: a doorway clone in another shard still fails", async () => {
    const root = copyFixture();
    const redBank = readFileSync(join(root, "locations/red-bank-nj.md"), "utf8");
    edit(root, "locations/long-branch-nj.md", () => redBank.replace(/Red Bank/g, "Long Branch").replace("lat: 40.34705, lng: -74.06431", "lat: 40.30428, lng: -73.99236"));
    const options = { root, today: "2026-11-25" };
    const shards = [1, 2].map((i) => join(temp(), `shard-${i}`));
    for (const [i, dir] of shards.entries()) await build({ ...options, outDir: dir, shard: { index: i + 1, count: 2 } });
    await expect(combine({ ...options, outDir: join(temp(), "output"), shards })).rejects.toThrow(/uniqueness\.duplicate/);
  });

  it("refuses to combine when a shard is missing", async () => {
    const root = copyFixture();
    const options = { root, today: "2026-11-25" };
    const one = join(temp(), "shard-1");
    await build({ ...options, outDir: one, shard: { index: 1, count: 2 } });
    await expect(combine({ ...options, outDir: join(temp(), "output"), shards: [one] })).rejects.toThrow(DataError);
  });
});
