import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadProject } from "../src/load/index.ts";
import { DataError, formatProblem, type Problem } from "../src/problems.ts";
import { validateProject, type Model } from "../src/validate/index.ts";

export const fixtureRoot = join(import.meta.dirname, "fixtures", "mini");

/** A fresh copy of the mini fixture site in a temporary folder. */
export function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "clinic-pages-"));
  cpSync(fixtureRoot, dir, { recursive: true });
  return dir;
}

/** Rewrites one file of a project with `change(text)`. */
export function edit(root: string, file: string, change: (text: string) => string): void {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, "utf8")));
}

export function write(root: string, file: string, text: string): void {
  writeFileSync(join(root, file), text);
}

/** Validates a project and returns its problems (empty when valid). */
export function problemsOf(root: string): Problem[] {
  try {
    validateProject(loadProject(root));
    return [];
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
}

/** Problems as the lines a marketer sees. */
export function reportOf(root: string): string[] {
  return problemsOf(root).map(formatProblem);
}

export function modelOf(root: string): Model {
  return validateProject(loadProject(root));
}
