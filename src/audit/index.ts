import type { Plan } from "../plan/index.ts";
import type { QualitySettings } from "../validate/site-schema.ts";
import type { AuditContext } from "./checks.ts";
import { analyzePage, type PageSummary } from "./page.ts";
import { analyzePages } from "./parallel.ts";
import type { BuiltPage, Finding } from "./types.ts";
import { hashWord, headingMasks, mostSimilar, shinglesOf, signature } from "./uniqueness.ts";

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
  /** Share of unique 5-word shingles against the most similar page, and that page. */
  uniqueness?: { score: number; similarTo?: string };
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
  return { origin: options.origin, urls: new Set(options.urls ?? pages.map((p) => p.url)), quality: options.quality, today: options.today };
}

/** Audits the built pages on the main thread: reads only their HTML, then attaches the data files behind each page. */
export function auditSite(pages: BuiltPage[], plan: Plan, options: AuditOptions): AuditResult {
  const ctx = contextFor(pages, options);
  return summarize(pages.map((page) => analyzePage(page, ctx)), plan, options);
}

/**
 * The per-page half of the audit alone, for a shard: links are checked against every planned
 * URL (`urls`), and the site-wide checks wait for `combine`.
 */
export async function analyzeShard(pages: BuiltPage[], options: AuditOptions & { urls: string[]; threads?: number }): Promise<PageSummary[]> {
  return analyzePages(pages, contextFor(pages, options), options.threads);
}

/** The same audit with the per-page work spread over worker threads (large sites). */
export async function auditSiteParallel(pages: BuiltPage[], plan: Plan, options: AuditOptions & { threads?: number }): Promise<AuditResult> {
  return summarize(await analyzePages(pages, contextFor(pages, options), options.threads), plan, options);
}

/** The site-wide checks over per-page summaries (which may come from worker threads). */
export function summarize(summaries: PageSummary[], plan: Plan, options: AuditOptions): AuditResult {
  const findings: Finding[] = summaries.flatMap((s) => s.findings);
  findings.push(...brokenAnchors(summaries), ...duplicates(summaries, "title"), ...duplicates(summaries, "description"));
  const similarity = uniquenessOf(summaries);
  const { thinFindings, noindexed } = judgeUniqueness(summaries, similarity, options.quality);
  findings.push(...thinFindings);
  const sources = new Map(plan.pages.map((p) => [p.url, p]));
  for (const f of findings) f.files ??= sources.get(f.page)?.sources;
  findings.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : a.check < b.check ? -1 : a.check > b.check ? 1 : 0));
  return {
    findings,
    pages: pageReports(summaries, similarity, findings, sources, noindexed),
    noindexed,
    thirdPartyHosts: countHosts(summaries),
  };
}

function brokenAnchors(summaries: PageSummary[]): Finding[] {
  const ids = new Map(summaries.map((s) => [s.url, new Set(s.ids)]));
  return summaries.flatMap((s) =>
    s.anchors
      .filter((a) => !ids.get(a.path)?.has(a.anchor))
      .map((a) => ({ check: "seo.anchor-broken", severity: "error" as const, page: s.url, message: `links to ${a.href}, but that page has no id "${a.anchor}"` })),
  );
}

function duplicates(summaries: PageSummary[], field: "title" | "description"): Finding[] {
  const byValue = new Map<string, string[]>();
  for (const s of summaries) {
    const value = s[field];
    if (value && s.indexable) byValue.set(value, [...(byValue.get(value) ?? []), s.url]);
  }
  return [...byValue.values()]
    .filter((urls) => urls.length > 1)
    .flatMap((urls) => urls.map((url) => ({ check: `seo.${field}-duplicate` as const, severity: "error" as const, page: url, message: `has the same ${field} as ${urls.filter((u) => u !== url).join(", ")}`, hint: `${field}s must be unique across the site; adjust the ${field} patterns or the names in the data` })));
}

interface Scored {
  score: number;
  similarTo?: string;
}

/** Uniqueness of every indexable page against its most similar sibling of the same kind. */
function uniquenessOf(summaries: PageSummary[]): Map<string, Scored> {
  const byKind = new Map<string, PageSummary[]>();
  for (const s of summaries) if (s.indexable) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  const scores = new Map<string, Scored>();
  for (const members of byKind.values()) {
    const masks = headingMasks(members.map((s) => s.h1Text)).map((mask) => new Set([...mask].map(hashWord)));
    const sets = members.map((s, k) => shinglesOf(s.words, masks[k]));
    mostSimilar(sets, sets.map(signature)).forEach((result, k) => {
      scores.set(members[k]!.url, { score: result.score, similarTo: result.similarTo === undefined ? undefined : members[result.similarTo]!.url });
    });
  }
  return scores;
}

function judgeUniqueness(pages: PageSummary[], similarity: Map<string, Scored>, quality: QualitySettings) {
  const thinFindings: Finding[] = [];
  const noindexed: string[] = [];
  for (const page of pages) {
    const scored = similarity.get(page.url);
    if (!scored || scored.score >= quality.uniqueness.warn) continue;
    const percent = `${Math.floor(scored.score * 100)}%`;
    const versus = scored.similarTo ? ` against ${scored.similarTo}` : "";
    const hint = "add facts only this place has: local copy in the location file's body, conditionNotes for this condition, neighborhoods, landmarks, directions and local questions";
    if (scored.score >= quality.uniqueness.min) {
      thinFindings.push({ check: "uniqueness.low", severity: "warning", page: page.url, message: `only ${percent} of its text is unique${versus} (warning below ${Math.round(quality.uniqueness.warn * 100)}%)`, hint });
    } else if (quality.onThin === "noindex") {
      noindexed.push(page.url);
      thinFindings.push({ check: "uniqueness.thin", severity: "warning", page: page.url, message: `only ${percent} of its text is unique${versus}; published with noindex and left out of the sitemap`, hint });
    } else {
      thinFindings.push({ check: "uniqueness.thin", severity: "error", page: page.url, message: `only ${percent} of its text is unique${versus} (minimum ${Math.round(quality.uniqueness.min * 100)}%): a near-duplicate city page reads as a doorway page`, hint });
    }
  }
  return { thinFindings, noindexed };
}

function pageReports(summaries: PageSummary[], similarity: Map<string, Scored>, findings: Finding[], sources: Map<string, { kind: string; sources: string[] }>, noindexed: string[]): PageReport[] {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const f of findings) {
    const count = counts.get(f.page) ?? { errors: 0, warnings: 0 };
    if (f.severity === "error") count.errors++;
    else count.warnings++;
    counts.set(f.page, count);
  }
  const thin = new Set(noindexed);
  return summaries.map((s) => {
    const scored = similarity.get(s.url);
    return {
      url: s.url,
      kind: sources.get(s.url)?.kind ?? "other",
      title: s.title ?? "",
      indexable: s.indexable && !thin.has(s.url),
      ...(scored ? { uniqueness: { score: Math.round(scored.score * 1000) / 1000, ...(scored.similarTo ? { similarTo: scored.similarTo } : {}) } } : {}),
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
