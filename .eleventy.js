// Eleventy wiring for `npm start` only: the preview (src/build/preview.ts) loads the data and
// uses render's templates, filters and stylesheet.
import { previewOutput, settings } from "./src/render/eleventy-settings.js";

export default async function (eleventyConfig) {
  // Imported lazily: Eleventy's watcher cannot parse TypeScript imports.
  const { default: previewPlugin } = await import("./src/build/preview.ts");
  previewPlugin(eleventyConfig);
}

export const config = { ...settings, dir: { ...settings.dir, input: "templates", output: previewOutput } };
