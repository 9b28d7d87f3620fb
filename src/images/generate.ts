import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { ImageCache } from "./cache.ts";
import { byLayers, cardPainter } from "./card.ts";
import { encoderOptions, logoRasterSize, type ImagePlan, type PhotoSet } from "./plan.ts";
import { Progress } from "./progress.ts";

export interface ImageSummary {
  images: number;
  cached: number;
  seconds: number;
  /** sha256 of each file written, by path in the site ("cards/…jpg"), so the manifest need not read them back. */
  hashes?: Map<string, string>;
}

/** Runs `tasks` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Makes every photo variant and social card into `outDir`, from the cache when it can. */
export async function generateImages(
  plan: ImagePlan,
  root: string,
  outDir: string,
  cacheDir: string,
  logo: Buffer,
  previousOut?: string,
): Promise<ImageSummary> {
  const started = performance.now();
  // One image per core at a time, one thread per image: bounded memory, all cores busy.
  sharp.concurrency(1);
  sharp.cache({ memory: 64, items: 20 });
  const cache = new ImageCache(cacheDir);
  // The same URL in the site this build replaces (linked instead of copied when it is there).
  const previous = (url: string) => (previousOut ? join(previousOut, url) : undefined);
  const hashes = new Map<string, string>();
  const photoJobs = [...plan.photos.values()].flatMap((set) => set.jobs.map((job) => ({ set, job })));
  // Cards that share a background and a heading are drawn one after another, so their layers are reused.
  const cards = [...new Map([...plan.cards.values()].map((c) => [c.url, c])).values()].sort(byLayers);
  const logoJobs = plan.logo ? [plan.logo] : [];
  const progress = new Progress(photoJobs.length + cards.length + logoJobs.length);
  const sources = new Map<string, Buffer>();
  const source = (set: PhotoSet) =>
    sources.get(set.src) ?? sources.set(set.src, readFileSync(join(root, set.src))).get(set.src)!;
  const drawCard = cardPainter(plan, source, logo);
  const limit = availableParallelism();
  await pool(photoJobs, limit, async ({ set, job }) => {
    const ext = job.format === "jpeg" ? "jpg" : job.format;
    hashes.set(
      job.url.slice(1),
      await cache.provide(
        job.key,
        ext,
        join(outDir, job.url),
        () =>
          sharp(source(set))
            .rotate()
            .resize({ width: job.width })
            .toFormat(job.format, encoderOptions[job.format])
            .toBuffer(),
        previous(job.url),
      ),
    );
    progress.tick();
  });
  // Three cards per core: while some are encoded on sharp's threads, the next ones are laid out
  // and blended on this one (measured: 2 per core ~100/s, 3 per core ~120/s on 2 cores).
  await pool(cards, limit * 3, async (card) => {
    hashes.set(
      card.url.slice(1),
      await cache.provide(card.key, "jpg", join(outDir, card.url), () => drawCard(card), previous(card.url)),
    );
    progress.tick();
  });
  for (const job of logoJobs) {
    hashes.set(
      job.url.slice(1),
      await cache.provide(
        job.key,
        "png",
        join(outDir, job.url),
        () =>
          sharp(logo, { density: 400 })
            .resize(logoRasterSize, logoRasterSize, { fit: "contain", background: "#ffffff" })
            .png()
            .toBuffer(),
        previous(job.url),
      ),
    );
    progress.tick();
  }
  const summary = {
    images: photoJobs.length + cards.length + logoJobs.length,
    cached: cache.hits,
    seconds: (performance.now() - started) / 1000,
  };
  progress.done(summary);
  return { ...summary, hashes };
}
