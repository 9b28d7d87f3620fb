import { describe, expect, it } from "vitest";
import { copyFixture, edit, problemsOf, reportOf, write } from "./helpers.ts";

/** The one report line about `file` and `field`, failing clearly if there is none. */
function lineFor(root: string, file: string, field: string): string {
  const lines = reportOf(root).filter((l) => l.startsWith(file) && l.includes(` ${field}:`));
  expect(lines, `no problem reported for ${file} ${field}; got:\n${reportOf(root).join("\n")}`).toHaveLength(
    1,
  );
  return lines[0]!;
}

describe("validation of the fixture as shipped", () => {
  it("has no problems", () => {
    expect(reportOf(copyFixture())).toEqual([]);
  });
});

describe("validation reports file, line, field and fix", () => {
  it("invalid YAML names the file and the line", () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) => t.replace("region: NJ", "region: NJ\n  bad: [unclosed"));
    const line = lineFor(root, "locations/red-bank-nj.md", "(yaml)");
    expect(line).toMatch(/^locations\/red-bank-nj\.md:\d+ \(yaml\): invalid YAML/);
    expect(line).toContain("indentation");
  });

  it("a missing required field says what to add", () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) => t.replace(/^directions:.*\n/m, ""));
    expect(lineFor(root, "locations/red-bank-nj.md", "directions")).toMatch(
      /is required but missing — add directions/,
    );
  });

  it("a wrong type says what was expected and what was given", () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) =>
      t.replace("geo: { lat: 40.34705,", 'geo: { lat: "40,34705",'),
    );
    const line = lineFor(root, "locations/red-bank-nj.md:4", "geo.lat");
    expect(line).toContain("expected a number between -90 and 90");
    expect(line).toContain('got "40,34705"');
  });

  it("out-of-range coordinates are refused", () => {
    const root = copyFixture();
    edit(root, "locations/long-branch-nj.md", (t) => t.replace("lng: -73.99236", "lng: -273.99"));
    expect(lineFor(root, "locations/long-branch-nj.md:4", "geo.lng")).toContain("between -180 and 180");
  });

  it("malformed phone, date and URL each get their own message", () => {
    const root = copyFixture();
    edit(root, "site.yaml", (t) =>
      t
        .replace('phone: "+1-732-555-0118"', 'phone: "732 555 0118"')
        .replace("https://book.clinic.test/north", "book.clinic.test/north"),
    );
    edit(root, "conditions/sciatica.md", (t) =>
      t.replace("lastReviewed: 2026-09-11", "lastReviewed: 2026-13-45"),
    );
    expect(lineFor(root, "site.yaml", "clinics[0].phone")).toContain("country code");
    expect(lineFor(root, "site.yaml", "clinics[0].bookingUrl")).toContain("https://");
    expect(lineFor(root, "conditions/sciatica.md", "lastReviewed")).toContain("YYYY-MM-DD");
  });

  it("an unknown clinic reference suggests the closest id", () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) => t.replace("clinic: north", "clinic: nort"));
    const line = lineFor(root, "locations/red-bank-nj.md:5", "clinic");
    expect(line).toContain('unknown clinic "nort"');
    expect(line).toContain('did you mean "north"?');
  });

  it("unknown practitioner and condition references are reported", () => {
    const root = copyFixture();
    edit(root, "conditions/sciatica.md", (t) => t.replace("reviewer: ann-reviewer", "reviewer: bob"));
    edit(root, "locations/asbury-park-nj.md", (t) =>
      t.replace("conditions: [neck-pain]", "conditions: [neck-pains, migraine]"),
    );
    expect(lineFor(root, "conditions/sciatica.md", "reviewer")).toContain('unknown practitioner "bob"');
    expect(lineFor(root, "locations/asbury-park-nj.md", "conditions[0]")).toContain(
      'did you mean "neck-pain"?',
    );
    expect(lineFor(root, "locations/asbury-park-nj.md", "conditions[1]")).toContain(
      'unknown condition "migraine"',
    );
  });

  it("a local question about an unknown or unoffered condition is reported", () => {
    const root = copyFixture();
    edit(root, "locations/long-branch-nj.md", (t) => t.replace("condition: sciatica", "condition: sciatca"));
    edit(root, "locations/asbury-park-nj.md", (t) =>
      t.replace(
        "conditions: [neck-pain]",
        "conditions: [neck-pain]\nfaq:\n  - q: Do you treat sciatica here?\n    condition: sciatica\n    a: Yes, at the north clinic in Red Bank.",
      ),
    );
    const report = reportOf(root).join("\n");
    expect(report).toMatch(
      /locations\/long-branch-nj\.md:\d+ faq\[0\]\.condition: unknown condition "sciatca" — did you mean "sciatica"\?/,
    );
    expect(report).toMatch(
      /locations\/asbury-park-nj\.md:\d+ faq\[0\]\.condition: is about "sciatica", which this location does not offer/,
    );
  });

  it("a duplicate slug names both files", () => {
    const root = copyFixture();
    edit(root, "locations/long-branch-nj.md", (t) =>
      t.replace("name: Long Branch", "name: Long Branch\nslug: red-bank-nj"),
    );
    const problems = problemsOf(root).filter((p) => p.message.includes("duplicate location slug"));
    expect(problems.map((p) => p.file).sort()).toEqual([
      "locations/long-branch-nj.md",
      "locations/red-bank-nj.md",
    ]);
    expect(problems[0]!.message).toContain('"red-bank-nj"');
  });

  it("#12: a typo in a field name gets a did-you-mean hint", () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) =>
      t.replace("region: NJ", "region: NJ\nneighbourhods: [Downtown]"),
    );
    const line = lineFor(root, "locations/red-bank-nj.md:4", "neighbourhods");
    expect(line).toContain("is not a known field");
    expect(line).toContain('did you mean "neighborhoods"?');
  });

  it("ratings or reviews for the clinic are refused with the reason", () => {
    const root = copyFixture();
    edit(root, "site.yaml", (t) =>
      t.replace(
        "    acceptingNewPatients: true",
        "    acceptingNewPatients: true\n    aggregateRating: { ratingValue: 4.9, reviewCount: 212 }",
      ),
    );
    const line = lineFor(root, "site.yaml", "clinics[1].aggregateRating");
    expect(line).toContain("ratings and reviews of your own business are not published");
    expect(line).toContain("self-serving");
  });

  it("an empty file is reported, not crashed on", () => {
    const root = copyFixture();
    write(root, "locations/empty.md", "");
    expect(lineFor(root, "locations/empty.md:1", "(file)")).toContain("the file is empty");
  });

  it("a retired ICD-10 code names its replacements", () => {
    const root = copyFixture();
    edit(root, "conditions/chronic-low-back-pain.md", (t) => t.replace('code: "M54.50"', 'code: "M54.5"'));
    expect(lineFor(root, "conditions/chronic-low-back-pain.md", "icd10[0].code")).toContain(
      "M54.50, M54.51 or M54.59",
    );
  });

  it("reports every problem in every file at once, sorted by file", () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) => t.replace("clinic: north", "clinic: nowhere"));
    edit(root, "conditions/sciatica.md", (t) => t.replace("reviewer: ann-reviewer", "reviewer: nobody"));
    edit(root, "site.yaml", (t) => t.replace("baseUrl: https://clinic.test", "baseUrl: clinic"));
    const files = problemsOf(root).map((p) => p.file);
    expect(files).toEqual(
      expect.arrayContaining(["conditions/sciatica.md", "locations/red-bank-nj.md", "site.yaml"]),
    );
    expect(files).toEqual([...files].sort());
    expect(problemsOf(root)).toHaveLength(3);
  });
});

describe("files that are valid but unusual", () => {
  it("a byte-order mark and CRLF line endings just work", () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) => `\uFEFF${t.replace(/\n/g, "\r\n")}`);
    edit(root, "site.yaml", (t) => `\uFEFF${t.replace(/\n/g, "\r\n")}`);
    expect(reportOf(root)).toEqual([]);
  });

  it("line numbers stay right in CRLF files", () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) =>
      t.replace("clinic: north", "clinic: gone").replace(/\n/g, "\r\n"),
    );
    expect(lineFor(root, "locations/red-bank-nj.md:5", "clinic")).toContain('unknown clinic "gone"');
  });
});
