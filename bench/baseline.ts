import Eleventy from "@11ty/eleventy";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The baseline: bare Eleventy 3 rendering `count` pages of about 18 KB from one Nunjucks
 * pagination template, with no data loading, validation, planning or structured data.
 * Usage: tsx bench/baseline.ts COUNT WORKDIR
 */
const [count = "10000", work = ".cache/bench/baseline"] = process.argv.slice(2);
const input = join(work, "input");
rmSync(work, { recursive: true, force: true });
mkdirSync(input, { recursive: true });

const paragraph =
  "Acupuncture care for back, nerve and neck pain, written once and repeated to reach the size of a real landing page. ".repeat(
    8,
  );
writeFileSync(
  join(input, "page.njk"),
  `---
pagination:
  data: items
  size: 1
  alias: item
permalink: "/{{ item.slug }}/"
eleventyExcludeFromCollections: true
---
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ item.title }}</title></head><body>
<h1>{{ item.title }}</h1>
{% for i in range(0, 18) %}<h2>Section {{ i }} for {{ item.title }}</h2><p>{{ paragraph }}</p>{% endfor %}
</body></html>
`,
);

// An empty config file of its own, so the project's .eleventy.js is not picked up.
writeFileSync(join(work, "eleventy.config.mjs"), "export default function () {}\n");

const items = Array.from({ length: Number(count) }, (_, i) => ({
  slug: `page-${i}`,
  title: `Landing page number ${i}`,
}));
const elev = new Eleventy(input, join(work, "output"), {
  quietMode: true,
  configPath: join(work, "eleventy.config.mjs"),
  config(config: { addGlobalData(name: string, value: unknown): void; setUseGitIgnore(use: boolean): void }) {
    // The work folder sits under .cache/, which .gitignore lists and Eleventy would skip.
    config.setUseGitIgnore(false);
    config.addGlobalData("items", () => items);
    config.addGlobalData("paragraph", paragraph);
  },
});
await elev.write();
