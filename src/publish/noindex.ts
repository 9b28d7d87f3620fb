import { canonicalLink, noindexTag } from "../rules/page-markup.ts";

/**
 * The same page kept out of search results: its canonical link becomes a robots noindex tag,
 * exactly what the layout writes for a page planned as not indexable (`p.indexable` false).
 * Used only where noindex cannot be decided before rendering: a staging build (its pages are
 * checked as they would be published) and thin pages (known only once every page is summarized).
 */
export function noindexHtml(html: string): string {
  if (html.includes(noindexTag)) return html;
  const patched = html.replace(canonicalLink, noindexTag);
  // Our bug, not the user's: a layout that no longer writes the canonical link as page-markup.ts
  // says would otherwise leave a staging or thin page open to search engines, silently.
  if (patched === html)
    throw new Error("noindexHtml: the page has neither a canonical link nor a robots noindex tag");
  return patched;
}
