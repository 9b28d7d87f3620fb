import { readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import sharp from "sharp";
import type { Page, Plan } from "../plan/index.ts";
import { packagePath } from "../rules/package-paths.ts";
import { DataError, type Problem } from "../problems.ts";
import type { Model } from "../validate/index.ts";
import { ImageCache } from "./cache.ts";
import { cardFontKey } from "./font.ts";
import { joined } from "../rules/joined.ts";
import { displayPhone } from "../rules/phone.ts";

/** Widths every photo is published at; the source must be at least as wide as the largest. */
export const photoWidths = [400, 800, 1200] as const;
export const photoFormats = ["avif", "webp", "jpeg"] as const;
export type PhotoFormat = (typeof photoFormats)[number];
/** Encoder settings, part of every cache key (AVIF at effort 2: ~10× faster than the default here). */
export const encoderOptions = {
  avif: { quality: 50, effort: 2 },
  webp: { quality: 72 },
  jpeg: { quality: 78, progressive: true },
} as const;
export const cardSize = { width: 1200, height: 630 } as const;
/** Bump when the card design changes, so cached cards are redrawn. */
export const cardVersion = "card-3";

/** One photo, published as every format × width. */
export interface PhotoSet {
  src: string;
  alt: string;
  width: number;
  height: number;
  /** `srcset` per format, widest last. */
  srcset: Record<PhotoFormat, string>;
  fallback: string;
  /** What to make: source file, cache key, output path. */
  jobs: Array<{ format: PhotoFormat; width: number; key: string; url: string }>;
}

export interface CardSpec {
  url: string;
  key: string;
  heading: string;
  place?: string;
  brand: string;
  /** The clinic the page belongs to, shown above the phone when it fits. */
  clinic?: string;
  /** The number to call, as displayed: the page's clinic, or the organization's main line. */
  phone: string;
  /** Photo key (its source path) to draw behind the text, or none for the brand colour. */
  background?: string;
  alt: string;
}

export interface ImagePlan {
  photos: Map<string, PhotoSet>;
  /** Card per page URL. */
  cards: Map<string, CardSpec>;
  /** A PNG of an SVG logo, for the Organization's `logo` (Google wants raster logos ≥ 112 px). */
  logo?: { url: string; key: string };
}

/** Side of the PNG logo: comfortably over Google's 112 px minimum, small as a file. */
export const logoRasterSize = 512;

interface PhotoRef {
  src: string;
  alt: string;
  file: string;
  field: string;
}

function photoRefs(model: Model): PhotoRef[] {
  const refs: PhotoRef[] = [];
  model.site.clinics.forEach(
    (c, i) => c.photo && refs.push({ ...c.photo, file: "site.yaml", field: `clinics[${i}].photo` }),
  );
  model.site.practitioners.forEach(
    (p, i) => p.photo && refs.push({ ...p.photo, file: "site.yaml", field: `practitioners[${i}].photo` }),
  );
  for (const l of model.locations) if (l.photo) refs.push({ ...l.photo, file: l.file, field: "photo" });
  return refs;
}

/** Reads each photo's size and hashes its bytes, so URLs and dimensions are known before rendering. */
export async function planImages(model: Model, plan: Plan, root: string): Promise<ImagePlan> {
  const photos = new Map<string, PhotoSet>();
  const problems: Problem[] = [];
  for (const ref of photoRefs(model)) {
    if (photos.has(ref.src)) continue;
    const set = await planPhoto(root, ref).catch((error: Error) => {
      problems.push({
        file: ref.file,
        field: `${ref.field}.src`,
        message: `${ref.src} ${error.message}`,
        hint: "use a JPEG, PNG, WebP or AVIF photo at least 1200 px wide",
      });
      return undefined;
    });
    if (set) photos.set(ref.src, set);
  }
  if (problems.length > 0) throw new DataError(problems);
  const logo = logoBytes(model, root);
  // Locations by id, looked up once per page (a scan per page grew with pages × locations).
  const locations = new Map(model.locations.map((l) => [l.id, l]));
  const cards = new Map(plan.pages.map((page) => [page.url, cardFor(page, model, locations, photos, logo)]));
  return { photos, cards, logo: logoRaster(model.site.organization.logo, logo) };
}

/** Where the PNG of a local SVG logo goes; undefined when the logo already is a raster or a URL. */
function logoRaster(logo: string, bytes: Buffer): ImagePlan["logo"] {
  if (/^https?:/.test(logo) || !logo.toLowerCase().endsWith(".svg")) return undefined;
  const key = ImageCache.key("logo-png", String(logoRasterSize), bytes);
  return { url: `/img/logo-${key.slice(0, 10)}-${logoRasterSize}.png`, key };
}

async function planPhoto(root: string, ref: PhotoRef): Promise<PhotoSet> {
  const bytes = readFileSync(join(root, ref.src));
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new Error("is not an image sharp can read (corrupt or unsupported file)");
  }
  const [width, height] =
    meta.orientation && meta.orientation >= 5 ? [meta.height!, meta.width!] : [meta.width!, meta.height!];
  const largest = photoWidths[photoWidths.length - 1]!;
  if (width < largest) throw new Error(`is ${width} px wide; photos need at least ${largest} px`);
  const name = basename(ref.src, extname(ref.src))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
  const jobs = photoFormats.flatMap((format) =>
    photoWidths.map((w) => {
      const key = ImageCache.key(bytes, format, String(w), JSON.stringify(encoderOptions[format]));
      return {
        format,
        width: w,
        key,
        url: `/img/${name}-${key.slice(0, 10)}-${w}.${format === "jpeg" ? "jpg" : format}`,
      };
    }),
  );
  const srcset = Object.fromEntries(
    photoFormats.map((f) => [
      f,
      jobs
        .filter((j) => j.format === f)
        .map((j) => `${j.url} ${j.width}w`)
        .join(", "),
    ]),
  ) as Record<PhotoFormat, string>;
  return {
    src: ref.src,
    alt: ref.alt,
    width: largest,
    height: Math.round((height / width) * largest),
    srcset,
    fallback: jobs.find((j) => j.format === "jpeg" && j.width === 800)!.url,
    jobs,
  };
}

/** The logo file's bytes (from the project's or the package's templates/), drawn on every card. */
export function logoBytes(model: Model, root: string): Buffer {
  const logo = model.site.organization.logo;
  if (/^https?:/.test(logo)) return Buffer.from(logo);
  for (const base of [join(root, "templates"), packagePath("templates")]) {
    try {
      return readFileSync(join(base, logo));
    } catch {
      // try the next folder
    }
  }
  return Buffer.from(logo);
}

function cardFor(
  page: Page,
  model: Model,
  locations: Map<string, Model["locations"][number]>,
  photos: Map<string, PhotoSet>,
  logo: Buffer,
): CardSpec {
  const location = "location" in page ? locations.get(page.location) : undefined;
  const clinicId = "clinic" in page ? page.clinic : undefined;
  const clinic = model.site.clinics.find((c) => c.id === clinicId);
  const photo = location?.photo ?? clinic?.photo;
  const { heading, place } = page;
  const brand = model.site.organization.name;
  const background = photo && photos.has(photo.src) ? photo.src : undefined;
  const phone = displayPhone(clinic?.phone ?? model.site.organization.phone);
  const parts = [cardVersion, cardFontKey(), heading, place ?? "", brand, clinic?.name ?? "", phone];
  const key = ImageCache.key(...parts, logo, background ? photos.get(background)!.jobs[0]!.key : "brand");
  const alt = joined(
    place ? joined(heading, " in ", place) : heading,
    ", ",
    clinic?.name ?? brand,
    ", call ",
    phone,
  );
  return {
    url: joined("/cards/", key.slice(0, 16), ".jpg"),
    key,
    heading,
    place,
    brand,
    clinic: clinic?.name,
    phone,
    background,
    alt,
  };
}
