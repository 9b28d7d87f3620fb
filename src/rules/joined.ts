/**
 * `parts` as one flat string. V8 keeps a string made with `+` or a template literal as a chain
 * of its pieces, several times the size of its characters; a plan of 100,000 pages holds about a
 * million strings every page keeps (URLs, headings, card text), so those are made with join,
 * which copies the characters into one string.
 */
export function joined(...parts: string[]): string {
  return parts.join("");
}
