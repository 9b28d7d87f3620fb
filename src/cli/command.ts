import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AuditError, DataError, OutOfMemoryError } from "../problems.ts";

/** A command's body: takes its arguments, prints, and returns the exit code. */
export type Command = (args: string[]) => Promise<number>;

/** What a file-system error code means for the user, and what to do about it. */
const fileSystemErrors: Record<string, { what: string; fix: string }> = {
  EACCES: {
    what: "permission denied",
    fix: "make the folder writable (chmod u+w) or choose another folder with --out",
  },
  EPERM: {
    what: "operation not permitted",
    fix: "make the folder writable, or close programs that hold files in it, or choose another folder with --out",
  },
  EROFS: { what: "the file system is read-only", fix: "build into a writable folder with --out" },
  ENOSPC: { what: "the disk is full", fix: "free some space and build again" },
  EDQUOT: { what: "the disk quota is used up", fix: "free some space and build again" },
  EBUSY: {
    what: "the file or folder is in use",
    fix: "close programs using it (a preview server, an editor) and try again",
  },
  ENOTEMPTY: {
    what: "a folder is in the way and not empty",
    fix: "remove the leftover folder named here, then build again",
  },
  EEXIST: {
    what: "something already exists there",
    fix: "remove or rename the file named here, then try again",
  },
  ENOTDIR: {
    what: "part of the path is a file, not a folder",
    fix: "rename that file or choose another path",
  },
  EISDIR: { what: "a folder is where a file should be", fix: "rename that folder or choose another path" },
  ENAMETOOLONG: { what: "a file name is too long", fix: "use a shorter name (at most about 200 characters)" },
  ELOOP: { what: "symbolic links point at each other", fix: "fix or remove the links named here" },
  EMFILE: {
    what: "too many files are open",
    fix: "close other programs, or raise the limit (ulimit -n), and try again",
  },
  ENOENT: { what: "a file or folder is missing", fix: "check that the path exists" },
};

/**
 * One line for a file-system error a user can cause (a read-only output, a full disk, a file in
 * the way): what happened, where, and the fix. Undefined for anything else.
 */
export function fileSystemMessage(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException & { dest?: string };
  const known = typeof e?.code === "string" ? fileSystemErrors[e.code] : undefined;
  if (!known || typeof e.syscall !== "string") return undefined;
  const where = e.path ? `${e.path}${e.dest ? ` → ${e.dest}` : ""}` : "(unknown path)";
  return `${where}: cannot ${e.syscall}: ${known.what} — ${known.fix}. Nothing was published; the previous output is unchanged.`;
}

/**
 * Runs a command and exits with its code. Problems in the data or the built pages print their
 * report (exit 1, no stack trace); so do file-system errors a user can cause; anything else is a
 * bug in clinic-pages and prints one.
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
  const usage = usageMessage(error);
  if (usage) {
    console.error(usage);
    return 1;
  }
  const fsMessage = fileSystemMessage(error);
  if (fsMessage) {
    console.error(fsMessage);
    return 1;
  }
  console.error("clinic-pages hit an internal error (a bug, not a problem in your data):");
  console.error(error);
  return 1;
}

/** An unknown option or a missing option value (node:util parseArgs): the user's typo, not our bug. */
function usageMessage(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS_")) return undefined;
  return `${(error as Error).message}\nRun the command with --help to see its options.`;
}

/** Prints a usage or input message on stderr and returns exit code 1. */
export function fail(message: string): number {
  console.error(message);
  return 1;
}

/**
 * True when the module at `moduleUrl` is the script Node was started with (`node --import tsx src/cli/x.ts`),
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
