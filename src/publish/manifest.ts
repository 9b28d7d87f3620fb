import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { adminFolder } from "../cms/admin.ts";
import { sha256 } from "../rules/digest.ts";

/** `report/manifest.json`: every file of the site with its content hash, and what changed since a previous manifest. */
export interface Manifest {
  schema: "clinic-pages/manifest@1";
  origin: string;
  /** A staging build: never announced to search engines. */
  staging: boolean;
  files: Record<string, string>;
  since?: { added: string[]; changed: string[]; removed: string[]; changedUrls: string[] };
}

/** Every file under `dir`, from the folder listings' own file types (no stat per file: 200,000 at 100,000 pages). */
function walk(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const folder = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory());
    if (folder) walk(path, into);
    else into.push(path);
  }
  return into;
}

/**
 * sha256 of every file under `dir` (paths with forward slashes, sorted). Hashes in `known`
 * (taken by the stages that wrote those files) are used as they are.
 */
export function hashFiles(
  dir: string,
  known: ReadonlyMap<string, string> = new Map(),
): Record<string, string> {
  const files = walk(dir)
    .map((path) => relative(dir, path).split(sep).join("/"))
    .sort();
  return Object.fromEntries(
    files.map((path) => [path, known.get(path) ?? sha256(readFileSync(join(dir, path)))]),
  );
}

/** The public URL of an output file: `a/b/index.html` → `https://site/a/b/`. */
export function urlOf(origin: string, path: string): string {
  return `${origin}/${path.replace(/(^|\/)index\.html$/, "$1")}`;
}

/**
 * Pages search engines should re-crawl: HTML files except the 404 page, the editor at /admin/, and
 * `_report/` (the report folder of builds before it moved beside the site).
 */
function isPublicPage(path: string): boolean {
  return (
    path.endsWith(".html") &&
    path !== "404.html" &&
    !path.startsWith("_report/") &&
    !path.startsWith(`${adminFolder}/`)
  );
}

/** Files added, changed and removed between two manifests, and the page URLs to re-crawl. */
export function diffManifests(
  previous: Record<string, string>,
  current: Record<string, string>,
  origin: string,
): NonNullable<Manifest["since"]> {
  const added = Object.keys(current).filter((p) => !(p in previous));
  const changed = Object.keys(current).filter((p) => p in previous && previous[p] !== current[p]);
  const removed = Object.keys(previous).filter((p) => !(p in current));
  const pages = [...added, ...changed, ...removed].filter(isPublicPage);
  return { added, changed, removed, changedUrls: pages.map((p) => urlOf(origin, p)).sort() };
}

/** The page URLs added or changed between two manifests: what IndexNow is told about. */
export function updatedUrls(
  previous: Record<string, string>,
  current: Record<string, string>,
  origin: string,
): string[] {
  const { added, changed } = diffManifests(previous, current, origin);
  return [...added, ...changed]
    .filter(isPublicPage)
    .map((p) => urlOf(origin, p))
    .sort();
}

/** Builds the manifest of `dir`; with `previous` (a parsed earlier manifest) it also lists the changes. */
export function buildManifest(
  dir: string,
  origin: string,
  staging: boolean,
  previous?: Manifest,
  known?: ReadonlyMap<string, string>,
): Manifest {
  const files = hashFiles(dir, known);
  return {
    schema: "clinic-pages/manifest@1",
    origin,
    staging,
    files,
    ...(previous ? { since: diffManifests(previous.files, files, origin) } : {}),
  };
}
