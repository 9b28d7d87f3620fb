import { anchorLinks, pageChecks, thirdPartyHosts, type AuditContext } from "./checks.ts";
import { isNoindex } from "../rules/page-markup.ts";
import { auditJsonLd } from "./jsonld.ts";
import { parsePage } from "./parse.ts";
import type { BuiltPage, Finding } from "./types.ts";
import { wordHashes } from "./uniqueness.ts";
import { pageSignals, type PageSignals } from "./uniqueness-text.ts";

/** What the site-wide checks keep of a page once its own checks have run: small and transferable. */
export interface PageSummary {
  url: string;
  kind: string;
  title?: string;
  description?: string;
  indexable: boolean;
  h1Text: string;
  ids: string[];
  /** Links to anchors on other pages, verified once every page is known. */
  anchors: Array<{ href: string; path: string; anchor: string }>;
  hosts: string[];
  /** Hashes of the main text's words, in order, for the uniqueness measure. */
  words: Uint32Array;
  /** Folded words, specific facts and generic paragraphs, for the uniqueness gate. */
  signals: PageSignals;
  findings: Finding[];
}

/** Parses one page and runs every check that needs only that page. */
export function analyzePage(page: BuiltPage, ctx: AuditContext): PageSummary {
  const facts = parsePage(page.html);
  facts.mainWords = wordHashes(facts.mainText);
  return {
    url: page.url,
    kind: facts.kind,
    title: facts.title,
    description: facts.description,
    indexable: !isNoindex(facts.robots),
    h1Text: facts.h1Text,
    ids: [...facts.ids],
    anchors: anchorLinks(page.url, facts, ctx),
    hosts: thirdPartyHosts(facts, page.url, ctx.origin),
    words: facts.mainWords,
    signals: pageSignals(facts.mainText, facts.h1Text),
    findings: [
      ...auditJsonLd(page.url, facts.graph),
      ...pageChecks.flatMap((check) => check(page.url, facts, ctx)),
    ],
  };
}
