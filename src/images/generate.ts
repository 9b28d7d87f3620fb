import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { ImageCache } from "./cache.ts";
import { fitText, textPath } from "./font.ts";
import { cardSize, encoderOptions, type CardSpec, type ImagePlan, type PhotoSet } from "./plan.ts";
import { Progress } from "./progress.ts";

export interface ImageSummary {
  images: number;
  cached: number;
  seconds: number;
  /** sha256 of every file written, by path in the output folder (`cards/….jpg`), for the manifest. */
  hashes?: Map<string, string>;
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
  const progress = new Progress(photoJobs.length + cards.length);
  const sources = new Map<string, Buffer>();
  const source = (set: PhotoSet) => sources.get(set.src) ?? sources.set(set.src, readFileSync(join(root, set.src))).get(set.src)!;
  const drawCard = cardPainter(plan, source, logo);
  const limit = availableParallelism();
  const hashes = new Map<string, string>();
  await pool(photoJobs, limit, async ({ set, job }) => {
    const ext = job.format === "jpeg" ? "jpg" : job.format;
    const make = () => sharp(source(set)).rotate().resize({ width: job.width }).toFormat(job.format, encoderOptions[job.format]).toBuffer();
    hashes.set(job.url.slice(1), await cache.provide(job.key, ext, join(outDir, job.url), make));
    progress.tick();
  });
  await pool(cards, limit, async (card) => {
    hashes.set(card.url.slice(1), await cache.provide(card.key, "jpg", join(outDir, card.url), () => drawCard(card)));
    progress.tick();
  });
  const summary = { images: photoJobs.length + cards.length, cached: cache.hits, seconds: (performance.now() - started) / 1000 };
  progress.done(summary);
  return { ...summary, hashes };
}

/** How many shared card layers (raw pixels, about 2.3 MB each) stay in memory at once. */
const layerCacheSize = 24;

/**
 * Draws cards in two layers. The shared layer (background photo or brand colour, heading,
 * brand name, logo) is the same for every page of a condition on one background, so it is drawn
 * once and kept as raw pixels; each card then only rasterizes its own line (the place) onto it
 * and encodes the JPEG. That is what makes cold cards cheap.
 */
function cardPainter(plan: ImagePlan, source: (set: PhotoSet) => Buffer, logo: Buffer) {
  const backgrounds = new Map<string, Promise<Buffer>>();
  const layers = new Map<string, Promise<Buffer>>();
  let logoPng: Promise<Buffer> | undefined;
  const background = (src: string) => {
    if (!backgrounds.has(src)) {
      const darken = Buffer.from(`<svg width="${cardSize.width}" height="${cardSize.height}" xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#06262e" stop-opacity="0.92"/><stop offset="1" stop-color="#06262e" stop-opacity="0.55"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`);
      backgrounds.set(src, sharp(source(plan.photos.get(src)!)).rotate().resize(cardSize.width, cardSize.height, { fit: "cover" }).composite([{ input: darken }]).png().toBuffer());
    }
    return backgrounds.get(src)!;
  };
  const layouts = new Map<string, { svg: string; placeY: number }>();
  const layoutOf = (card: CardSpec) => {
    const key = `${card.heading}\n${card.brand}`;
    let layout = layouts.get(key);
    if (!layout) layouts.set(key, (layout = sharedLayout(card.heading, card.brand)));
    return layout;
  };
  const sharedLayer = (card: CardSpec, layout: { svg: string }) => {
    const key = `${card.background ?? ""}\n${card.heading}\n${card.brand}`;
    let layer = layers.get(key);
    if (!layer) {
      layer = (async () => {
        logoPng ??= sharp(logo, { density: 300 }).resize(76, 76).png().toBuffer().catch(() => sharp({ create: { width: 76, height: 76, channels: 4, background: "#ffffff" } }).png().toBuffer());
        const base = card.background ? sharp(await background(card.background)) : sharp({ create: { ...cardSize, channels: 3, background: brandColour } });
        return base
          .composite([
            { input: Buffer.from(layout.svg), top: 0, left: 0 },
            { input: await logoPng, top: cardSize.height - padding - 76, left: padding },
          ])
          .removeAlpha()
          .raw()
          .toBuffer();
      })();
      layers.set(key, layer);
      // Oldest first out: cards are drawn page by page, so one condition's cards come together.
      if (layers.size > layerCacheSize) layers.delete(layers.keys().next().value!);
    }
    return layer;
  };
  return async (card: CardSpec): Promise<Buffer> => {
    const layout = layoutOf(card);
    const pixels = await sharedLayer(card, layout);
    const image = sharp(pixels, { raw: { ...cardSize, channels: 3 } });
    const placeLayer = card.place ? ownLayout(card.place, layout.placeY) : undefined;
    const own = placeLayer ? [{ input: Buffer.from(placeLayer.svg), top: placeLayer.top, left: 0 }] : [];
    return image.composite(own).jpeg({ quality: 82 }).toBuffer();
  };
}

/** A card's two layers as SVG: what pages share (heading, brand) and the page's own line (the place) as a band. */
export interface CardLayout {
  shared: string;
  own?: { svg: string; top: number };
}

const textWidthMax = cardSize.width - padding * 2;

/** The shared layer: heading shrunk and wrapped to fit, the brand at the bottom; and where the place line goes. */
function sharedLayout(heading: string, brandName: string): { svg: string; placeY: number } {
  const fitted = fitText(heading, textWidthMax, 3, 76, 40);
  const lineHeight = Math.round(fitted.size * 1.18);
  let y = padding + fitted.size;
  const paths = fitted.lines.map((line) => {
    const d = textPath(line, padding, y, fitted.size);
    y += lineHeight;
    return `<path d="${d}" fill="#ffffff"/>`;
  });
  const brand = fitText(brandName, textWidthMax - 100, 1, 36, 22);
  paths.push(`<path d="${textPath(brand.lines[0]!, padding + 100, cardSize.height - padding - 38 + brand.size / 2.6, brand.size)}" fill="#ffffff"/>`);
  return { svg: `<svg width="${cardSize.width}" height="${cardSize.height}" xmlns="http://www.w3.org/2000/svg">${paths.join("")}</svg>`, placeY: y };
}

/** The page's own layer: the place, in a band just tall enough for its letters. */
function ownLayout(place: string, placeY: number): { svg: string; top: number } {
  const fitted = fitText(place, textWidthMax, 1, 50, 28);
  const baseline = placeY + fitted.size * 0.35;
  const top = Math.max(0, Math.floor(baseline - fitted.size * 1.05));
  const height = Math.min(cardSize.height - top, Math.ceil(fitted.size * 1.45));
  const d = textPath(fitted.lines[0]!, padding, baseline - top, fitted.size);
  return { svg: `<svg width="${cardSize.width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><path d="${d}" fill="#9fe0e8"/></svg>`, top };
}

/** Lays out a card: the shared layer and, when the card names a place, its own band under the heading. */
export function cardLayout(card: CardSpec): CardLayout {
  const shared = sharedLayout(card.heading, card.brand);
  return { shared: shared.svg, ...(card.place ? { own: ownLayout(card.place, shared.placeY) } : {}) };
}

/** The text of a card as one SVG (both layers), e.g. for a preview of the design. */
export function cardSvg(card: CardSpec): string {
  const layout = cardLayout(card);
  if (!layout.own) return layout.shared;
  const inner = layout.own.svg.replace(/^<svg[^>]*>|<\/svg>$/g, "");
  return layout.shared.replace("</svg>", `<g transform="translate(0 ${layout.own.top})">${inner}</g></svg>`);
}
