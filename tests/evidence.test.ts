import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../src/build/build.ts";
import { packageRoot } from "../src/rules/package-paths.ts";
import { copyFixture, edit } from "./helpers.ts";

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const evidenceFindings = (result: BuildResult) =>
  result.audit.findings.filter((f) => f.check.startsWith("medical.evidence"));
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");

describe("#16: evidence on the built pages", () => {
  let out: string;
  let result: BuildResult;

  beforeAll(async () => {
    const root = copyFixture();
    temps.push(root);
    // Neck pain now cites the study as a comparison of acupuncture styles, with a causal verb.
    edit(root, "conditions/neck-pain.md", (t) =>
      t
        .replace(
          "A fixture claim about a study of acupuncture for chronic pain.",
          "Acupuncture improved neck pain in the fixture trials.",
        )
        .replace("comparison: [sham, usual-care]", "comparison: [other-acupuncture]"),
    );
    edit(root, "conditions/sciatica.md", (t) =>
      t.replace("doi: 10.1016/j.jpain.2017.11.005", "doi: 10.1016/j.jpain.2017.11.005\n      pmid: 29198932"),
    );
    out = join(tempDir("clinic-evidence-"), "output");
    result = await build({ root, outDir: out, today: "2026-11-25" });
  });

  it("shows what each study covered and what it was compared with beside the citation", () => {
    // The full evidence lives on the condition guide; city pages carry its headline (issue 9).
    const text = textOf(readFileSync(join(out, "acupuncture-for-sciatica/index.html"), "utf8"));
    expect(text).toContain(
      "Scope: a fixture pooled analysis of randomized trials in chronic back and neck pain; " +
        "it did not include people with sciatica; compared with sham acupuncture and usual care.",
    );
    expect(text).toContain("Authors: “a fixture quotation of the authors' own words on certainty”.");
  });

  it("links the PubMed record next to the DOI when a study has both", () => {
    const html = readFileSync(join(out, "acupuncture-for-sciatica/index.html"), "utf8");
    expect(html).toContain('href="https://doi.org/10.1016/j.jpain.2017.11.005"');
    expect(html).toContain('<a href="https://pubmed.ncbi.nlm.nih.gov/29198932/" rel="noopener">PubMed</a>');
  });

  it("warns about a causal verb its study cannot back, naming the file, and still publishes", () => {
    const findings = evidenceFindings(result);
    expect(findings.map((f) => f.page)).toContain("/acupuncture-for-neck-pain/red-bank-nj/");
    expect(findings.every((f) => f.page.startsWith("/acupuncture-for-neck-pain/"))).toBe(true);
    expect(findings[0]).toMatchObject({ check: "medical.evidence-wording", severity: "warning" });
    expect(findings[0]!.message).toContain('says "improved"');
    expect(findings[0]!.files).toContain("conditions/neck-pain.md");
    expect(readFileSync(join(out, "acupuncture-for-neck-pain/index.html"), "utf8")).toContain(
      "Acupuncture improved neck pain",
    );
  });
});

describe("#16: the sample site", () => {
  it("builds without evidence warnings", async () => {
    const out = join(tempDir("clinic-sample-"), "output");
    const result = await build({
      root: packageRoot,
      outDir: out,
      today: "2026-11-25",
    });
    expect(result.warnings.filter((w) => w.field.startsWith("evidence"))).toEqual([]);
    expect(evidenceFindings(result)).toEqual([]);
    const html = readFileSync(join(out, "acupuncture-for-spinal-stenosis/index.html"), "utf8");
    const stenosis = textOf(html);
    expect(stenosis).toContain("compared with other acupuncture");
    expect(stenosis).toContain("Vickers AJ, Vertosick EA, Lewith G, et al. Acupuncture for Chronic Pain");
    expect(html).toContain('"author":"Vickers AJ, Vertosick EA, Lewith G, et al"');
    expect(stenosis).toContain("the trials did not include people with spinal stenosis");
  }, 60_000);
});
