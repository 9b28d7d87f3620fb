import { spawn } from "node:child_process";
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
 * or its `.previous` neighbour. With `background`, a large old site is removed by a detached
 * process after this one has moved on (tens of thousands of unlinks take seconds).
 */
export function swapInto(built: string, target: string, options: { background?: boolean } = {}): void {
  const previous = `${target}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, previous);
  renameSync(built, target);
  if (options.background && existsSync(previous)) removeInBackground(previous, target);
  else rmSync(previous, { recursive: true, force: true });
}

function removeInBackground(dir: string, target: string): void {
  const doomed = `${target}.removing-${process.pid}`;
  renameSync(dir, doomed);
  const script = `require("node:fs").rmSync(${JSON.stringify(doomed)}, { recursive: true, force: true })`;
  spawn(process.execPath, ["-e", script], { detached: true, stdio: "ignore" }).unref();
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
  if (!existsSync(dirname(target))) return;
  if (!existsSync(target) && existsSync(`${target}.previous`)) renameSync(`${target}.previous`, target);
  for (const prefix of [`${basename(target)}.building-`, `${basename(target)}.removing-`]) {
    for (const name of readdirSync(dirname(target))) {
      const pid = Number(name.slice(prefix.length));
      if (name.startsWith(prefix) && Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
        rmSync(join(dirname(target), name), { recursive: true, force: true });
      }
    }
  }
}
