import { createHash } from "node:crypto";
import {
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { sha256 } from "../rules/digest.ts";

/** Where processed images are cached between builds: CLINIC_PAGES_CACHE, or `.cache/clinic-pages/images` in the project. */
export function imageCacheDir(root: string): string {
  return process.env.CLINIC_PAGES_CACHE
    ? resolve(process.env.CLINIC_PAGES_CACHE)
    : join(root, ".cache", "clinic-pages", "images");
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

  /**
   * Copies the cached file for `key` to `target`, making it with `make` first when missing.
   * `previous` is the same image in the site being replaced: when it is there, it is linked
   * instead of copied (see `reusePrevious`). Returns the sha256 of the file's bytes, kept beside
   * the entry, so the manifest need not read every image back.
   */
  async provide(
    key: string,
    ext: string,
    target: string,
    make: () => Promise<Buffer>,
    previous?: string,
  ): Promise<string> {
    const cached = this.path(key, ext);
    let digest: string;
    if (existsSync(cached)) {
      this.hits++;
      digest = this.digestOf(cached);
      if (previous && reusePrevious(previous, cached, target)) return digest;
    } else {
      this.misses++;
      const bytes = await make();
      mkdirSync(dirname(cached), { recursive: true });
      digest = sha256(bytes);
      // Write then rename, so a killed build never leaves a half-written cache entry.
      writeFileSync(`${cached}.tmp-${process.pid}`, bytes);
      renameSync(`${cached}.tmp-${process.pid}`, cached);
      writeFileSync(`${cached}.sha256`, digest);
    }
    mkdirSync(dirname(target), { recursive: true });
    // Never a hard link: an in-place edit of a published file would corrupt the cache and every
    // later build. A reflink (copy-on-write clone) where the file system has one, a copy elsewhere.
    copyFileSync(cached, target, constants.COPYFILE_FICLONE);
    return digest;
  }

  /** The entry's content hash from its side file, written now for entries made before side files existed. */
  private digestOf(cached: string): string {
    try {
      return readFileSync(`${cached}.sha256`, "utf8");
    } catch {
      const digest = sha256(readFileSync(cached));
      writeFileSync(`${cached}.sha256`, digest);
      return digest;
    }
  }
}

/**
 * Links the old site's copy of an image into the new site instead of copying it out of the
 * cache: image URLs carry their content key, so the file at the same URL in the site being
 * replaced has the same bytes (checked by size, in case someone rewrote it in place). The old
 * site is deleted after the swap, which leaves the new site's file with one link, and never
 * shares a file with the cache. Any failure (another file system, no such file) falls back to a
 * copy. At 10,000 pages this saves copying about 900 MB of cards on every rebuild.
 */
function reusePrevious(previous: string, cached: string, target: string): boolean {
  try {
    const old = lstatSync(previous);
    if (!old.isFile() || old.size !== statSync(cached).size) return false;
    mkdirSync(dirname(target), { recursive: true });
    linkSync(previous, target);
    return true;
  } catch {
    return false;
  }
}
