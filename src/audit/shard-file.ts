import { readFileSync, writeFileSync } from "node:fs";
import type { PageSummary } from "./page.ts";

/** What a shard build leaves for `combine`: its pages' summaries, word hashes as base64. */
export const shardFile = "_report/shard.json";

export function writeShardSummaries(path: string, summaries: PageSummary[]): void {
  const rows = summaries.map((s) => ({ ...s, words: Buffer.from(s.words.buffer, s.words.byteOffset, s.words.byteLength).toString("base64") }));
  writeFileSync(path, JSON.stringify({ schema: "clinic-pages/shard@1", pages: rows }));
}

export function readShardSummaries(path: string): PageSummary[] {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as { schema?: string; pages: Array<PageSummary & { words: string }> };
  if (parsed.schema !== "clinic-pages/shard@1") throw new Error(`${path} is not a clinic-pages shard summary`);
  return parsed.pages.map((row) => {
    const bytes = Buffer.from(row.words, "base64");
    return { ...row, words: new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) };
  });
}
