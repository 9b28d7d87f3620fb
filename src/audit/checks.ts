import type { QualitySettings } from "../validate/site-schema.ts";
import { isMedicalPage } from "./jsonld.ts";
import { evidenceWording } from "./evidence.ts";
import type { PageFacts } from "./parse.ts";
import type { CheckId } from "../problems.ts";
import { descriptionRange, titleMax } from "../rules/limits.ts";
import { isNoindex } from "../rules/page-markup.ts";
import type { Finding } from "./types.ts";
import { hashWord, wordHashes, words } from "./uniqueness.ts";

/** What the page checks need besides the page itself. */
export interface AuditContext {
  origin: string;
  /** Every built URL (paths such as /locations/ or /404.html). */
  urls: Set<string>;
  quality: QualitySettings;
  /** YYYY-MM-DD the review age is measured against. */
  today: string;
}

type Check = (url: string, page: PageFacts, ctx: AuditContext) => Finding[];

const finding = (
  check: CheckId,
  severity: Finding["severity"],
  page: string,
  message: string,
  hint?: string,
): Finding => ({ check, severity, page, message, hint });

const onPageSeo: Check = (url, page, ctx) => {
  const out: Finding[] = [];
  const indexable = !isNoindex(page.robots);
  if (page.h1Count !== 1)
    out.push(finding("seo.h1", "error", url, `has ${page.h1Count} h1 headings; a page needs exactly one`));
  if (!page.lang) out.push(finding("seo.lang", "error", url, "the html element has no lang attribute"));
  if (!page.title) out.push(finding("seo.title", "error", url, "has no title"));
  else if (indexable && page.title.length > titleMax)
    out.push(
      finding(
        "seo.title-length",
        "warning",
        url,
        `title is ${page.title.length} characters; search results show about ${titleMax}`,
        "add a shorter title pattern or shortName",
      ),
    );
  if (!page.description) out.push(finding("seo.description", "error", url, "has no meta description"));
  else if (
    indexable &&
    (page.description.length < descriptionRange[0] || page.description.length > descriptionRange[1])
  ) {
    out.push(
      finding(
        "seo.description-length",
        "warning",
        url,
        `description is ${page.description.length} characters; aim for ${descriptionRange[0]}–${descriptionRange[1]}`,
      ),
    );
  }
  if (indexable && (page.canonicals.length !== 1 || !page.canonicals[0]!.startsWith(`${ctx.origin}/`))) {
    out.push(
      finding(
        "seo.canonical",
        "error",
        url,
        `needs exactly one absolute canonical URL on ${ctx.origin}, found ${page.canonicals.length ? page.canonicals.join(", ") : "none"}`,
      ),
    );
  }
  return [...out, ...headingOrder(url, page), ...images(url, page)];
};

function headingOrder(url: string, page: PageFacts): Finding[] {
  const out: Finding[] = [];
  page.headings.forEach((level, i) => {
    const previous = i === 0 ? 0 : page.headings[i - 1]!;
    if (level > previous + 1)
      out.push(
        finding(
          "seo.heading-order",
          "error",
          url,
          `h${level} follows h${previous || "(none)"}; headings must not skip levels`,
          "use one level deeper than the heading above (in Markdown, start body headings at ##)",
        ),
      );
  });
  return out;
}

function images(url: string, page: PageFacts): Finding[] {
  return page.images.flatMap((img) => [
    ...(img.alt === undefined
      ? [
          finding(
            "seo.img-alt",
            "error",
            url,
            `image ${img.src} has no alt attribute`,
            'describe the image, or use alt="" if it is decorative',
          ),
        ]
      : []),
    ...(!img.width || !img.height
      ? [
          finding(
            "seo.img-size",
            "error",
            url,
            `image ${img.src} has no width and height`,
            "set both so the page does not shift while loading",
          ),
        ]
      : []),
  ]);
}

/** Resolves an internal href against the page URL; undefined for other origins and schemes. */
export function internalTarget(
  href: string,
  pageUrl: string,
  origin: string,
): { path: string; anchor?: string } | undefined {
  if (href.startsWith("/") && !href.startsWith("//") && !/[%\\.]/.test(href)) {
    // Fast path for the common root-relative link; anything unusual goes through URL below.
    const [pathAndQuery, anchor] = href.split("#", 2) as [string, string | undefined];
    return { path: pathAndQuery.split("?", 1)[0]!, anchor: anchor || undefined };
  }
  if (/^(tel|mailto|sms|javascript|data):/i.test(href)) return undefined;
  const resolved = new URL(href, `${origin}${pageUrl}`);
  if (resolved.origin !== new URL(origin).origin) return undefined;
  return {
    path: decodeURI(resolved.pathname),
    anchor: resolved.hash ? decodeURIComponent(resolved.hash.slice(1)) : undefined,
  };
}

function resolveLink(
  href: string,
  url: string,
  ctx: AuditContext,
): { path?: string; anchor?: string } | undefined {
  const target = internalTarget(href, url, ctx.origin);
  if (!target) return undefined;
  const path = ctx.urls.has(target.path)
    ? target.path
    : ctx.urls.has(`${target.path}/`)
      ? `${target.path}/`
      : undefined;
  return { path, anchor: target.anchor };
}

/** Internal links resolve to built pages; same-page anchors exist; no page lists itself as nearby. */
const links: Check = (url, page, ctx) =>
  page.links.flatMap((link) => {
    const target = resolveLink(link.href, url, ctx);
    if (!target) return [];
    if (!target.path)
      return [finding("seo.link-broken", "error", url, `links to ${link.href}, which is not a built page`)];
    if (target.anchor && target.path === url && !page.ids.has(target.anchor))
      return [
        finding(
          "seo.anchor-broken",
          "error",
          url,
          `links to ${link.href}, but this page has no id "${target.anchor}"`,
        ),
      ];
    if (link.nearby && target.path === url)
      return [finding("seo.nearby-self", "error", url, "lists itself as a nearby location")];
    return [];
  });

/** Links to anchors on other pages, to verify once every page's ids are known. */
export function anchorLinks(
  url: string,
  page: PageFacts,
  ctx: AuditContext,
): Array<{ href: string; path: string; anchor: string }> {
  return page.links.flatMap((link) => {
    const target = resolveLink(link.href, url, ctx);
    return target?.path && target.anchor && target.path !== url
      ? [{ href: link.href, path: target.path, anchor: target.anchor }]
      : [];
  });
}

function claimPattern(phrases: string[]): RegExp {
  const escaped = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

const patterns = new Map<string, { pattern: RegExp; words: number[][] }>();

const claims: Check = (url, page, ctx) => {
  const { phrases, allowInCitations } = ctx.quality.claims;
  const text = allowInCitations ? page.mainTextWithoutCitations : page.mainText;
  // Cheap prefilter: most pages contain no phrase with all of its words.
  const key = phrases.join("\n");
  const compiled = patterns.get(key) ?? {
    pattern: claimPattern(phrases),
    words: phrases.map((p) => words(p).map(hashWord)),
  };
  patterns.set(key, compiled);
  const present = new Set(page.mainWords ?? wordHashes(page.mainText));
  if (!compiled.words.some((ws) => ws.every((w) => present.has(w)))) return [];
  const pattern = compiled.pattern;
  return [...text.matchAll(pattern)].map((m) => {
    const context = text
      .slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 40)
      .replace(/\s+/g, " ")
      .trim();
    return finding(
      "medical.claim",
      "error",
      url,
      `makes an unsupported claim: "${m[0]}" in "…${context}…"`,
      'rephrase with what the evidence supports (for example "may help", "studies found")',
    );
  });
};

/** Whole months from `from` to `to` (both YYYY-MM-DD), counting a month only once its day is reached. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

const medicalReview: Check = (url, page, ctx) => {
  if (!isMedicalPage(page.graph)) return [];
  const out: Finding[] = [];
  if (!page.reviewed || !/reviewed by/i.test(page.reviewed.text))
    out.push(
      finding(
        "medical.reviewer",
        "error",
        url,
        'shows no "Medically reviewed by" byline',
        "set reviewer in the condition file",
      ),
    );
  const date = page.reviewed?.datetime;
  if (!date)
    out.push(
      finding(
        "medical.review-date",
        "error",
        url,
        "shows no review date",
        "set lastReviewed in the condition file",
      ),
    );
  else if (monthsBetween(date, ctx.today) >= ctx.quality.reviewMaxAgeMonths) {
    out.push(
      finding(
        "medical.review-stale",
        "error",
        url,
        `was last reviewed on ${date}, more than ${ctx.quality.reviewMaxAgeMonths} months before ${ctx.today}`,
        "have the reviewer check the copy and update lastReviewed",
      ),
    );
  }
  if (page.citations === 0)
    out.push(
      finding(
        "medical.citation",
        "error",
        url,
        "cites no published study",
        "add evidence with a citation to the condition file",
      ),
    );
  return out;
};

/** Hosts of resources a page loads from somewhere other than the site itself. */
export function thirdPartyHosts(page: PageFacts, url: string, origin: string): string[] {
  const own = new URL(origin).host;
  const hosts = page.loads.flatMap((load) => {
    if (!/^(https?:)?\/\//i.test(load.url)) return [];
    const host = new URL(load.url, `${origin}${url}`).host;
    return host === own ? [] : [host];
  });
  return [...new Set(hosts)].sort();
}

const privacy: Check = (url, page, ctx) => {
  if (!isMedicalPage(page.graph)) return [];
  return thirdPartyHosts(page, url, ctx.origin)
    .filter((host) => !ctx.quality.thirdPartyHosts.includes(host))
    .map((host) =>
      finding(
        "privacy.third-party",
        "error",
        url,
        `loads a script, pixel, frame or file from ${host} on a condition page`,
        "health-privacy guidance treats trackers on condition pages as a risk; remove it, or list the host in site.yaml quality.thirdPartyHosts",
      ),
    );
};

/** Every check that looks at one page at a time. */
export const pageChecks: Check[] = [onPageSeo, links, claims, evidenceWording, medicalReview, privacy];
