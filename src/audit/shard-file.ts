import { readFileSync, writeFileSync } from "node:fs";
import { DataError } from "../problems.ts";
import type { PageSummary } from "./page.ts";

/** What a shard build leaves for `combine`: its pages' summaries, hash arrays as base64. */
export const shardFile = "_report/shard.json";

const toBase64 = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");

function fromBase64(text: string): Uint32Array {
  const bytes = Buffer.from(text, "base64");
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export function writeShardSummaries(path: string, summaries: PageSummary[]): void {
  const rows = summaries.map((s) => ({
    ...s,
    words: toBase64(s.words),
    signals: { ...s.signals, folded: toBase64(s.signals.folded), facts: toBase64(s.signals.facts) },
  }));
  writeFileSync(path, JSON.stringify({ schema: "clinic-pages/shard@2", pages: rows }));
}

type Row = Omit<PageSummary, "words" | "signals"> & {
  words: string;
  signals: Omit<PageSummary["signals"], "folded" | "facts"> & { folded: string; facts: string };
};

/** Reads a shard's summaries; a file that is not one is a DataError naming it, not a crash. */
export function readShardSummaries(path: string): PageSummary[] {
  const problem = (message: string) =>
    new DataError([{ file: path, field: "(shard)", message, hint: "pass folders written by npm run build -- --shard i/n --out DIR, and rebuild a shard whose file was changed or cut short" }]);
  let parsed: { schema?: string; pages?: Row[] };
  try {
    parsed = JSON.parse(readFileSync(path, "utf8")) as typeof parsed;
  } catch (error) {
    throw problem(`is not valid JSON: ${(error as Error).message}`);
  }
  if (parsed?.schema !== "clinic-pages/shard@2" || !Array.isArray(parsed.pages)) {
    throw problem("is not a clinic-pages shard summary of this version (clinic-pages/shard@2)");
  }
  return parsed.pages.map((row) => ({
    ...row,
    words: fromBase64(row.words),
    signals: { ...row.signals, folded: fromBase64(row.signals.folded), facts: fromBase64(row.signals.facts) },
  }));
}
