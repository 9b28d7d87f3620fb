import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { previewProject, startPreview, waitFor } from "../../bench/preview.ts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { copyFixture, edit, fixtureRoot } from "../../tests/helpers.ts";
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

describe("#11 npm start is the preview composition of the build's stages", () => {
  it("#11 serves the pages with live reload, rebuilds on an edit, shows bad data in the terminal and a banner, drops a deleted city", async () => {
    const root = previewProject(fixtureRoot);
    made.push(root);
    const port = 19_000 + (process.pid % 1000);
    const server = startPreview(root, port);
    let terminal = "";
    server.stderr!.on("data", (chunk: Buffer) => (terminal += chunk.toString()));
    const out = join(root, previewOutput);
    const hub = join(out, "locations/red-bank-nj/index.html");
    const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");
    try {
      await waitFor(() => existsSync(hub));
      expect(readdirSync(join(out, "cards")).length).toBeGreaterThan(0);
      const served = await fetchWhenUp(`http://localhost:${port}/locations/red-bank-nj/`);
      expect(served).toContain("Red Bank");
      expect(served).toMatch(/<script type="module"[^>]+reload-client\.js/);

      edit(
        root,
        "locations/red-bank-nj.md",
        (t) => `${t}\nThe ferry to Manhattan leaves from the foot of Broad Street.\n`,
      );
      await waitFor(() => read(hub).includes("The ferry to Manhattan"), 20_000);

      edit(root, "locations/red-bank-nj.md", (t) => t.replace("lat: 40.34705", 'lat: "forty"'));
      await waitFor(() => read(hub).includes("The data has problems"), 20_000);
      expect(read(hub)).toContain("locations/red-bank-nj.md");
      expect(read(join(out, "index.html"))).toContain("The data has problems");
      expect(terminal).toContain("locations/red-bank-nj.md");
      expect(terminal).toContain("geo.lat");

      edit(root, "locations/red-bank-nj.md", (t) => t.replace('lat: "forty"', "lat: 40.34705"));
      await waitFor(
        () => read(hub).includes("The ferry to Manhattan") && !read(hub).includes("The data has problems"),
        20_000,
      );

      const city = join(out, "locations/long-branch-nj/index.html");
      expect(existsSync(city)).toBe(true);
      rmSync(join(root, "locations/long-branch-nj.md"));
      await waitFor(() => !existsSync(city), 20_000);
    } finally {
      process.kill(-server.pid!, "SIGTERM");
    }
  }, 90_000);
});

describe("#11 render stays a stage", () => {
  it("#11 src/render imports nothing from the build's composition and never runs sharp", () => {
    const dir = join(import.meta.dirname, "../render");
    for (const name of readdirSync(dir).filter((n) => /\.[jt]s$/.test(n) && !n.includes(".test."))) {
      const imports = [...readFileSync(join(dir, name), "utf8").matchAll(/from "([^"]+)"/g)].map(
        (m) => m[1]!,
      );
      const wrong = imports.filter(
        (i) => i.startsWith("../build/") || i === "sharp" || i === "../images/generate.ts",
      );
      expect(wrong, name).toEqual([]);
    }
  });
});

/** The page's text as a browser navigating to it gets it, once the server answers (it may write pages before it listens). */
async function fetchWhenUp(url: string): Promise<string> {
  for (let tries = 0; ; tries++) {
    try {
      return await navigate(url);
    } catch (error) {
      if (tries > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** GET as a page navigation (fetch() would send `sec-fetch-mode: cors`, which gets no reload script). */
function navigate(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "sec-fetch-mode": "navigate", accept: "text/html" } }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve(body));
    }).on("error", reject);
  });
}
