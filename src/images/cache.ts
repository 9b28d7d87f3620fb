import { createHash } from "node:crypto";
import { constants, copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Where processed images are cached between builds: CLINIC_PAGES_CACHE, or `.cache/clinic-pages/images` in the project. */
export function imageCacheDir(root: string): string {
  return process.env.CLINIC_PAGES_CACHE ? resolve(process.env.CLINIC_PAGES_CACHE) : join(root, ".cache", "clinic-pages", "images");
}

/**
 * Content-addressed image cache in a folder outside output/ (default `.cache/clinic-pages/images`)
 * that pipelines can persist between builds. Keys hash the source bytes and every option, so an
 * unchanged image is never processed twice and a changed one never served stale.
 */
export class ImageCache {
  hits = 0;
  misses = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  static key(...parts: Array<string | Buffer>): string {
    const hash = createHash("sha256");
    for (const part of parts) hash.update(part).update("\0");
    return hash.digest("hex");
  }

  private path(key: string, ext: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.${ext}`);
  }

  /** Copies the cached file for `key` to `target`, making it with `make` first when missing. */
  async provide(key: string, ext: string, target: string, make: () => Promise<Buffer>): Promise<void> {
    const cached = this.path(key, ext);
    if (existsSync(cached)) this.hits++;
    else {
      this.misses++;
      const bytes = await make();
      mkdirSync(dirname(cached), { recursive: true });
      // Write then rename, so a killed build never leaves a half-written cache entry.
      writeFileSync(`${cached}.tmp-${process.pid}`, bytes);
      renameSync(`${cached}.tmp-${process.pid}`, cached);
    }
    mkdirSync(dirname(target), { recursive: true });
    // Never a hard link: an in-place edit of a published file would corrupt the cache and every
    // later build. A reflink (copy-on-write clone) where the file system has one, a copy elsewhere.
    copyFileSync(cached, target, constants.COPYFILE_FICLONE);
  }
}
