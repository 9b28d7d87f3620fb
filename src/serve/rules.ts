/**
 * The static host's rules, read from the deploy examples so `npm run serve` answers like the
 * deployed site: `_headers` (Cloudflare Pages / Netlify format) and `_redirects`.
 */

export interface HeaderRule {
  /** A path pattern; `*` matches any run of characters, including slashes. */
  pattern: string;
  headers: Array<[string, string]>;
  /** Headers this rule removes from what broader rules set (`! Name` lines). */
  detach: string[];
}

export interface Redirect {
  from: string;
  to: string;
  status: number;
}

/** Parses a `_headers` file: a path line, then indented `Name: value` or `! Name` lines. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: line, headers: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) continue;
    if (line.startsWith("!")) rule.detach.push(line.slice(1).trim().toLowerCase());
    else {
      const colon = line.indexOf(":");
      if (colon > 0) rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** Parses a `_redirects` file: `from to [status]` per line (status 301 when left out). */
export function parseRedirects(text: string): Redirect[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const [from = "", to = "", status = "301"] = line.split(/\s+/);
      return { from, to, status: Number(status) };
    });
}

function matches(pattern: string, path: string): boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`).test(path);
}

/**
 * The headers for a path: every matching rule applies, as on Cloudflare Pages; a header set by
 * several rules is joined with ", " unless a later matching rule detaches it first.
 */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const result = new Map<string, { name: string; values: string[] }>();
  const matching = rules.filter((rule) => matches(rule.pattern, path));
  const detached = new Set(matching.flatMap((rule) => rule.detach));
  for (const rule of matching) {
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      // A detaching rule keeps only its own value of that header.
      if (detached.has(key) && !rule.detach.includes(key)) continue;
      const entry = result.get(key) ?? { name, values: [] };
      entry.values.push(value);
      result.set(key, entry);
    }
  }
  return Object.fromEntries([...result.values()].map((e) => [e.name, e.values.join(", ")]));
}

/** The redirect for a path, if one applies. */
export function redirectFor(redirects: Redirect[], path: string): Redirect | undefined {
  return redirects.find((r) => r.from === path);
}
