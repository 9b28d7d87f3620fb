import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { build } from "../src/build/build.ts";
import { prepare } from "../src/build/prepare.ts";
import { cardPainter, paintCardWhole } from "../src/images/card.ts";
import { logoBytes, planImages, type CardSpec, type PhotoSet } from "../src/images/plan.ts";
import { cardFonts, fitText, glyphFor, textPath, textWidth } from "../src/images/font.ts";
import { DataError } from "../src/problems.ts";
import { copyFixture, edit, fixtureSite, problemsOf, project, temp, warmImageCache } from "./helpers.ts";

/** Builds a copy of the fixture; with the suite's image cache unless given a cache folder of its own. */
async function buildFixture(root = copyFixture(), cacheDir?: string) {
  const out = join(temp("img"), "output");
  const result = await build({ root, outDir: out, cacheDir, today: "2026-11-25" });
  return { root, out, cacheDir, result };
}

describe("responsive photos", () => {
  const out = fixtureSite();

  it("publishes AVIF, WebP and JPEG at 400, 800 and 1200 px inside <picture> with dimensions", async () => {
    const html = readFileSync(join(out, "acupuncture-for-sciatica/red-bank-nj/index.html"), "utf8");
    const picture = html.match(/<picture>[\s\S]*?<\/picture>/)![0];
    expect(picture).toMatch(
      /<source type="image\/avif" srcset="\/img\/north-[0-9a-f]{10}-400\.avif 400w, \/img\/north-[0-9a-f]{10}-800\.avif 800w, \/img\/north-[0-9a-f]{10}-1200\.avif 1200w"/,
    );
    expect(picture).toContain('<source type="image/webp"');
    expect(picture).toMatch(
      /<img src="\/img\/north-[0-9a-f]{10}-800\.jpg" srcset="[^"]+" sizes="[^"]+" alt="Illustration of the north clinic&#39;s treatment room" width="1200" height="750" fetchpriority="high">/,
    );
    for (const [, url, width] of picture.matchAll(/(\/img\/[^ "]+) (\d+)w/g)) {
      const meta = await sharp(join(out, url!)).metadata();
      expect(meta.width).toBe(Number(width));
      expect(meta.format).toBe(url!.endsWith(".jpg") ? "jpeg" : url!.endsWith(".webp") ? "webp" : "heif");
    }
    const home = readFileSync(join(out, "index.html"), "utf8");
    expect(home).toMatch(/<img [^>]*loading="lazy"/);
    const hub = readFileSync(join(out, "locations/red-bank-nj/index.html"), "utf8");
    expect(hub).toMatch(
      /<img src="\/img\/ann-[0-9a-f]{10}-800\.jpg"[^>]*alt="Illustration standing in for Ann&#39;s portrait"[^>]*loading="lazy"/,
    );
  });

  it("puts the photo in the clinic's JSON-LD only where the page shows it", () => {
    const html = readFileSync(join(out, "locations/red-bank-nj/index.html"), "utf8");
    const image = html.match(/"image":"(https:\/\/clinic\.test\/img\/north-[0-9a-f]{10}-800\.jpg)"/)![1]!;
    expect(html).toContain(`src="${image.replace("https://clinic.test", "")}"`);
  });
});

describe("social cards", () => {
  it("gives every page a 1200×630 card referenced from og:image and twitter:image with alt", async () => {
    const out = fixtureSite();
    const html = readFileSync(join(out, "acupuncture-for-sciatica/red-bank-nj/index.html"), "utf8");
    const url = html.match(
      /<meta property="og:image" content="https:\/\/clinic\.test(\/cards\/[0-9a-f]{16}\.jpg)">/,
    )![1]!;
    expect(html).toContain('<meta property="og:image:width" content="1200">');
    expect(html).toContain(
      '<meta property="og:image:alt" content="Acupuncture for Sciatica in Red Bank, NJ, Test Acupuncture North, call (732) 555-0118">',
    );
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    const meta = await sharp(join(out, url)).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([1200, 630, "jpeg"]);
  });

  it("fits long headings and places: smaller text, wrapped, within the card", () => {
    const width = 1200 - 144;
    const heading = fitText("Acupuncture for Failed Back Surgery", width, 3, 76, 40);
    expect(heading.lines.length).toBeLessThanOrEqual(3);
    expect(heading.lines.every((l) => textWidth(l, heading.size) <= width)).toBe(true);
    const city = "Llanfairpwllgwyngyll Village of the Northern Shore Beach, NJ";
    expect(city).toHaveLength(60);
    const place = fitText(city, width, 1, 50, 28);
    expect(place.size).toBeLessThan(50);
    expect(textWidth(place.lines[0]!, place.size) <= width).toBe(true);
    const long = fitText("Acupuncture for Failed Back Surgery in Port St. Lucie, FL", width, 3, 76, 40);
    expect(long.size).toBeGreaterThanOrEqual(40);
    expect(long.lines.join(" ")).toBe("Acupuncture for Failed Back Surgery in Port St. Lucie, FL");
  });
});

describe("#11 cards drawn in shared layers", () => {
  it("are the same JPEG, byte for byte, as a card drawn whole with its text as one SVG", async () => {
    const root = project();
    const { model, plan } = prepare(root);
    const images = await planImages(model, plan, root);
    const logo = logoBytes(model, root);
    const source = (set: PhotoSet) => readFileSync(join(root, set.src));
    const planned = [...images.cards.values()];
    const first = planned.find((c) => c.place && c.background)!;
    // Besides the fixture's cards: no photo, a heading wrapped to three lines and cut, a place
    // shrunk to fit, a clinic name too long for the band, no place at all, another script.
    const edges: CardSpec[] = [
      { ...first, background: undefined },
      {
        ...first,
        heading: "Acupuncture for Failed Back Surgery Syndrome and Other Long-Standing Pain After Operations",
      },
      { ...first, place: "Llanfairpwllgwyngyll Village of the Northern Shore Beach, NJ" },
      {
        ...first,
        clinic: "The Very Long Named Integrative Acupuncture and Wellness Clinic of the Jersey Shore",
      },
      { ...first, place: undefined, clinic: undefined },
      { ...first, place: "São Paulo · Coeur d'Alene, ID" },
    ];
    const cards = [...planned, ...edges];
    expect(new Set(cards.map((c) => c.background ?? "brand")).size).toBeGreaterThan(1);
    const paint = cardPainter(images, source, logo);
    for (const card of cards) {
      const layered = await paint(card);
      const whole = await paintCardWhole(card, images, source, logo);
      expect(layered.equals(whole), `${card.heading} / ${card.place}`).toBe(true);
    }
    // The same pixels as card-2, which was drawn whole and encoded as a progressive JPEG.
    const pixels = (jpeg: Buffer) => sharp(jpeg).raw().toBuffer();
    const cardTwo = await paintCardWhole(first, images, source, logo, {
      quality: 86,
      progressive: true,
      chromaSubsampling: "4:4:4",
    });
    expect((await pixels(await paint(first))).equals(await pixels(cardTwo))).toBe(true);
    // Cards that differ only in their place are different images: the comparison can fail.
    const other = await paint({ ...first, place: "Other Town, NJ" });
    expect(other.equals(await paintCardWhole(first, images, source, logo))).toBe(false);
  });
});

describe("card text: fallback fonts", () => {
  it("draws characters DejaVu Sans Bold lacks from the next font, and leaves out what no font has instead of a box", () => {
    const [bold, book, math] = cardFonts().map((f) => f.font);
    expect(glyphFor("A")?.font).toBe(bold);
    // U+1D5A0 (mathematical sans-serif A) is in DejaVu Sans but not its bold; U+210A only in DejaVu Math.
    expect(glyphFor("\u{1d5a0}")?.font).toBe(book);
    expect(glyphFor("\u210a")?.font).toBe(math);
    expect(textWidth("\u210a", 40)).toBeGreaterThan(0);
    // An emoji no installed font has: no glyph, no .notdef box, no width.
    if (!glyphFor("🙂")) {
      expect(textPath("A🙂B", 0, 50, 40)).toBe(textPath("AB", 0, 50, 40));
      expect(textWidth("Back pain 🙂", 40)).toBe(textWidth("Back pain ", 40));
    }
    // Emoji presentation selectors and joiners never draw anything.
    expect(textPath("A\ufe0f\u200dB", 0, 50, 40)).toBe(textPath("AB", 0, 50, 40));
  });
});

describe("image cache", () => {
  it("an unchanged rebuild does no image work; a changed photo redoes only its own outputs", async () => {
    // A copy of the suite's cache, which the first build of the fixture filled (with no work cached).
    const first = await buildFixture(copyFixture(), warmImageCache());
    expect(first.result.images.cached).toBe(first.result.images.images);
    // A re-encoded photo: its 9 variants and the cards drawn on it are new work, nothing else.
    const photo = join(first.root, "images/north.jpg");
    writeFileSync(photo, await sharp(readFileSync(photo)).jpeg({ quality: 70 }).toBuffer());
    const changed = await buildFixture(first.root, first.cacheDir);
    const redone = changed.result.images.images - changed.result.images.cached;
    const northCards = 1 + 3 + 2 + 1; // home, 3 Red Bank pages + hub, Long Branch pages and hub with the north clinic
    expect(redone).toBeGreaterThanOrEqual(9);
    expect(redone).toBeLessThanOrEqual(9 + northCards + 6);
  });

  it("#11 a rebuild links the replaced site's unchanged images instead of copying them, never the cache's", async () => {
    const root = project();
    const out = join(temp("relink"), "output");
    const cacheDir = warmImageCache();
    await build({ root, outDir: out, cacheDir, today: "2026-11-25" });
    const home = readFileSync(join(out, "index.html"), "utf8");
    const card = home.match(/property="og:image" content="https?:\/\/[^/]+(\/cards\/[0-9a-f]+\.jpg)"/)![1]!;
    const photo = home.match(/src="(\/img\/[^"]+\.jpg)"/)![1]!;
    const before = { card: statSync(join(out, card)).ino, photo: statSync(join(out, photo)).ino };
    // A published photo rewritten in place (another size) must not be carried into the next site.
    writeFileSync(join(out, photo), "not the image");
    await build({ root, outDir: out, cacheDir, today: "2026-11-25" });
    expect(statSync(join(out, card)).ino).toBe(before.card);
    expect(statSync(join(out, photo)).ino).not.toBe(before.photo);
    const cached = (file: string) =>
      readdirSync(cacheDir, { recursive: true, withFileTypes: true }).find(
        (e) =>
          e.isFile() &&
          !e.name.endsWith(".sha256") &&
          readFileSync(join(e.parentPath, e.name)).equals(readFileSync(file)),
      );
    expect(cached(join(out, photo))).toBeDefined();
    const cardEntry = cached(join(out, card))!;
    expect(statSync(join(cardEntry.parentPath, cardEntry.name)).ino).not.toBe(before.card);
  });
});

describe("bad images", () => {
  it("a missing file is a validation error naming the data file and field", () => {
    const root = copyFixture();
    edit(root, "site.yaml", (t) => t.replace("images/north.jpg", "images/missing.jpg"));
    const problem = problemsOf(root).find((p) => p.field === "clinics[0].photo.src")!;
    expect(problem).toMatchObject({ file: "site.yaml", message: "no file at images/missing.jpg" });
  });

  it("a missing alt text is a validation error", () => {
    const root = copyFixture();
    edit(root, "site.yaml", (t) =>
      t.replace(`, alt: "Illustration of the north clinic's treatment room"`, ""),
    );
    expect(problemsOf(root).map((p) => `${p.field}: ${p.message}`)).toContain(
      "clinics[0].photo.alt: is required but missing",
    );
  });

  it("a corrupt or too small photo stops the build with the data file named", async () => {
    const root = copyFixture();
    writeFileSync(join(root, "images/north.jpg"), "not really a jpeg");
    await expect(buildFixture(root)).rejects.toThrow(DataError);
    await expect(buildFixture(root)).rejects.toThrow(
      /site\.yaml clinics\[0\]\.photo\.src: images\/north\.jpg is not an image sharp can read/,
    );
    writeFileSync(
      join(root, "images/north.jpg"),
      await sharp({ create: { width: 800, height: 500, channels: 3, background: "#888" } })
        .jpeg()
        .toBuffer(),
    );
    await expect(buildFixture(root)).rejects.toThrow(
      /images\/north\.jpg is 800 px wide; photos need at least 1200 px/,
    );
  });
});
