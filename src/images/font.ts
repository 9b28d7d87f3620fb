import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { createRequire } from "node:module";
import opentype from "opentype.js";

/**
 * Text for social cards is drawn as SVG paths from fonts that ship with the project (DejaVu,
 * from the dejavu-fonts-ttf package), so cards look the same on every machine whatever fonts
 * it has installed. Glyphs DejaVu Sans Bold lacks come, one by one, from the next font that has
 * them: DejaVu Sans, DejaVu Math, then fonts found on the machine (Symbola, Noto). A character
 * no font has (most emoji, unless Symbola is installed) is left out rather than drawn as a box.
 */
const bundledFonts = ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf", "DejaVuMathTeXGyre.ttf"];
/** Debian font files used when present (fonts-symbola has outline emoji; fonts-noto-core many scripts). */
export const systemFallbackFonts = [
  "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
  "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
  "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf",
];
/** Code points drawn as nothing: joiners and variation selectors that only steer emoji rendering. */
const invisible = /\u200d|\ufe0e|\ufe0f/u;

let cached: Array<{ file: string; font: opentype.Font }> | undefined;

/**
 * Glyphs are read from the file when first asked for (lowMemory): a card uses a few dozen of
 * the fonts' 16,000, which parsed all at once cost 40 MB and a fifth of a second in every build.
 */
function parseFont(file: string): opentype.Font {
  const bytes = readFileSync(file);
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), {
    lowMemory: true,
  });
}

/** The fallback chain, bundled fonts first. */
export function cardFonts(): Array<{ file: string; font: opentype.Font }> {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const bundled = bundledFonts.map((name) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
    cached = [...bundled, ...systemFallbackFonts.filter((f) => existsSync(f))].map((file) => ({
      file,
      font: parseFont(file),
    }));
  }
  return cached;
}

/** The primary card font (DejaVu Sans Bold). */
export function cardFont(): opentype.Font {
  return cardFonts()[0]!.font;
}

/** Names of the fonts in the chain: part of every card's cache key, so a newly found font redraws cards. */
export function cardFontKey(): string {
  return cardFonts()
    .map((f) => basename(f.file))
    .join(",");
}

/** The glyph for one character from the first font that has it, or undefined when none has. */
export function glyphFor(
  ch: string,
  fonts = cardFonts(),
): { glyph: opentype.Glyph; font: opentype.Font } | undefined {
  if (invisible.test(ch)) return undefined;
  for (const { font } of fonts) {
    const glyph = font.charToGlyph(ch);
    if (glyph.index !== 0) return { glyph, font };
  }
  return undefined;
}

/** Lays out a line glyph by glyph: each glyph's font, position and scale; kerning within one font. */
function layout(text: string, size: number, fonts = cardFonts()) {
  let pen = 0;
  let previous: { glyph: opentype.Glyph; font: opentype.Font } | undefined;
  const placed: Array<{ glyph: opentype.Glyph; x: number }> = [];
  for (const ch of text.normalize("NFC")) {
    const found = glyphFor(ch, fonts);
    if (!found) continue;
    const scale = size / found.font.unitsPerEm;
    if (previous && previous.font === found.font)
      pen += found.font.getKerningValue(previous.glyph, found.glyph) * scale;
    placed.push({ glyph: found.glyph, x: pen });
    pen += (found.glyph.advanceWidth ?? 0) * scale;
    previous = found;
  }
  return { placed, width: pen };
}

/** Width of a line of text at `size` px, with kerning. */
export function textWidth(text: string, size: number): number {
  return layout(text, size).width;
}

/** SVG path data for a line of text with its baseline at (x, y). Glyph by glyph: no shaping needed for these scripts. */
export function textPath(text: string, x: number, y: number, size: number): string {
  return textShape(text, x, y, size).d;
}

/** Pixel bounds of drawn ink, whole pixels, end exclusive. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * SVG path data for a line of text (as `textPath`) and the whole-pixel box its ink covers, with a
 * pixel to spare on every side for anti-aliasing, so the line can be drawn on its own small canvas.
 */
export function textShape(text: string, x: number, y: number, size: number): { d: string; box?: Box } {
  let d = "";
  let box: Box | undefined;
  for (const { glyph, x: dx } of layout(text, size).placed) {
    const path = glyph.getPath(x + dx, y, size);
    d += path.toPathData(1);
    if (path.commands.length === 0) continue;
    const b = path.getBoundingBox();
    const glyphBox = {
      left: Math.floor(b.x1) - 2,
      top: Math.floor(b.y1) - 2,
      right: Math.ceil(b.x2) + 2,
      bottom: Math.ceil(b.y2) + 2,
    };
    box = box ? unionBox(box, glyphBox) : glyphBox;
  }
  return { d, box };
}

/** The smallest box holding both. */
export function unionBox(a: Box, b: Box): Box {
  return {
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom),
  };
}

/** Greedy word wrap to `maxWidth`; a single word longer than a line stays whole (and is caught by the fit check). */
export function wrap(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest size (from `max` down to `min`, in 2 px steps) at which `text` wraps into at most
 * `maxLines` lines that all fit `maxWidth`. At `min`, lines past `maxLines` are cut with an ellipsis.
 */
export function fitText(
  text: string,
  maxWidth: number,
  maxLines: number,
  max: number,
  min: number,
): { size: number; lines: string[] } {
  for (let size = max; size >= min; size -= 2) {
    const lines = wrap(text, size, maxWidth);
    if (lines.length <= maxLines && lines.every((l) => textWidth(l, size) <= maxWidth))
      return { size, lines };
  }
  const lines = wrap(text, min, maxWidth).slice(0, maxLines);
  let last = lines[maxLines - 1] ?? "";
  while (last && textWidth(`${last}…`, min) > maxWidth) last = last.slice(0, -1).trimEnd();
  if (lines.length === maxLines) lines[maxLines - 1] = `${last}…`;
  return { size: min, lines };
}
