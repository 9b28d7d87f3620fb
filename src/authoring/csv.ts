/** A parsed CSV: header names (lowercased, trimmed) and rows as records, with 1-based line numbers. */
export interface Csv {
  delimiter: "," | ";" | "\t";
  headers: string[];
  rows: Array<{ line: number; values: Record<string, string> }>;
}

/**
 * Comma, semicolon or tab, whichever the header line uses most (spreadsheets in many locales
 * export `;`; Excel's "Unicode text" is tab-separated).
 */
function detectDelimiter(text: string): Csv["delimiter"] {
  const header = text.split("\n", 1)[0] ?? "";
  const count = (ch: string) => header.split(ch).length - 1;
  const tabs = count("\t");
  if (tabs > 0 && tabs >= count(",") && tabs >= count(";")) return "\t";
  return count(";") > count(",") ? ";" : ",";
}

/** RFC 4180 fields: quotes around fields, doubled quotes inside, newlines inside quoted fields. */
function records(text: string, delimiter: string): Array<{ line: number; fields: string[] }> {
  const out: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        field += ch;
        if (ch === "\n") line++;
      }
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = "";
    } else if (ch === "\n") {
      fields.push(field);
      out.push({ line: start, fields });
      fields = [];
      field = "";
      start = ++line;
    } else field += ch;
  }
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    out.push({ line: start, fields });
  }
  return out.filter((r) => r.fields.some((f) => f.trim() !== ""));
}

/** Parses a decoded spreadsheet export: with or without BOM, CRLF or LF, `,`, `;` or tab. */
export function parseCsv(raw: string): Csv {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text);
  const [head, ...body] = records(text, delimiter);
  const headers = (head?.fields ?? []).map((h) => h.trim().toLowerCase());
  return {
    delimiter,
    headers,
    rows: body.map((r) => ({
      line: r.line,
      values: Object.fromEntries(headers.map((h, i) => [h, (r.fields[i] ?? "").trim()])),
    })),
  };
}
