import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "../rules/digest.ts";
import { noindexHtml } from "./noindex.ts";

/** The file a page URL is written to, inside the output folder: `/a/b/` → `a/b/index.html`, `/404.html` → `404.html`. */
export function pageFile(url: string): string {
  return url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1);
}

/** The path a page URL is written to under `outDir`. */
export function outputFile(outDir: string, url: string): string {
  return join(outDir, pageFile(url));
}

/** Rewrites one written page with noindex (see noindexHtml) and returns the new file's sha256. */
export function patchNoindexFile(file: string): string {
  let html: string;
  try {
    html = noindexHtml(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
  writeFileSync(file, html);
  return sha256(html);
}
