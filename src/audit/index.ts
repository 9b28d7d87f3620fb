import type { Plan } from "../plan/index.ts";
import type { QualitySettings } from "../validate/site-schema.ts";
import type { AuditContext } from "./checks.ts";
import { analyzePage, type PageSummary } from "./page.ts";
import type { BuiltPage, Finding } from "./types.ts";
import { judgeUniqueness, type GateResult, type PageUniqueness } from "./uniqueness-gate.ts";

export type { BuiltPage, Finding } from "./types.ts";
export { formatFinding } from "../problems.ts";
export type { PageSummary } from "./page.ts";

export interface AuditOptions {
  origin: string;
  quality: QualitySettings;
  /** YYYY-MM-DD; review ages are measured against it. */
  today: string;
}

/** One page in the report. */
export interface PageReport {
  url: string;
  kind: string;
  title: string;
  indexable: boolean;
  /** Similarity to the most similar sibling (null: no sibling), unique share, local facts. */
  uniqueness?: PageUniqueness;
  files: string[];
  errors: number;
  warnings: number;
}

export interface AuditResult {
  findings: Finding[];
  pages: PageReport[];
  /** Pages published with noindex because they are too thin (quality.onThin: noindex). */
  noindexed: string[];
  /** Third-party host → number of pages loading something from it. */
  thirdPartyHosts: Record<string, number>;
}

function contextFor(pages: BuiltPage[], options: AuditOptions & { urls?: string[] }): AuditContext {
  return {
    origin: options.origin,
    urls: new Set(options.urls ?? pages.map((p) => p.url)),
    quality: options.quality,
    today: options.today,
  };
}

/** Audits the built pages on the main thread: reads only their HTML, then attaches the data files behind each page. */
export function auditSite(pages: BuiltPage[], plan: Plan, options: AuditOptions): AuditResult {
  const ctx = contextFor(pages, options);
  return summarize(
    pages.map((page) => analyzePage(page, ctx)),
    plan,
    options,
  );
}

/**
 * The site-wide checks over per-page summaries (which may come from worker threads). The
 * summaries' word arrays are handed to the uniqueness gate and emptied: run it once per set.
 */
export function summarize(summaries: PageSummary[], plan: Plan, options: AuditOptions): AuditResult {
  const findings: Finding[] = summaries.flatMap((s) => s.findings);
  findings.push(
    ...brokenAnchors(summaries),
    ...duplicates(summaries, "title"),
    ...duplicates(summaries, "description"),
  );
  const sources = new Map(plan.pages.map((p) => [p.url, p]));
  const gate = runGate(summaries, sources, options.quality);
  const noindexed = gate.noindexed;
  findings.push(...gate.findings);
  for (const f of findings) f.files ??= sources.get(f.page)?.sources;
  findings.sort((a, b) =>
    a.page < b.page ? -1 : a.page > b.page ? 1 : a.check < b.check ? -1 : a.check > b.check ? 1 : 0,
  );
  return {
    findings,
    pages: pageReports(summaries, gate, findings, sources, noindexed),
    noindexed,
    thirdPartyHosts: countHosts(summaries),
  };
}

function brokenAnchors(summaries: PageSummary[]): Finding[] {
  // Only pages that anchors point at need their ids as a set; a set for every page grows with the site.
  const targets = new Set(summaries.flatMap((s) => s.anchors.map((a) => a.path)));
  const ids = new Map(summaries.filter((s) => targets.has(s.url)).map((s) => [s.url, new Set(s.ids)]));
  return summaries.flatMap((s) =>
    s.anchors
      .filter((a) => !ids.get(a.path)?.has(a.anchor))
      .map((a) => ({
        check: "seo.anchor-broken",
        severity: "error" as const,
        page: s.url,
        message: `links to ${a.href}, but that page has no id "${a.anchor}"`,
      })),
  );
}

function duplicates(summaries: PageSummary[], field: "title" | "description"): Finding[] {
  const byValue = new Map<string, string[]>();
  for (const s of summaries) {
    const value = s[field];
    if (!value || !s.indexable) continue;
    const urls = byValue.get(value);
    if (urls) urls.push(s.url);
    else byValue.set(value, [s.url]);
  }
  return [...byValue.values()]
    .filter((urls) => urls.length > 1)
    .flatMap((urls) =>
      urls.map((url) => ({
        check: `seo.${field}-duplicate` as const,
        severity: "error" as const,
        page: url,
        message: `has the same ${field} as ${othersNamed(urls, url)}`,
        hint: `${field}s must be unique across the site; adjust the ${field} patterns or the names in the data`,
      })),
    );
}

/** The other pages of a group: the first few, then how many more (a group can hold thousands). */
function othersNamed(urls: string[], url: string, shown = 5): string {
  const named = urls
    .slice(0, shown + 1)
    .filter((u) => u !== url)
    .slice(0, shown);
  const more = urls.length - 1 - named.length;
  return more > 0 ? `${named.join(", ")} and ${more.toLocaleString("en-US")} other pages` : named.join(", ");
}

const released = new Uint32Array();

/** The uniqueness gate over the indexable pages, each with the data files it is built from. */
function runGate(
  summaries: PageSummary[],
  sources: Map<string, { sources: string[] }>,
  quality: QualitySettings,
): GateResult {
  const pages = summaries
    .filter((s) => s.indexable)
    .map((s) => ({
      url: s.url,
      kind: s.kind,
      sources: sources.get(s.url)?.sources ?? [],
      h1Text: s.h1Text,
      words: s.words,
      ...s.signals,
    }));
  // The summaries' word arrays are the gate's from here on: it releases them once shingled.
  for (const s of summaries) {
    s.words = released;
    s.signals = { ...s.signals, folded: released };
  }
  return judgeUniqueness(pages, { ...quality.uniqueness, onThin: quality.onThin }, { consume: true });
}

function pageReports(
  summaries: PageSummary[],
  gate: GateResult,
  findings: Finding[],
  sources: Map<string, { kind: string; sources: string[] }>,
  noindexed: string[],
): PageReport[] {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const f of findings) {
    const count = counts.get(f.page) ?? { errors: 0, warnings: 0 };
    if (f.severity === "error") count.errors++;
    else count.warnings++;
    counts.set(f.page, count);
  }
  const thin = new Set(noindexed);
  return summaries.map((s) => {
    const uniqueness = gate.pages.get(s.url);
    return {
      url: s.url,
      kind: sources.get(s.url)?.kind ?? "other",
      title: s.title ?? "",
      indexable: s.indexable && !thin.has(s.url),
      ...(uniqueness ? { uniqueness } : {}),
      files: sources.get(s.url)?.sources ?? [],
      ...(counts.get(s.url) ?? { errors: 0, warnings: 0 }),
    };
  });
}

function countHosts(summaries: PageSummary[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of summaries) for (const host of s.hosts) counts[host] = (counts[host] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}
