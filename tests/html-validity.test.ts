import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { fixtureSite } from "./helpers.ts";

const vnuJar = createRequire(import.meta.url)("vnu-jar") as string;

describe("HTML validity (Nu HTML Checker)", () => {
  it("reports no errors or warnings on any page of the fixture site", () => {
    // -XX:-UsePerfData: no hsperfdata folder left in the system temp folder. A short run needs
    // no optimising compiler or parallel collector: the quick JIT tier and the serial collector
    // halve the checker's CPU time; with that tier its schema needs a larger thread stack.
    const jvm = ["-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"];
    const result = spawnSync(
      "java",
      [...jvm, "-jar", vnuJar, "--skip-non-html", "--format", "gnu", fixtureSite()],
      { encoding: "utf8" },
    );
    expect(result.error, "java is needed for this test (CI installs default-jre-headless)").toBeUndefined();
    expect(result.stderr.trim()).toBe("");
    expect(result.status).toBe(0);
  });
});
