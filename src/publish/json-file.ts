import { closeSync, openSync, writeSync } from "node:fs";

/**
 * The text of `JSON.stringify(value, null, 2)` plus a newline, in pieces: each top-level field,
 * and each element or entry of a top-level array or object, is one piece, so a report of
 * 100,000 pages or a manifest of 200,000 files never becomes one string.
 */
export function* jsonPieces(value: object): Generator<string> {
  const fields = Object.entries(value).filter(([, field]) => field !== undefined);
  yield "{\n";
  for (const [i, [key, field]] of fields.entries()) {
    yield `  ${JSON.stringify(key)}: `;
    yield* fieldPieces(field);
    yield i < fields.length - 1 ? ",\n" : "\n";
  }
  yield "}\n";
}

function* fieldPieces(field: unknown): Generator<string> {
  const isArray = Array.isArray(field);
  const entries = isArray
    ? field.map((item) => ["", item] as const)
    : isPlainObject(field)
      ? Object.entries(field).filter(([, item]) => item !== undefined)
      : [];
  if (entries.length === 0) return yield indented(field, 1);
  yield isArray ? "[\n" : "{\n";
  for (const [j, [key, item]] of entries.entries()) {
    const name = isArray ? "" : `${JSON.stringify(key)}: `;
    yield `    ${name}${indented(item, 2)}${j < entries.length - 1 ? "," : ""}\n`;
  }
  yield isArray ? "  ]" : "  }";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** A value as JSON.stringify indents it `depth` levels down (JSON strings hold no raw newline). */
function indented(value: unknown, depth: number): string {
  return (JSON.stringify(value, null, 2) ?? "null").replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

/** Writes `pieces` to `path` about a megabyte at a time. */
export function writePieces(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, "w");
  try {
    let pending: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      pending.push(piece);
      size += piece.length;
      if (size < 1 << 20) continue;
      writeSync(fd, pending.join(""));
      pending = [];
      size = 0;
    }
    writeSync(fd, pending.join(""));
  } finally {
    closeSync(fd);
  }
}
