import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "node:util";
import { describe, expect, it } from "vitest";
import { main as buildCommand } from "../src/cli/build.ts";
import { main as combineCommand } from "../src/cli/combine.ts";
import { reportError } from "../src/cli/command.ts";
import { copyFixture, edit, runCommand, spawnCommand, temp } from "./helpers.ts";
import { outMarker } from "../src/publish/out-dir.ts";

/** Folders a build leaves beside output/ while it runs; none may be left once it ends. */
const leftovers = (root: string) => readdirSync(root).filter((name) => name.startsWith("output."));

describe("npm run build", () => {
  it("smoke: the command exits 0 and prints one summary line for good data", () => {
    const root = copyFixture();
    const result = spawnCommand("build.ts", ["--root", root]);
    expect(result.stderr).not.toContain("internal error");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Built 24 pages \(23 in the sitemap\) into .* in [\d.]+ s, 0 warnings\./);
    expect(existsSync(join(root, "output/index.html"))).toBe(true);
    expect(leftovers(root)).toEqual([]);
  });

  it("exits 1 with every problem and no stack trace for bad data, leaving output/ untouched", async () => {
    const root = copyFixture();
    mkdirSync(join(root, "output"));
    writeFileSync(join(root, "output/index.html"), "last good build");
    writeFileSync(join(root, "output", outMarker), "");
    edit(root, "locations/red-bank-nj.md", (t) => t.replace("clinic: north", "clinic: nort"));
    edit(root, "conditions/sciatica.md", (t) =>
      t.replace("lastReviewed: 2026-09-11", "lastReviewed: 11/09/2026"),
    );
    const result = await runCommand(buildCommand, ["--root", root]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'locations/red-bank-nj.md:5 clinic: unknown clinic "nort" — did you mean "north"?',
    );
    expect(result.stderr).toContain("conditions/sciatica.md:");
    expect(result.stderr).toContain("lastReviewed: expected a real date written as YYYY-MM-DD");
    expect(result.stderr).toContain("2 problems in 2 files; nothing was built and output/ is unchanged.");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(root, "output/index.html"), "utf8")).toBe("last good build");
    expect(leftovers(root)).toEqual([]);
  });

  it("a bug, unlike bad data, is reported as one with its stack trace", () => {
    const printed: string[] = [];
    const original = console.error;
    console.error = (...parts: unknown[]) => void printed.push(format(...parts));
    try {
      expect(reportError(new TypeError("boom"))).toBe(1);
    } finally {
      console.error = original;
    }
    expect(printed[0]).toContain("internal error (a bug, not a problem in your data)");
    expect(printed[1]).toMatch(/TypeError: boom\n\s+at /);
  });
});

describe("npm run combine", () => {
  it("smoke: a folder that is not a shard is a clear error, not a crash", () => {
    const result = spawnCommand("combine.ts", ["--root", copyFixture(), temp("not-a-shard")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("(shard): has no _report/shard.json");
    expect(result.stderr).not.toContain("internal error");
  });

  it("a damaged shard file names the file and what to do", async () => {
    const shard = temp("shard");
    mkdirSync(join(shard, "_report"));
    writeFileSync(join(shard, "_report/shard.json"), '{"schema":"clinic-pages/shard@1","pages":[{"url":');
    const result = await runCommand(combineCommand, ["--root", copyFixture(), shard]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${join(shard, "_report/shard.json")} (shard): is not valid JSON`);
    expect(result.stderr).toContain("rebuild a shard");
    expect(result.stderr).not.toContain("internal error");
  });
});

describe("npm run indexnow", () => {
  it("smoke: without --since the command prints its usage and exits 1, sending nothing", () => {
    const result = spawnCommand("indexnow.ts", ["--root", copyFixture()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Usage: npm run indexnow -- --since PREVIOUS_MANIFEST");
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toContain("internal error");
  });
});
