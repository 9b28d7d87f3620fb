import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../src/build/build.ts";
import { prepare } from "../src/build/prepare.ts";
import { OutOfMemoryError } from "../src/build/memory.ts";
import { packageRoot } from "../src/rules/package-paths.ts";
import { planImagesStage, renderPages } from "../src/build/stages.ts";
import { outputFile } from "../src/publish/page-file.ts";
import { renderWithEleventy } from "../src/render/eleventy-run.ts";
import { withImages } from "../src/render/render-data.ts";
import { copyFixture, runCommand } from "./helpers.ts";
import { main as buildCommand } from "../src/cli/build.ts";

const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), "clinic-chunks-"));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tree(dir: string): Record<string, string> {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(
    walk(dir).map((f) => [relative(dir, f), createHash("sha256").update(readFileSync(f)).digest("hex")]),
  );
}

const today = "2026-11-25";

describe("the chunked build", () => {
  it("renders every page of the sample site byte for byte as Eleventy's own build does", async () => {
    const planned = await planImagesStage(prepare(packageRoot), packageRoot);
    const reference = await renderWithEleventy(
      withImages(planned.data, planned.images),
      join(temp(), "eleventy"),
    );
    const out = join(temp(), "chunked");
    await renderPages(planned, planned.plan.pages, out, { today, threads: 1 });
    expect(reference.length).toBe(planned.plan.pages.length);
    for (const page of reference)
      expect(readFileSync(outputFile(out, page.url), "utf8"), page.url).toBe(page.html);
  }, 120_000);

  it("writes the same site, byte for byte, in many chunks over worker threads as in one chunk", async () => {
    const root = copyFixture();
    temps.push(root);
    const options = { root, today };
    const one = join(temp(), "one");
    const many = join(temp(), "many");
    const whole = await build({ ...options, outDir: one, threads: 1, chunkSize: 10_000 });
    const chunked = await build({ ...options, outDir: many, threads: 2, chunkSize: 3 });
    expect(whole.pages).toBeGreaterThan(3 * 4);
    expect(tree(many)).toEqual(tree(one));
    expect(readFileSync(join(many, "acupuncture-for-sciatica/red-bank-nj/index.html"), "utf8")).toContain(
      "<h1>Acupuncture for Sciatica in Red Bank, NJ</h1>",
    );
    expect(chunked.indexable).toBe(whole.indexable);
  }, 120_000);

  it("stops with the page count and what to do when the build does not fit its memory, keeping the last output", async () => {
    const root = copyFixture();
    temps.push(root);
    const outDir = join(temp(), "output");
    await build({ root, outDir, today, threads: 1 });
    writeFileSync(join(outDir, "marker.txt"), "the last good site");
    const before = tree(outDir);
    const failing = build({ root, outDir, today, threads: 1, memoryMb: 1 });
    await expect(failing).rejects.toThrow(OutOfMemoryError);
    await expect(failing).rejects.toThrow(
      /Out of memory: building \d+ pages needed more than 1 MB[\s\S]*--shard 1\/2[\s\S]*--chunk-size/,
    );
    expect(tree(outDir)).toEqual(before);
    expect(readdirSync(join(outDir, "..")).filter((name) => name.includes(".building-"))).toEqual([]);
  });

  it("says the same on the command line, with exit code 1 and no stack trace", async () => {
    const root = copyFixture();
    temps.push(root);
    const out = join(temp(), "output");
    const run = (...args: string[]) =>
      runCommand(buildCommand, ["--root", root, "--out", out, ...args], { CLINIC_PAGES_TODAY: today });
    expect((await run()).status).toBe(0);
    const before = tree(out);
    const failed = await run("--threads", "2", "--chunk-size", "40", "--memory", "16");
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^Out of memory: building \d+ pages/m);
    expect(failed.stderr).toContain("npm run build -- --shard 1/2");
    expect(failed.stderr).toContain("--chunk-size 10");
    expect(failed.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(tree(out)).toEqual(before);
  }, 60_000);
});
