import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Model } from "../validate/index.ts";
import { cmsConfig } from "./config.ts";

/** The folder of the built site that holds the editor: /admin/. */
export const adminFolder = "admin";

const require = createRequire(import.meta.url);

/** Sveltia CMS as installed from npm (pinned by package-lock.json), never fetched from a CDN. */
export function sveltiaScript(): { path: string; version: string } {
  const root = join(dirname(require.resolve("@sveltia/cms")), "..");
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  return { path: join(root, "dist", "sveltia-cms.js"), version };
}

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
<!-- Sveltia CMS ${escapeHtml(version)}, copied from node_modules/@sveltia/cms by clinic-pages. -->
<script src="sveltia-cms.js"></script>
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

/** Writes /admin/ (page, generated config, the editor's script) into a built site folder. */
export function writeAdmin(siteDir: string, model: Model, origin: string): void {
  const dir = join(siteDir, adminFolder);
  mkdirSync(dir, { recursive: true });
  const script = sveltiaScript();
  writeFileSync(join(dir, "index.html"), adminHtml(model.site.organization.name, script.version));
  writeFileSync(join(dir, "config.json"), `${JSON.stringify(cmsConfig(model, origin), null, 2)}\n`);
  const target = join(dir, "sveltia-cms.js");
  // The preview rewrites /admin/ on every save; the 2 MB script is copied only when it differs.
  if (!existsSync(target) || statSync(target).size !== statSync(script.path).size) copyFileSync(script.path, target);
}
