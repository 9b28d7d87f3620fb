import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The Hugo baseline: a Hugo site with `count` content files rendered through one layout to
 * pages of the same size as bare Eleventy's (bench/baseline.ts). Writes the site; bench/main.ts
 * times `hugo --quiet` on it. Usage: tsx bench/hugo.ts COUNT WORKDIR
 */
export function writeHugoSite(count: number, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "content", "pages"), { recursive: true });
  mkdirSync(join(dir, "layouts", "_default"), { recursive: true });
  writeFileSync(
    join(dir, "config.toml"),
    'baseURL = "https://bench.example/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section"]\n',
  );
  const paragraph =
    "Acupuncture care for back, nerve and neck pain, written once and repeated to reach the size of a real landing page. ".repeat(
      8,
    );
  const sections = Array.from(
    { length: 18 },
    (_, i) => `<h2>Section ${i} for {{ .Title }}</h2><p>${paragraph}</p>`,
  ).join("\n");
  writeFileSync(
    join(dir, "layouts", "_default", "single.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>\n<h1>{{ .Title }}</h1>\n${sections}\n</body></html>\n`,
  );
  for (let i = 0; i < count; i++) {
    writeFileSync(
      join(dir, "content", "pages", `page-${i}.md`),
      `---\ntitle: "Landing page number ${i}"\nurl: "/page-${i}/"\n---\n`,
    );
  }
}

/** How to get Hugo when it is missing, printed by the bench (which then runs the other baselines). */
export const installHugo =
  "Hugo is not installed, so the Hugo baseline is skipped. Install it with: sudo apt-get install hugo (Debian/Ubuntu), brew install hugo (macOS), or see https://gohugo.io/installation/";
