import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { DataError } from "../problems.ts";
import type { PageSummary } from "./page.ts";

/** What a shard build leaves for `combine`: its pages' summaries, hash arrays as base64. */
export const shardFile = "_report/shard.json";

const header = JSON.stringify({ schema: "clinic-pages/shard@3" });

/** Hash arrays anywhere in a summary travel as `{ "u32": base64 }`. */
function encode(_key: string, value: unknown): unknown {
  return value instanceof Uint32Array
    ? { u32: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") }
    : value;
}

function decode(_key: string, value: unknown): unknown {
  if (
    value === null ||
    typeof value !== "object" ||
    typeof (value as { u32?: unknown }).u32 !== "string" ||
    Object.keys(value).length !== 1
  )
    return value;
  const bytes = Buffer.from((value as { u32: string }).u32, "base64");
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/**
 * Writes one JSON line per page after a header line, so a shard of any size is written and read
 * a page at a time (one JSON document of 50,000 pages would pass V8's limit on string length).
 */
export function writeShardSummaries(path: string, summaries: PageSummary[]): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, `${header}\n`);
    for (const summary of summaries) writeSync(fd, `${JSON.stringify(summary, encode)}\n`);
  } finally {
    closeSync(fd);
  }
}

/** Reads a shard's summaries back, line by line. A file that is not one is a problem to report, not a crash. */
export function readShardSummaries(path: string): PageSummary[] {
  const problem = (message: string) =>
    new DataError([
      {
        file: path,
        field: "(shard)",
        message,
        hint: "pass folders written by npm run build -- --shard i/n --out DIR, and rebuild a shard whose file was changed or cut short",
      },
    ]);
  const pages: PageSummary[] = [];
  let number = 0;
  for (const line of lines(path)) {
    number++;
    if (number === 1) {
      if (line === header) continue;
      try {
        JSON.parse(line);
      } catch (error) {
        throw problem(`is not valid JSON: ${(error as Error).message}`);
      }
      throw problem("is not a clinic-pages shard summary (clinic-pages/shard@3)");
    }
    let page: unknown;
    try {
      page = JSON.parse(line, decode);
    } catch {
      throw problem(`line ${number} is not valid JSON`);
    }
    if (!isSummary(page)) throw problem(`line ${number} is not a page summary`);
    pages.push(page);
  }
  if (number === 0) throw problem("is empty");
  return pages;
}

/**
 * True when a parsed line has a page summary's shape. A line edited by hand or written by another
 * version would otherwise pass JSON parsing and fail later, inside the site-wide checks, as a crash.
 */
function isSummary(value: unknown): value is PageSummary {
  const page = value as Partial<PageSummary> | null;
  const signals = page?.signals;
  return (
    typeof page === "object" &&
    page !== null &&
    typeof page.url === "string" &&
    typeof page.kind === "string" &&
    typeof page.indexable === "boolean" &&
    typeof page.h1Text === "string" &&
    page.words instanceof Uint32Array &&
    [page.ids, page.anchors, page.hosts, page.findings].every(Array.isArray) &&
    typeof signals === "object" &&
    signals !== null &&
    signals.folded instanceof Uint32Array &&
    signals.facts instanceof Uint32Array &&
    Array.isArray(signals.generic)
  );
}

/** The lines of a file, read in 1 MB blocks. */
function* lines(path: string): Generator<string> {
  const fd = openSync(path, "r");
  const block = Buffer.alloc(1 << 20);
  // Keeps a character cut in two by a block boundary whole.
  const decoder = new StringDecoder("utf8");
  let rest = "";
  try {
    for (;;) {
      const read = readSync(fd, block, 0, block.length, null);
      if (read === 0) break;
      const text = rest + decoder.write(block.subarray(0, read));
      const parts = text.split("\n");
      rest = parts.pop()!;
      for (const part of parts) if (part) yield part;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}
