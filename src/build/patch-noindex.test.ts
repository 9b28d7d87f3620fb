import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temp } from "../../tests/helpers.ts";
import { sha256 } from "../rules/digest.ts";
import { outputFile } from "../publish/page-file.ts";
import { patchNoindex } from "./stages.ts";

/** A site of `count` thin pages, each with its own canonical link. */
function thinSite(count: number): { dir: string; urls: string[] } {
  const dir = temp("patch");
  const urls = Array.from({ length: count }, (_, i) => `/thin/page-${i}/`);
  for (const url of urls) {
    mkdirSync(join(dir, url), { recursive: true });
    writeFileSync(
      outputFile(dir, url),
      `<head><link rel="canonical" href="https://clinic.test${url}"></head><body>${url}</body>`,
    );
  }
  return { dir, urls };
}

describe("switching thin pages to noindex", () => {
  // Past 1,000 pages the files are split over worker threads.
  it.each([[20], [1_234]])("rewrites all %i pages and returns each file's new hash", async (count) => {
    const { dir, urls } = thinSite(count);
    const digests = await patchNoindex(dir, urls, 2);
    expect(digests.size).toBe(count);
    for (const url of [urls[0]!, urls[count - 1]!]) {
      const html = readFileSync(outputFile(dir, url), "utf8");
      expect(html).toBe(`<head><meta name="robots" content="noindex"></head><body>${url}</body>`);
      expect(digests.get(`${url.slice(1)}index.html`)).toBe(sha256(html));
    }
    const patched = urls.filter((url) => readFileSync(outputFile(dir, url), "utf8").includes("noindex"));
    expect(patched.length).toBe(count);
  });

  it("names the page a worker could not patch", async () => {
    const { dir, urls } = thinSite(1_100);
    writeFileSync(outputFile(dir, urls[700]!), "<head></head>");
    await expect(patchNoindex(dir, urls, 2)).rejects.toThrow(
      /page-700\/index.html: noindexHtml: the page has neither a canonical link/,
    );
  });
});
