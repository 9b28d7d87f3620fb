import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataError } from "../problems.ts";
import { checkReportDir, failedReportDir, reportDirFor } from "./report-location.ts";

let dir = "";
afterEach(() => void (dir && rmSync(dir, { recursive: true, force: true })));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), "clinic-report-")));

describe("where the report goes", () => {
  it("beside the site: output/ → report/, following --out; --report overrides", () => {
    expect(reportDirFor("/site/output")).toBe("/site/report");
    expect(reportDirFor("/ci/dist/public")).toBe("/ci/dist/report");
    expect(reportDirFor("/site/output", "/elsewhere/r")).toBe("/elsewhere/r");
    expect(failedReportDir("/site/report")).toBe("/site/report/failed");
  });

  it("refuses a report folder inside the site (it would be deployed) or around it", () => {
    fresh();
    expect(() => checkReportDir(join(dir, "output/_report"), join(dir, "output"))).toThrow(
      /inside the site folder/,
    );
    expect(() => checkReportDir(join(dir, "output"), join(dir, "output"))).toThrow(DataError);
    expect(() => checkReportDir(dir, join(dir, "output"))).toThrow(/contains the site folder/);
  });

  it("refuses to replace a folder of the user's own, naming a file in it", () => {
    fresh();
    mkdirSync(join(dir, "report"));
    writeFileSync(join(dir, "report/q3-sales.xlsx"), "");
    expect(() => checkReportDir(join(dir, "report"), join(dir, "output"))).toThrow(
      /q3-sales\.xlsx.*the build replaces this folder/,
    );
    writeFileSync(join(dir, "notes"), "");
    expect(() => checkReportDir(join(dir, "notes"), join(dir, "output"))).toThrow(/is a file, not a folder/);
  });

  it("accepts a report folder written by an earlier build", () => {
    fresh();
    mkdirSync(join(dir, "report/failed"), { recursive: true });
    for (const name of ["report.json", "index.html", "manifest.json"])
      writeFileSync(join(dir, "report", name), "{}");
    expect(() => checkReportDir(join(dir, "report"), join(dir, "output"))).not.toThrow();
  });
});
