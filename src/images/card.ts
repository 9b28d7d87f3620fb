import sharp, { type Channels, type JpegOptions, type OverlayOptions } from "sharp";
import { fitText, textShape, textWidth, unionBox, type Box } from "./font.ts";
import { cardSize, type CardSpec, type ImagePlan, type PhotoSet } from "./plan.ts";

/*
 * A social card is a background shared by every card on the same photo (the photo under a scrim,
 * the white band with the logo and brand name) and text on top: the heading (shared by every
 * city's page of one condition), the place (the page's own), and the clinic and its phone
 * (shared by the clinic's pages). Each part is drawn once as raw pixels on a canvas no larger
 * than its ink, and the background with the heading and contact on it is kept while cards need
 * it, so a card costs one small SVG (its place), a copy, a blend of that one line, and one JPEG
 * encode. The result is the same image, byte for byte, as sharp compositing the whole text as
 * one SVG over the whole card (`paintCardWhole`; tests/images.test.ts compares the two).
 */

const brandColour = "#0f4c5c";
const padding = 72;
/** Dark teal used for the scrim; white text on it passes AA at any size. */
const scrimColour = "#062a33";
const logoSide = 76;
/** The heading keeps to the left part of the card, over the scrim; the photo stays clear on the right. */
const textWidthMax = 660;
/** Height of the white band at the bottom: brand on the left, the clinic and its phone on the right. */
const bandHeight = 120;
const bandInset = 56;
/**
 * The card's encoding. Baseline, not progressive: the same pixels (a progressive JPEG holds the same
 * coefficients), files ~4% larger, and ~40% less encoding time, which is most of a card's cost.
 * Crawlers fetch a card whole, so progressive display gains nothing. Part of `cardVersion`.
 */
const jpegOptions = { quality: 86, progressive: false, chromaSubsampling: "4:4:4" } as const;

/** Text in one colour: path data and the box its ink covers. */
interface Shape {
  d: string;
  fill: string;
  box?: Box;
}

type Fit = ReturnType<typeof fitText>;

/** Keeps the most recently used `limit` values: layers are big, and a large site has many. */
class Recent<V> {
  private readonly values = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string, make: () => V): V {
    const found = this.values.get(key);
    if (found !== undefined) {
      this.values.delete(key);
      this.values.set(key, found);
      return found;
    }
    const made = make();
    this.values.set(key, made);
    if (this.values.size > this.limit) this.values.delete(this.values.keys().next().value!);
    return made;
  }
}

/** The order that lets cards share layers: by background, then heading (drawing order never changes a card). */
export function byLayers(a: CardSpec, b: CardSpec): number {
  const ka = `${a.background ?? ""}\u0000${a.brand}\u0000${a.heading}`;
  const kb = `${b.background ?? ""}\u0000${b.brand}\u0000${b.heading}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Returns a function that draws a card as JPEG bytes, reusing the layers cards share. */
export function cardPainter(plan: ImagePlan, source: (set: PhotoSet) => Buffer, logo: Buffer) {
  const backgrounds = new Recent<Promise<Pixels>>(8);
  const headingFits = new Recent<Fit>(256);
  const headings = new Recent<Promise<Layer | undefined>>(64);
  const contacts = new Recent<Promise<Layer | undefined>>(64);
  const canvases = new Recent<Promise<Pixels>>(4);
  // Pixel buffers of cards already encoded, reused for the next cards: less allocation and GC.
  const spare: Buffer[] = [];
  const logoImage = logoPainter(logo);
  const background = (card: CardSpec) =>
    backgrounds.get(`${card.background ?? "brand"}\u0000${card.brand}`, async () => {
      const png = await drawBackground(card, plan, source, logo, logoImage);
      // Opaque, so without its alpha channel: a third less to copy and encode, the same JPEG.
      const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height, channels: info.channels };
    });
  const heading = (card: CardSpec, fit: Fit, top: number) =>
    headings.get(`${card.heading}\u0000${top}`, () => rasterize(headingShapes(fit, top)));
  const contact = (card: CardSpec) =>
    contacts.get(`${card.phone}\u0000${card.clinic ?? ""}`, () => rasterize(contactShapes(card)));
  /** The background with the heading and the contact on it: all of a card but its place. */
  const canvas = (card: CardSpec, fit: Fit, top: number) =>
    canvases.get(
      [card.background ?? "brand", card.brand, card.heading, top, card.phone, card.clinic ?? ""].join(
        "\u0000",
      ),
      async () => {
        const [base, ...layers] = await Promise.all([
          background(card),
          heading(card, fit, top),
          contact(card),
        ]);
        return withLayers(base, layers);
      },
    );
  return async (card: CardSpec): Promise<Buffer> => {
    const fit = headingFits.get(card.heading, () => fitHeading(card.heading));
    const place = card.place ? fitPlace(card.place) : undefined;
    const top = headingBaseline(fit, place);
    const [shared, own] = await Promise.all([
      canvas(card, fit, top),
      place ? rasterize([placeShape(place, fit, top)]) : undefined,
    ]);
    const { data, width, height, channels } = withLayers(shared, [own], spare.pop());
    try {
      return await sharp(data, { raw: { width, height, channels } }).jpeg(jpegOptions).toBuffer();
    } finally {
      if (spare.length < 8) spare.push(data);
    }
  };
}

/** A copy of `base` with `layers` drawn over it, in `into` when it has the right size. */
function withLayers(base: Pixels, layers: Array<Layer | undefined>, into?: Buffer): Pixels {
  const data = into?.length === base.data.length ? into : Buffer.allocUnsafe(base.data.length);
  const pixels = { ...base, data };
  base.data.copy(pixels.data);
  for (const layer of layers) if (layer) blendOver(pixels, layer);
  return pixels;
}

/**
 * The card drawn in one piece, as before layering: the whole text as one SVG over the background.
 * The reference the layered painter is tested against.
 */
export async function paintCardWhole(
  card: CardSpec,
  plan: ImagePlan,
  source: (set: PhotoSet) => Buffer,
  logo: Buffer,
  jpeg: JpegOptions = jpegOptions,
): Promise<Buffer> {
  const background = await drawBackground(card, plan, source, logo, logoPainter(logo));
  return sharp(background)
    .composite([{ input: Buffer.from(cardSvg(card)), top: 0, left: 0 }])
    .jpeg(jpeg)
    .toBuffer();
}

/** The logo as a small PNG for the band, once; a white square when the logo cannot be drawn. */
function logoPainter(logo: Buffer): () => Promise<Buffer> {
  let png: Promise<Buffer> | undefined;
  return () =>
    (png ??= sharp(logo, { density: 300 })
      .resize(logoSide, logoSide)
      .png()
      .toBuffer()
      .catch(() =>
        sharp({ create: { width: logoSide, height: logoSide, channels: 4, background: "#ffffff" } })
          .png()
          .toBuffer(),
      ));
}

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
    ? await sharp(source(photo))
        .rotate()
        .resize(width, photoHeight, { fit: "cover" })
        .composite([{ input: scrim }])
        .png()
        .toBuffer()
    : await sharp({ create: { width, height: photoHeight, channels: 3, background: brandColour } })
        .png()
        .toBuffer();
  const layers: OverlayOptions[] = [
    { input: top, top: 0, left: 0 },
    { input: await logoImage(), top: photoHeight + (bandHeight - logoSide) / 2, left: bandInset },
  ];
  if (!photo) {
    // No photo: the logo large on the right, so the card is not an empty field of colour.
    const big = await sharp(logo, { density: 600 })
      .resize(300, 300)
      .png()
      .toBuffer()
      .catch(() => undefined);
    if (big)
      layers.push({ input: big, top: Math.round((photoHeight - 300) / 2), left: width - padding - 300 });
  }
  const brand = fitText(card.brand, 470, 1, 34, 22);
  const brandY = photoHeight + bandHeight / 2 + brand.size * 0.36;
  const brandPath = textShape(brand.lines[0]!, bandInset + logoSide + 20, brandY, brand.size).d;
  const brandSvg = `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><path d="${brandPath}" fill="#0a3540"/></svg>`;
  layers.push({ input: Buffer.from(brandSvg), top: 0, left: 0 });
  return sharp({ create: { width, height, channels: 3, background: "#ffffff" } })
    .composite(layers)
    .png()
    .toBuffer();
}

function fitHeading(heading: string): Fit {
  return fitText(heading, textWidthMax, 3, 72, 40);
}

function fitPlace(place: string): Fit {
  return fitText(place, textWidthMax, 1, 46, 28);
}

/** The first heading line's baseline: the heading and place block centred in the photo area. */
function headingBaseline(heading: Fit, place: Fit | undefined): number {
  const blockHeight = heading.lines.length * lineHeight(heading) + (place ? place.size * 1.5 : 0);
  return Math.max(padding * 0.75, (cardSize.height - bandHeight - blockHeight) / 2) + heading.size * 0.9;
}

function lineHeight(heading: Fit): number {
  return Math.round(heading.size * 1.16);
}

/** Baselines of the heading's lines, then of what follows them (added up line by line, as drawn since card-2). */
function baselines(heading: Fit, top: number): number[] {
  const ys = [top];
  for (let i = 0; i < heading.lines.length; i++) ys.push(ys[i]! + lineHeight(heading));
  return ys;
}

function headingShapes(heading: Fit, top: number): Shape[] {
  const ys = baselines(heading, top);
  return heading.lines.map((line, i) => ({
    ...textShape(line, padding, ys[i]!, heading.size),
    fill: "#ffffff",
  }));
}

function placeShape(place: Fit, heading: Fit, top: number): Shape {
  const y = baselines(heading, top).at(-1)!;
  return { ...textShape(place.lines[0]!, padding, y + place.size * 0.25, place.size), fill: "#f6c26b" };
}

/** Right-aligned in the band: the phone, and the clinic's name above it when it fits. */
function contactShapes(card: CardSpec): Shape[] {
  const { width, height } = cardSize;
  const right = width - bandInset;
  const phone = fitText(`Call ${card.phone}`, 520, 1, 40, 30);
  const clinic = card.clinic ? fitText(card.clinic, 560, 1, 24, 18) : undefined;
  const clinicFits = clinic !== undefined && clinic.lines.length === 1 && !clinic.lines[0]!.endsWith("…");
  const bandTop = height - bandHeight;
  const phoneY = clinicFits ? bandTop + 92 : bandTop + bandHeight / 2 + phone.size * 0.36;
  const phoneLine = phone.lines[0]!;
  const shapes = [
    {
      ...textShape(phoneLine, right - textWidth(phoneLine, phone.size), phoneY, phone.size),
      fill: "#b93d0b",
    },
  ];
  if (clinicFits) {
    const line = clinic.lines[0]!;
    shapes.push({
      ...textShape(line, right - textWidth(line, clinic.size), bandTop + 44, clinic.size),
      fill: "#0a3540",
    });
  }
  return shapes;
}

function svgPaths(shapes: Shape[]): string {
  return shapes.map((s) => `<path d="${s.d}" fill="${s.fill}"/>`).join("");
}

/** The page's own text as one SVG over the whole card (heading, place, clinic and phone). */
export function cardSvg(card: CardSpec): string {
  const { width, height } = cardSize;
  const heading = fitHeading(card.heading);
  const place = card.place ? fitPlace(card.place) : undefined;
  const top = headingBaseline(heading, place);
  const shapes = headingShapes(heading, top);
  if (place) shapes.push(placeShape(place, heading, top));
  shapes.push(...contactShapes(card));
  return `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${svgPaths(shapes)}</svg>`;
}

/**
 * Draws shapes on a canvas just large enough for their ink (clipped to the card, as a whole-card
 * SVG would be), as raw RGBA placed where they sit on the card; undefined when there is no ink.
 */
async function rasterize(shapes: Shape[]): Promise<Layer | undefined> {
  const boxes = shapes.flatMap((s) => (s.box ? [s.box] : []));
  if (boxes.length === 0) return undefined;
  const ink = boxes.reduce(unionBox);
  const left = Math.max(0, ink.left);
  const top = Math.max(0, ink.top);
  const width = Math.min(cardSize.width, ink.right) - left;
  const height = Math.min(cardSize.height, ink.bottom) - top;
  if (width <= 0 || height <= 0) return undefined;
  const svg =
    `<svg width="${width}" height="${height}" viewBox="${left} ${top} ${width} ${height}" ` +
    `xmlns="http://www.w3.org/2000/svg">${svgPaths(shapes)}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels, left, top };
}

/** Raw 8-bit pixels, row by row. */
interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: Channels;
}

/** Unpremultiplied RGBA pixels placed at (left, top) on the card. */
interface Layer extends Pixels {
  left: number;
  top: number;
}

const f32 = Math.fround;
/** `v / 255` in single precision, for every byte value. */
const unit = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/**
 * Draws `layer` over the opaque `base` in place with the arithmetic of libvips' "over" composite
 * (single precision, premultiplied, truncated back to bytes), so a card drawn in parts has the
 * same pixels as one composited by sharp. Only the layer's inked pixels are touched: where it is
 * transparent "over" leaves the base as it was.
 */
function blendOver(base: Pixels, layer: Layer): void {
  const { data: out, width, channels } = base;
  const { data: src, width: w, height: h, channels: c } = layer;
  for (let y = 0; y < h; y++) {
    let i = y * w * c;
    let o = ((layer.top + y) * width + layer.left) * channels;
    for (let x = 0; x < w; x++, i += c, o += channels) {
      const alpha = src[i + 3]!;
      if (alpha === 0) continue;
      const aA = unit[alpha]!;
      const t1 = f32(1 - aA);
      const aR = f32(aA + t1);
      for (let b = 0; b < 3; b++) {
        const v = f32(f32(f32(f32(unit[src[i + b]!]! * aA) + f32(t1 * unit[out[o + b]!]!)) / aR) * 255);
        out[o + b] = v <= 0 ? 0 : v >= 255 ? 255 : Math.trunc(v);
      }
    }
  }
}
