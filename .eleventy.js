// Eleventy wiring only: the pages, data and filters come from src/.
import clinicPages from "./src/render/eleventy-plugin.ts";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(clinicPages);
}

export const config = {
  dir: { input: "templates", includes: "_includes", output: "output" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
