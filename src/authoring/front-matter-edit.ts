import { isMap, isScalar, isSeq, parseDocument, stringify, type Node, type Pair } from "yaml";
import { frontMatterRange } from "../rules/front-matter.ts";

/** One field to set in a data file's front matter: a path such as `["geo", "lat"]` and its value. */
export interface FieldChange {
  path: string[];
  value: string | number | string[];
}

/**
 * Sets fields in a Markdown file's front matter by splicing the text of their values only, so
 * everything else (comments, key order, folded text, line endings, the body) stays byte for byte.
 * A field that does not exist yet is added as a new line at the end of the front matter (or of
 * its parent map). Returns undefined when the front matter cannot be edited safely (no closing
 * `---`, a YAML error): the caller reports the file instead of rewriting it.
 */
export function setFrontMatterFields(text: string, changes: FieldChange[]): string | undefined {
  const block = frontMatterBlock(text);
  if (!block) return undefined;
  let yaml = block.yaml;
  // Later offsets first, so earlier splices do not move them.
  const edits = changes.map((change) => planEdit(yaml, block.newline, change));
  if (edits.some((edit) => edit === undefined)) return undefined;
  for (const edit of (edits as Edit[]).sort((a, b) => b.start - a.start || b.order - a.order)) {
    yaml = yaml.slice(0, edit.start) + edit.text + yaml.slice(edit.end);
  }
  const check = parseDocument(yaml);
  if (check.errors.length > 0) return undefined;
  return text.slice(0, block.start) + yaml + text.slice(block.end);
}

interface Edit {
  start: number;
  end: number;
  text: string;
  order: number;
}

let counter = 0;

/** The YAML between the opening `---` line and the closing one, with its offsets in `text`. */
function frontMatterBlock(
  text: string,
): { start: number; end: number; yaml: string; newline: string } | undefined {
  const range = frontMatterRange(text);
  return range && { ...range, yaml: text.slice(range.start, range.end) };
}

function planEdit(yaml: string, newline: string, change: FieldChange): Edit | undefined {
  const doc = parseDocument(yaml, { keepSourceTokens: false });
  if (doc.errors.length > 0) return undefined;
  let map: unknown = doc.contents;
  let indent = "";
  for (let depth = 0; depth < change.path.length; depth++) {
    const key = change.path[depth]!;
    if (map === null && depth === 0) return append(yaml, newline, "", change.path, change.value);
    if (!isMap(map)) return undefined;
    const pair = map.items.find((item: Pair) => isScalar(item.key) && String(item.key.value) === key);
    if (!pair) {
      if (map.flow) return undefined;
      return appendInMap(yaml, newline, map, indent, change.path.slice(depth), change.value);
    }
    const value = pair.value as Node | null;
    if (depth === change.path.length - 1) {
      if (!value?.range) return undefined;
      const start = value.range[0];
      let end = value.range[1];
      // Block lists and block text end after their last line break; that break stays.
      while (end > start && (yaml[end - 1] === "\n" || yaml[end - 1] === "\r")) end--;
      const column = start - yaml.lastIndexOf("\n", start - 1) - 1;
      return { start, end, text: render(change.value, value, " ".repeat(column), newline), order: counter++ };
    }
    const keyNode = pair.key as Node;
    indent = " ".repeat(
      (keyNode.range?.[0] ?? 0) - yaml.lastIndexOf("\n", (keyNode.range?.[0] ?? 0) - 1) - 1 + 2,
    );
    map = value;
  }
  return undefined;
}

/** A new `key: value` line after the last item of a block map. */
function appendInMap(
  yaml: string,
  newline: string,
  map: Node,
  indent: string,
  path: string[],
  value: FieldChange["value"],
): Edit {
  const end = map.range?.[1] ?? yaml.length;
  // Items end at the last value; the line break after it stays.
  const lineEnd = yaml.indexOf("\n", end - 1);
  const at = lineEnd === -1 ? yaml.length : lineEnd + 1;
  const prefix = lineEnd === -1 && yaml.length > 0 && !yaml.endsWith("\n") ? newline : "";
  return { start: at, end: at, text: prefix + line(path, value, indent, newline), order: counter++ };
}

function append(
  yaml: string,
  newline: string,
  indent: string,
  path: string[],
  value: FieldChange["value"],
): Edit {
  const prefix = yaml.length > 0 && !yaml.endsWith("\n") ? newline : "";
  return {
    start: yaml.length,
    end: yaml.length,
    text: prefix + line(path, value, indent, newline),
    order: counter++,
  };
}

/** `key: value` (nested keys as a flow map, e.g. `geo: { lat: 1 }`) and a line break. */
function line(path: string[], value: FieldChange["value"], indent: string, newline: string): string {
  const [key, ...rest] = path;
  const inner = rest.reduceRight<string>((acc, k) => `{ ${k}: ${acc} }`, flow(value));
  return `${indent}${key}: ${inner}${newline}`;
}

/** A value written where `old` was: a block list stays a block list at the same indentation. */
function render(value: FieldChange["value"], old: Node, indent: string, newline: string): string {
  if (Array.isArray(value) && isSeq(old) && !old.flow && value.length > 0) {
    return value.map((item, i) => `${i === 0 ? "" : indent}- ${scalar(item)}`).join(newline);
  }
  return flow(value);
}

function flow(value: FieldChange["value"]): string {
  return Array.isArray(value) ? `[${value.map((item) => JSON.stringify(item)).join(", ")}]` : scalar(value);
}

/** Plain YAML when that reads back as the same value, double-quoted otherwise. */
function scalar(value: string | number): string {
  if (typeof value === "number") return String(value);
  const plain = stringify(value).replace(/\n$/, "");
  return plain.includes("\n") || plain.startsWith("|") || plain.startsWith(">")
    ? JSON.stringify(value)
    : plain;
}
