import { noindexTag } from "../rules/page-markup.ts";

const canonicalLink = /<link rel="canonical" href="[^"]*">/;

/**
 * The same page kept out of search results: its canonical link becomes a robots noindex tag,
 * exactly what the layout writes for a page planned as not indexable (`p.indexable` false).
 */
export function noindexHtml(html: string): string {
  return html.replace(canonicalLink, noindexTag);
}
