// Eleventy wiring for `npm start` only: the preview's data and the templates' wiring come from src/.
import { settings } from "./src/render/eleventy-settings.js";

export default async function (eleventyConfig) {
  // Imported lazily: Eleventy's watcher cannot parse TypeScript imports.
  const { previewConfig } = await import("./src/pipeline/preview.ts");
  previewConfig(eleventyConfig);
}

export const config = { ...settings, dir: { ...settings.dir, input: "templates", output: "output" } };
