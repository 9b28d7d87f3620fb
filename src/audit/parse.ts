import { Parser } from "htmlparser2";

/** What the audit needs to know about one built page, read in a single pass over its HTML. */
export interface PageFacts {
  /** The template's page kind, from `<body data-page-kind>`; pages are compared only within a kind. */
  kind: string;
  lang?: string;
  title?: string;
  description?: string;
  canonicals: string[];
  robots?: string;
  h1Count: number;
  /** Text of the first h1. */
  h1Text: string;
  headings: number[];
  images: Array<{ src: string; alt: string | undefined; width?: string; height?: string }>;
  links: Array<{ href: string; nearby: boolean }>;
  ids: Set<string>;
  /** Resources the browser loads: scripts, images, frames, stylesheets, media. */
  loads: Array<{ tag: string; url: string }>;
  /** Text of <main>, without navigation, asides, scripts and styles. */
  mainText: string;
  /** The same text with <cite> contents (study titles) left out. */
  mainTextWithoutCitations: string;
  jsonLd: string[];
  reviewed?: { text: string; datetime?: string };
  citations: number;
}

const skippedInMain = new Set(["nav", "aside", "script", "style", "template", "noscript"]);
const voidTags = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** Parses a page's HTML into the facts the checks use. */
export function parsePage(html: string): PageFacts {
  const facts: PageFacts = { kind: "", canonicals: [], h1Count: 0, h1Text: "", headings: [], images: [], links: [], ids: new Set(), loads: [], mainText: "", mainTextWithoutCitations: "", jsonLd: [], citations: 0 };
  const stack: Array<{ tag: string; classes: string[] }> = [];
  const main: string[] = [];
  const mainNoCite: string[] = [];
  let title = "";
  let script = "";
  let reviewed: { text: string; datetime?: string } | undefined;
  const inside = (predicate: (e: { tag: string; classes: string[] }) => boolean) => stack.some(predicate);
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        const classes = (attrs.class ?? "").split(/\s+/);
        if (!voidTags.has(tag)) stack.push({ tag, classes });
        openTag(facts, tag, attrs, inside((e) => e.classes.includes("nearby")));
        if (classes.includes("reviewed")) reviewed = { text: "" };
        if (tag === "time" && reviewed && attrs.datetime && inside((e) => e.classes.includes("reviewed"))) reviewed.datetime = attrs.datetime;
        if (tag === "cite" && inside((e) => e.tag === "main")) facts.citations++;
      },
      ontext(text) {
        const top = stack[stack.length - 1]?.tag;
        if (top === "title") title += text;
        if (facts.h1Count === 1 && inside((e) => e.tag === "h1")) facts.h1Text += text;
        if (top === "script" && stack.some((e) => e.classes.includes("__jsonld"))) script += text;
        if (reviewed && inside((e) => e.classes.includes("reviewed"))) reviewed.text += text;
        if (inside((e) => e.tag === "main") && !inside((e) => skippedInMain.has(e.tag))) {
          main.push(text);
          if (!inside((e) => e.tag === "cite")) mainNoCite.push(text);
        }
      },
      onclosetag(tag) {
        if (voidTags.has(tag)) return;
        const open = stack.pop();
        if (open?.classes.includes("__jsonld")) (facts.jsonLd.push(script), (script = ""));
        if (["p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "address", "section"].includes(tag)) (main.push(" "), mainNoCite.push(" "));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  // JSON-LD scripts are marked so their text is collected whatever their attributes' order.
  parser.write(html.replace(/<script type="application\/ld\+json"/g, '<script class="__jsonld" type="application/ld+json"'));
  parser.end();
  facts.title = title.trim() || undefined;
  facts.mainText = normalizeSpace(main.join(""));
  facts.mainTextWithoutCitations = normalizeSpace(mainNoCite.join(""));
  if (reviewed) facts.reviewed = { ...reviewed, text: normalizeSpace(reviewed.text) };
  return facts;
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function openTag(facts: PageFacts, tag: string, attrs: Record<string, string>, nearby: boolean): void {
  if (attrs.id) facts.ids.add(attrs.id);
  if (tag === "html" && attrs.lang) facts.lang = attrs.lang;
  if (tag === "body") facts.kind = attrs["data-page-kind"] ?? "";
  if (tag === "meta" && attrs.name === "description") facts.description = attrs.content;
  if (tag === "meta" && attrs.name === "robots") facts.robots = attrs.content;
  if (tag === "link" && attrs.rel === "canonical") facts.canonicals.push(attrs.href ?? "");
  if (tag === "h1") facts.h1Count++;
  if (/^h[1-6]$/.test(tag)) facts.headings.push(Number(tag[1]));
  if (tag === "a" && attrs.href !== undefined) facts.links.push({ href: attrs.href, nearby });
  if (tag === "img") facts.images.push({ src: attrs.src ?? "", alt: attrs.alt, width: attrs.width, height: attrs.height });
  const loaded = tag === "link" && /stylesheet|preload|modulepreload|icon/.test(attrs.rel ?? "") ? attrs.href : ["script", "img", "iframe", "audio", "video", "source", "embed"].includes(tag) ? attrs.src : undefined;
  if (loaded) facts.loads.push({ tag, url: loaded });
}
