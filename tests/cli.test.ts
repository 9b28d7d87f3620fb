import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/pipeline/paths.ts";
import { copyFixture, edit } from "./helpers.ts";

/** Runs `npm run build` the way a marketer or a pipeline does, in the project folder. */
function runBuild(root: string) {
  const tsx = join(packageRoot, "node_modules", ".bin", "tsx");
  return spawnSync(tsx, [join(packageRoot, "src/cli/build.ts"), "--root", root], { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
}

describe("npm run build", () => {
  it("exits 0 and prints one summary line for good data", () => {
    const root = copyFixture();
    const result = runBuild(root);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Built 22 pages \(21 in the sitemap\) into .* in [\d.]+ s, 0 warnings\./);
    expect(existsSync(join(root, "output/index.html"))).toBe(true);
  });

  it("exits 1 with every problem and no stack trace for bad data, leaving output/ untouched", () => {
    const root = copyFixture();
    mkdirSync(join(root, "output"));
    writeFileSync(join(root, "output/index.html"), "last good build");
    edit(root, "locations/red-bank-nj.md", (t) => t.replace("clinic: north", "clinic: nort"));
    edit(root, "conditions/sciatica.md", (t) => t.replace("lastReviewed: 2026-09-11", "lastReviewed: 11/09/2026"));
    const result = runBuild(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('locations/red-bank-nj.md:5 clinic: unknown clinic "nort" — did you mean "north"?');
    expect(result.stderr).toContain("conditions/sciatica.md:");
    expect(result.stderr).toContain("lastReviewed: expected a real date written as YYYY-MM-DD");
    expect(result.stderr).toContain("2 problems in 2 files; nothing was built and output/ is unchanged.");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(root, "output/index.html"), "utf8")).toBe("last good build");
    expect(existsSync(`${join(root, "output")}.building-${result.pid}`)).toBe(false);
  });
});
