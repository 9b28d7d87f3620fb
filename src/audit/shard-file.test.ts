import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataError } from "../problems.ts";
import type { PageSummary } from "./page.ts";
import { readShardSummaries, writeShardSummaries } from "./shard-file.ts";

const dir = mkdtempSync(join(tmpdir(), "clinic-shard-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (i: number): PageSummary => ({
  url: `/p${i}/`,
  kind: "x",
  title: `Café ${i} – “quoted”`,
  indexable: true,
  h1Text: "h",
  ids: ["a"],
  anchors: [],
  hosts: [],
  // Long enough that lines cross the reader's 1 MB blocks, with multi-byte characters around.
  signals: { folded: new Uint32Array([7, 8]), facts: new Uint32Array([9]), generic: [] },
  words: Uint32Array.from({ length: 200 }, (_, k) => (k === 1 ? 0xffffffff : i + k)),
  findings: [],
});

describe("shard summary files", () => {
  it("give back every page's summary, hash arrays included, a page per line", () => {
    const file = join(dir, "shard.json");
    const pages = Array.from({ length: 3000 }, (_, i) => page(i));
    writeShardSummaries(file, pages);
    const read = readShardSummaries(file);
    expect(read).toHaveLength(3000);
    expect(read[2999]!.words).toEqual(page(2999).words);
    expect(read.map((p) => p.words[0])).toEqual(pages.map((p) => p.words[0]));
    expect(read[5]!.title).toBe("Café 5 – “quoted”");
  });

  it("report a file that is not a shard summary as a problem naming the file", () => {
    const file = join(dir, "other.json");
    writeFileSync(file, '{"schema":"something-else"}\n');
    expect(() => readShardSummaries(file)).toThrow(DataError);
    expect(() => readShardSummaries(file)).toThrow(
      /other\.json \(shard\): is not a clinic-pages shard summary/,
    );
  });

  it.each([
    ["{}", "an empty object"],
    ['{"url":"/a/","kind":"x","indexable":true}', "a summary missing its word hashes"],
    ["null", "null"],
  ])("report a line that parses but is not a page summary (%s: %s) as a problem naming the line", (line) => {
    const file = join(dir, "edited.json");
    writeShardSummaries(file, [page(1)]);
    writeFileSync(file, `${readFileSync(file, "utf8")}${line}\n`);
    expect(() => readShardSummaries(file)).toThrow(DataError);
    expect(() => readShardSummaries(file)).toThrow(/edited\.json \(shard\): line 3 is not a page summary/);
  });
});
