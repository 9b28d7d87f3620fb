import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../src/pipeline/paths.ts";
import { copyFixture, problemsOf } from "./helpers.ts";

const tsx = join(packageRoot, "node_modules", ".bin", "tsx");
const run = (script: string, args: string[]) => spawnSync(tsx, [join(packageRoot, "src/cli", script), ...args], { encoding: "utf8", env: { ...process.env, CLINIC_PAGES_TODAY: "2026-11-25" } });

describe("npm run new-location", () => {
  it("writes a location file with coordinates, the nearest clinic and prompts", () => {
    const root = copyFixture();
    const result = run("new-location.ts", ["--root", root, "Port St. Lucie, FL"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("nearest clinic: south");
    const text = readFileSync(join(root, "locations/port-st-lucie-fl.md"), "utf8");
    expect(text).toContain('name: "Port St. Lucie"');
    expect(text).toContain("geo: { lat: 27.29393, lng: -80.35033 }");
    expect(text).toContain("clinic: south");
    expect(text).toContain("# yaml-language-server: $schema=../schemas/location.json");
    expect(text).toContain("updated: 2026-11-25");
    // Until the marketer writes directions, the build says exactly that.
    expect(problemsOf(root).map((p) => `${p.file} ${p.field}: ${p.message}`)).toEqual(["locations/port-st-lucie-fl.md directions: is required but missing"]);
  });

  it("refuses a place outside every clinic's service area, with its distance, and writes nothing", () => {
    const root = copyFixture();
    const result = run("new-location.ts", ["--root", root, "Ocala, FL"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Ocala, FL is 2\d\d\.\d mi from the nearest clinic, Test Acupuncture South \(south\), outside its 80-mi service area; no file was written\./);
    expect(existsSync(join(root, "locations/ocala-fl.md"))).toBe(false);
  });

  it("asks for a choice when the name is ambiguous, and takes --pick", () => {
    const root = copyFixture();
    const ambiguous = run("new-location.ts", ["--root", root, "Shrewsbury, NJ"]);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain('"Shrewsbury, NJ" matches 2 places');
    expect(ambiguous.stderr).toContain("--pick N");
    expect(run("new-location.ts", ["--root", root, "--pick", "2", "Shrewsbury, NJ"]).status).toBe(0);
    expect(readFileSync(join(root, "locations/shrewsbury-nj.md"), "utf8")).toContain("lat: 40.18261");
  });

  it("refuses to overwrite an existing file and explains unknown places", () => {
    const root = copyFixture();
    const before = readFileSync(join(root, "locations/red-bank-nj.md"), "utf8");
    const again = run("new-location.ts", ["--root", root, "Red Bank, NJ"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists; it was not changed");
    expect(readFileSync(join(root, "locations/red-bank-nj.md"), "utf8")).toBe(before);
    expect(run("new-location.ts", ["--root", root, "Atlantis, NJ"]).stderr).toContain("No city called");
  });
});

describe("npm run import", () => {
  it("turns a semicolon CSV with BOM, CRLF and decimal commas into location files", () => {
    const root = copyFixture();
    const csv = "\uFEFFname;region;lat;lng;neighborhoods;directions\r\nRumson;NJ;40,37205;-73,99903;Rumson Neck|Oceanic;\"Take Rumson Road west; about ten minutes.\"\r\nFair Haven;NJ;;;;\r\n";
    writeFileSync(join(root, "cities.csv"), csv);
    const dry = run("import.ts", ["--root", root, "--dry-run", join(root, "cities.csv")]);
    expect(dry.stdout).toContain("create locations/rumson-nj.md");
    expect(dry.stdout).toContain("Dry run: 2 to create, 0 to update, 0 unchanged; nothing was written.");
    expect(existsSync(join(root, "locations/rumson-nj.md"))).toBe(false);
    expect(run("import.ts", ["--root", root, join(root, "cities.csv")]).status).toBe(0);
    const rumson = readFileSync(join(root, "locations/rumson-nj.md"), "utf8");
    expect(rumson).toContain("geo: { lat: 40.37205, lng: -73.99903 }");
    expect(rumson).toContain('neighborhoods: ["Rumson Neck", "Oceanic"]');
    expect(rumson).toContain('directions: "Take Rumson Road west; about ten minutes."');
    expect(readFileSync(join(root, "locations/fair-haven-nj.md"), "utf8")).toContain("lat: 40.36067");
    // Importing the same sheet again changes nothing.
    expect(run("import.ts", ["--root", root, join(root, "cities.csv")]).stdout).toContain("0 to create, 0 to update, 2 unchanged");
  });

  it("updates existing files, keeping their copy and other fields", () => {
    const root = copyFixture();
    writeFileSync(join(root, "cities.csv"), "name,region,neighborhoods\nRed Bank,NJ,Downtown|West Side\n");
    const result = run("import.ts", ["--root", root, join(root, "cities.csv")]);
    expect(result.stdout).toContain("update locations/red-bank-nj.md");
    const text = readFileSync(join(root, "locations/red-bank-nj.md"), "utf8");
    expect(text).toContain("Red Bank has a busy downtown");
    expect(text).toContain("directions: Drive to the clinic from Red Bank");
    expect(text).toMatch(/neighborhoods:\n {2}- Downtown\n {2}- West Side/);
    expect(problemsOf(root)).toEqual([]);
  });

  it("reports every bad row with its line and column, and writes nothing", () => {
    const root = copyFixture();
    const before = readdirSync(join(root, "locations"));
    writeFileSync(join(root, "cities.csv"), "name,region,lat,lng,clinc\nGood Town,NJ,40.1,-74.1,\nBadtown,N1,abc,,\n,NJ,40,-74,\n");
    const result = run("import.ts", ["--root", root, join(root, "cities.csv")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cities.csv:1 clinc: is not a known column — did you mean "clinic"?');
    writeFileSync(join(root, "cities.csv"), "name,region,lat,lng\nGood Town,NJ,40.1,-74.1\nBadtown,N1,abc,\n,NJ,40,-74\n");
    const rows = run("import.ts", ["--root", root, join(root, "cities.csv")]);
    expect(rows.stderr).toContain('cities.csv:3 lat: expected a number between -90 and 90, got "abc"');
    expect(rows.stderr).toContain('cities.csv:3 region: expected a two-letter state code, got "N1"');
    expect(rows.stderr).toContain("cities.csv:4 name: is empty");
    expect(rows.stderr).toContain("no file was written");
    expect(readdirSync(join(root, "locations"))).toEqual(before);
  });
});
