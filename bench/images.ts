import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateImages } from "../src/images/generate.ts";
import { logoBytes, planImages, type CardSpec, type ImagePlan } from "../src/images/plan.ts";
import { prepare } from "../src/build/prepare.ts";
import { packagePath } from "../src/rules/package-paths.ts";

/**
 * Image work, cold (empty cache) and warm, for the sample site and for 1,000 social cards (or the
 * number given). Prints JSON with seconds, items per second and peak memory; `cardsCold.perSecond`
 * is the cold card rate. Usage: tsx bench/images.ts [cards]
 */
const root = packagePath(".");
// Every folder this run makes lives in one temporary folder, removed when the run ends.
const work = mkdtempSync(join(tmpdir(), "bench-images-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const temp = (name: string) => mkdtempSync(join(work, `${name}-`));
const { model, plan } = prepare(root);
const logo = logoBytes(model, root);
const sample = await planImages(model, plan, root);

async function timed(images: ImagePlan, cacheDir: string) {
  const summary = await generateImages(images, root, temp("out"), cacheDir, logo);
  // Cold runs count what was drawn; warm runs what was served from the cache.
  const counted = summary.images - summary.cached || summary.images;
  return {
    images: summary.images,
    cached: summary.cached,
    seconds: summary.seconds,
    perSecond: counted / summary.seconds,
  };
}

const sampleCache = temp("cache");
const sampleCold = await timed(sample, sampleCache);
const sampleWarm = await timed(sample, sampleCache);

// 1,000 distinct cards as a site has them: the sample's condition × location cards (each
// heading on its clinic's photo or the brand colour), every one for many more places, in plan order.
const count = Number(process.argv[2] ?? 1000);
const base = [...sample.cards.values()].filter((card) => card.place);
const cards = new Map<string, CardSpec>();
for (let i = 0; i < count; i++) {
  const card = base[Math.floor((i / count) * base.length)]!;
  cards.set(`/bench/${i}/`, {
    ...card,
    key: `${card.key}-${i}`,
    url: `/cards/bench-${i}.jpg`,
    place: `Placeville ${i}, ${card.place!.slice(-2)}`,
  });
}
// The photos are already in the sample's cache, so this times the cards alone.
const cardCache = sampleCache;
const cardsCold = await timed({ photos: sample.photos, cards }, cardCache);
const cardsWarm = await timed({ photos: sample.photos, cards }, cardCache);

console.log(
  JSON.stringify({
    sampleCold,
    sampleWarm,
    cardsCold,
    cardsWarm,
    peakMB: process.resourceUsage().maxRSS / 1024,
  }),
);
