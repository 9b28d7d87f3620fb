import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { cardLayout, cardSvg } from "./generate.ts";
import { cardSize, type CardSpec } from "./plan.ts";

const card: CardSpec = { url: "/cards/x.jpg", key: "x", heading: "Acupuncture for Failed Back Surgery", place: "Port St. Lucie, FL", brand: "Harborlight Acupuncture", alt: "" };

async function pixels(layers: Array<{ svg: string; top: number }>): Promise<Buffer> {
  const base = sharp({ create: { ...cardSize, channels: 3, background: "#0f4c5c" } });
  return base.composite(layers.map((l) => ({ input: Buffer.from(l.svg), top: l.top, left: 0 }))).removeAlpha().raw().toBuffer();
}

describe("social cards in layers", () => {
  it("draw the same picture as the card drawn in one pass, with only the place in the page's own layer", async () => {
    const layout = cardLayout(card);
    expect(layout.own!.svg).not.toContain("Acupuncture");
    expect(layout.own!.top).toBeGreaterThan(200);
    const layered = await pixels([{ svg: layout.shared, top: 0 }, layout.own!]);
    const onePass = await pixels([{ svg: cardSvg(card), top: 0 }]);
    let difference = 0;
    for (let i = 0; i < layered.length; i++) difference += Math.abs(layered[i]! - onePass[i]!);
    expect(difference / layered.length).toBeLessThan(0.5);
    const withoutPlace = await pixels([{ svg: layout.shared, top: 0 }]);
    let placeInk = 0;
    for (let i = 0; i < layered.length; i++) placeInk += Math.abs(layered[i]! - withoutPlace[i]!);
    expect(placeInk / layered.length).toBeGreaterThan(1);
  });
});
