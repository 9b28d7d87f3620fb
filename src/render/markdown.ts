import MarkdownIt from "markdown-it";

/**
 * Markdown from data files. Raw HTML is off, so `<script>` in copy renders as text;
 * markdown-it also refuses javascript: and data: links.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: true });

/**
 * Renders Markdown with its headings shifted so the highest one becomes `<h{top}>`,
 * keeping the page's heading outline in order under the section it appears in.
 */
export function renderMarkdown(source: string, top = 3): string {
  if (source.trim() === "") return "";
  const tokens = md.parse(source, {});
  const levels = tokens.filter((t) => t.type === "heading_open").map((t) => Number(t.tag.slice(1)));
  const shift = levels.length === 0 ? 0 : top - Math.min(...levels);
  for (const token of tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + shift)}`;
    }
  }
  return md.renderer.render(tokens, md.options, {});
}

/** Renders one paragraph of inline Markdown (emphasis, links) without a wrapping `<p>`. */
export function renderInline(source: string): string {
  return md.renderInline(source);
}
