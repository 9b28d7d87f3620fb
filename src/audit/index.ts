import type { Plan } from "../plan/index.ts";
import type { QualitySettings } from "../validate/site-schema.ts";
import { pageChecks, thirdPartyHosts, type AuditContext } from "./checks.ts";
import { auditJsonLd } from "./jsonld.ts";
import { parsePage, type PageFacts } from "./parse.ts";
import type { BuiltPage, Finding } from "./types.ts";
import { headingMasks, mostSimilar, shingles, signature } from "./uniqueness.ts";

export type { BuiltPage, Finding } from "./types.ts";

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

/** Audits the built pages: reads only their HTML, then attaches the data files behind each page. */
export function auditSite(pages: BuiltPage[], plan: Plan, options: AuditOptions): AuditResult {
  const facts = pages.map((page) => parsePage(page.html));
  const ctx: AuditContext = {
    origin: options.origin,
    urls: new Set(pages.map((p) => p.url)),
    ids: new Map(pages.map((p, i) => [p.url, facts[i]!.ids])),
    quality: options.quality,
    today: options.today,
  };
  const findings: Finding[] = pages.flatMap((page, i) => [...auditJsonLd(page), ...pageChecks.flatMap((check) => check(page.url, facts[i]!, ctx))]);
  const indexable = pages.map((_, i) => !/noindex/i.test(facts[i]!.robots ?? ""));
  findings.push(...duplicates(pages, facts, indexable, "title"), ...duplicates(pages, facts, indexable, "description"));
  const similarity = uniquenessOf(pages, facts, indexable);
  const { thinFindings, noindexed } = judgeUniqueness(pages, similarity, options.quality);
  findings.push(...thinFindings);
  const sources = new Map(plan.pages.map((p) => [p.url, p]));
  for (const f of findings) f.files ??= sources.get(f.page)?.sources;
  findings.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : a.check < b.check ? -1 : a.check > b.check ? 1 : 0));
  return {
    findings,
    pages: pageReports(pages, facts, indexable, similarity, findings, sources, noindexed),
    noindexed,
    thirdPartyHosts: countHosts(pages, facts, options.origin),
  };
}

function duplicates(pages: BuiltPage[], facts: PageFacts[], indexable: boolean[], field: "title" | "description"): Finding[] {
  const byValue = new Map<string, string[]>();
  facts.forEach((f, i) => {
    const value = f[field];
    if (value && indexable[i]) byValue.set(value, [...(byValue.get(value) ?? []), pages[i]!.url]);
  });
  return [...byValue.values()]
    .filter((urls) => urls.length > 1)
    .flatMap((urls) => urls.map((url) => ({ check: `seo.${field}-duplicate`, severity: "error" as const, page: url, message: `has the same ${field} as ${urls.filter((u) => u !== url).join(", ")}`, hint: `${field}s must be unique across the site; adjust the ${field} patterns or the names in the data` })));
}

interface Scored {
  score: number;
  similarTo?: string;
}

/** Uniqueness of every indexable page against its most similar sibling of the same kind. */
function uniquenessOf(pages: BuiltPage[], facts: PageFacts[], indexable: boolean[]): Map<string, Scored> {
  const byKind = new Map<string, number[]>();
  pages.forEach((_, i) => {
    if (indexable[i]) byKind.set(facts[i]!.kind, [...(byKind.get(facts[i]!.kind) ?? []), i]);
  });
  const scores = new Map<string, Scored>();
  for (const members of byKind.values()) {
    const masks = headingMasks(members.map((i) => facts[i]!.h1Text));
    const sets = members.map((i, k) => shingles(facts[i]!.mainText, masks[k]));
    mostSimilar(sets, sets.map(signature)).forEach((result, k) => {
      const similarTo = result.similarTo === undefined ? undefined : pages[members[result.similarTo]!]!.url;
      scores.set(pages[members[k]!]!.url, { score: result.score, similarTo });
    });
  }
  return scores;
}

function judgeUniqueness(pages: BuiltPage[], similarity: Map<string, Scored>, quality: QualitySettings) {
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

function pageReports(pages: BuiltPage[], facts: PageFacts[], indexable: boolean[], similarity: Map<string, Scored>, findings: Finding[], sources: Map<string, { kind: string; sources: string[] }>, noindexed: string[]): PageReport[] {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const f of findings) {
    const count = counts.get(f.page) ?? { errors: 0, warnings: 0 };
    if (f.severity === "error") count.errors++;
    else count.warnings++;
    counts.set(f.page, count);
  }
  const thin = new Set(noindexed);
  return pages.map((page, i) => {
    const scored = similarity.get(page.url);
    return {
      url: page.url,
      kind: sources.get(page.url)?.kind ?? "other",
      title: facts[i]!.title ?? "",
      indexable: indexable[i]! && !thin.has(page.url),
      ...(scored ? { uniqueness: { score: Math.round(scored.score * 1000) / 1000, ...(scored.similarTo ? { similarTo: scored.similarTo } : {}) } } : {}),
      files: sources.get(page.url)?.sources ?? [],
      ...(counts.get(page.url) ?? { errors: 0, warnings: 0 }),
    };
  });
}

function countHosts(pages: BuiltPage[], facts: PageFacts[], origin: string): Record<string, number> {
  const counts: Record<string, number> = {};
  pages.forEach((page, i) => {
    for (const host of thirdPartyHosts(facts[i]!, page.url, origin)) counts[host] = (counts[host] ?? 0) + 1;
  });
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** `/path/ @graph[3].geo: message [check] — hint — edit file` */
export function formatFinding(finding: Finding): string {
  const where = finding.path ? ` ${finding.path}` : "";
  const files = finding.files?.length ? ` — edit ${finding.files.join(" or ")}` : "";
  const hint = finding.hint ? ` — ${finding.hint}` : "";
  return `${finding.page}${where}: ${finding.message} [${finding.check}]${hint}${files}`;
}
