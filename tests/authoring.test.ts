import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main as importCommand } from "../src/cli/import.ts";
import { main as newLocationCommand } from "../src/cli/new-location.ts";
import { copyFixture, edit, problemsOf, runCommand, spawnCommand } from "./helpers.ts";

const commands = { "new-location.ts": newLocationCommand, "import.ts": importCommand };

/** Runs a marketer command in-process, as `npm run <command> -- args` would. */
const run = (script: keyof typeof commands, args: string[]) =>
  runCommand(commands[script], args, { CLINIC_PAGES_TODAY: "2026-11-25" });

describe("npm run new-location", () => {
  it("writes a location file with coordinates, the nearest clinic and prompts", async () => {
    const root = copyFixture();
    const result = await run("new-location.ts", ["--root", root, "Port St. Lucie, FL"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("nearest clinic: south");
    const text = readFileSync(join(root, "locations/port-st-lucie-fl.md"), "utf8");
    expect(text).toContain('name: "Port St. Lucie"');
    expect(text).toContain("geo: { lat: 27.29393, lng: -80.35033 }");
    expect(text).toContain("clinic: south");
    expect(text).toContain("# yaml-language-server: $schema=../schemas/location.json");
    expect(text).toContain("updated: 2026-11-25");
    // Until the marketer writes directions, the build says exactly that.
    expect(problemsOf(root).map((p) => `${p.file} ${p.field}: ${p.message}`)).toEqual([
      "locations/port-st-lucie-fl.md directions: is required but missing",
    ]);
  });

  it("refuses a place outside every clinic's service area, with its distance, and writes nothing", async () => {
    const root = copyFixture();
    const result = await run("new-location.ts", ["--root", root, "Ocala, FL"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^Ocala, FL is 2\d\d\.\d mi from the nearest clinic, Test Acupuncture South \(south\), outside its 80-mi service area; no file was written\./,
    );
    expect(existsSync(join(root, "locations/ocala-fl.md"))).toBe(false);
  });

  it("asks for a choice when the name is ambiguous, and takes --pick", async () => {
    const root = copyFixture();
    const ambiguous = await run("new-location.ts", ["--root", root, "Shrewsbury, NJ"]);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain('"Shrewsbury, NJ" matches 2 places');
    expect(ambiguous.stderr).toContain("--pick N");
    expect((await run("new-location.ts", ["--root", root, "--pick", "2", "Shrewsbury, NJ"])).status).toBe(0);
    expect(readFileSync(join(root, "locations/shrewsbury-nj.md"), "utf8")).toContain("lat: 40.18261");
  });

  it("refuses to overwrite an existing file and explains unknown places", async () => {
    const root = copyFixture();
    const before = readFileSync(join(root, "locations/red-bank-nj.md"), "utf8");
    const again = await run("new-location.ts", ["--root", root, "Red Bank, NJ"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists; it was not changed");
    expect(readFileSync(join(root, "locations/red-bank-nj.md"), "utf8")).toBe(before);
    expect((await run("new-location.ts", ["--root", root, "Atlantis, NJ"])).stderr).toContain(
      "No city called",
    );
  });
});

describe("npm run import", () => {
  it("turns a semicolon CSV with BOM, CRLF and decimal commas into location files", async () => {
    const root = copyFixture();
    const csv =
      '\uFEFFname;region;lat;lng;neighborhoods;directions\r\nRumson;NJ;40,37205;-73,99903;Rumson Neck|Oceanic;"Take Rumson Road west; about ten minutes."\r\nFair Haven;NJ;;;;\r\n';
    writeFileSync(join(root, "cities.csv"), csv);
    const dry = await run("import.ts", ["--root", root, "--dry-run", join(root, "cities.csv")]);
    expect(dry.stdout).toContain("create locations/rumson-nj.md");
    expect(dry.stdout).toContain("Dry run: 2 to create, 0 to update, 0 unchanged; nothing was written.");
    expect(existsSync(join(root, "locations/rumson-nj.md"))).toBe(false);
    expect((await run("import.ts", ["--root", root, join(root, "cities.csv")])).status).toBe(0);
    const rumson = readFileSync(join(root, "locations/rumson-nj.md"), "utf8");
    expect(rumson).toContain("geo: { lat: 40.37205, lng: -73.99903 }");
    expect(rumson).toContain('neighborhoods: ["Rumson Neck", "Oceanic"]');
    expect(rumson).toContain('directions: "Take Rumson Road west; about ten minutes."');
    expect(readFileSync(join(root, "locations/fair-haven-nj.md"), "utf8")).toContain("lat: 40.36067");
    // Importing the same sheet again changes nothing.
    expect((await run("import.ts", ["--root", root, join(root, "cities.csv")])).stdout).toContain(
      "0 to create, 0 to update, 2 unchanged",
    );
  });

  it("updates existing files, keeping their copy and other fields", async () => {
    const root = copyFixture();
    const original = readFileSync(join(root, "locations/red-bank-nj.md"), "utf8");
    writeFileSync(join(root, "cities.csv"), "name,region,neighborhoods\nRed Bank,NJ,Downtown|West Side\n");
    const result = await run("import.ts", ["--root", root, join(root, "cities.csv")]);
    expect(result.stdout).toContain("update locations/red-bank-nj.md");
    const text = readFileSync(join(root, "locations/red-bank-nj.md"), "utf8");
    expect(text).toContain("Red Bank patients come from the West Side");
    expect(text).toContain("directions: From downtown Red Bank take Route 35");
    // The new field is one added line; every other byte of the file is kept.
    expect(text).toContain('neighborhoods: ["Downtown", "West Side"]\n');
    expect(text.replace('neighborhoods: ["Downtown", "West Side"]\n', "")).toBe(original);
    expect(problemsOf(root)).toEqual([]);
  });

  it("reports every bad row with its line and column, and writes nothing", async () => {
    const root = copyFixture();
    const before = readdirSync(join(root, "locations"));
    writeFileSync(
      join(root, "cities.csv"),
      "name,region,lat,lng,clinc\nGood Town,NJ,40.1,-74.1,\nBadtown,N1,abc,,\n,NJ,40,-74,\n",
    );
    const result = await run("import.ts", ["--root", root, join(root, "cities.csv")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cities.csv:1 clinc: is not a known column — did you mean "clinic"?');
    writeFileSync(
      join(root, "cities.csv"),
      "name,region,lat,lng\nGood Town,NJ,40.1,-74.1\nBadtown,N1,abc,\n,NJ,40,-74\n",
    );
    const rows = await run("import.ts", ["--root", root, join(root, "cities.csv")]);
    expect(rows.stderr).toContain('cities.csv:3 lat: expected a number between -90 and 90, got "abc"');
    expect(rows.stderr).toContain('cities.csv:3 region: "N1" is not a US state code or name');
    expect(rows.stderr).toContain("cities.csv:4 name: is empty");
    expect(rows.stderr).toContain("no file was written");
    expect(readdirSync(join(root, "locations"))).toEqual(before);
  });
});

describe("the marketer commands as npm runs them", () => {
  it("smoke: npm run new-location writes the file", () => {
    const root = copyFixture();
    const result = spawnCommand("new-location.ts", ["--root", root, "Rumson, NJ"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readFileSync(join(root, "locations/rumson-nj.md"), "utf8")).toContain('name: "Rumson"');
  });

  it("smoke: npm run import reports bad rows with exit code 1", () => {
    const root = copyFixture();
    writeFileSync(join(root, "cities.csv"), "name,region\nBadtown,N1\n");
    const result = spawnCommand("import.ts", ["--root", root, join(root, "cities.csv")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cities.csv:2 region: "N1" is not a US state code or name');
    expect(result.stderr).toContain("1 problem in 1 file; no file was written.");
  });

  it("a broken site.yaml is reported with its line, not as a crash", async () => {
    const root = copyFixture();
    edit(root, "site.yaml", (t) => t.replace("clinics:", "clinics:\n  bad: [unclosed"));
    for (const [command, args] of [
      [newLocationCommand, ["Rumson, NJ"]],
      [importCommand, [join(root, "cities.csv")]],
    ] as const) {
      writeFileSync(join(root, "cities.csv"), "name,region\nRumson,NJ\n");
      const result = await runCommand(command, ["--root", root, ...args]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^site\.yaml:\d+ \(yaml\): invalid YAML/);
      expect(result.stderr).toContain("no file was written");
      expect(result.stderr).not.toContain("internal error");
    }
    expect(existsSync(join(root, "locations/rumson-nj.md"))).toBe(false);
  });
});
