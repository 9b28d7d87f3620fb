import { describe, expect, it } from "vitest";
import { drawMap, type MapPlace } from "./index.ts";

const places: MapPlace[] = [
  { name: "Red Bank", lat: 40.34832, lng: -74.06561, kind: "clinic" },
  { name: 'Asbury <Park> & "Co"', lat: 40.2204, lng: -74.0121, kind: "city", clinic: "Red Bank" },
];
const options = {
  id: "m1",
  title: "Map of the Red Bank clinic",
  description: "Red Bank clinic, serving Asbury Park.",
};

describe("drawMap", () => {
  it("draws an accessible SVG: role img, labelled by its title and description", () => {
    const svg = drawMap(places, options);
    expect(svg).toMatch(
      /^<svg class="map" viewBox="0 0 640 480"[^>]* role="img" aria-labelledby="m1-title m1-desc"/,
    );
    expect(svg).toContain('<title id="m1-title">Map of the Red Bank clinic</title>');
    expect(svg).toContain('<desc id="m1-desc">Red Bank clinic, serving Asbury Park.</desc>');
  });

  it("draws state outlines around the places, a pin per clinic, a dot per city, and escapes labels", () => {
    const svg = drawMap(places, options);
    expect(svg).toMatch(/<path d="M[\d.-]+,[\d.-]+L/); // land
    expect(svg.match(/<circle [^>]*r="4"\/>/g)).toHaveLength(1);
    expect(svg.match(/l-7 -12a8 8 0 1 1 14 0z/g)).toHaveLength(1);
    expect(svg).toContain("Asbury &lt;Park&gt; &amp; &quot;Co&quot;");
    expect(svg).not.toContain("<Park>");
    // Outlines are thinned to the drawing's resolution: a clinic map stays small.
    expect(svg.length).toBeLessThan(30_000);
  });

  it("is deterministic and draws nothing for no places", () => {
    expect(drawMap(places, options)).toBe(drawMap(places, options));
    expect(drawMap([], options)).toBe("");
  });

  it("draws a map again when its places change, and the same map for the same places", () => {
    const first = drawMap(places, options);
    const more: MapPlace[] = [
      ...places,
      { name: "Long Branch", lat: 40.30428, lng: -73.99236, kind: "city", clinic: "Red Bank" },
    ];
    const changed = drawMap(more, options);
    expect(changed).toContain(">Long Branch</text>");
    expect(changed.match(/<circle [^>]*r="4"\/>/g)).toHaveLength(2);
    expect(drawMap(structuredClone(places), { ...options })).toBe(first);
    expect(drawMap(places, { ...options, title: "Another title" })).toContain("Another title");
  });
});
