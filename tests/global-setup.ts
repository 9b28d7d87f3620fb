// Runs once per `npm test`, before any test file: one temporary folder for the whole suite
// (every test's temp folders, the image cache and the Chromium profile live in it, and it is
// removed at the end, so a run leaves nothing in the system temp folder), and one build of the
// unchanged fixture site that the read-only end-to-end tests share.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { register, tsImport } from "tsx/esm/api";
import type { TestProject } from "vitest/node";
import type { build as Build } from "../src/build/build.ts";
import { fixtureRoot, testToday } from "./fixture.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The suite's temporary folder: TMPDIR for every test. */
    testTemp: string;
    /** The image cache every build in the suite shares. */
    imageCache: string;
    /** The unchanged fixture site, built once; tests must only read it. */
    fixtureSite: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), "clinic-pages-test-"));
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  try {
    const temp = join(root, "tmp");
    const imageCache = join(root, "image-cache");
    mkdirSync(temp);
    project.provide("testTemp", temp);
    project.provide("imageCache", imageCache);
    project.provide("fixtureSite", await buildFixtureSite(join(root, "fixture"), imageCache));
  } catch (error) {
    cleanup();
    throw error;
  }
  return cleanup;
}

async function buildFixtureSite(project: string, cacheDir: string): Promise<string> {
  // Loaded with Node's own loader through tsx, like the build CLI, not through vitest's transform:
  // Eleventy imports the TypeScript config with Node's import(), and CommonJS packages stay as is.
  register();
  const { build } = (await tsImport("../src/build/build.ts", import.meta.url)) as { build: typeof Build };
  cpSync(fixtureRoot, project, { recursive: true });
  const outDir = join(project, "output");
  await build({ root: project, outDir, cacheDir, today: testToday });
  return outDir;
}
