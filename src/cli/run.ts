import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { OutOfMemoryError } from "../pipeline/memory.ts";
import { AuditError, DataError } from "../problems.ts";

/** A command's body: takes its arguments, prints, and returns the exit code. */
export type Command = (args: string[]) => Promise<number>;

/**
 * Runs a command and exits with its code. Problems in the data or the built pages print their
 * report (exit 1, no stack trace); anything else is a bug in clinic-pages and prints one.
 */
export function runCli(main: Command): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => process.exit(reportError(error)),
  );
}

/** Prints an error the way every command does and returns the exit code (always 1). */
export function reportError(error: unknown): number {
  if (error instanceof DataError || error instanceof AuditError || error instanceof OutOfMemoryError) {
    console.error(error.message);
    return 1;
  }
  console.error("clinic-pages hit an internal error (a bug, not a problem in your data):");
  console.error(error);
  return 1;
}

/** Prints a usage or input message on stderr and returns exit code 1. */
export function fail(message: string): number {
  console.error(message);
  return 1;
}

/**
 * True when the module at `moduleUrl` is the script Node was started with (`tsx src/cli/x.ts`),
 * false when a test imports it to call its command in-process.
 */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
