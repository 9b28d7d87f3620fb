import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../src/load/index.ts";
import { formatProblem } from "../src/problems.ts";
import { validateProject } from "../src/validate/index.ts";
import { checkedToday, stagingFromEnv } from "../src/validate/environment.ts";
import { edit, fixtureRoot, reportOf, project } from "./helpers.ts";
import { readFileSync } from "node:fs";

const redBank = readFileSync(join(fixtureRoot, "locations/red-bank-nj.md"), "utf8");

/** A copy of Red Bank under another file name and slug, so it is a valid location of its own. */
function anotherLocation(root: string, file: string, slug?: string): void {
  const text = redBank.replace("name: Red Bank", `name: Red Bank Copy${slug ? `\nslug: ${slug}` : ""}`);
  writeFileSync(join(root, "locations", file), text);
}

function notesOf(root: string): string[] {
  return (validateProject(loadProject(root), "2026-11-25").notes ?? []).map(formatProblem);
}

describe("#12.5 every entry of locations/ is read or named", () => {
  it("#12.5 .MD and .markdown files are read, with the slug from their name", () => {
    const root = project();
    anotherLocation(root, "jupiter-fl.MD");
    anotherLocation(root, "rumson-nj.markdown");
    const model = validateProject(loadProject(root), "2026-11-25");
    const ids = model.locations.map((l) => l.id);
    expect(ids).toContain("jupiter-fl");
    expect(ids).toContain("rumson-nj");
  });

  it("#12.5 editor and system junk is ignored with a note; other files and folders are named", () => {
    const root = project();
    writeFileSync(join(root, "locations/.DS_Store"), "");
    writeFileSync(join(root, "locations/red-bank-nj.md~"), redBank);
    writeFileSync(join(root, "locations/notes.txt"), "ideas");
    mkdirSync(join(root, "locations/archive"));
    expect(reportOf(root)).toEqual([]);
    const notes = notesOf(root);
    expect(notes).toContain(
      "locations/.DS_Store (file): ignored: an editor or system file — nothing to do; delete it if the editor is closed",
    );
    expect(
      notes.some((n) => n.startsWith("locations/red-bank-nj.md~ (file): ignored: an editor or system file")),
    ).toBe(true);
    expect(notes.some((n) => n.startsWith("locations/notes.txt (file): ignored: not a .md file"))).toBe(true);
    expect(
      notes.some((n) => n.startsWith("locations/archive (file): is a folder; files inside it are not read")),
    ).toBe(true);
  });
});

describe("#12.6 odd entries are problems, never crashes", () => {
  it("#12.6 a folder named x.md is named", () => {
    const root = project();
    mkdirSync(join(root, "locations/x.md"));
    expect(reportOf(root)).toEqual([
      "locations/x.md (file): is a folder, not a data file — rename the folder, or move its files directly into locations/",
    ]);
  });

  it("#12.6 an editor lock link .#stuart-fl.md is ignored; another dangling link is named", () => {
    const root = project();
    symlinkSync("user@host.1234:1700000000", join(root, "locations/.#stuart-fl.md"));
    symlinkSync("gone.md", join(root, "locations/jupiter-fl.md"));
    expect(reportOf(root)).toEqual([
      "locations/jupiter-fl.md (file): is a link to a file that does not exist — delete the link, or point it at an existing file",
    ]);
  });

  it("#12.6 東京.md and ---.md name the file and ask for a slug", () => {
    const root = project();
    anotherLocation(root, "東京.md");
    anotherLocation(root, "---.md");
    const report = reportOf(root);
    expect(report).toHaveLength(2);
    expect(report[0]).toMatch(/^locations\/---\.md \(file name\): the file name gives an empty URL slug/);
    expect(report[1]).toMatch(
      /^locations\/東京\.md \(file name\): the file name gives an empty URL slug .* add a slug field/,
    );
    // With a slug, the file is fine.
    rmSync(join(root, "locations/---.md"));
    rmSync(join(root, "locations/東京.md"));
    anotherLocation(root, "東京.md", "tokyo");
    expect(reportOf(root)).toEqual([]);
  });

  it("#12.6 a YAML alias bomb is one problem", () => {
    const root = project();
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${"abcdefghij"[i]}: &${"abcdefghij"[i]} [${Array(9)
          .fill(`*${"abcdefghij"[i - 1]}`)
          .join(", ")}]`,
      );
    writeFileSync(join(root, "locations/bomb.md"), `---\n${levels.join("\n")}\n---\n`);
    const report = reportOf(root);
    expect(report).toHaveLength(1);
    expect(report[0]).toMatch(
      /^locations\/bomb\.md:\d+ \(yaml\): the YAML cannot be read: .* — write the values out/,
    );
  });
});

describe("#12.7 dates and the environment", () => {
  it("#12.7 updated, lastReviewed and citation years after today are errors with lines", () => {
    const root = project();
    edit(root, "locations/red-bank-nj.md", (t) => t.replace("updated: 2026-10-02", "updated: 2099-12-31"));
    edit(root, "conditions/sciatica.md", (t) =>
      t.replace("lastReviewed: 2026-09-11", "lastReviewed: 2027-06-01").replace("year: 2018", "year: 2030"),
    );
    const problems = (() => {
      try {
        validateProject(loadProject(root), "2026-11-25");
        return [];
      } catch (error) {
        return (error as { problems: Parameters<typeof formatProblem>[0][] }).problems.map(formatProblem);
      }
    })();
    expect(
      problems.some((p) =>
        /^conditions\/sciatica\.md:\d+ evidence\[0\]\.citation\.year: 2030 is after this year \(2026\)/.test(
          p,
        ),
      ),
    ).toBe(true);
    expect(
      problems.some((p) =>
        /^conditions\/sciatica\.md:\d+ lastReviewed: 2027-06-01 is after today \(2026-11-25\) — write the date/.test(
          p,
        ),
      ),
    ).toBe(true);
    expect(
      problems.some((p) =>
        p.startsWith("locations/red-bank-nj.md:7 updated: 2099-12-31 is after today (2026-11-25)"),
      ),
    ).toBe(true);
  });

  it("#12.7 CLINIC_PAGES_TODAY must be a real date", () => {
    expect(checkedToday({ CLINIC_PAGES_TODAY: "2026-11-25" })).toBe("2026-11-25");
    expect(() => checkedToday({ CLINIC_PAGES_TODAY: "25/11/2026" })).toThrow(
      'CLINIC_PAGES_TODAY (environment): expected a real date written YYYY-MM-DD, got "25/11/2026"',
    );
    expect(() => checkedToday({ CLINIC_PAGES_TODAY: "2026-02-30" })).toThrow("expected a real date");
  });

  it("#12.7 CLINIC_PAGES_ENV is staging in any case, and an unknown value is refused", () => {
    expect(stagingFromEnv({ CLINIC_PAGES_ENV: "Staging" })).toBe(true);
    expect(stagingFromEnv({ CLINIC_PAGES_ENV: "STAGING" })).toBe(true);
    expect(stagingFromEnv({ CLINIC_PAGES_ENV: "production" })).toBe(false);
    expect(stagingFromEnv({})).toBe(false);
    expect(() => stagingFromEnv({ CLINIC_PAGES_ENV: "stage" })).toThrow('"stage" is not a known environment');
  });
});

describe("#12.12 regions, phones, baseUrl, hours", () => {
  it("#12.12 region fl and Florida become FL, so they share one state group", () => {
    const root = project();
    edit(root, "locations/red-bank-nj.md", (t) => t.replace("region: NJ", "region: new jersey"));
    edit(root, "locations/long-branch-nj.md", (t) => t.replace("region: NJ", "region: nj"));
    const model = validateProject(loadProject(root), "2026-11-25");
    expect(new Set(model.locations.filter((l) => l.id.endsWith("-nj")).map((l) => l.region))).toEqual(
      new Set(["NJ"]),
    );
    edit(root, "locations/red-bank-nj.md", (t) => t.replace("region: new jersey", "region: Nu Jersey"));
    expect(reportOf(root)[0]).toMatch(
      /^locations\/red-bank-nj\.md:3 region: "Nu Jersey" is not a US state code or name/,
    );
  });

  it("#12.12 a US phone with 9 digits is refused by the numbering plan", () => {
    const root = project();
    edit(root, "site.yaml", (t) => t.replace('"+1-954-555-0142"', '"+1-954-555-014"'));
    expect(
      reportOf(root).some((l) =>
        /^site\.yaml:\d+ clinics\[1\]\.phone: "\+1-954-555-014" is not a valid US phone number/.test(l),
      ),
    ).toBe(true);
  });

  it("#12.12 a baseUrl with a path is one clear problem", () => {
    const root = project();
    edit(root, "site.yaml", (t) => t.replace(/^baseUrl: (\S+)/m, "baseUrl: $1/clinics"));
    const report = reportOf(root);
    expect(report).toHaveLength(1);
    expect(report[0]).toMatch(/^site\.yaml:\d+ baseUrl: ".*\/clinics" is not an origin/);
  });

  it("#12.12 overlapping hours on one day are an error naming both spans", () => {
    const root = project();
    edit(root, "site.yaml", (t) =>
      t.replace(
        '      - { days: [Mo, Tu, We, Th, Fr], opens: "09:00", closes: "17:00" }',
        '      - { days: [Mo, Tu, We, Th, Fr], opens: "09:00", closes: "17:00" }\n      - { days: [Fr, Sa], opens: "16:00", closes: "19:00" }',
      ),
    );
    expect(reportOf(root)).toEqual([
      expect.stringMatching(
        /^site\.yaml:\d+ clinics\[0\]\.hours\[1\]: overlaps hours\[0\] on Fr \(09:00–17:00 and 16:00–19:00\)/,
      ),
    ]);
  });
});

describe("#12.12 every problem in one pass, patterns and photos included, with lines", () => {
  it("#12.12 a wrong pattern placeholder and a missing photo arrive with a field error, each with its line", () => {
    const root = project();
    edit(
      root,
      "site.yaml",
      (t) => `${t}\npatterns:\n  title:\n    location:\n      - "{therapy} for {condition} in {city}"\n`,
    );
    edit(root, "site.yaml", (t) => t.replace("images/north.jpg", "images/missing.jpg"));
    edit(root, "locations/red-bank-nj.md", (t) => t.replace("clinic: north", "clinic: nort"));
    const report = reportOf(root);
    expect(report).toContainEqual(
      expect.stringMatching(
        /^site\.yaml:\d+ patterns\.title\.location\[0\]: uses \{condition\}, which location pages do not have/,
      ),
    );
    expect(report).toContainEqual(
      expect.stringMatching(/^site\.yaml:\d+ clinics\[0\]\.photo\.src: no file at images\/missing\.jpg/),
    );
    expect(report).toContainEqual(
      expect.stringMatching(/^locations\/red-bank-nj\.md:5 clinic: unknown clinic "nort"/),
    );
  });
});
