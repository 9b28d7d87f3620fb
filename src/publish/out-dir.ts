import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { packageRoot } from "../rules/package-paths.ts";
import { DataError } from "../problems.ts";

/**
 * The file that marks a folder as written by clinic-pages. A build replaces the whole output
 * folder, so it only ever replaces a folder that carries this marker (or is new or empty):
 * `--out .` or `--out locations` must never delete a marketer's work.
 */
export const outMarker = ".clinic-pages-output";

const markerText =
  "This folder is written by clinic-pages. Every build replaces all of it: keep nothing else here.\n";

/**
 * Folders of a project (and of the clinic-pages package) that hold work, never output. The
 * output may be neither one of them nor inside one.
 */
const workFolders = [
  "locations",
  "conditions",
  "templates",
  "src",
  "node_modules",
  "images",
  "schemas",
  "tests",
  "bench",
  "deploy",
  "docs",
  ".git",
  ".cache",
];

/** Writes the marker into a finished build folder, just before it is swapped into place. */
export function markOutput(dir: string): void {
  writeFileSync(join(dir, outMarker), markerText);
}

/**
 * Checks that `outDir` may be replaced by a build of the project in `root` and returns the folder
 * to replace: the link's target when `outDir` is a symbolic link (so the link itself stays).
 * Throws a DataError saying why and what to do otherwise. Nothing is written.
 *
 * Accepted: a path that does not exist yet, an empty folder, a folder with the marker, and the
 * default `<root>/output` written by a version of clinic-pages from before the marker (it holds
 * `_report/manifest.json` and nothing the manifest does not list).
 */
export function checkOutDir(root: string, outDir: string): string {
  const project = realOrSelf(resolve(root));
  const target = realOrSelf(resolve(outDir));
  const refuse = (message: string, hint: string) =>
    new DataError([{ file: outDir, field: "(--out)", message, hint }]);
  const otherFolder = "choose a new folder name, e.g. --out output or --out ../site-build";
  if (target === project || isInside(target, project)) {
    throw refuse(
      target === project ? "is the project folder itself" : "contains the project folder",
      `a build replaces its output folder entirely, so this would delete site.yaml, locations/ and conditions/; ${otherFolder}`,
    );
  }
  for (const base of new Set([project, realOrSelf(packageRoot)])) {
    const folder = workFolders.find((name) => {
      const work = join(base, name);
      // A project kept inside one of these folders (the benchmark's under .cache/) may build beside
      // itself there; non-empty folders without the marker are still refused below.
      if (base !== project && isInside(work, project)) return false;
      return target === work || isInside(work, target);
    });
    if (folder) {
      throw refuse(
        `is ${target === join(base, folder) ? "" : "inside "}the ${folder}/ folder of ${base}`,
        `a build replaces its output folder entirely, so this would delete files you keep there; ${otherFolder}`,
      );
    }
  }
  if (!existsSync(target)) return target;
  if (!statSync(target).isDirectory()) {
    throw refuse("is a file, not a folder", `a build would replace it; ${otherFolder}`);
  }
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(outMarker)) return target;
  if (resolve(outDir) === join(resolve(root), "output") && isLegacyOutput(target, entries)) return target;
  throw refuse(
    `is a folder clinic-pages did not create (no ${outMarker} file in it) and it is not empty`,
    `a build replaces its output folder entirely; ${otherFolder}, or empty this folder yourself if its files can go`,
  );
}

/** A default output/ written before the marker existed: only files its own manifest lists. */
function isLegacyOutput(dir: string, entries: string[]): boolean {
  // Older builds kept the manifest in output/_report/; newer ones in report/ beside the output.
  const path = [join(dir, "_report", "manifest.json"), join(dirname(dir), "report", "manifest.json")].find(
    existsSync,
  );
  if (!path) return false;
  try {
    const manifest = JSON.parse(readFileSync(path, "utf8")) as { schema?: string; files?: object };
    if (manifest.schema !== "clinic-pages/manifest@1" || typeof manifest.files !== "object") return false;
    const tops = new Set(Object.keys(manifest.files ?? {}).map((file) => file.split("/")[0]));
    return entries.every((name) => name === "_report" || tops.has(name));
  } catch {
    return false;
  }
}

/** Whether `inner` lies below `outer` (both absolute, resolved). */
function isInside(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep);
}

/** The real path of `path`, following symbolic links of it and of its parents, when it exists. */
function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realOrSelf(parent), basename(path));
  }
}
