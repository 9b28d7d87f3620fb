import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { formatFinding, type AuditResult } from "../audit/index.ts";
import type { NotBuilt } from "../plan/index.ts";
import type { QualitySettings } from "../validate/site-schema.ts";
import { jsonPieces, writePieces } from "./json-file.ts";

/** The machine-readable build report (report/report.json). Field names are a stable interface. */
function reportObject(
  audit: AuditResult,
  quality: QualitySettings,
  notBuilt: NotBuilt[],
): Record<string, unknown> {
  const errors = audit.findings.filter((f) => f.severity === "error").length;
  const scores = audit.pages
    .flatMap((p) =>
      p.uniqueness?.similarity !== undefined && p.uniqueness.similarity !== null
        ? [p.uniqueness.similarity]
        : [],
    )
    .sort((a, b) => a - b);
  const status = gateStatusCounts(audit);
  const report = {
    schema: "clinic-pages/report@2",
    summary: {
      pages: audit.pages.length,
      indexable: audit.pages.filter((p) => p.indexable).length,
      noindexed: audit.noindexed.length,
      errors,
      warnings: audit.findings.length - errors,
      uniqueness: {
        highestSimilarity: scores[scores.length - 1] ?? null,
        medianSimilarity: scores[Math.floor(scores.length / 2)] ?? null,
        noSibling: status.noSibling,
        refused: status.refused,
        warned: status.warn,
      },
    },
    settings: {
      uniqueness: quality.uniqueness,
      onThin: quality.onThin,
      reviewMaxAgeMonths: quality.reviewMaxAgeMonths,
      thirdPartyHosts: quality.thirdPartyHosts,
    },
    thirdPartyHosts: audit.thirdPartyHosts,
    pages: audit.pages,
    findings: audit.findings,
    /** Offered condition × location combinations the page policy did not build, with what would warrant them. */
    notBuilt,
  };
  return report;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Pages by the gate's verdict: the histogram's colours and the summary's totals both come from here. */
function gateStatusCounts(audit: AuditResult): {
  ok: number;
  warn: number;
  refused: number;
  noSibling: number;
} {
  const counts = { ok: 0, warn: 0, refused: 0, noSibling: 0 };
  for (const page of audit.pages) {
    if (!page.uniqueness) continue;
    counts[page.uniqueness.status]++;
    if (page.uniqueness.similarity === null) counts.noSibling++;
  }
  return counts;
}

const statusClass = { ok: "ok", warn: "warn", refused: "bad" } as const;

/** Pages by similarity to their closest sibling, each bar split by the gate's verdict on those pages. */
function histogram(audit: AuditResult): string {
  const rows = Array.from({ length: 11 }, () => ({ ok: 0, warn: 0, refused: 0 }));
  for (const page of audit.pages) {
    const u = page.uniqueness;
    if (!u) continue;
    const row = u.similarity === null ? 10 : Math.min(9, Math.floor(u.similarity * 10));
    rows[row]![u.status]++;
  }
  const most = Math.max(1, ...rows.map((r) => r.ok + r.warn + r.refused));
  const cells = rows.map((r, i) => {
    const label = i === 10 ? "no sibling" : `${i * 10}–${i * 10 + 10}%`;
    const bars = (["ok", "warn", "refused"] as const)
      .filter((s) => r[s] > 0)
      .map(
        (s) =>
          `<span class="bar ${statusClass[s]}" style="width:${Math.max(1, Math.round((r[s] / most) * 85))}%" title="${r[s]} ${s}"></span>`,
      )
      .join("");
    const detail = (["warn", "refused"] as const)
      .filter((s) => r[s] > 0)
      .map((s) => `${r[s]} ${s === "warn" ? "warned" : "refused"}`);
    return `<tr><th scope="row">${label}</th><td>${bars} ${r.ok + r.warn + r.refused}${detail.length ? ` (${detail.join(", ")})` : ""}</td></tr>`;
  });
  return `<table class="histogram"><caption>Pages by similarity to their closest sibling (green passes, orange is warned, red is refused)</caption><tbody>${cells.join("")}</tbody></table>`;
}

function* pageTable(audit: AuditResult): Generator<string> {
  const row = (p: AuditResult["pages"][number]) => {
    const u = p.uniqueness;
    const similarity =
      u?.similarity === undefined || u.similarity === null ? "" : `${Math.round(u.similarity * 100)}`;
    const shown = !u
      ? ""
      : u.similarity === null
        ? "no sibling"
        : `${similarity}%${u.signal === "synonyms" ? " (synonyms)" : ""}`;
    const unique = u ? `${Math.round(u.unique * 100)}` : "";
    return `<tr><td><a href="${escapeHtml(p.url)}">${escapeHtml(p.url)}</a></td><td>${escapeHtml(p.kind)}</td><td data-sort="${similarity || -1}">${shown}</td><td>${u?.similarTo ? escapeHtml(u.similarTo) : ""}</td><td data-sort="${unique || -1}">${unique && `${unique}%`}</td><td data-sort="${u?.localFacts ?? -1}">${u?.localFacts ?? ""}</td><td>${p.errors}</td><td>${p.warnings}</td><td>${p.indexable ? "yes" : "no"}</td></tr>`;
  };
  const head = [
    "Page",
    "Kind",
    "Similarity",
    "Closest sibling",
    "Found on no other page",
    "Local facts",
    "Errors",
    "Warnings",
    "Indexed",
  ].map((h, i) => `<th scope="col"><button type="button" data-column="${i}">${h}</button></th>`);
  yield `<table class="pages" id="pages"><caption>Every page (select a column heading to sort)</caption><thead><tr>${head.join("")}</tr></thead><tbody>`;
  for (const page of audit.pages) yield row(page);
  yield "</tbody></table>";
}

/** One item per cause, led by the file that can fix it. */
function* thinPages(audit: AuditResult): Generator<string> {
  const thin = audit.findings.filter((f) => f.check.startsWith("uniqueness."));
  if (thin.length === 0) return yield "<p>No page is refused or warned by the uniqueness gate.</p>";
  const item = (f: (typeof thin)[number]) => {
    const file = f.files?.length
      ? `<code>${f.files.map(escapeHtml).join("</code> or <code>")}</code>`
      : escapeHtml(f.page);
    const label =
      f.severity === "error" ? "refused" : f.check === "uniqueness.similar" ? "warning" : "noindex";
    return `<li><strong>${file}</strong> (${label}, ${escapeHtml(f.check)}): ${escapeHtml(f.message)}. To fix, ${escapeHtml(f.hint ?? "")}.</li>`;
  };
  yield* listOf(thin, item);
}

/** `<ul>` with one `<li>` piece per item. */
function* listOf<T>(items: T[], item: (value: T) => string): Generator<string> {
  yield "<ul>";
  for (const value of items) yield item(value);
  yield "</ul>";
}

const sortScript = `document.querySelectorAll("#pages button").forEach(function (b) {
  b.addEventListener("click", function () {
    var col = +b.dataset.column, body = document.querySelector("#pages tbody"), rows = Array.from(body.rows);
    var dir = b.dataset.dir === "asc" ? -1 : 1; b.dataset.dir = dir === 1 ? "asc" : "desc";
    rows.sort(function (x, y) {
      var a = x.cells[col], c = y.cells[col], av = a.dataset.sort || a.textContent, cv = c.dataset.sort || c.textContent;
      var n = parseFloat(av) - parseFloat(cv);
      return dir * (isNaN(n) ? av.localeCompare(cv) : n);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});`;

function gateSummary(audit: AuditResult, quality: QualitySettings): string {
  const c = gateStatusCounts(audit);
  const u = quality.uniqueness;
  const action = quality.onThin === "noindex" ? "refused pages get noindex" : "refused pages fail the build";
  return `${c.refused} pages refused, ${c.warn} warned, ${c.ok} pass (${c.noSibling} without a sibling). Near-duplicate at ${Math.round(u.fail * 100)}% similarity, warning at ${Math.round(u.warn * 100)}%, at least ${u.minLocalFacts} local facts per place; ${action}.`;
}

/** The human-readable report (output/_report/index.html): summary, histogram, thin pages, sortable table, findings. */
/** The combinations not built, grouped by location file, each with the data that would warrant it. */
function notBuiltList(notBuilt: NotBuilt[]): string {
  if (notBuilt.length === 0) return "<p>Every offered condition has a page in every place.</p>";
  const byFile = new Map<string, NotBuilt[]>();
  for (const item of notBuilt) {
    const items = byFile.get(item.file);
    if (items) items.push(item);
    else byFile.set(item.file, [item]);
  }
  const rows = [...byFile.entries()].map(
    ([file, items]) =>
      `<li><strong>${escapeHtml(file)}</strong>: ${items.map((i) => escapeHtml(i.condition)).join(", ")}. To build one, add <code>conditionNotes</code> for it or a local question with <code>condition:</code> set to it.</li>`,
  );
  return `<p>${notBuilt.length} condition × location pages were not built: the place has no clinic offering the condition, no local note and no local question about it. Their city pages link to the condition's guide instead.</p><ul>${rows.join("")}</ul>`;
}

function* reportHtml(
  audit: AuditResult,
  quality: QualitySettings,
  siteName: string,
  notBuilt: NotBuilt[],
): Generator<string> {
  const errors = audit.findings.filter((f) => f.severity === "error");
  const warnings = audit.findings.filter((f) => f.severity === "warning");
  const list = (items: typeof errors) =>
    items.length === 0 ? ["<p>None.</p>"] : listOf(items, (f) => `<li>${escapeHtml(formatFinding(f))}</li>`);
  const hosts = Object.entries(audit.thirdPartyHosts);
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Build report: ${escapeHtml(siteName)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 1.5rem;color:#1d2a30;line-height:1.5}
table{border-collapse:collapse;margin:1rem 0}th,td{text-align:left;padding:.25rem .75rem;border-bottom:1px solid #c9d8dc;vertical-align:top}
caption{text-align:left;font-weight:700;padding-bottom:.25rem}.summary td{font-weight:700}
.histogram td{width:30rem;white-space:nowrap}.bar{display:inline-block;height:.9rem;vertical-align:middle}.ok{background:#2a7f62}.warn{background:#b7791f}.bad{background:#b42318}
.pages button{font:inherit;font-weight:700;border:0;background:none;padding:0;cursor:pointer;text-decoration:underline}
:focus-visible{outline:3px solid #c2410c;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>Build report: ${escapeHtml(siteName)}</h1>
<table class="summary"><caption>Summary</caption><tbody>
<tr><th scope="row">Pages</th><td>${audit.pages.length}</td></tr>
<tr><th scope="row">In the sitemap</th><td>${audit.pages.filter((p) => p.indexable).length}</td></tr>
<tr><th scope="row">Published with noindex (thin)</th><td>${audit.noindexed.length}</td></tr>
<tr><th scope="row">Errors</th><td>${errors.length}</td></tr>
<tr><th scope="row">Warnings</th><td>${warnings.length}</td></tr>
<tr><th scope="row">Uniqueness gate</th><td>${gateSummary(audit, quality)}</td></tr>
</tbody></table>
<h2>Uniqueness</h2>
${histogram(audit)}
<h2>Thin pages and how to fix them</h2>
`;
  yield* thinPages(audit);
  yield `
<h2>Errors</h2>
`;
  yield* list(errors);
  yield `
<h2>Warnings</h2>
`;
  yield* list(warnings);
  yield `
<h2>Condition × location pages not built</h2>
${notBuiltList(notBuilt)}
<h2>Third-party hosts</h2>
${hosts.length === 0 ? "<p>No page loads anything from another host.</p>" : `<ul>${hosts.map(([h, n]) => `<li>${escapeHtml(h)}: ${n} pages</li>`).join("")}</ul>`}
<h2>Pages</h2>
`;
  yield* pageTable(audit);
  yield `
</main>
<script>
${sortScript}
</script>
</body>
</html>
`;
}

/** Writes report.json and index.html into `dir`, streamed: memory does not grow with the report. */
export function writeReport(
  dir: string,
  audit: AuditResult,
  quality: QualitySettings,
  siteName: string,
  notBuilt: NotBuilt[] = [],
): void {
  mkdirSync(dir, { recursive: true });
  writePieces(join(dir, "report.json"), jsonPieces(reportObject(audit, quality, notBuilt)));
  writePieces(join(dir, "index.html"), reportHtml(audit, quality, siteName, notBuilt));
}
