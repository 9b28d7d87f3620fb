import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatFinding, type AuditResult } from "../audit/index.ts";
import type { NotBuilt } from "../plan/index.ts";
import type { QualitySettings } from "../validate/site-schema.ts";

/** The machine-readable build report (output/_report/report.json). Field names are a stable interface. */
export function reportJson(audit: AuditResult, quality: QualitySettings, notBuilt: NotBuilt[] = []): string {
  const errors = audit.findings.filter((f) => f.severity === "error").length;
  const scores = audit.pages.flatMap((p) => (p.uniqueness ? [p.uniqueness.score] : [])).sort((a, b) => a - b);
  const report = {
    schema: "clinic-pages/report@1",
    summary: {
      pages: audit.pages.length,
      indexable: audit.pages.filter((p) => p.indexable).length,
      noindexed: audit.noindexed.length,
      errors,
      warnings: audit.findings.length - errors,
      uniqueness: { lowest: scores[0] ?? null, median: scores[Math.floor(scores.length / 2)] ?? null },
    },
    settings: { uniqueness: quality.uniqueness, onThin: quality.onThin, reviewMaxAgeMonths: quality.reviewMaxAgeMonths, thirdPartyHosts: quality.thirdPartyHosts },
    thirdPartyHosts: audit.thirdPartyHosts,
    pages: audit.pages,
    findings: audit.findings,
    /** Offered condition × location combinations the page policy did not build, with what would warrant them. */
    notBuilt,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function histogram(audit: AuditResult, quality: QualitySettings): string {
  const bins = Array.from({ length: 10 }, () => 0);
  for (const page of audit.pages) if (page.uniqueness) bins[Math.min(9, Math.floor(page.uniqueness.score * 10))]!++;
  const most = Math.max(1, ...bins);
  const rows = bins.map((count, i) => {
    const low = i * 10;
    const cls = low / 100 < quality.uniqueness.min ? "bad" : low / 100 < quality.uniqueness.warn ? "warn" : "ok";
    return `<tr><th scope="row">${low}–${low + 10}%</th><td><span class="bar ${cls}" style="width:${Math.round((count / most) * 85)}%"></span> ${count}</td></tr>`;
  });
  return `<table class="histogram"><caption>Pages by share of unique text</caption><tbody>${rows.join("")}</tbody></table>`;
}

function pageTable(audit: AuditResult): string {
  const rows = audit.pages.map((p) => {
    const score = p.uniqueness ? `${Math.round(p.uniqueness.score * 100)}` : "";
    return `<tr><td><a href="${escapeHtml(p.url)}">${escapeHtml(p.url)}</a></td><td>${escapeHtml(p.kind)}</td><td data-sort="${score || -1}">${score && `${score}%`}</td><td>${p.uniqueness?.similarTo ? escapeHtml(p.uniqueness.similarTo) : ""}</td><td>${p.errors}</td><td>${p.warnings}</td><td>${p.indexable ? "yes" : "no"}</td></tr>`;
  });
  const head = ["Page", "Kind", "Unique", "Most similar to", "Errors", "Warnings", "Indexed"].map((h, i) => `<th scope="col"><button type="button" data-column="${i}">${h}</button></th>`);
  return `<table class="pages" id="pages"><caption>Every page (select a column heading to sort)</caption><thead><tr>${head.join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function thinPages(audit: AuditResult): string {
  const thin = audit.findings.filter((f) => f.check.startsWith("uniqueness."));
  if (thin.length === 0) return "<p>No page is under the uniqueness bar.</p>";
  return `<ul>${thin.map((f) => `<li><strong>${escapeHtml(f.page)}</strong>: ${escapeHtml(f.message)}. To fix, ${escapeHtml(f.hint ?? "")}${f.files?.length ? ` in <code>${f.files.map(escapeHtml).join("</code> or <code>")}</code>` : ""}.</li>`).join("")}</ul>`;
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

/** The human-readable report (output/_report/index.html): summary, histogram, thin pages, sortable table, findings. */
/** The combinations not built, grouped by location file, each with the data that would warrant it. */
function notBuiltList(notBuilt: NotBuilt[]): string {
  if (notBuilt.length === 0) return "<p>Every offered condition has a page in every place.</p>";
  const byFile = new Map<string, NotBuilt[]>();
  for (const item of notBuilt) byFile.set(item.file, [...(byFile.get(item.file) ?? []), item]);
  const rows = [...byFile.entries()].map(
    ([file, items]) => `<li><strong>${escapeHtml(file)}</strong>: ${items.map((i) => escapeHtml(i.condition)).join(", ")}. To build one, add <code>conditionNotes</code> for it or a local question with <code>condition:</code> set to it.</li>`,
  );
  return `<p>${notBuilt.length} condition × location pages were not built: the place has no clinic offering the condition, no local note and no local question about it. Their city pages link to the condition's guide instead.</p><ul>${rows.join("")}</ul>`;
}

export function reportHtml(audit: AuditResult, quality: QualitySettings, siteName: string, notBuilt: NotBuilt[] = []): string {
  const errors = audit.findings.filter((f) => f.severity === "error");
  const warnings = audit.findings.filter((f) => f.severity === "warning");
  const list = (items: typeof errors) => (items.length === 0 ? "<p>None.</p>" : `<ul>${items.map((f) => `<li>${escapeHtml(formatFinding(f))}</li>`).join("")}</ul>`);
  const hosts = Object.entries(audit.thirdPartyHosts);
  return `<!doctype html>
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
<tr><th scope="row">Uniqueness bar</th><td>fail under ${Math.round(quality.uniqueness.min * 100)}%, warn under ${Math.round(quality.uniqueness.warn * 100)}% (${quality.onThin === "noindex" ? "thin pages get noindex" : "thin pages fail the build"})</td></tr>
</tbody></table>
<h2>Uniqueness</h2>
${histogram(audit, quality)}
<h2>Thin pages and how to fix them</h2>
${thinPages(audit)}
<h2>Errors</h2>
${list(errors)}
<h2>Warnings</h2>
${list(warnings)}
<h2>Condition × location pages not built</h2>
${notBuiltList(notBuilt)}
<h2>Third-party hosts</h2>
${hosts.length === 0 ? "<p>No page loads anything from another host.</p>" : `<ul>${hosts.map(([h, n]) => `<li>${escapeHtml(h)}: ${n} pages</li>`).join("")}</ul>`}
<h2>Pages</h2>
${pageTable(audit)}
</main>
<script>
${sortScript}
</script>
</body>
</html>
`;
}

/** Writes report.json and index.html into `dir`. */
export function writeReport(dir: string, audit: AuditResult, quality: QualitySettings, siteName: string, notBuilt: NotBuilt[] = []): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "report.json"), reportJson(audit, quality, notBuilt));
  writeFileSync(join(dir, "index.html"), reportHtml(audit, quality, siteName, notBuilt));
}
