import { createHash } from "node:crypto";
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
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

  /**
   * Copies the cached file for `key` to `target`, making it with `make` first when missing.
   * Returns the sha256 of the file's bytes, kept beside the entry, so the manifest need not
   * read every image back.
   */
  async provide(key: string, ext: string, target: string, make: () => Promise<Buffer>): Promise<string> {
    const cached = this.path(key, ext);
    let digest: string;
    if (existsSync(cached)) {
      this.hits++;
      digest = this.digestOf(cached);
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

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
