import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../src/build/build.ts";
import { AuditError, DataError } from "../src/problems.ts";
import { copyFixture } from "./helpers.ts";

/** Every file of a folder with its hash, to prove a failed build left it byte-identical. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return out;
}

/** Lines a marketer might type by mistake, besides random text. */
const snippets = [
  "geo: { lat: 999, lng: 0 }",
  "clinic: nowhere",
  "updated: 2099-12-31",
  "lastReviewed: 2027-06-01",
  ": :",
  "- [",
  "a: &x [*x]",
  "region: Florida",
  "region: Nu Jersey",
  'phone: "+1-954-555-014"',
  "\tname: tab",
  "東京",
  "---",
  "name:",
  "year: 3000",
  "slug: ../escape",
  "baseUrl: https://example.com/path",
  "neighbourhods: [a]",
  "'",
];

const mutation = fc.record({
  file: fc.nat(),
  line: fc.nat(),
  kind: fc.constantFrom("replace", "insert", "delete", "truncate"),
  text: fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 30 })),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const at = m.line % Math.max(lines.length, 1);
  if (m.kind === "replace") lines[at] = m.text;
  if (m.kind === "insert") lines.splice(at, 0, m.text);
  if (m.kind === "delete") lines.splice(at, 1);
  if (m.kind === "truncate") return lines.slice(0, at).join("\n");
  return lines.join("\n");
}

describe("#12 property: a mutated data file never crashes the build or touches output/", () => {
  const work = mkdtempSync(join(tmpdir(), "clinic-prop-"));
  const out = join(work, "output");
  const dataFiles = [
    "site.yaml",
    "locations/red-bank-nj.md",
    "locations/long-branch-nj.md",
    "conditions/sciatica.md",
    "conditions/neck-pain.md",
  ];

  // One copy of the fixture; each run mutates its data files and puts them back afterwards.
  const root = copyFixture();
  const originals = new Map(dataFiles.map((file) => [file, readFileSync(join(root, file), "utf8")]));
  // The output's hashes, taken again only after a build that replaced it.
  let current: Record<string, string>;

  beforeAll(async () => {
    await build({ root, outDir: out, today: "2026-11-25" });
    current = hashes(out);
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  it("#12 every run succeeds or names file and field; a failed run leaves output/ byte-identical", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        try {
          for (const m of mutations) {
            const file = join(root, dataFiles[m.file % dataFiles.length]!);
            writeFileSync(file, apply(readFileSync(file, "utf8"), m));
          }
          const before = current;
          try {
            await build({ root, outDir: out, today: "2026-11-25" });
            current = hashes(out);
          } catch (error) {
            if (error instanceof DataError) {
              expect(error.problems.length).toBeGreaterThan(0);
              for (const p of error.problems) expect(p.file && p.field, JSON.stringify(p)).toBeTruthy();
            } else if (error instanceof AuditError) {
              expect(error.audit.findings.some((f) => f.severity === "error")).toBe(true);
            } else {
              throw error; // an internal error: the property fails and fast-check shrinks the input
            }
            expect(hashes(out)).toEqual(before);
          }
        } finally {
          for (const [file, text] of originals) writeFileSync(join(root, file), text);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) },
    );
  }, 60_000);
});
