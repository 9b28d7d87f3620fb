import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** A fresh folder beside `target` to build into, e.g. `output.building-1234/`. */
export function stagingDir(target: string): string {
  removeAbandoned(target);
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

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Cleans up after builds that were killed: restores the previous site if a kill fell between
 * the two renames of a swap, and removes build folders whose process is gone.
 */
function removeAbandoned(target: string): void {
  const prefix = `${basename(target)}.building-`;
  if (!existsSync(dirname(target))) return;
  if (!existsSync(target) && existsSync(`${target}.previous`)) renameSync(`${target}.previous`, target);
  for (const name of readdirSync(dirname(target))) {
    const pid = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
      rmSync(join(dirname(target), name), { recursive: true, force: true });
    }
  }
}
