import { OutOfMemoryError } from "../pipeline/memory.ts";
import { AuditError } from "../pipeline/stages.ts";
import { DataError } from "../problems.ts";

/**
 * Runs a command and exits with its code. Problems in the data or the built pages print their
 * report (exit 1, no stack trace); anything else is a bug in clinic-pages and prints one.
 */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof DataError || error instanceof AuditError || error instanceof OutOfMemoryError) {
        console.error(error.message);
        process.exit(1);
      }
      console.error("clinic-pages hit an internal error (a bug, not a problem in your data):");
      console.error(error);
      process.exit(1);
    },
  );
}
