// Static Eleventy settings shared by `npm run build` and `npm start` (plain JavaScript so that
// Eleventy's watcher, which parses config imports as JavaScript, can read it).
export const settings = {
  dir: { includes: "_includes" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};

// `npm start` renders here, never into output/: a preview (with its error banner while data is
// broken) must not be deployable. Relative to the project folder.
export const previewOutput = ".cache/clinic-pages/preview";
