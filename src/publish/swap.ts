import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** A fresh folder beside `target` to build into, e.g. `output.building-1234/`. */
export function stagingDir(target: string): string {
  const dir = join(dirname(target), `${basename(target)}.building-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Moves a finished build into place. The old output is renamed aside first and removed
 * last, so at every moment either the old or the new site is complete at `target`'s path
 * or its `.previous` neighbour.
 */
export function swapInto(built: string, target: string): void {
  const previous = `${target}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, previous);
  renameSync(built, target);
  rmSync(previous, { recursive: true, force: true });
}
