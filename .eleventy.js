// Eleventy wiring for `npm start` only: pages, data and filters come from src/render/.
import { previewOutput, settings } from "./src/render/eleventy-settings.js";

export default async function (eleventyConfig) {
  // Imported lazily: Eleventy's watcher cannot parse TypeScript imports.
  const { default: clinicPages } = await import("./src/render/eleventy-config.ts");
  clinicPages(eleventyConfig);
}

export const config = { ...settings, dir: { ...settings.dir, input: "templates", output: previewOutput } };
