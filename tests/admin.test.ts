import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../src/build/build.ts";
import { editorFiles, sveltiaPackage } from "../src/cms/admin.ts";
import { copyFixture, edit } from "./helpers.ts";

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function buildSite(options: { staging?: boolean; change?: (siteYaml: string) => string } = {}) {
  const root = copyFixture();
  const dir = mkdtempSync(join(tmpdir(), "clinic-admin-"));
  temps.push(root, dir);
  if (options.change) edit(root, "site.yaml", options.change);
  const out = join(dir, "output");
  await build({
    root,
    outDir: out,
    staging: options.staging,
    today: "2026-11-25",
  });
  return out;
}

describe("/admin/ (Sveltia CMS) in the built site", () => {
  it("a staging build has the editor, served from the site with its generated config", async () => {
    const out = await buildSite({ staging: true });
    const html = readFileSync(join(out, "admin/index.html"), "utf8");
    expect(html).toContain('<script type="module" src="editor.js"></script>');
    expect(html).toContain('<link href="config.json" type="application/json" rel="cms-config-url">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(readFileSync(join(out, "admin/editor.js"), "utf8")).toContain('from "./sveltia/index.js"');
    const { build } = sveltiaPackage();
    const files = editorFiles(build);
    expect(files).toContain("index.js");
    expect(files.some((f) => f.endsWith(".woff2"))).toBe(true);
    for (const file of files)
      expect(readFileSync(join(out, "admin/sveltia", file)).equals(readFileSync(join(build, file)))).toBe(
        true,
      );
    const copied = readdirSync(join(out, "admin"), { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    );
    expect(copied.filter((e) => e.name.endsWith(".map"))).toEqual([]);
    const config = JSON.parse(readFileSync(join(out, "admin/config.json"), "utf8"));
    expect(config.collections.map((c: { name: string }) => c.name)).toEqual([
      "locations",
      "conditions",
      "settings",
    ]);
    expect(config.site_url).toBe("https://clinic.test");
  });

  it("a production build has no /admin/ unless site.yaml enables it", async () => {
    const plain = await buildSite();
    expect(existsSync(join(plain, "admin"))).toBe(false);
    expect(readFileSync(join(plain, "robots.txt"), "utf8")).toContain("Disallow: /admin/");

    const enabled = await buildSite({
      change: (t) =>
        `${t}\ncms:\n  production: true\n  backend: { name: github, repo: harborlight/clinic-site, branch: main }\n`,
    });
    const config = JSON.parse(readFileSync(join(enabled, "admin/config.json"), "utf8"));
    expect(config.backend).toEqual({ name: "github", repo: "harborlight/clinic-site", branch: "main" });
    const manifest = JSON.parse(readFileSync(join(enabled, "../report/manifest.json"), "utf8"));
    expect(manifest.files["admin/index.html"]).toMatch(/^[0-9a-f]{64}$/);
  });
});
