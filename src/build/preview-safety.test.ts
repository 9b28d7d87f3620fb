import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { copyFixture, edit } from "../../tests/helpers.ts";
import { previewData } from "./preview.ts";
import { previewOutput } from "../render/eleventy-settings.js";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe("#12.8 npm start stays apart from output/", () => {
  it("#12.8 the preview renders under .cache/, never output/", async () => {
    const root = copyFixture();
    made.push(root);
    expect(previewOutput).toBe(".cache/clinic-pages/preview");
    await previewData(root)();
    expect(existsSync(join(root, previewOutput, "img"))).toBe(true);
    expect(existsSync(join(root, "output"))).toBe(false);
  });

  it("#12.8 a deleted location's pages are removed from the preview on the next rebuild", async () => {
    const root = copyFixture();
    made.push(root);
    const out = join(root, previewOutput);
    const page = join(out, "acupuncture-for-sciatica/long-branch-nj/index.html");
    mkdirSync(join(page, ".."), { recursive: true });
    writeFileSync(page, "old page");
    writeFileSync(join(out, "index.html"), "home");
    const load = previewData(root);
    await load();
    expect(existsSync(page)).toBe(true);
    rmSync(join(root, "locations/long-branch-nj.md"));
    await load();
    expect(existsSync(page)).toBe(false);
    expect(existsSync(join(out, "index.html"))).toBe(true);
  });

  it("#12.8 the preview prints the audit's findings as the build would", async () => {
    const root = copyFixture();
    made.push(root);
    edit(root, "locations/red-bank-nj.md", (t) => `${t}\nA miracle for your back.\n`);
    const load = previewData(root);
    const data = await load();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const html = `<!doctype html><html lang="en"><head><title>x</title><link rel="canonical" href="${data.origin}/locations/red-bank-nj/"></head><body><main><h1>Red Bank</h1><p>A miracle for your back.</p></main></body></html>`;
    const lines = load.audit([
      { url: "/acupuncture-for-sciatica/red-bank-nj/", outputPath: join(root, "x.html"), content: html },
    ]);
    expect(lines.some((l) => l.startsWith("error: ") && l.includes("[medical.claim]"))).toBe(true);
    expect(error.mock.calls.flat().join("\n")).toContain("npm run build would refuse to publish");
  });
});
