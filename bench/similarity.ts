/**
 * Measures how alike the indexable condition × city pages of one condition are: Jaccard
 * similarity of the 5-word shingles of their main text (what the audit reads: header, footer,
 * navigation and asides left out), with place, clinic and practitioner names masked so a
 * swapped name earns nothing. Reads a built site; the figure is quoted in README ("Which
 * condition × city pages exist").
 *
 *   npm run measure:similarity                       # output/ of the project in this folder
 *   npm run measure:similarity -- --out DIR --root DIR --max 0.4
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runCli } from "../src/cli/command.ts";
import { parsePage } from "../src/audit/parse.ts";
import { shingles, words } from "../src/audit/uniqueness.ts";
import { loadProject } from "../src/load/index.ts";
import { regionName } from "../src/rules/regions.ts";
import { validateProject, type Model } from "../src/validate/index.ts";

export interface PairScore {
  a: string;
  b: string;
  jaccard: number;
}

/** |A ∩ B| / |A ∪ B| of two sorted, de-duplicated hash arrays. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - both;
  return union === 0 ? 0 : both / union;
}

/** Every word of every place, region, clinic and practitioner name in the project. */
export function nameWords(model: Model): Set<string> {
  const names = [
    ...model.locations.flatMap((l) => [l.name, l.region, regionName(l.region, l.country, l.regionName)]),
    ...model.site.clinics.flatMap((c) => [c.name, c.address.locality, c.address.region]),
    ...model.site.practitioners.map((p) => p.name),
  ];
  return new Set(names.flatMap(words));
}

/** Pairwise scores of the indexable condition × city pages, per condition (the URL's first segment). */
export function sameConditionPairs(
  pages: Array<{ url: string; html: string }>,
  mask: Set<string>,
): PairScore[] {
  const byCondition = new Map<string, Array<{ url: string; set: Uint32Array }>>();
  for (const page of pages) {
    const facts = parsePage(page.html);
    if (facts.kind !== "conditionLocation" || /<meta name="robots" content="noindex"/.test(page.html))
      continue;
    const condition = page.url.split("/")[1]!;
    byCondition.set(condition, [
      ...(byCondition.get(condition) ?? []),
      { url: page.url, set: shingles(facts.mainText, mask) },
    ]);
  }
  const scores: PairScore[] = [];
  for (const group of byCondition.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++)
        scores.push({ a: group[i]!.url, b: group[j]!.url, jaccard: jaccard(group[i]!.set, group[j]!.set) });
    }
  }
  return scores.sort((x, y) => x.jaccard - y.jaccard || x.a.localeCompare(y.a));
}

function htmlPages(dir: string): Array<{ url: string; html: string }> {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      if (name.startsWith("_")) return [];
      return statSync(path).isDirectory() ? walk(path) : name === "index.html" ? [path] : [];
    });
  return walk(dir).map((file) => ({
    url: `/${relative(dir, file).replace(/index\.html$/, "")}`,
    html: readFileSync(file, "utf8"),
  }));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      root: { type: "string", default: "." },
      out: { type: "string" },
      max: { type: "string", default: "0.4" },
    },
  });
  const root = resolve(values.root!);
  const out = resolve(values.out ?? join(root, "output"));
  const scores = sameConditionPairs(htmlPages(out), nameWords(validateProject(loadProject(root))));
  if (scores.length === 0) {
    console.log("No pairs of indexable same-condition city pages.");
    return 0;
  }
  const figures = scores.map((s) => s.jaccard);
  const median = figures[Math.floor((figures.length - 1) / 2)]!;
  const worst = scores[scores.length - 1]!;
  const round = (n: number) => n.toFixed(2);
  console.log(
    `${scores.length} pairs of indexable same-condition city pages: Jaccard median ${round(median)}, max ${round(worst.jaccard)} (${worst.a} vs ${worst.b}).`,
  );
  const limit = Number(values.max);
  if (worst.jaccard >= limit) {
    console.error(`The most similar pair is at or above ${limit}.`);
    return 1;
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main);
