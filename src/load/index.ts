import { existsSync, readdirSync, readFileSync } from "node:fs";
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
}

/** Reads site.yaml, locations/*.md and conditions/*.md under `root`. */
export function loadProject(root: string): LoadedProject {
  const problems: Problem[] = [];
  const site = loadSite(root, problems);
  const locations = loadFolder(root, "locations", problems);
  const conditions = loadFolder(root, "conditions", problems);
  return { root, site, locations, conditions, problems };
}

function loadSite(root: string, problems: Problem[]): SourceFile | undefined {
  const path = join(root, "site.yaml");
  if (!existsSync(path)) {
    problems.push({ file: "site.yaml", field: "(file)", message: "site.yaml is missing", hint: "create site.yaml at the project root (see README, 'site.yaml')" });
    return undefined;
  }
  const text = normalizeText(readFileSync(path, "utf8"));
  if (text.trim() === "") {
    problems.push({ file: "site.yaml", line: 1, field: "(file)", message: "the file is empty", hint: "describe the organization, therapy, practitioners and clinics" });
    return undefined;
  }
  const parsed = parseYaml("site.yaml", text);
  problems.push(...parsed.problems);
  return parsed.file;
}

function loadFolder(root: string, folder: string, problems: Problem[]): SourceFile[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((name) => name.endsWith(".md")).sort();
  const files: SourceFile[] = [];
  for (const name of names) {
    const parsed = parseMarkdown(`${folder}/${name}`, readFileSync(join(dir, name), "utf8"));
    problems.push(...parsed.problems);
    if (parsed.file) files.push(parsed.file);
  }
  return files;
}
