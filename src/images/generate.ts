import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { ImageCache } from "./cache.ts";
import { fitText, textPath } from "./font.ts";
import { cardSize, encoderOptions, logoRasterSize, type CardSpec, type ImagePlan, type PhotoSet } from "./plan.ts";
import { Progress } from "./progress.ts";

export interface ImageSummary {
  images: number;
  cached: number;
  seconds: number;
}

const brandColour = "#0f4c5c";
const padding = 72;

/** Runs `tasks` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Makes every photo variant and social card into `outDir`, from the cache when it can. */
export async function generateImages(plan: ImagePlan, root: string, outDir: string, cacheDir: string, logo: Buffer): Promise<ImageSummary> {
  const started = performance.now();
  // One image per core at a time, one thread per image: bounded memory, all cores busy.
  sharp.concurrency(1);
  sharp.cache({ memory: 64, items: 20 });
  const cache = new ImageCache(cacheDir);
  const photoJobs = [...plan.photos.values()].flatMap((set) => set.jobs.map((job) => ({ set, job })));
  const cards = [...new Map([...plan.cards.values()].map((c) => [c.url, c])).values()];
  const logoJobs = plan.logo ? [plan.logo] : [];
  const progress = new Progress(photoJobs.length + cards.length + logoJobs.length);
  const sources = new Map<string, Buffer>();
  const source = (set: PhotoSet) => sources.get(set.src) ?? sources.set(set.src, readFileSync(join(root, set.src))).get(set.src)!;
  const drawCard = cardPainter(plan, source, logo);
  const limit = availableParallelism();
  await pool(photoJobs, limit, async ({ set, job }) => {
    const ext = job.format === "jpeg" ? "jpg" : job.format;
    await cache.provide(job.key, ext, join(outDir, job.url), () => sharp(source(set)).rotate().resize({ width: job.width }).toFormat(job.format, encoderOptions[job.format]).toBuffer());
    progress.tick();
  });
  await pool(cards, limit, async (card) => {
    await cache.provide(card.key, "jpg", join(outDir, card.url), () => drawCard(card));
    progress.tick();
  });
  for (const job of logoJobs) {
    await cache.provide(job.key, "png", join(outDir, job.url), () => sharp(logo, { density: 400 }).resize(logoRasterSize, logoRasterSize, { fit: "contain", background: "#ffffff" }).png().toBuffer());
    progress.tick();
  }
  const summary = { images: photoJobs.length + cards.length + logoJobs.length, cached: cache.hits, seconds: (performance.now() - started) / 1000 };
  progress.done(summary);
  return summary;
}

/** Draws cards, reusing what is the same across them: backgrounds per photo and the logo. */
function cardPainter(plan: ImagePlan, source: (set: PhotoSet) => Buffer, logo: Buffer) {
  const backgrounds = new Map<string, Promise<Buffer>>();
  let logoPng: Promise<Buffer> | undefined;
  const background = (src: string) => {
    if (!backgrounds.has(src)) {
      const darken = Buffer.from(`<svg width="${cardSize.width}" height="${cardSize.height}" xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#06262e" stop-opacity="0.92"/><stop offset="1" stop-color="#06262e" stop-opacity="0.55"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`);
      backgrounds.set(src, sharp(source(plan.photos.get(src)!)).rotate().resize(cardSize.width, cardSize.height, { fit: "cover" }).composite([{ input: darken }]).png().toBuffer());
    }
    return backgrounds.get(src)!;
  };
  return async (card: CardSpec): Promise<Buffer> => {
    logoPng ??= sharp(logo, { density: 300 }).resize(76, 76).png().toBuffer().catch(() => sharp({ create: { width: 76, height: 76, channels: 4, background: "#ffffff" } }).png().toBuffer());
    const base = card.background ? sharp(await background(card.background)) : sharp({ create: { ...cardSize, channels: 3, background: brandColour } });
    return base
      .composite([
        { input: Buffer.from(cardSvg(card)), top: 0, left: 0 },
        { input: await logoPng, top: cardSize.height - padding - 76, left: padding },
      ])
      .jpeg({ quality: 82, progressive: true })
      .toBuffer();
  };
}

/** The text layer of a card: heading shrunk and wrapped to fit, the place, and the brand. */
export function cardSvg(card: CardSpec): string {
  const width = cardSize.width - padding * 2;
  const heading = fitText(card.heading, width, 3, 76, 40);
  const place = card.place ? fitText(card.place, width, 1, 50, 28) : undefined;
  const lineHeight = Math.round(heading.size * 1.18);
  let y = padding + heading.size;
  const paths = heading.lines.map((line) => {
    const d = textPath(line, padding, y, heading.size);
    y += lineHeight;
    return `<path d="${d}" fill="#ffffff"/>`;
  });
  if (place) paths.push(`<path d="${textPath(place.lines[0]!, padding, y + place.size * 0.35, place.size)}" fill="#9fe0e8"/>`);
  const brand = fitText(card.brand, width - 100, 1, 36, 22);
  paths.push(`<path d="${textPath(brand.lines[0]!, padding + 100, cardSize.height - padding - 38 + brand.size / 2.6, brand.size)}" fill="#ffffff"/>`);
  return `<svg width="${cardSize.width}" height="${cardSize.height}" xmlns="http://www.w3.org/2000/svg">${paths.join("")}</svg>`;
}
