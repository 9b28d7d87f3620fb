import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planImport } from "../src/authoring/import.ts";
import { readClinics } from "../src/authoring/site-clinics.ts";
import { problemsOf, project, runCommand, type CommandResult } from "./helpers.ts";
import { main as importCommand } from "../src/cli/import.ts";
import { main as newLocationCommand } from "../src/cli/new-location.ts";

/** `npm run import -- --root ROOT [args] cities.csv`, in-process, with `csv` as the spreadsheet. */
function runImport(root: string, csv: string | Buffer, args: string[] = []): Promise<CommandResult> {
  writeFileSync(join(root, "cities.csv"), csv);
  return runCommand(importCommand, ["--root", root, ...args, join(root, "cities.csv")], {
    CLINIC_PAGES_TODAY: "2026-11-25",
  });
}

function plan(root: string, csv: string | Buffer) {
  const bytes = typeof csv === "string" ? Buffer.from(csv, "utf8") : csv;
  return planImport(bytes, "cities.csv", root, readClinics(root).clinics, "2026-11-25");
}

/** Every file under locations/ and conditions/ with its text, to show nothing changed. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const folder of ["locations", "conditions"]) {
    for (const name of readdirSync(join(root, folder)))
      out[`${folder}/${name}`] = readFileSync(join(root, folder, name), "utf8");
  }
  return out;
}

const curated = `---
# Checked by hand against the county map.
name: Red Bank
region: NJ
geo:
  lat: 40.34705   # curated: the train station, not the town centre
  lng: -74.06431
clinic: south # moved to the south clinic in October
directions: >-
  Drive to the clinic from Red Bank along the main road;
  it takes a short while.
neighborhoods:
  - River Plaza
  - Downtown
updated: 2026-10-02
---
Red Bank copy stays.
`;

describe("#12.2 re-import keeps what the marketer set by hand", () => {
  it("#12.2 a sheet without clinic, lat, lng or updated columns changes only its own columns, byte for byte", async () => {
    const root = project();
    writeFileSync(join(root, "locations/red-bank-nj.md"), curated);
    const result = await runImport(
      root,
      "name,region,landmarks\nRed Bank,NJ,Count Basie Center|Marine Park\n",
    );
    expect(result.status).toBe(0);
    const text = readFileSync(join(root, "locations/red-bank-nj.md"), "utf8");
    expect(text).toBe(
      curated.replace(
        "updated: 2026-10-02\n",
        'updated: 2026-10-02\nlandmarks: ["Count Basie Center", "Marine Park"]\n',
      ),
    );
    expect(problemsOf(root)).toEqual([]);
  });

  it("#12.2 a changed cell replaces only that value, keeping its comment and the folded text", async () => {
    const root = project();
    writeFileSync(join(root, "locations/red-bank-nj.md"), curated);
    const result = await runImport(root, "name,region,lat,lng\nRed Bank,nj,40.35,-74.06431\n");
    expect(result.status).toBe(0);
    expect(readFileSync(join(root, "locations/red-bank-nj.md"), "utf8")).toBe(
      curated.replace("lat: 40.34705 ", "lat: 40.35 "),
    );
  });

  it("#12.2 --dry-run prints each field's old and new value and writes nothing", async () => {
    const root = project();
    writeFileSync(join(root, "locations/red-bank-nj.md"), curated);
    const result = await runImport(root, "name,region,clinic,neighborhoods\nRed Bank,NJ,north,Downtown\n", [
      "--dry-run",
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("update locations/red-bank-nj.md");
    expect(result.stdout).toContain('    clinic: "south" → "north"');
    expect(result.stdout).toContain('    neighborhoods: ["River Plaza","Downtown"] → ["Downtown"]');
    expect(readFileSync(join(root, "locations/red-bank-nj.md"), "utf8")).toBe(curated);
  });

  it("#12.2 a row the build's schema refuses stops the whole import: no file is written", async () => {
    const root = project();
    const before = snapshot(root);
    const result = await runImport(
      root,
      "name,region,lat,lng,directions\nGood Town,NJ,40.1,-74.1,Take the coast road south for ten minutes.\nShort Hills,NJ,40.7,-74.3,left\n",
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("cities.csv:3 directions: expected at least 20 characters");
    expect(result.stderr).toContain("no file was written");
    expect(snapshot(root)).toEqual(before);
  });

  it("#12.7 an updated date after today is refused", () => {
    const root = project();
    const result = plan(root, "name,region,updated\nRed Bank,NJ,2099-12-31\n");
    expect(result.problems.map((p) => `${p.line} ${p.field}: ${p.message}`)).toEqual([
      "2 updated: 2099-12-31 is after today (2026-11-25)",
    ]);
  });
});

describe("#12.3 slugs cannot leave locations/", () => {
  it("#12.3 a slug with ../ is refused, by the dry run too, and no file changes", async () => {
    const root = project();
    const before = snapshot(root);
    for (const args of [["--dry-run"], []]) {
      const result = await runImport(
        root,
        "name,region,lat,lng,slug\nSciatica,NJ,40.1,-74.1,../conditions/sciatica\nEscape,NJ,40.1,-74.1,../../escape\n",
        args,
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('cities.csv:2 slug: "../conditions/sciatica" is not a file name');
      expect(result.stderr).toContain('cities.csv:3 slug: "../../escape" is not a file name');
    }
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(join(root, "..", "escape.md"))).toBe(false);
  });

  it("#12.6 a 288-character name is refused before anything is written", async () => {
    const root = project();
    const before = snapshot(root);
    const result = await runImport(root, `name,region,lat,lng\n${"Long ".repeat(57)}End,NJ,40.1,-74.1\n`);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cities\.csv:2 name: makes a file name of \d+ characters \(at most 100\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(root)).toEqual(before);
  });

  it("#12.6 a name with no Latin letters asks for a slug", () => {
    const result = plan(project(), "name,region,lat,lng\n東京,NJ,40.1,-74.1\n");
    expect(result.problems[0]?.message).toContain('"東京" gives no file name');
  });
});

describe("#12.4 spreadsheet encodings", () => {
  const header = "name,region,lat,lng\n";
  it("#12.4 a Windows-1252 CSV reads Cañon City correctly, with a note", () => {
    const bytes = Buffer.from(`${header}Ca\u00f1on City,CO,38.44,-105.24\n`, "latin1");
    const result = plan(project(), bytes);
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual(["cities.csv was read as Windows-1252."]);
    expect(result.creates[0]?.text).toContain('name: "Cañon City"');
    expect(result.creates[0]?.file).toBe("locations/canon-city-co.md");
  });

  it("#12.4 UTF-16 LE and BE with a byte-order mark (Excel's Unicode text, tab-separated) read their columns", () => {
    const text = "name\tregion\tlat\tlng\r\nCañon City\tCO\t38.44\t-105.24\r\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    for (const bytes of [le, be]) {
      const result = plan(project(), bytes);
      expect(result.problems).toEqual([]);
      expect(result.creates[0]?.text).toContain('name: "Cañon City"');
      expect(result.notes.join(" ")).toContain("tab-separated");
    }
  });
});

describe("#12.6 commands with a broken site.yaml", () => {
  it("#12.6 import names the YAML error in site.yaml instead of crashing", async () => {
    const root = project();
    writeFileSync(join(root, "site.yaml"), "baseUrl: [unclosed\n");
    const result = await runImport(root, "name,region\nRed Bank,NJ\n");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("site.yaml:");
    expect(result.stderr).toContain("invalid YAML");
    expect(result.stderr).not.toContain("internal error");
  });

  it("#12.6 new-location names the YAML error in site.yaml instead of crashing", async () => {
    const root = project();
    writeFileSync(join(root, "site.yaml"), "clinics:\n  - id: [\n");
    const result = await runCommand(newLocationCommand, ["--root", root, "Rumson, NJ"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("site.yaml:");
    expect(result.stderr).toContain("no file was written");
    expect(result.stderr).not.toContain("internal error");
    expect(existsSync(join(root, "locations/rumson-nj.md"))).toBe(false);
  });
});

describe("#12.12 regions", () => {
  it("#12.12 fl and Florida become FL", () => {
    const result = plan(
      project(),
      "name,region,lat,lng\nStuart,fl,27.19,-80.25\nJupiter,Florida,26.93,-80.09\n",
    );
    expect(result.problems).toEqual([]);
    expect(result.creates.map((c) => c.file)).toEqual(["locations/stuart-fl.md", "locations/jupiter-fl.md"]);
    expect(result.creates.every((c) => c.text.includes("region: FL\n"))).toBe(true);
  });
});
