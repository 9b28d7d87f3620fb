import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Problem } from "../problems.ts";
import { frontMatterRange } from "../rules/front-matter.ts";

export type FieldPath = ReadonlyArray<string | number>;

/** One data file as read from disk, with what is needed to point at a line. */
export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  /** Front matter (or whole YAML document) as plain data. */
  data: unknown;
  /** Markdown body under the front matter ("" for site.yaml). */
  body: string;
  /** 1-based line of a field, or of its nearest parent that exists. */
  lineOf(field: FieldPath): number | undefined;
}

/** Removes a byte-order mark and turns CRLF or CR line endings into LF. */
export function normalizeText(raw: string): string {
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Parses a YAML document, keeping positions. Lines are shifted by `firstLine - 1`. */
export function parseYaml(
  path: string,
  text: string,
  firstLine = 1,
): { file?: SourceFile; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Later YAML errors are almost always echoes of the first one, so report only that.
  const problems = doc.errors.slice(0, 1).map((error) => yamlProblem(path, error, lineCounter, firstLine));
  if (problems.length > 0) return { problems };
  const lineOf = (field: FieldPath) => nodeLine(doc, field, lineCounter, firstLine);
  let data: unknown;
  try {
    // Aliases expand on conversion; yaml stops a "billion laughs" document here.
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    const message = `the YAML cannot be read: ${(error as Error).message.split("\n")[0]}`;
    return {
      problems: [
        {
          file: path,
          line: firstLine,
          field: "(yaml)",
          message,
          hint: "write the values out instead of using & anchors and * aliases",
        },
      ],
    };
  }
  return { file: { path, data, body: "", lineOf }, problems };
}

function yamlProblem(
  path: string,
  error: { message: string; pos: [number, number] },
  counter: LineCounter,
  firstLine: number,
): Problem {
  const line = counter.linePos(error.pos[0]).line + firstLine - 1;
  const what = error.message.split("\n")[0] ?? "invalid YAML";
  return {
    file: path,
    line,
    field: "(yaml)",
    message: `invalid YAML: ${what}`,
    hint: "check indentation (spaces, not tabs), that each key ends with a colon, and quote text containing ': ' or '#'",
  };
}

function nodeLine(
  doc: Document,
  field: FieldPath,
  counter: LineCounter,
  firstLine: number,
): number | undefined {
  let node: unknown = doc.contents;
  let line = lineAt(node, counter);
  for (const key of field) {
    const next = childNode(node, key);
    if (next === undefined) break;
    node = next.value ?? next.key;
    line = lineAt(next.key ?? next.value, counter) ?? line;
  }
  return line === undefined ? undefined : line + firstLine - 1;
}

function childNode(node: unknown, key: string | number): { key?: unknown; value?: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof key === "number") {
    const item = node.items[key];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

function lineAt(node: unknown, counter: LineCounter): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}

/** Parses a Markdown file with YAML front matter (`yaml` parses, keeping positions). */
export function parseMarkdown(path: string, raw: string): { file?: SourceFile; problems: Problem[] } {
  const text = normalizeText(raw);
  if (text.trim() === "") {
    return {
      problems: [
        {
          file: path,
          line: 1,
          field: "(file)",
          message: "the file is empty",
          hint: "add front matter between two '---' lines, or delete the file",
        },
      ],
    };
  }
  if (!text.startsWith("---\n")) {
    return {
      problems: [
        {
          file: path,
          line: 1,
          field: "(front matter)",
          message: "the file does not start with front matter",
          hint: "put '---' on the first line, the fields, then '---' before the Markdown copy",
        },
      ],
    };
  }
  const split = splitFrontMatter(text);
  if (!split) {
    return {
      problems: [
        {
          file: path,
          line: 1,
          field: "(front matter)",
          message: "the front matter has no closing '---' line",
          hint: "put a line with only '---' after the last field, before the Markdown copy",
        },
      ],
    };
  }
  const parsed = parseYaml(path, split.matter, split.firstLine);
  if (!parsed.file) return parsed;
  parsed.file.body = split.content.replace(/^\n+/, "");
  return parsed;
}

/**
 * Splits normalized text (see normalizeText) into its YAML front matter, the 1-based line the
 * front matter starts on, and the Markdown under it (the `---` rule is src/rules/front-matter.ts).
 */
export function splitFrontMatter(
  text: string,
): { matter: string; firstLine: number; content: string } | undefined {
  const range = frontMatterRange(text);
  if (!range) return undefined;
  return {
    // Without the line break before the closing line: YAML that ends too early is reported on
    // its own last line, not on the `---` line.
    matter: text.slice(range.start, range.end).replace(/\n$/, ""),
    firstLine: 1 + countLines(text.slice(0, range.start)),
    content: text.slice(range.body),
  };
}

function countLines(text: string): number {
  return text.split("\n").length - 1;
}
