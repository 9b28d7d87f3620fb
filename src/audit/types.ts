/** A built page as the audit sees it: its URL and HTML, nothing from the data. */
export interface BuiltPage {
  url: string;
  html: string;
  /** Where the page was written, so a thin page can be switched to noindex. */
  outputPath?: string;
}

export type { Finding } from "../problems.ts";
