import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp, { type OverlayOptions } from "sharp";
import { ImageCache } from "./cache.ts";
import { fitText, textPath, textWidth } from "./font.ts";
import { cardSize, encoderOptions, logoRasterSize, type CardSpec, type ImagePlan, type PhotoSet } from "./plan.ts";
import { Progress } from "./progress.ts";

export interface ImageSummary {
  images: number;
  cached: number;
  seconds: number;
  /** sha256 of each file written, by path in the site ("cards/…jpg"), so the manifest need not read them back. */
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
  const hashes = new Map<string, string>();
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
    hashes.set(job.url.slice(1), await cache.provide(job.key, ext, join(outDir, job.url), () => sharp(source(set)).rotate().resize({ width: job.width }).toFormat(job.format, encoderOptions[job.format]).toBuffer()));
    progress.tick();
  });
  await pool(cards, limit, async (card) => {
    hashes.set(card.url.slice(1), await cache.provide(card.key, "jpg", join(outDir, card.url), () => drawCard(card)));
    progress.tick();
  });
  for (const job of logoJobs) {
    hashes.set(job.url.slice(1), await cache.provide(job.key, "png", join(outDir, job.url), () => sharp(logo, { density: 400 }).resize(logoRasterSize, logoRasterSize, { fit: "contain", background: "#ffffff" }).png().toBuffer()));
    progress.tick();
  }
  const summary = { images: photoJobs.length + cards.length + logoJobs.length, cached: cache.hits, seconds: (performance.now() - started) / 1000 };
  progress.done(summary);
  return { ...summary, hashes };
}

/** Dark teal used for the scrim; white text on it passes AA at any size. */
const scrimColour = "#062a33";
const logoSide = 76;
/** The heading keeps to the left part of the card, over the scrim; the photo stays clear on the right. */
const textWidthMax = 660;

/**
 * Draws cards in two layers: a background shared by every card on the same photo (the photo, a
 * left-to-right scrim that keeps the right side crisp, the logo and brand name), drawn once; and
 * each page's own text on top (heading, place, and the clinic's name and phone at the lower right).
 */
function cardPainter(plan: ImagePlan, source: (set: PhotoSet) => Buffer, logo: Buffer) {
  const backgrounds = new Map<string, Promise<Buffer>>();
  let logoPng: Promise<Buffer> | undefined;
  const logoImage = () =>
    (logoPng ??= sharp(logo, { density: 300 })
      .resize(logoSide, logoSide)
      .png()
      .toBuffer()
      .catch(() => sharp({ create: { width: logoSide, height: logoSide, channels: 4, background: "#ffffff" } }).png().toBuffer()));
  const background = (card: CardSpec) => {
    const id = `${card.background ?? "brand"}\u0000${card.brand}`;
    if (!backgrounds.has(id)) backgrounds.set(id, drawBackground(card, plan, source, logo, logoImage));
    return backgrounds.get(id)!;
  };
  return async (card: CardSpec): Promise<Buffer> =>
    sharp(await background(card))
      .composite([{ input: Buffer.from(cardSvg(card)), top: 0, left: 0 }])
      .jpeg({ quality: 86, progressive: true, chromaSubsampling: "4:4:4" })
      .toBuffer();
}

/** Height of the white band at the bottom: brand on the left, the clinic and its phone on the right. */
const bandHeight = 120;
const bandInset = 56;

async function drawBackground(
  card: CardSpec,
  plan: ImagePlan,
  source: (set: PhotoSet) => Buffer,
  logo: Buffer,
  logoImage: () => Promise<Buffer>,
): Promise<Buffer> {
  const { width, height } = cardSize;
  const photoHeight = height - bandHeight;
  const scrim = Buffer.from(
    `<svg width="${width}" height="${photoHeight}" xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0">` +
      `<stop offset="0" stop-color="${scrimColour}" stop-opacity="0.94"/><stop offset="0.5" stop-color="${scrimColour}" stop-opacity="0.86"/>` +
      `<stop offset="0.78" stop-color="${scrimColour}" stop-opacity="0.2"/><stop offset="1" stop-color="${scrimColour}" stop-opacity="0"/>` +
      `</linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`,
  );
  const photo = card.background ? plan.photos.get(card.background) : undefined;
  const top = photo
    ? await sharp(source(photo)).rotate().resize(width, photoHeight, { fit: "cover" }).composite([{ input: scrim }]).png().toBuffer()
    : await sharp({ create: { width, height: photoHeight, channels: 3, background: brandColour } }).png().toBuffer();
  const layers: OverlayOptions[] = [
    { input: top, top: 0, left: 0 },
    { input: await logoImage(), top: photoHeight + (bandHeight - logoSide) / 2, left: bandInset },
  ];
  if (!photo) {
    // No photo: the logo large on the right, so the card is not an empty field of colour.
    const big = await sharp(logo, { density: 600 }).resize(300, 300).png().toBuffer().catch(() => undefined);
    if (big) layers.push({ input: big, top: Math.round((photoHeight - 300) / 2), left: width - padding - 300 });
  }
  const brand = fitText(card.brand, 470, 1, 34, 22);
  const brandY = photoHeight + bandHeight / 2 + brand.size * 0.36;
  const brandSvg = `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><path d="${textPath(brand.lines[0]!, bandInset + logoSide + 20, brandY, brand.size)}" fill="#0a3540"/></svg>`;
  layers.push({ input: Buffer.from(brandSvg), top: 0, left: 0 });
  return sharp({ create: { width, height, channels: 3, background: "#ffffff" } }).composite(layers).png().toBuffer();
}

/** The page's own layer: heading shrunk and wrapped to fit, the place, and the clinic and phone at the lower right. */
export function cardSvg(card: CardSpec): string {
  const { width, height } = cardSize;
  const heading = fitText(card.heading, textWidthMax, 3, 72, 40);
  const place = card.place ? fitText(card.place, textWidthMax, 1, 46, 28) : undefined;
  const lineHeight = Math.round(heading.size * 1.16);
  const blockHeight = heading.lines.length * lineHeight + (place ? place.size * 1.5 : 0);
  // Centre the text block in the photo area.
  let y = Math.max(padding * 0.75, (height - bandHeight - blockHeight) / 2) + heading.size * 0.9;
  const parts = heading.lines.map((line) => {
    const d = textPath(line, padding, y, heading.size);
    y += lineHeight;
    return `<path d="${d}" fill="#ffffff"/>`;
  });
  if (place) parts.push(`<path d="${textPath(place.lines[0]!, padding, y + place.size * 0.25, place.size)}" fill="#f6c26b"/>`);
  parts.push(contactText(card, width, height));
  return `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}

/** Right-aligned in the band: the phone, and the clinic's name above it when it fits. */
function contactText(card: CardSpec, width: number, height: number): string {
  const right = width - bandInset;
  const phoneText = `Call ${card.phone}`;
  const phone = fitText(phoneText, 520, 1, 40, 30);
  const clinic = card.clinic ? fitText(card.clinic, 560, 1, 24, 18) : undefined;
  const clinicFits = clinic !== undefined && clinic.lines.length === 1 && !clinic.lines[0]!.endsWith("…");
  const bandTop = height - bandHeight;
  const phoneY = clinicFits ? bandTop + 92 : bandTop + bandHeight / 2 + phone.size * 0.36;
  const parts = [`<path d="${textPath(phone.lines[0]!, right - textWidth(phone.lines[0]!, phone.size), phoneY, phone.size)}" fill="#b93d0b"/>`];
  if (clinicFits) parts.push(`<path d="${textPath(clinic.lines[0]!, right - textWidth(clinic.lines[0]!, clinic.size), bandTop + 44, clinic.size)}" fill="#0a3540"/>`);
  return parts.join("");
}
