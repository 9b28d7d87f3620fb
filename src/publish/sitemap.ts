import { byCodePoint } from "../plan/order.ts";
import { adminFolder } from "../cms/admin.ts";
import { latestDate, type Page } from "../plan/index.ts";

/** Google's limit per sitemap file; larger sites get a sitemap index. */
export const urlsPerSitemap = 50_000;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function urlSet(pages: Page[]): string {
  const entries = pages.map(
    (p) =>
      `<url><loc>${escapeXml(p.canonical)}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ""}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

/**
 * Sitemap files for the indexable pages, sorted by URL so output is stable.
 * One `sitemap.xml`, or past 50,000 URLs a `sitemap.xml` index over `sitemap-N.xml` parts.
 */
export function buildSitemaps(pages: Page[], origin: string): Map<string, string> {
  const listed = pages.filter((p) => p.indexable).sort((a, b) => byCodePoint(a.url, b.url));
  if (listed.length <= urlsPerSitemap) return new Map([["sitemap.xml", urlSet(listed)]]);
  const chunks: Page[][] = [];
  for (let i = 0; i < listed.length; i += urlsPerSitemap) chunks.push(listed.slice(i, i + urlsPerSitemap));
  return sitemapIndex(chunks, origin);
}

/** One sitemap per shard (`sitemap-1.xml` …) and a sitemap index over them in `sitemap.xml`. */
export function buildShardSitemaps(pages: Page[], origin: string, shards: string[][]): Map<string, string> {
  const chunks = shards.map((urls) => {
    const members = new Set(urls);
    return pages.filter((p) => members.has(p.url)).sort((a, b) => byCodePoint(a.url, b.url));
  });
  return sitemapIndex(chunks, origin);
}

/** `sitemap-N.xml` per chunk of pages, and `sitemap.xml` indexing them with their latest lastmod. */
function sitemapIndex(chunks: Page[][], origin: string): Map<string, string> {
  const files = new Map<string, string>();
  const parts = chunks.map((chunk, i) => {
    const name = `sitemap-${i + 1}.xml`;
    files.set(name, urlSet(chunk));
    const lastmod = latestDate(chunk.map((p) => p.lastmod));
    return `<sitemap><loc>${escapeXml(`${origin}/${name}`)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</sitemap>`;
  });
  files.set(
    "sitemap.xml",
    `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.join("\n")}\n</sitemapindex>\n`,
  );
  return files;
}

/** robots.txt that allows crawling and names the sitemap; the editor at /admin/ (when published) is left out. */
export function buildRobots(origin: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /${adminFolder}/\n\nSitemap: ${origin}/sitemap.xml\n`;
}
