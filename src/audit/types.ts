/** A built page as the audit sees it: its URL and HTML, nothing from the data. */
export interface BuiltPage {
  url: string;
  html: string;
  /** Where the page was written, so a thin page can be switched to noindex. */
  outputPath?: string;
}

/** One audit result: which check, how serious, which page, what is wrong and how to fix it. */
export interface Finding {
  check: string;
  severity: "error" | "warning";
  page: string;
  message: string;
  /** Where in the page, e.g. a JSON-LD path. */
  path?: string;
  /** The data file(s) to change, when known. */
  files?: string[];
  hint?: string;
}
