import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The clinic-pages package folder (where templates/ and .eleventy.js live). */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function packagePath(relative: string): string {
  return join(packageRoot, relative);
}
