// The `---` rule of data files, in one place for reading them (load) and for editing them in
// place (import, new-location): the file opens with a `---` line, the YAML follows, and the first
// line that is `---` (trailing spaces allowed) closes it; the Markdown copy comes after.

/** Offsets in a file's text: its YAML front matter is `[start, end)`, its Markdown starts at `body`. */
export interface FrontMatterRange {
  start: number;
  end: number;
  body: number;
  /** The file's line ending ("\n" or "\r\n"), as its opening line has it. */
  newline: string;
}

/** Where the front matter is, in raw or normalized text (a BOM and CRLF are allowed); undefined without both `---` lines. */
export function frontMatterRange(text: string): FrontMatterRange | undefined {
  const open = /^(\uFEFF)?---(\r?\n)/.exec(text);
  if (!open) return undefined;
  const start = open[0].length;
  const close = /^---[ \t]*(?:\r?\n|$)/m.exec(text.slice(start));
  if (!close) return undefined;
  const end = start + close.index;
  return { start, end, body: end + close[0].length, newline: open[2]! };
}
