import { geoMercator, geoPath, type GeoStream } from "d3-geo";
import { statesAtlas } from "../rules/us-atlas.ts";
import { BoundedCache } from "../rules/bounded-cache.ts";

/**
 * Maps drawn once at build time as inline SVG from the public-domain US state boundaries in
 * `us-atlas` (Census Bureau cartographic boundaries, 1:10m). No tiles, no scripts, no requests:
 * the page stays fast and private, and the map is as deterministic as the rest of the build.
 */

/** A place on the map: a clinic (drawn as a labelled marker) or a city it serves (a dot). */
export interface MapPlace {
  name: string;
  lat: number;
  lng: number;
  kind: "clinic" | "city";
  /** For a city, the name of the clinic serving it: a thin line joins them. */
  clinic?: string;
}

export interface MapOptions {
  /** Unique within the page; used for the `<title>` and `<desc>` ids. */
  id: string;
  /** Short title read by screen readers, e.g. "Map of our clinics and the cities they serve". */
  title: string;
  /** The text alternative: what the map shows, in words. */
  description: string;
}

/** Size of the drawing (the SVG scales to its box with CSS). */
export const mapSize = { width: 640, height: 480 } as const;
/** Margin around the places, in degrees, so a single clinic still shows its surroundings. */
const minPadDegrees = 0.45;
/** Outline points closer than this (in px) to the last one kept are dropped: ~10× smaller paths. */
const minStep = 1.5;

/**
 * Maps already drawn in this process, by their places and options: a rebuild (the preview, a
 * test suite's many builds) redraws only maps whose places changed. Projecting every state
 * outline is most of a small site's build.
 */
const drawn = new BoundedCache<string, string>(256);

/** A stream filter that drops points within `minStep` px of the previous one (first and last kept). */
function decimate(out: GeoStream): GeoStream {
  let last: [number, number] | undefined;
  let pending: [number, number] | undefined;
  return {
    point(x, y) {
      if (last && Math.hypot(x - last[0], y - last[1]) < minStep) {
        pending = [x, y];
        return;
      }
      out.point(x, y);
      last = [x, y];
      pending = undefined;
    },
    lineStart() {
      last = pending = undefined;
      out.lineStart();
    },
    lineEnd() {
      if (pending) out.point(pending[0], pending[1]);
      last = pending = undefined;
      out.lineEnd();
    },
    polygonStart: () => out.polygonStart(),
    polygonEnd: () => out.polygonEnd(),
    sphere: () => out.sphere?.(),
  };
}

/** The places' bounding box, padded, as the four corners d3 fits the projection to. */
function frame(places: MapPlace[]) {
  const lats = places.map((p) => p.lat);
  const lngs = places.map((p) => p.lng);
  const [south, north, west, east] = [
    Math.min(...lats),
    Math.max(...lats),
    Math.min(...lngs),
    Math.max(...lngs),
  ];
  const padLat = Math.max(minPadDegrees, (north - south) * 0.12);
  const padLng = Math.max(minPadDegrees, (east - west) * 0.12);
  const corners = [
    [west - padLng, south - padLat],
    [east + padLng, north + padLat],
  ];
  return { type: "MultiPoint" as const, coordinates: corners };
}

const round = (n: number) => Math.round(n * 10) / 10;
const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Approximate label box for collision checks (system-ui at 13 px averages ~7 px a character). */
function labelBox(x: number, y: number, text: string, size: number) {
  return { x0: x, y0: y - size, x1: x + text.length * size * 0.56, y1: y + 3 };
}

type Box = ReturnType<typeof labelBox>;
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * An SVG map of `places` over state outlines, framed to fit them. Clinics are labelled; cities
 * are labelled where the label does not collide with another. Returns "" for no places.
 */
export function drawMap(places: MapPlace[], options: MapOptions): string {
  if (places.length === 0) return "";
  return drawn.get(JSON.stringify([places, options]), () => drawMapOnce(places, options));
}

function drawMapOnce(places: MapPlace[], options: MapOptions): string {
  const { width, height } = mapSize;
  const projection = geoMercator().fitExtent(
    [
      [24, 24],
      [width - 24, height - 24],
    ],
    frame(places),
  );
  projection.clipExtent([
    [-2, -2],
    [width + 2, height + 2],
  ]);
  const path = geoPath({ stream: (s: GeoStream) => projection.stream(decimate(s)) }).digits(1);
  const atlas = statesAtlas();
  const land = path(atlas.states) ?? "";
  const borders = path(atlas.borders) ?? "";
  const at = (p: MapPlace) => projection([p.lng, p.lat])!.map(round) as [number, number];
  const clinics = places.filter((p) => p.kind === "clinic");
  const cities = places.filter((p) => p.kind === "city");
  const clinicAt = new Map(clinics.map((c) => [c.name, at(c)]));
  const lines = cities
    .filter((c) => c.clinic && clinicAt.has(c.clinic))
    .map((c) => `M${clinicAt.get(c.clinic!)!.join(" ")}L${at(c).join(" ")}`)
    .join("");
  const taken: Box[] = [];
  const labels: string[] = [];
  const label = (p: MapPlace, size: number, bold: boolean) => {
    const [x, y] = at(p);
    const weight = bold ? ' font-weight="700"' : "";
    for (const [dx, dy, anchor] of [
      [9, 4, "start"],
      [-9, 4, "end"],
      [0, -10, "middle"],
      [0, 18, "middle"],
    ] as const) {
      const w = p.name.length * size * 0.56;
      const x0 = anchor === "start" ? x + dx : anchor === "end" ? x + dx - w : x - w / 2;
      const box = labelBox(x0, y + dy, p.name, size);
      if (box.x0 < 2 || box.x1 > width - 2 || box.y0 < 2 || box.y1 > height - 2) continue;
      if (taken.some((t) => overlaps(t, box))) continue;
      taken.push(box);
      labels.push(
        `<text${weight} font-size="${size}" x="${round(x + dx)}" y="${round(y + dy)}" text-anchor="${anchor}">${escapeXml(p.name)}</text>`,
      );
      return;
    }
  };
  // Marker boxes first, so no label covers a place.
  for (const p of places) {
    const [x, y] = at(p);
    taken.push({ x0: x - 6, y0: y - 6, x1: x + 6, y1: y + 6 });
  }
  for (const c of clinics) label(c, 15, true);
  for (const c of cities) label(c, 12, false);
  const dots = cities.map((c) => `<circle cx="${at(c)[0]}" cy="${at(c)[1]}" r="4"/>`).join("");
  const pins = clinics
    .map((c) => {
      const [x, y] = at(c);
      return `<path d="M${x} ${y}l-7 -12a8 8 0 1 1 14 0z"/><circle cx="${x}" cy="${round(y - 15)}" r="3" fill="#fff"/>`;
    })
    .join("");
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  return [
    `<svg class="map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${titleId}">${escapeXml(options.title)}</title><desc id="${descId}">${escapeXml(options.description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#dcecf0"/>`,
    `<path d="${land}" fill="#f7f5ef"/>`,
    `<path d="${borders}" fill="none" stroke="#b9c6c9" stroke-width="1"/>`,
    `<path d="${lines}" fill="none" stroke="#0f4c5c" stroke-opacity="0.35" stroke-width="1.2"/>`,
    `<g fill="#0b5d73" stroke="#fff" stroke-width="1.5">${dots}</g>`,
    `<g fill="#c2410c" stroke="#7c2d12" stroke-width="1">${pins}</g>`,
    `<g font-family="system-ui, sans-serif" fill="#1d2a30" paint-order="stroke" stroke="#f7f5ef" stroke-width="3" stroke-linejoin="round">${labels.join("")}</g>`,
    `</svg>`,
  ].join("");
}
