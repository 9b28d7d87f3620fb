import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import opentype from "opentype.js";

/**
 * Text for social cards is drawn as SVG paths from a font that ships with the project
 * (DejaVu Sans Bold, from the dejavu-fonts-ttf package), so cards look the same on every
 * machine whatever fonts it has installed.
 */
let cached: opentype.Font | undefined;

export function cardFont(): opentype.Font {
  if (!cached) {
    const file = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
    const bytes = readFileSync(file);
    cached = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }
  return cached;
}

/** Width of a line of text at `size` px, with kerning. */
export function textWidth(text: string, size: number, font = cardFont()): number {
  const scale = size / font.unitsPerEm;
  let width = 0;
  let previous: opentype.Glyph | undefined;
  for (const ch of text) {
    const glyph = font.charToGlyph(ch);
    if (previous) width += font.getKerningValue(previous, glyph) * scale;
    width += (glyph.advanceWidth ?? 0) * scale;
    previous = glyph;
  }
  return width;
}

/** SVG path data for a line of text with its baseline at (x, y). Glyph by glyph: no shaping needed for these scripts. */
export function textPath(text: string, x: number, y: number, size: number, font = cardFont()): string {
  const scale = size / font.unitsPerEm;
  let pen = x;
  let previous: opentype.Glyph | undefined;
  const parts: string[] = [];
  for (const ch of text) {
    const glyph = font.charToGlyph(ch);
    if (previous) pen += font.getKerningValue(previous, glyph) * scale;
    parts.push(glyph.getPath(pen, y, size).toPathData(1));
    pen += (glyph.advanceWidth ?? 0) * scale;
    previous = glyph;
  }
  return parts.join("");
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
export function fitText(text: string, maxWidth: number, maxLines: number, max: number, min: number): { size: number; lines: string[] } {
  for (let size = max; size >= min; size -= 2) {
    const lines = wrap(text, size, maxWidth);
    if (lines.length <= maxLines && lines.every((l) => textWidth(l, size) <= maxWidth)) return { size, lines };
  }
  const lines = wrap(text, min, maxWidth).slice(0, maxLines);
  let last = lines[maxLines - 1] ?? "";
  while (last && textWidth(`${last}…`, min) > maxWidth) last = last.slice(0, -1).trimEnd();
  if (lines.length === maxLines) lines[maxLines - 1] = `${last}…`;
  return { size: min, lines };
}
