import { Parser } from "htmlparser2";
import { pageAttributes } from "../rules/page-markup.ts";
import { readGraph, type PageGraph } from "./jsonld.ts";
import { evidenceAttributes, type EvidenceSummary } from "./evidence.ts";

/** What the audit needs to know about one built page, read in a single pass over its HTML. */
export interface PageFacts {
  /** The template's page kind, from `<body data-page-kind>` (pageAttributes.kind); pages are compared only within a kind. */
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
  /** Text of <main>, without navigation, nearby lists, asides, scripts and styles; blocks end with a newline. */
  mainText: string;
  /** The same text with <cite> contents (study titles) left out. */
  mainTextWithoutCitations: string;
  /** Hashes of the words of mainText, in order (filled in by the audit). */
  mainWords?: Uint32Array;
  jsonLd: string[];
  /** The JSON-LD parsed once: what the page says it is (a MedicalWebPage is a condition page). */
  graph: PageGraph;
  reviewed?: { text: string; datetime?: string };
  citations: number;
  /** Evidence summaries, with the cited study's comparison and scope from the evidence macro. */
  evidence: EvidenceSummary[];
}

// An inline SVG map's labels and <title> are a picture's text, written out beside it: not copy, not the page title.
const skippedInMain = new Set(["nav", "aside", "script", "style", "template", "noscript", "svg"]);
const voidTags = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
const blockTags = new Set([
  "p",
  "li",
  "dt",
  "dd",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "td",
  "th",
  "address",
  "section",
  "div",
  "br",
]);
const loadingTags = new Set(["script", "img", "iframe", "audio", "video", "source", "embed"]);

/** Depth counters for the regions the audit cares about, so each text node costs O(1). */
interface Regions {
  main: number;
  skipped: number;
  cite: number;
  nearby: number;
  reviewed: number;
  h1: number;
  title: number;
  jsonLd: number;
  evidence: number;
}

type Flag = keyof Regions;

function flagsFor(tag: string, attrs: Record<string, string>): Flag[] {
  const flags: Flag[] = [];
  if (tag === "main") flags.push("main");
  if (skippedInMain.has(tag)) flags.push("skipped");
  if (tag === "cite") flags.push("cite");
  if (tag === "h1") flags.push("h1");
  if (tag === "title") flags.push("title");
  if (tag === "script" && attrs.type === "application/ld+json") flags.push("jsonLd");
  if (pageAttributes.nearby in attrs) flags.push("nearby");
  if (pageAttributes.reviewed in attrs) flags.push("reviewed");
  if (attrs[evidenceAttributes.comparison] !== undefined) flags.push("evidence");
  return flags;
}

/** Parses a page's HTML into the facts the checks use. */
export function parsePage(html: string): PageFacts {
  const facts: PageFacts = {
    kind: "",
    canonicals: [],
    h1Count: 0,
    h1Text: "",
    headings: [],
    images: [],
    links: [],
    ids: new Set(),
    loads: [],
    mainText: "",
    mainTextWithoutCitations: "",
    jsonLd: [],
    graph: { nodes: [] },
    citations: 0,
    evidence: [],
  };
  const inside: Regions = {
    main: 0,
    skipped: 0,
    cite: 0,
    nearby: 0,
    reviewed: 0,
    h1: 0,
    title: 0,
    jsonLd: 0,
    evidence: 0,
  };
  const stack: Flag[][] = [];
  const main: string[] = [];
  const mainNoCite: string[] = [];
  let title = "";
  let script = "";
  let reviewedText = "";
  let reviewedDate: string | undefined;
  let sawReviewed = false;
  /** Block boundaries separate words in the collected text. */
  // Paragraph ends stay visible to the uniqueness gate, which measures paragraphs.
  const breakWords = () => {
    main.push("\n");
    mainNoCite.push("\n");
  };
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        openTag(facts, tag, attrs, inside.nearby > 0);
        if (tag === "h1" && facts.h1Count === 1) facts.h1Text = "";
        if (tag === "time" && inside.reviewed > 0 && attrs.datetime) reviewedDate = attrs.datetime;
        if (tag === "cite" && inside.main > 0) facts.citations++;
        if (blockTags.has(tag)) breakWords();
        if (voidTags.has(tag)) return;
        const flags = flagsFor(tag, attrs);
        for (const flag of flags) inside[flag]++;
        if (flags.includes("reviewed")) sawReviewed = true;
        if (flags.includes("evidence")) facts.evidence.push(evidenceSummary(attrs));
        stack.push(flags);
      },
      ontext(text) {
        if (inside.title > 0 && inside.skipped === 0) title += text;
        if (inside.jsonLd > 0) script += text;
        if (inside.h1 > 0 && facts.h1Count === 1) facts.h1Text += text;
        if (inside.reviewed > 0) reviewedText += text;
        if (inside.evidence > 0) facts.evidence.at(-1)!.claim += text;
        // Lists of nearby places are navigation: the same names on every page around them.
        if (inside.main > 0 && inside.skipped === 0 && inside.nearby === 0) {
          main.push(text);
          if (inside.cite === 0) mainNoCite.push(text);
        }
      },
      onclosetag(tag) {
        if (voidTags.has(tag)) return;
        const flags = stack.pop() ?? [];
        for (const flag of flags) inside[flag]--;
        if (flags.includes("jsonLd")) {
          facts.jsonLd.push(script);
          script = "";
        }
        if (blockTags.has(tag)) breakWords();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  facts.title = title.trim() || undefined;
  facts.h1Text = normalizeSpace(facts.h1Text);
  // Left with their original whitespace: word splitting and the claim patterns do not need it normalized.
  facts.mainText = main.join("");
  facts.mainTextWithoutCitations = mainNoCite.join("");
  facts.graph = readGraph(facts.jsonLd);
  if (sawReviewed) facts.reviewed = { text: normalizeSpace(reviewedText), datetime: reviewedDate };
  return facts;
}

function evidenceSummary(attrs: Record<string, string>): EvidenceSummary {
  const comparison = (attrs[evidenceAttributes.comparison] ?? "").split(/\s+/).filter(Boolean);
  return { claim: "", comparison, inScope: attrs[evidenceAttributes.scope] !== "out" };
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function openTag(facts: PageFacts, tag: string, attrs: Record<string, string>, nearby: boolean): void {
  if (attrs.id) facts.ids.add(attrs.id);
  switch (tag) {
    case "html":
      if (attrs.lang) facts.lang = attrs.lang;
      break;
    case "body":
      facts.kind = attrs[pageAttributes.kind] ?? "";
      break;
    case "meta":
      if (attrs.name === "description") facts.description = attrs.content;
      if (attrs.name === "robots") facts.robots = attrs.content;
      break;
    case "link":
      if (attrs.rel === "canonical") facts.canonicals.push(attrs.href ?? "");
      if (attrs.href && /stylesheet|preload|modulepreload|icon/.test(attrs.rel ?? ""))
        facts.loads.push({ tag, url: attrs.href });
      break;
    case "a":
      if (attrs.href !== undefined) facts.links.push({ href: attrs.href, nearby });
      break;
    case "img":
      facts.images.push({ src: attrs.src ?? "", alt: attrs.alt, width: attrs.width, height: attrs.height });
      break;
  }
  if (tag.length === 2 && tag[0] === "h" && tag[1]! >= "1" && tag[1]! <= "6") {
    facts.headings.push(Number(tag[1]));
    if (tag === "h1") facts.h1Count++;
  }
  if (loadingTags.has(tag) && attrs.src) facts.loads.push({ tag, url: attrs.src });
}
