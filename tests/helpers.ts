import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "node:util";
import { inject, onTestFinished, vi } from "vitest";
import { reportError, type Command } from "../src/cli/command.ts";
import { loadProject } from "../src/load/index.ts";
import { packageRoot } from "../src/rules/package-paths.ts";
import { DataError, formatProblem, type Problem } from "../src/problems.ts";
import { validateProject, type Model } from "../src/validate/index.ts";
import { fixtureRoot } from "./fixture.ts";

export { fixtureRoot };

/** A fresh copy of the mini fixture site in a temporary folder. */
export function copyFixture(): string {
  const dir = temp("project");
  cpSync(fixtureRoot, dir, { recursive: true });
  return dir;
}

/** A fresh copy of the mini fixture, removed when the current test finishes. */
export function project(): string {
  const root = copyFixture();
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

/** A new empty folder in the suite's temporary folder (removed when the run ends). */
export function temp(name = "test"): string {
  return mkdtempSync(join(tmpdir(), `clinic-${name}-`));
}

/**
 * A private copy of the suite's image cache, for a test that inspects or changes its cache: the
 * shared one may gain entries from other test files at any moment.
 */
export function warmImageCache(): string {
  const dir = temp("image-cache");
  cpSync(inject("imageCache"), dir, { recursive: true });
  return dir;
}

/** The unchanged fixture site, built once for the whole run (tests/global-setup.ts). Read it, never change it. */
export function fixtureSite(): string {
  return inject("fixtureSite");
}

/** What a command printed and its exit code. */
export interface CommandResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command's body in-process, as `npm run <command> -- args` would, with the same error
 * handling (exit 1 and a report for bad data, a stack trace only for bugs), with `env` set
 * for the call and, given `cwd`, from that folder (relative paths resolve against it). Much faster than spawning tsx; each command keeps one spawned smoke test.
 */
export async function runCommand(
  main: Command,
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
): Promise<CommandResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const spies = [
    vi.spyOn(console, "log").mockImplementation((...parts) => void stdout.push(format(...parts))),
    vi.spyOn(console, "warn").mockImplementation((...parts) => void stderr.push(format(...parts))),
    vi.spyOn(console, "error").mockImplementation((...parts) => void stderr.push(format(...parts))),
  ];
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  const startedIn = process.cwd();
  try {
    if (cwd) process.chdir(cwd);
    const status = await main(args).catch(reportError);
    return { status, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
  } finally {
    process.chdir(startedIn);
    for (const spy of spies) spy.mockRestore();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** tsx's loader, for `node --import` from any working folder. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/**
 * Node's arguments to run a TypeScript file as package.json's scripts do (`node --import tsx
 * src/cli/build.ts …`); spawn them with `process.execPath`.
 */
export function nodeArgs(file: string, args: string[] = []): string[] {
  return ["--import", tsxLoader, file, ...args];
}

/** Runs `src/cli/<script>` in a child process, exactly as npm does: for one smoke test per command. */
export function spawnCommand(script: string, args: string[]): CommandResult {
  const result = spawnSync(process.execPath, nodeArgs(join(packageRoot, "src/cli", script), args), {
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
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
