import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/pipeline/paths.ts";
import { copyFixture, edit } from "./helpers.ts";

const tsx = join(packageRoot, "node_modules", ".bin", "tsx");
const cli = join(packageRoot, "src/cli/build.ts");

function runBuild(root: string, args: string[] = [], env: Record<string, string> = {}) {
  return spawnSync(tsx, [cli, "--root", root, ...args], { encoding: "utf8", env: { ...process.env, CLINIC_PAGES_TODAY: "2026-11-25", ...env } });
}

describe("staging and production builds", () => {
  it("a staging build is noindex everywhere and its robots.txt disallows all", () => {
    const root = copyFixture();
    const result = runBuild(root, ["--base-url", "https://preview.clinic.test"], { CLINIC_PAGES_ENV: "staging" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("staging: noindex, no sitemap");
    expect(readFileSync(join(root, "output/robots.txt"), "utf8")).toMatch(/User-agent: \*\nDisallow: \/\n/);
    expect(existsSync(join(root, "output/sitemap.xml"))).toBe(false);
    const page = readFileSync(join(root, "output/acupuncture-for-sciatica/red-bank-nj/index.html"), "utf8");
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).not.toContain('rel="canonical"');
    expect(page).toContain('<meta property="og:url" content="https://preview.clinic.test/acupuncture-for-sciatica/red-bank-nj/">');
    expect(page).toContain('"@id":"https://preview.clinic.test/acupuncture-for-sciatica/red-bank-nj/#webpage"');
  });

  it("--base-url must be a web origin", () => {
    const result = runBuild(copyFixture(), ["--base-url", "preview.clinic.test"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--base-url baseUrl: "preview.clinic.test" is not a web address');
  });
});

describe("manifest for incremental uploads", () => {
  it("hashes every file and, with --since, lists what was added, changed and removed", () => {
    const root = copyFixture();
    expect(runBuild(root).status).toBe(0);
    const first = JSON.parse(readFileSync(join(root, "output/_report/manifest.json"), "utf8"));
    expect(first.files["index.html"]).toMatch(/^[0-9a-f]{64}$/);
    expect(first.files["robots.txt"]).toBeDefined();
    expect(first.since).toBeUndefined();
    writeFileSync(join(root, "previous.json"), JSON.stringify(first));

    edit(root, "locations/red-bank-nj.md", (t) => t.replace("Red Bank rowers and commuters", "Red Bank rowers, sailors and commuters"));
    const sciaticaNote = "conditions: [neck-pain, sciatica]\nconditionNotes:\n  sciatica: Asbury Park bartenders and musicians stand for long sets, and leg pain from an irritated nerve is a common reason they call us.\n";
    edit(root, "locations/asbury-park-nj.md", (t) => t.replace("conditions: [neck-pain]\nconditionNotes:\n", `${sciaticaNote}`));
    const result = runBuild(root, ["--since", join(root, "previous.json")]);
    expect(result.status).toBe(0);
    const second = JSON.parse(readFileSync(join(root, "output/_report/manifest.json"), "utf8"));
    expect(second.since.added).toContain("acupuncture-for-sciatica/asbury-park-nj/index.html");
    expect(second.since.changed).toContain("acupuncture-for-sciatica/red-bank-nj/index.html");
    expect(second.since.changed).not.toContain("acupuncture-for-neck-pain/pompano-beach-fl/index.html");
    expect(second.since.changedUrls).toContain("https://clinic.test/acupuncture-for-sciatica/red-bank-nj/");
    expect(second.since.changedUrls.every((u: string) => !u.includes("_report"))).toBe(true);

    edit(root, "locations/asbury-park-nj.md", (t) => t.replace(sciaticaNote, "conditions: [neck-pain]\nconditionNotes:\n"));
    writeFileSync(join(root, "previous.json"), JSON.stringify(second));
    const third = runBuild(root, ["--since", join(root, "previous.json")]);
    expect(JSON.parse(readFileSync(join(root, "output/_report/manifest.json"), "utf8")).since.removed).toContain("acupuncture-for-sciatica/asbury-park-nj/index.html");
    expect(third.status).toBe(0);
  });

  it("a missing --since file is a clear error", () => {
    const result = runBuild(copyFixture(), ["--since", "/nonexistent/manifest.json"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("/nonexistent/manifest.json (--since): does not exist");
  });
});

describe("atomic publish", () => {
  it("a build killed midway leaves the previous output/ complete", async () => {
    const root = copyFixture();
    mkdirSync(join(root, "output"));
    cpSync(join(packageRoot, "tests/fixtures/mini/site.yaml"), join(root, "output/marker.txt"));
    const child = spawn(tsx, [cli, "--root", root], { detached: true, stdio: "ignore", env: { ...process.env } });
    const started = Date.now();
    while (!readdirSync(root).some((n) => n.startsWith("output.building-")) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 10));
    expect(readdirSync(root).some((n) => n.startsWith("output.building-"))).toBe(true);
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(readdirSync(join(root, "output"))).toEqual(["marker.txt"]);
    // The next build cleans up and publishes normally.
    expect(runBuild(root).status).toBe(0);
    expect(existsSync(join(root, "output/index.html"))).toBe(true);
    expect(existsSync(join(root, "output/marker.txt"))).toBe(false);
    expect(readdirSync(root).filter((n) => n.startsWith("output."))).toEqual([]);
  });
});
