// The contract between the templates and the audit, which reads only the built HTML: the data
// attributes templates put on the elements the audit looks for, and how a page says noindex.
// Templates reach the attribute names as the Nunjucks global `attr` (`<ul {{ attr.nearby }}>`).

/** Attribute names, not class names: styling can change without breaking the audit. */
export const pageAttributes = {
  /** On <body>, the page kind; pages are compared for uniqueness only within a kind. */
  kind: "data-page-kind",
  /** On the list of nearby places; a page must not list itself there. */
  nearby: "data-nearby",
  /** On the "Medically reviewed by … on <time>" byline of a condition page. */
  reviewed: "data-reviewed",
  /** On an evidence summary, the cited study's comparison ids, separated by spaces. */
  evidenceComparison: "data-evidence-comparison",
  /** On an evidence summary, "in" when the study covered the page's condition, else "out". */
  evidenceScope: "data-evidence-scope",
} as const;

/**
 * The robots tag of a page kept out of search, as templates/_includes/base.njk writes it for a
 * page planned as not indexable, in place of the canonical link.
 */
export const noindexTag = '<meta name="robots" content="noindex">';

/** The canonical link base.njk writes for an indexable page (`<link rel="canonical" href="…">`). */
export const canonicalLink = /<link rel="canonical" href="[^"]*">/;

/** True when a robots meta tag's content keeps the page out of search. */
export function isNoindex(robots: string | undefined): boolean {
  return /noindex/i.test(robots ?? "");
}
