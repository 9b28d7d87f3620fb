import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import type { Problem } from "../problems.ts";
import { normalizeText, parseMarkdown, parseYaml, type SourceFile } from "./source-file.ts";

export type { SourceFile, FieldPath } from "./source-file.ts";

/** Everything read from a project folder, before validation. */
export interface LoadedProject {
  /** The project folder, for files the data points at (photos). */
  root: string;
  site?: SourceFile;
  locations: SourceFile[];
  conditions: SourceFile[];
  problems: Problem[];
  /** Things skipped on purpose (editor and system junk, other files, folders), named for the build's warnings. */
  notes: Problem[];
}

/** Reads site.yaml, locations/*.md and conditions/*.md under `root`. */
export function loadProject(root: string): LoadedProject {
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  const site = loadSite(root, problems);
  const locations = loadFolder(root, "locations", problems, notes);
  const conditions = loadFolder(root, "conditions", problems, notes);
  return { root, site, locations, conditions, problems, notes };
}

function loadSite(root: string, problems: Problem[]): SourceFile | undefined {
  const path = join(root, "site.yaml");
  if (!existsSync(path)) {
    problems.push({
      file: "site.yaml",
      field: "(file)",
      message: "site.yaml is missing",
      hint: "create site.yaml at the project root (see README, 'site.yaml')",
    });
    return undefined;
  }
  const raw = readData("site.yaml", path, problems);
  if (raw === undefined) return undefined;
  const text = normalizeText(raw);
  if (text.trim() === "") {
    problems.push({
      file: "site.yaml",
      line: 1,
      field: "(file)",
      message: "the file is empty",
      hint: "describe the organization, therapy, practitioners and clinics",
    });
    return undefined;
  }
  const parsed = parseYaml("site.yaml", text);
  problems.push(...parsed.problems);
  return parsed.file;
}

/** Files editors and operating systems leave beside data files: lock files, backups, metadata. */
const junk = [
  /^\.#/,
  /^\._/,
  /~$/,
  /^\.DS_Store$/,
  /^Thumbs\.db$/i,
  /^desktop\.ini$/i,
  /^\..*\.sw[a-p]$/,
  /^#.*#$/,
];

/** Data files: `.md` and `.markdown`, in any case (`jupiter-fl.MD` is a data file too). */
export const dataFileExtension = /\.(md|markdown)$/i;

/**
 * Reads every data file in a folder, in code-point order of their names. Nothing is dropped
 * silently: junk is noted, other files and folders are noted, unreadable entries are problems.
 */
function loadFolder(root: string, folder: string, problems: Problem[], notes: Problem[]): SourceFile[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const files: SourceFile[] = [];
  for (const entry of entries) {
    const path = `${folder}/${entry.name}`;
    const kind = entryKind(join(dir, entry.name), entry);
    const note = (message: string, hint: string) =>
      notes.push({ file: path, field: "(file)", message, hint });
    if (junk.some((pattern) => pattern.test(entry.name))) {
      note("ignored: an editor or system file", "nothing to do; delete it if the editor is closed");
    } else if (kind === "dangling") {
      problems.push({
        file: path,
        field: "(file)",
        message: "is a link to a file that does not exist",
        hint: "delete the link, or point it at an existing file",
      });
    } else if (kind === "directory") {
      if (dataFileExtension.test(entry.name))
        problems.push({
          file: path,
          field: "(file)",
          message: "is a folder, not a data file",
          hint: `rename the folder, or move its files directly into ${folder}/`,
        });
      else
        note(
          `is a folder; files inside it are not read`,
          `move data files directly into ${folder}/, or move the folder out of ${folder}/`,
        );
    } else if (!dataFileExtension.test(entry.name)) {
      note(
        "ignored: not a .md file",
        `rename it to end in .md if it is a data file, or move it out of ${folder}/`,
      );
    } else {
      const raw = readData(path, join(dir, entry.name), problems);
      if (raw === undefined) continue;
      const parsed = parseMarkdown(path, raw);
      problems.push(...parsed.problems);
      if (parsed.file) files.push(parsed.file);
    }
  }
  return files;
}

function entryKind(path: string, entry: Dirent): "file" | "directory" | "dangling" {
  if (entry.isDirectory()) return "directory";
  if (!entry.isSymbolicLink()) return "file";
  try {
    return statSync(path).isDirectory() ? "directory" : "file";
  } catch {
    return "dangling";
  }
}

/** A file's text, or a problem naming the file-system error and the fix. */
function readData(file: string, path: string, problems: Problem[]): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    const why: Record<string, string> = {
      EACCES: "cannot be read (permission denied)",
      EISDIR: "is a folder, not a file",
      ENOENT: "disappeared while it was read",
    };
    problems.push({
      file,
      field: "(file)",
      message: why[code] ?? `cannot be read (${code})`,
      hint: "check the file's permissions, or delete it",
    });
    return undefined;
  }
}
