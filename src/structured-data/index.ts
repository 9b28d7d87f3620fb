import type { Page } from "../plan/index.ts";
import { buildGraph } from "./graph.ts";
import type { GraphInput } from "./input.ts";

/**
 * Serializes JSON for a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 become
 * `\uXXXX` escapes, so no data string can close the element or start a comment.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The page's one JSON-LD block, ready to place in `<head>`. */
export function structuredDataScript(page: Page, data: GraphInput): string {
  return `<script type="application/ld+json">${serializeJsonLd(buildGraph(page, data))}</script>`;
}
