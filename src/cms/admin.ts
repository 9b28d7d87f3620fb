import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Model } from "../validate/index.ts";
import { cmsConfig } from "./config.ts";

/** The folder of the built site that holds the editor: /admin/. */
export const adminFolder = "admin";

const require = createRequire(import.meta.url);

/** Where the editor's own files go inside /admin/ (the package's npm/ build, minus source maps). */
export const editorFolder = "sveltia";

/**
 * Sveltia CMS as installed from npm (pinned by package-lock.json), never fetched from a CDN.
 * `npm/` is the package's module build: unlike the one-file `dist/` build, it loads its fonts
 * from `npm/assets/` beside it and has no update check against unpkg.com.
 */
export function sveltiaPackage(): { root: string; build: string; version: string } {
  const root = join(dirname(require.resolve("@sveltia/cms")), "..");
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string })
    .version;
  return { root, build: join(root, "npm"), version };
}

/**
 * The files of the npm build the browser can ask for, relative to `npm/`: the entry, its chunks
 * and its assets (fonts, image codecs, map marker) with the fonts' licences. Source maps are
 * left out (10 MB the editor never needs).
 */
export function editorFiles(build: string): string[] {
  const files = ["index.js"];
  for (const folder of ["chunks", "assets"]) {
    const names = readdirSync(join(build, folder)).filter((name) => !name.endsWith(".map"));
    files.push(...names.sort().map((name) => `${folder}/${name}`));
  }
  return files;
}

/**
 * Hosts of the Git services' public status pages. Sveltia polls the one of the configured backend
 * every five minutes (even in local-folder mode) to show an outage banner, and its config has no
 * switch for it; the entry module answers those polls as failed, so the editor asks no host but
 * the site and, once signed in, the Git host itself.
 */
export const statusPageHosts = ["www.githubstatus.com", "status.gitlab.com", "status-api.hostedstatus.com"];

/** The module that starts the editor; init() reads the config from the page's cms-config-url link. */
export const editorEntry = `// Starts Sveltia CMS from its npm build in ./${editorFolder}/ (copied there by clinic-pages).
import { init } from "./${editorFolder}/index.js";

// Sveltia checks the Git host's status page for outages; the editor talks to no other host, so
// those checks fail here at once and Sveltia shows no banner.
const statusPages = ${JSON.stringify(statusPageHosts)};
const networkFetch = window.fetch.bind(window);
window.fetch = (input, options) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  if (!statusPages.includes(url.hostname)) return networkFetch(input, options);
  return Promise.reject(new TypeError(\`\${url.hostname} is not asked\`));
};

init();
`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The page that loads the editor; its config comes from config.json beside it. */
export function adminHtml(siteName: string, version: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Edit pages: ${escapeHtml(siteName)}</title>
<link href="config.json" type="application/json" rel="cms-config-url">
</head>
<body>
<!-- Sveltia CMS ${escapeHtml(version)}, copied from node_modules/@sveltia/cms/npm by clinic-pages. -->
<script type="module" src="editor.js"></script>
</body>
</html>
`;
}

/**
 * Which builds get /admin/: staging builds and the preview always, production builds only when
 * site.yaml sets `cms.production: true` (an editor on a public site is an invitation to try it).
 */
export function wantsAdmin(model: Model, staging: boolean): boolean {
  return staging || model.site.cms?.production === true;
}

/**
 * Copies the editor's files into `dir`, each only when missing or of another size (the preview
 * rewrites /admin/ on every save; the files are 5 MB), and removes files an older Sveltia left.
 */
function copyEditor(dir: string): void {
  const { root, build } = sveltiaPackage();
  const files = editorFiles(build);
  const wanted = new Set([...files, "LICENSE.txt"]);
  for (const folder of ["", "chunks", "assets"]) {
    if (!existsSync(join(dir, folder))) continue;
    for (const entry of readdirSync(join(dir, folder), { withFileTypes: true })) {
      const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isFile() && !wanted.has(path)) rmSync(join(dir, path));
    }
  }
  const copies: Array<[string, string]> = files.map((file) => [join(build, file), join(dir, file)]);
  copies.push([join(root, "LICENSE.txt"), join(dir, "LICENSE.txt")]);
  for (const [from, to] of copies) {
    mkdirSync(dirname(to), { recursive: true });
    if (!existsSync(to) || statSync(to).size !== statSync(from).size) copyFileSync(from, to);
  }
}

/** Writes /admin/ (page, entry module, generated config, the editor's files) into a built site folder. */
export function writeAdmin(siteDir: string, model: Model, origin: string): void {
  const dir = join(siteDir, adminFolder);
  mkdirSync(dir, { recursive: true });
  // Left by builds before the editor moved to the npm build.
  rmSync(join(dir, "sveltia-cms.js"), { force: true });
  writeFileSync(join(dir, "index.html"), adminHtml(model.site.organization.name, sveltiaPackage().version));
  writeFileSync(join(dir, "editor.js"), editorEntry);
  writeFileSync(join(dir, "config.json"), `${JSON.stringify(cmsConfig(model, origin), null, 2)}\n`);
  copyEditor(join(dir, editorFolder));
}
