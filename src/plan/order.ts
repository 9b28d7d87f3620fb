/**
 * The one order for everything that reaches the output (sitemaps, nearby lists, hours): Unicode
 * code-point order, the same on every machine. `localeCompare` without a locale follows the
 * user's LC_ALL/LANG (under cs_CZ "ch" sorts after "h"), so a build would differ between machines.
 */
export function byCodePoint(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      // codePointAt reads a whole surrogate pair, so characters above U+FFFF sort after U+FFFF.
      return a.codePointAt(i)! < b.codePointAt(i)! ? -1 : 1;
    }
  }
  return a.length - b.length;
}
