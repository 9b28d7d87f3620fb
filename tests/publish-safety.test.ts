import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { build } from "../src/build/build.ts";
import { fileSystemMessage } from "../src/cli/command.ts";
import { byCodePoint } from "../src/plan/order.ts";
import { packageRoot } from "../src/rules/package-paths.ts";
import { copyFixture, runCommand, warmImageCache } from "./helpers.ts";
import { main as buildCommand } from "../src/cli/build.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temp(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `clinic-${name}-`));
  made.push(dir);
  return dir;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile());
}

describe("#12.10 published images never share storage with the cache", () => {
  it("#12.10 an in-place edit of a published image leaves the cache and the next build intact", async () => {
    const root = copyFixture();
    made.push(root);
    const cacheDir = warmImageCache();
    const out = join(temp("out"), "output");
    await build({ root, outDir: out, cacheDir, today: "2026-11-25" });
    const images = walk(join(out, "img"));
    expect(images.length).toBeGreaterThan(0);
    for (const file of images) expect(statSync(file).nlink).toBe(1);
    const cached = new Map(walk(cacheDir).map((p) => [p, readFileSync(p)]));
    // A careless "optimize in place" on the published site.
    for (const file of images) writeFileSync(file, "damaged");
    for (const [path, bytes] of cached) expect(readFileSync(path).equals(bytes)).toBe(true);
    await build({ root, outDir: out, cacheDir, today: "2026-11-25" });
    for (const file of walk(join(out, "img"))) expect(readFileSync(file, "utf8")).not.toBe("damaged");
  });
});

describe("#12.9 output order does not depend on the locale", () => {
  const script = `
    import { buildSitemaps } from ${JSON.stringify(join(packageRoot, "src/publish/sitemap.ts"))};
    const urls = ["/locations/hamilton-nj/", "/locations/chester-nj/", "/locations/cedar-grove-nj/", "/locations/zebra-fl/", "/locations/Ábaco/"];
    const pages = urls.map((url) => ({ url, canonical: "https://x.example" + url, indexable: true }));
    const xml = buildSitemaps(pages, "https://x.example").get("sitemap.xml");
    const locale = [...urls].sort((a, b) => a.localeCompare(b));
    console.log(JSON.stringify({ order: [...xml.matchAll(/<loc>https:\\/\\/x\\.example([^<]+)<\\/loc>/g)].map((m) => m[1]), locale }));`;

  function run(locale: string) {
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: packageRoot,
      encoding: "utf8",
      env: { ...process.env, LC_ALL: locale, LANG: locale },
    });
    expect(result.stderr).toBe("");
    return JSON.parse(result.stdout) as { order: string[]; locale: string[] };
  }

  it("#12.9 the sitemap is in code-point order under LC_ALL=cs_CZ.UTF-8 and C", () => {
    const czech = run("cs_CZ.UTF-8");
    const c = run("C");
    // The Czech collation really is in effect in the child (ch after h), so the test can fail.
    expect(czech.locale.indexOf("/locations/chester-nj/")).toBeGreaterThan(
      czech.locale.indexOf("/locations/hamilton-nj/"),
    );
    expect(czech.order).toEqual(c.order);
    expect(czech.order).toEqual([
      "/locations/cedar-grove-nj/",
      "/locations/chester-nj/",
      "/locations/hamilton-nj/",
      "/locations/zebra-fl/",
      "/locations/Ábaco/",
    ]);
  });

  it("#12.9 byCodePoint orders characters above U+FFFF after the rest of the BMP", () => {
    expect(["\u{1F600}", "\uFF21", "b", "a"].sort(byCodePoint)).toEqual(["a", "b", "\uFF21", "\u{1F600}"]);
  });
});

describe("#12.6 file-system errors are one message", () => {
  it("#12.6 an output path under a file names the path, the cause and the fix, without a stack trace", async () => {
    const root = copyFixture();
    made.push(root);
    writeFileSync(join(root, "a-file"), "x");
    const result = await runCommand(buildCommand, ["--root", root, "--out", join(root, "a-file", "site")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("part of the path is a file, not a folder");
    expect(result.stderr).not.toContain("internal error");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("#12.6 a read-only output folder is explained (EACCES, as raised for non-root users)", () => {
    const error = Object.assign(
      new Error("EACCES: permission denied, rename 'output' -> 'output.previous'"),
      { code: "EACCES", syscall: "rename", path: "/site/output", dest: "/site/output.previous" },
    );
    expect(fileSystemMessage(error)).toBe(
      "/site/output → /site/output.previous: cannot rename: permission denied — make the folder writable (chmod u+w) or choose another folder with --out. Nothing was published; the previous output is unchanged.",
    );
    expect(fileSystemMessage(new TypeError("x"))).toBeUndefined();
  });
});
