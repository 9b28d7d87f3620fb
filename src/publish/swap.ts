import {
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { spawn } from "node:child_process";
import { basename, dirname, join } from "node:path";
import { DataError } from "../problems.ts";
import { markOutput } from "./out-dir.ts";

/**
 * A fresh folder beside `target` to build into, e.g. `output.building-1234/`. Refuses when another
 * live build is writing to the same target (see `claimTarget`).
 */
export function stagingDir(target: string): string {
  claimTarget(target);
  recoverSwap(target);
  const dir = join(dirname(target), `${basename(target)}.building-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Moves a finished build into place. The old output is renamed aside first and removed
 * last, so at every moment either the old or the new site is complete at `target`'s path
 * or its `.previous` neighbour. The marker that lets later builds replace it goes in first.
 */
export function swapInto(built: string, target: string): void {
  const previous = `${target}.previous`;
  markOutput(built);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, previous);
  renameSync(built, target);
  rmSync(lockPath(target), { force: true });
  if (!existsSync(previous)) return;
  if (holdsAtMost(previous, removeInPlaceLimit)) removeOld(previous);
  else removeInBackground(previous, target);
}

/**
 * An old site of up to this many files and folders is deleted in place (a few milliseconds);
 * a larger one by a detached process, since starting one costs more than deleting a small site.
 */
export const removeInPlaceLimit = 2_000;

/** Whether `dir` holds at most `limit` files and folders; counting stops past the limit. */
function holdsAtMost(dir: string, limit: number): boolean {
  let count = 0;
  const pending = [dir];
  try {
    while (pending.length > 0) {
      const entries = readdirSync(pending.pop()!, { withFileTypes: true });
      count += entries.length;
      if (count > limit) return false;
      for (const entry of entries) if (entry.isDirectory()) pending.push(join(entry.parentPath, entry.name));
    }
  } catch {
    return false;
  }
  return true;
}

let removals = 0;

/**
 * Removes a large old site after the new one is in place without making the build wait for it
 * (deleting 10,000 pages takes seconds): it is renamed to `<target>.removing-<pid>-<n>` and a
 * detached process deletes it. A removal that never finished is retried by the next build's
 * `recoverSwap`; when the detached process cannot be started, it is removed here.
 */
function removeInBackground(previous: string, target: string): void {
  const trash = `${target}${removingInfix}${process.pid}-${++removals}`;
  try {
    renameSync(previous, trash);
    const script = `try{require("node:fs").rmSync(process.argv[1],{recursive:true,force:true})}catch{}`;
    const child = spawn(process.execPath, ["-e", script, trash], { detached: true, stdio: "ignore" });
    child.on("error", () => removeOld(trash));
    child.unref();
  } catch {
    removeOld(existsSync(trash) ? trash : previous);
  }
}

const removingInfix = ".removing-";

function removeOld(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch (error) {
    // The new site is already in place; a read-only old copy must not turn success into failure.
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    // Racing a background removal still under way: it finishes the job.
    if (code === "ENOENT" || code === "ENOTEMPTY") return;
    console.warn(
      `warning: ${path} (output): the old site could not be removed (${code}); make it writable and delete it`,
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

/** A killed build whose parent is gone can linger unreaped (in containers): it answers kill 0 but is dead. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

/** `output.lock` beside the output: the process id of the build writing to it. */
function lockPath(target: string): string {
  return `${target}.lock`;
}

/**
 * The live build (other than this process) that holds `target`'s lock, if any. A lock counts only
 * while its process runs and its `.building-<pid>` folder exists, so a build that failed or was
 * killed never blocks the next one.
 */
function lockHolder(target: string): number | undefined {
  const pid = lockPid(target);
  if (pid === undefined) return undefined;
  const building = join(dirname(target), `${basename(target)}.building-${pid}`);
  return Number.isInteger(pid) && pid !== process.pid && isRunning(pid) && existsSync(building)
    ? pid
    : undefined;
}

/** The process id written in `target`'s lock, if there is a lock. */
function lockPid(target: string): number | undefined {
  try {
    return Number(readFileSync(lockPath(target), "utf8").trim());
  } catch {
    return undefined;
  }
}

/**
 * Takes `target`'s lock so two builds never write one output at once: the second one refuses,
 * naming the first. The lock is released by the swap; a stale one is taken over.
 */
function claimTarget(target: string): void {
  if (!existsSync(dirname(target))) mkdirSync(dirname(target), { recursive: true });
  try {
    closeSync(openSync(lockPath(target), "wx"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = lockHolder(target);
    if (holder !== undefined) {
      throw new DataError([
        {
          file: target,
          field: "(output)",
          message: `another build (process ${holder}) is writing this folder right now`,
          hint: `wait for it to finish, then build again; if no build is running, delete ${lockPath(target)}`,
        },
      ]);
    }
  }
  writeFileSync(lockPath(target), `${process.pid}\n`);
}

/**
 * Cleans up after builds that were killed: restores the previous site if a kill fell between
 * the two renames of a swap, and removes build folders whose process is gone. Every command runs
 * this first, so a missing output/ is never reported as "unchanged". A live build is left alone.
 */
export function recoverSwap(target: string): void {
  const prefix = `${basename(target)}.building-`;
  if (!existsSync(dirname(target)) || lockHolder(target) !== undefined) return;
  // A stale lock goes; this process's own lock (taken just before) stays.
  if (lockPid(target) !== process.pid) rmSync(lockPath(target), { force: true });
  if (!existsSync(target) && existsSync(`${target}.previous`)) renameSync(`${target}.previous`, target);
  const removing = `${basename(target)}${removingInfix}`;
  for (const name of readdirSync(dirname(target))) {
    const pid = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
      rmSync(join(dirname(target), name), { recursive: true, force: true });
    }
    // An old site whose background removal was cut short (its build has exited).
    const builder = Number(name.slice(removing.length).split("-")[0]);
    if (name.startsWith(removing) && builder !== process.pid && !isRunning(builder))
      removeOld(join(dirname(target), name));
  }
}
