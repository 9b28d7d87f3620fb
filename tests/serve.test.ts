import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../src/rules/package-paths.ts";
import { parseHeaders } from "../src/serve/rules.ts";
import { serveSite, type RunningServer } from "../src/serve/server.ts";
import { nodeArgs } from "./helpers.ts";

let dir: string;
let server: RunningServer;

/** A small built site: a home page, a folder page, the stylesheet, the 404 page, a secret beside it. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "clinic-serve-"));
  const site = join(dir, "output");
  for (const folder of ["assets", "locations", "admin"]) mkdirSync(join(site, folder), { recursive: true });
  writeFileSync(join(site, "index.html"), "<h1>Home</h1>");
  writeFileSync(join(site, "locations/index.html"), "<h1>Locations</h1>");
  writeFileSync(join(site, "assets/site.css"), "body{}");
  writeFileSync(join(site, "admin/index.html"), "<title>Editor</title>");
  writeFileSync(join(site, "404.html"), "<h1>Not found</h1>");
  writeFileSync(join(dir, "secret.txt"), "outside the site");
  server = await serveSite(site, { port: 0 });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(new URL(path, server.url), { redirect: "manual" });

describe("npm run serve", () => {
  it("serves pages on 127.0.0.1 with the deploy examples' headers", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toBe("<h1>Home</h1>");
    expect(home.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(home.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(home.headers.get("x-content-type-options")).toBe("nosniff");
    expect(home.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("caches the fingerprinted stylesheet for a year, query string and all", async () => {
    const css = await get("/assets/site.css?v=0123456789");
    expect(css.status).toBe(200);
    expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it("keeps the editor out of search", async () => {
    expect((await get("/admin/")).headers.get("x-robots-tag")).toBe("noindex");
  });

  it("redirects like the host (/locations → /locations/) and answers missing pages with 404.html", async () => {
    const redirect = await get("/locations");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/locations/");
    const missing = await get("/acupuncture-for-nothing/");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("<h1>Not found</h1>");
  });

  it("never serves files outside the site folder", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("outside the site");
    }
  });

  it("the command prints the address and serves until stopped", async () => {
    const child = spawn(
      process.execPath,
      nodeArgs(join(packageRoot, "src/cli/serve.ts"), ["--out", join(dir, "output"), "--port", "0"]),
    );
    const line = await new Promise<string>((resolve) =>
      child.stdout.on("data", (chunk) => resolve(String(chunk))),
    );
    const url = line.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/)![1]!;
    expect((await fetch(url)).status).toBe(200);
    child.kill();
  });
});

describe("deploy examples", () => {
  it("Netlify and Cloudflare Pages set the same headers for the same paths", () => {
    const cloudflare = parseHeaders(
      readFileSync(join(packageRoot, "deploy/cloudflare-pages/_headers"), "utf8"),
    );
    const toml = readFileSync(join(packageRoot, "deploy/netlify/netlify.toml"), "utf8");
    const netlify = [
      ...toml.matchAll(
        /\[\[headers\]\]\s+for = "([^"]+)"\s+\[headers\.values\]\n((?:\s+[\w-]+ = "[^"]*"\n?)+)/g,
      ),
    ].map((m) => ({
      pattern: m[1],
      headers: [...m[2]!.matchAll(/([\w-]+) = "([^"]*)"/g)].map((h) => [h[1], h[2]]),
    }));
    expect(netlify).toEqual(cloudflare.map(({ pattern, headers }) => ({ pattern, headers })));
  });
});
