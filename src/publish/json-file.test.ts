import { describe, expect, it } from "vitest";
import { jsonPieces } from "./json-file.ts";

describe("#11 the report and the manifest are written in pieces", () => {
  it("joins to exactly what JSON.stringify(report, null, 2) writes, one piece per page", () => {
    const report = {
      schema: "clinic-pages/report@2",
      summary: { pages: 2, uniqueness: { highestSimilarity: null, nested: [1, [2, { a: "x" }]] } },
      skipped: undefined,
      empty: [],
      pages: [
        { url: "/a/", files: ["locations/a.md"], note: 'line one\nline two "quoted" </script>' },
        { url: "/b/", files: [], uniqueness: { similarity: 0.25 } },
      ],
      findings: [{ page: "/a/", message: "ünïcode ✓" }],
      files: { "a/index.html": "ab12", "img/x.jpg": "cd34", "b/index.html": undefined },
      emptyObject: {},
      last: "end",
    };
    const pieces = [...jsonPieces(report)];
    expect(pieces.join("")).toBe(`${JSON.stringify(report, null, 2)}\n`);
    // A page is one piece: the report's size in memory is one page, not the whole site.
    expect(pieces.filter((p) => p.includes('"url"'))).toHaveLength(2);
    expect(pieces.filter((p) => p.includes("index.html"))).toHaveLength(1);
  });
});
