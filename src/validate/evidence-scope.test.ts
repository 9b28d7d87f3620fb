import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { copyFixture, edit, reportOf } from "../../tests/helpers.ts";
import { prepare } from "../build/prepare.ts";
import { packageRoot } from "../rules/package-paths.ts";
import { formatProblem } from "../problems.ts";
import { acknowledgesScope } from "./evidence-scope.ts";

const roots: string[] = [];
function fixture(): string {
  const root = copyFixture();
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const scopeWarnings = (root: string) =>
  prepare(root)
    .warnings.filter((w) => w.field.includes("scope"))
    .map(formatProblem);

/** The fixture's sciatica page cites a chronic-pain study that did not include sciatica. */
const dropAcknowledgement = (text: string) =>
  text.replace(/; it did not include people with\n\s+sciatica\./, ".");

describe("#16: a study cited outside its scope", () => {
  it("warns with file, line and field when the summary does not say so", () => {
    const root = fixture();
    edit(root, "conditions/sciatica.md", dropAcknowledgement);
    const warnings = scopeWarnings(root);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^conditions\/sciatica\.md:\d+ evidence\[0\]\.scope\.conditions: /);
    expect(warnings[0]).toContain(
      "Vickers AJ 2018 is cited for sciatica, but its scope covers chronic-low-back-pain, neck-pain",
    );
    expect(warnings[0]).toContain('"It did not include people with sciatica."');
  });

  it("stays quiet when the summary says in words that the study did not include these people", () => {
    expect(scopeWarnings(fixture())).toEqual([]);
  });

  it("stays quiet when the study's scope lists the condition", () => {
    const root = fixture();
    edit(root, "conditions/sciatica.md", (t) =>
      dropAcknowledgement(t).replace(
        "conditions: [chronic-low-back-pain, neck-pain]",
        "conditions: [sciatica]",
      ),
    );
    expect(scopeWarnings(root)).toEqual([]);
  });

  it("recognizes plain statements of scope, not hints", () => {
    expect(acknowledgesScope("It did not include people after spine surgery.")).toBe(true);
    expect(acknowledgesScope("People with stenosis were excluded.")).toBe(true);
    expect(acknowledgesScope("The trials didn't study disc herniation as such.")).toBe(true);
    expect(acknowledgesScope("Acupuncture did better than sham for people after surgery.")).toBe(false);
  });

  it("finds no study outside its scope in the sample site", () => {
    expect(scopeWarnings(packageRoot)).toEqual([]);
  });
});

describe("#16: evidence scope in the condition file", () => {
  it("is required on every evidence entry", () => {
    const root = fixture();
    edit(root, "conditions/neck-pain.md", (t) => t.replace(/ {4}scope:\n( {6}.*\n)+/, ""));
    expect(reportOf(root)).toEqual([
      expect.stringMatching(/^conditions\/neck-pain\.md:\d+ evidence\[0\]\.scope: is required but missing/),
    ]);
  });

  it("names the accepted comparisons and unknown condition ids", () => {
    const root = fixture();
    edit(root, "conditions/neck-pain.md", (t) =>
      t
        .replace("comparison: [sham, usual-care]", "comparison: [placebo]")
        .replace("conditions: [chronic-low-back-pain, neck-pain]", "conditions: [neck-pian]"),
    );
    const report = reportOf(root);
    expect(report).toContainEqual(
      expect.stringMatching(
        /evidence\[0\]\.scope\.comparison\[0\]: expected one of sham, usual-care, no-treatment, drugs/,
      ),
    );
    expect(report).toContainEqual(
      expect.stringMatching(
        /evidence\[0\]\.scope\.conditions\[0\]: unknown condition "neck-pian" — did you mean "neck-pain"\?/,
      ),
    );
  });
});
