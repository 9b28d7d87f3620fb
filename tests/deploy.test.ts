import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/build.ts";
import { packageRoot } from "../src/rules/package-paths.ts";
import { outMarker } from "../src/publish/out-dir.ts";
import { copyFixture, edit, nodeArgs, runCommand } from "./helpers.ts";

const cli = join(packageRoot, "src/cli/build.ts");

/** `npm run build -- --root root …args`, in-process, with `env` set for the run. */
function runBuild(root: string, args: string[] = [], env: Record<string, string> = {}) {
  return runCommand(main, ["--root", root, ...args], env);
}

describe("staging and production builds", () => {
  it("a staging build is noindex everywhere and its robots.txt disallows all", async () => {
    const root = copyFixture();
    const result = await runBuild(root, ["--base-url", "https://preview.clinic.test"], {
      CLINIC_PAGES_ENV: "staging",
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("staging: noindex, no sitemap");
    expect(readFileSync(join(root, "output/robots.txt"), "utf8")).toMatch(/User-agent: \*\nDisallow: \/\n/);
    expect(existsSync(join(root, "output/sitemap.xml"))).toBe(false);
    const page = readFileSync(join(root, "output/acupuncture-for-sciatica/red-bank-nj/index.html"), "utf8");
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).not.toContain('rel="canonical"');
    expect(page).toContain(
      '<meta property="og:url" content="https://preview.clinic.test/acupuncture-for-sciatica/red-bank-nj/">',
    );
    expect(page).toContain(
      '"@id":"https://preview.clinic.test/acupuncture-for-sciatica/red-bank-nj/#webpage"',
    );
  });

  it("--base-url must be a web origin", async () => {
    const result = await runBuild(copyFixture(), ["--base-url", "preview.clinic.test"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--base-url baseUrl: "preview.clinic.test" is not a web address');
  });
});

describe("manifest for incremental uploads", () => {
  it("hashes every file and, with --since, lists what was added, changed and removed", async () => {
    const root = copyFixture();
    expect((await runBuild(root)).status).toBe(0);
    const first = JSON.parse(readFileSync(join(root, "report/manifest.json"), "utf8"));
    expect(first.files["index.html"]).toMatch(/^[0-9a-f]{64}$/);
    expect(first.files["robots.txt"]).toBeDefined();
    expect(first.since).toBeUndefined();
    writeFileSync(join(root, "previous.json"), JSON.stringify(first));

    edit(root, "locations/red-bank-nj.md", (t) =>
      t.replace("Red Bank rowers and commuters", "Red Bank rowers, sailors and commuters"),
    );
    const sciaticaNote =
      "conditions: [neck-pain, sciatica]\nconditionNotes:\n  sciatica: Asbury Park bartenders and musicians stand for long sets, and leg pain from an irritated nerve is a common reason they call us.\n";
    edit(root, "locations/asbury-park-nj.md", (t) =>
      t.replace("conditions: [neck-pain]\nconditionNotes:\n", `${sciaticaNote}`),
    );
    const result = await runBuild(root, ["--since", join(root, "previous.json")]);
    expect(result.status).toBe(0);
    const second = JSON.parse(readFileSync(join(root, "report/manifest.json"), "utf8"));
    expect(second.since.added).toContain("acupuncture-for-sciatica/asbury-park-nj/index.html");
    expect(second.since.changed).toContain("acupuncture-for-sciatica/red-bank-nj/index.html");
    expect(second.since.changed).not.toContain("acupuncture-for-neck-pain/pompano-beach-fl/index.html");
    expect(second.since.changedUrls).toContain("https://clinic.test/acupuncture-for-sciatica/red-bank-nj/");
    expect(second.since.changedUrls.every((u: string) => !u.includes("report"))).toBe(true);

    edit(root, "locations/asbury-park-nj.md", (t) =>
      t.replace(sciaticaNote, "conditions: [neck-pain]\nconditionNotes:\n"),
    );
    writeFileSync(join(root, "previous.json"), JSON.stringify(second));
    const third = await runBuild(root, ["--since", join(root, "previous.json")]);
    expect(JSON.parse(readFileSync(join(root, "report/manifest.json"), "utf8")).since.removed).toContain(
      "acupuncture-for-sciatica/asbury-park-nj/index.html",
    );
    expect(third.status).toBe(0);
  });

  it("a missing --since file is a clear error", async () => {
    const result = await runBuild(copyFixture(), ["--since", "/nonexistent/manifest.json"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("/nonexistent/manifest.json (--since): does not exist");
  });
});

/** Waits (up to 10 s) until no process has this id. */
async function waitUntilGone(pid: number): Promise<void> {
  const started = Date.now();
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  while (alive() && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
}

describe("atomic publish", () => {
  it("a build killed midway leaves the previous output/ complete", async () => {
    const root = copyFixture();
    mkdirSync(join(root, "output"));
    cpSync(join(packageRoot, "tests/fixtures/mini/site.yaml"), join(root, "output/marker.txt"));
    writeFileSync(join(root, "output", outMarker), "");
    const child = spawn(process.execPath, nodeArgs(cli, ["--root", root]), {
      detached: true,
      stdio: "ignore",
      env: { ...process.env },
    });
    const started = Date.now();
    while (!readdirSync(root).some((n) => n.startsWith("output.building-")) && Date.now() - started < 20_000)
      await new Promise((r) => setTimeout(r, 10));
    const staging = readdirSync(root).find((n) => n.startsWith("output.building-"));
    expect(staging).toBeDefined();
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child.once("exit", r));
    // The folder is named after the build's process: wait until it is gone too.
    await waitUntilGone(Number(staging!.slice("output.building-".length)));
    expect(readdirSync(join(root, "output")).sort()).toEqual([outMarker, "marker.txt"]);
    // The next build cleans up and publishes normally.
    expect((await runBuild(root)).status).toBe(0);
    expect(existsSync(join(root, "output/index.html"))).toBe(true);
    expect(existsSync(join(root, "output/marker.txt"))).toBe(false);
    // The replaced site is deleted in the background (#11): wait for it, then nothing is left over.
    const swapped = Date.now();
    while (readdirSync(root).some((n) => n.startsWith("output.removing-")) && Date.now() - swapped < 10_000)
      await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(root).filter((n) => n.startsWith("output."))).toEqual([]);
  });
});
