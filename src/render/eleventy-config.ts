import clinicPages from "./eleventy-plugin.ts";

/**
 * Eleventy configuration shared by `npm run build` (which sets input and output itself)
 * and `.eleventy.js` (which adds the folders for `npm start`).
 */
export default function eleventyConfig(config: Parameters<typeof clinicPages>[0] & { addPlugin(plugin: unknown): void }): void {
  config.addPlugin(clinicPages);
}

export const config = {
  dir: { includes: "_includes" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
