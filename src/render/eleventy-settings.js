// Static Eleventy settings shared by `npm run build` and `npm start` (plain JavaScript so that
// Eleventy's watcher, which parses config imports as JavaScript, can read it).
export const settings = {
  dir: { includes: "_includes" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
