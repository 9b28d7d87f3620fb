// Eleventy wiring for `npm start` only: the preview composition of the build's stages
// (src/build/preview.ts) with the render stage (src/render/) inside Eleventy's server.
import { previewOutput, settings } from "./src/render/eleventy-settings.js";

export default async function (eleventyConfig) {
  // Imported lazily: Eleventy's watcher cannot parse TypeScript imports.
  const { default: preview } = await import("./src/build/preview.ts");
  preview(eleventyConfig);
}

export const config = { ...settings, dir: { ...settings.dir, input: "templates", output: previewOutput } };
