import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.ts";
import { copyFixture } from "./helpers.ts";

const vnuJar = createRequire(import.meta.url)("vnu-jar") as string;

describe("HTML validity (Nu HTML Checker)", () => {
  it("reports no errors or warnings on any page of the fixture site", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "clinic-vnu-")), "output");
    await build({ root: copyFixture(), outDir: out });
    const result = spawnSync("java", ["-jar", vnuJar, "--skip-non-html", "--format", "gnu", out], { encoding: "utf8" });
    expect(result.error, "java is needed for this test (CI installs default-jre-headless)").toBeUndefined();
    expect(result.stderr.trim()).toBe("");
    expect(result.status).toBe(0);
  });
});
