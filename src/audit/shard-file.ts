import { readFileSync, writeFileSync } from "node:fs";
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

type Row = Omit<PageSummary, "words" | "signals"> & { words: string; signals: Omit<PageSummary["signals"], "folded" | "facts"> & { folded: string; facts: string } };

export function readShardSummaries(path: string): PageSummary[] {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as { schema?: string; pages: Row[] };
  if (parsed.schema !== "clinic-pages/shard@2") throw new Error(`${path} is not a clinic-pages shard summary (of this version)`);
  return parsed.pages.map((row) => ({
    ...row,
    words: fromBase64(row.words),
    signals: { ...row.signals, folded: fromBase64(row.signals.folded), facts: fromBase64(row.signals.facts) },
  }));
}
