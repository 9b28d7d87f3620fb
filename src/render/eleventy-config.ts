import { packagePath } from "../rules/package-paths.ts";
import { nunjucksEnvironment } from "./nunjucks.ts";
import { settings } from "./eleventy-settings.js";

/** The part of Eleventy's configuration API the render wiring uses. */
export interface RenderConfig {
  setLibrary(engine: string, library: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
}

/**
 * Wires clinic-pages' rendering into Eleventy: the one Nunjucks environment (loader, options,
 * filters, globals), shared with the chunked build, and the stylesheet. The pages' data, the
 * `cp` global, comes from whoever runs Eleventy: the build or the preview.
 */
export function renderPlugin(eleventyConfig: RenderConfig): void {
  eleventyConfig.setLibrary("njk", nunjucksEnvironment());
  eleventyConfig.addPassthroughCopy({ [packagePath("templates/assets")]: "assets" });
}

/** Eleventy configuration used by `npm run build`, which sets input, output and `cp` itself. */
export default function eleventyConfig(config: RenderConfig & { addPlugin(plugin: unknown): void }): void {
  config.addPlugin(renderPlugin);
}

export const config = settings;
