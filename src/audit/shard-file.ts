import { readFileSync, writeFileSync } from "node:fs";
import { DataError } from "../problems.ts";
import type { PageSummary } from "./page.ts";

/** What a shard build leaves for `combine`: its pages' summaries, word hashes as base64. */
export const shardFile = "_report/shard.json";

export function writeShardSummaries(path: string, summaries: PageSummary[]): void {
  const rows = summaries.map((s) => ({ ...s, words: Buffer.from(s.words.buffer, s.words.byteOffset, s.words.byteLength).toString("base64") }));
  writeFileSync(path, JSON.stringify({ schema: "clinic-pages/shard@1", pages: rows }));
}

/** Reads a shard's summaries; a file that is not one is a DataError naming it, not a crash. */
export function readShardSummaries(path: string): PageSummary[] {
  const problem = (message: string) =>
    new DataError([{ file: path, field: "(shard)", message, hint: "pass folders written by npm run build -- --shard i/n --out DIR, and rebuild a shard whose file was changed or cut short" }]);
  let parsed: { schema?: string; pages?: Array<PageSummary & { words: string }> };
  try {
    parsed = JSON.parse(readFileSync(path, "utf8")) as typeof parsed;
  } catch (error) {
    throw problem(`is not valid JSON: ${(error as Error).message}`);
  }
  if (parsed?.schema !== "clinic-pages/shard@1" || !Array.isArray(parsed.pages)) throw problem("is not a clinic-pages shard summary (clinic-pages/shard@1)");
  return parsed.pages.map((row) => {
    const bytes = Buffer.from(row.words, "base64");
    return { ...row, words: new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) };
  });
}
