// How a cited study's authors are written, the same on the page and in its structured data
// (the graph shows only what the page shows).

/**
 * More than six authors are shortened to the first three and "et al." (AMA style), so a long
 * author list does not crowd the summary.
 */
export function shortAuthors(authors: string): string {
  const names = authors.split(",").map((name) => name.trim());
  return names.length > 6 ? `${names.slice(0, 3).join(", ")}, et al` : authors.replace(/\.$/, "");
}
