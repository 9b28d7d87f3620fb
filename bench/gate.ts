import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { judgeUniqueness, type GatePage } from "../src/audit/uniqueness-gate.ts";
import { hashWord } from "../src/audit/uniqueness.ts";

/**
 * The uniqueness gate alone, on synthetic page summaries (word hashes, folded words, facts: what
 * the audit keeps of a page), at 10,000, 50,000 and 100,000 pages. Every size runs in its own
 * process so heaps do not mix; the table gives time per page and its ratio to the smallest
 * size (1.0 would be exactly linear). One location in a hundred is a name-swapped clone of
 * another, and the run checks the gate finds them all.
 * Usage: npx tsx bench/gate.ts [--sizes 10000,50000,100000] [--rounds 2]
 */
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,50000,100000" },
    rounds: { type: "string", default: "2" },
    pages: { type: "string" },
  },
});

const conditions = 7;
const conditionWords = 350;
const localWords = 140;
const factsPerPlace = 10;

let seed = 20261125;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const vocabulary = Array.from({ length: 20000 }, (_, i) => hashWord(`v${i.toString(36)}`));
const words = (n: number) =>
  Uint32Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
/** Facts are names: drawn from a space large enough that places rarely share one. */
const facts = (n: number) => Uint32Array.from({ length: n }, () => Math.floor(random() * 0xffffffff) >>> 0);

/** Folded words are a re-hash of the content words: the gate only sees hashes either way. */
const fold = (w: Uint32Array) => w.filter((_, i) => i % 3 !== 0).map((h) => Math.imul(h, 0x9e3779b1) >>> 0);

/** Condition × location summaries; every 100th location copies the one before it. */
function summaries(pages: number): { pages: GatePage[]; clones: number } {
  const locations = Math.ceil(pages / conditions);
  const conditionCopy = Array.from({ length: conditions }, () => words(conditionWords));
  const out: GatePage[] = [];
  let clones = 0;
  let previous = { local: words(localWords), facts: facts(factsPerPlace) };
  for (let l = 0; l < locations && out.length < pages; l++) {
    const clone = l % 100 === 99;
    const own = clone ? previous : { local: words(localWords), facts: facts(factsPerPlace) };
    if (clone) clones++;
    for (let c = 0; c < conditions && out.length < pages; c++) {
      const text = new Uint32Array(conditionWords + localWords);
      text.set(own.local);
      text.set(conditionCopy[c]!, localWords);
      out.push({
        url: `/c${c}/l${l}/`,
        kind: "conditionLocation",
        sources: [`locations/l${l}.md`, `conditions/c${c}.md`],
        h1Text: `Acupuncture for c${c} in l${l}`,
        words: text,
        folded: fold(text),
        facts: Uint32Array.from(own.facts).sort(),
        generic: [],
      });
    }
    previous = own;
  }
  return { pages: out, clones };
}

function runOne(count: number): void {
  const { pages, clones } = summaries(count);
  const started = performance.now();
  const result = judgeUniqueness(pages, { fail: 0.8, warn: 0.55, minLocalFacts: 5, onThin: "fail" });
  const seconds = (performance.now() - started) / 1000;
  const flagged = new Set(
    result.findings.filter((f) => f.check === "uniqueness.duplicate").flatMap((f) => f.files ?? []),
  );
  // Each clone and its source are flagged (the measure is symmetric).
  const found = flagged.size / 2;
  if (process.env.BENCH_DEBUG) {
    const missing = pages.filter(
      (p, i) =>
        i % conditions === 0 &&
        Number(p.url.split("/l")[1]!.slice(0, -1)) % 100 === 99 &&
        !flagged.has(p.sources[0]!),
    );
    console.error(
      missing
        .slice(0, 5)
        .map((p) => `${p.url} ${JSON.stringify(result.pages.get(p.url))}`)
        .join("\n"),
    );
  }
  console.log(
    JSON.stringify({
      pages: pages.length,
      seconds,
      clones,
      found,
      heapMB: Math.round(process.memoryUsage().rss / 1048576),
    }),
  );
}

function runAll(): void {
  const sizes = values.sizes.split(",").map(Number);
  const rows: Array<{ pages: number; seconds: number[]; found: number; clones: number; heapMB: number }> = [];
  for (const size of sizes) {
    const seconds: number[] = [];
    let last = { found: 0, clones: 0, heapMB: 0, pages: 0, seconds: 0 };
    for (let r = 0; r < Number(values.rounds); r++) {
      const run = spawnSync(
        process.execPath,
        ["--import", "tsx", import.meta.filename, "--pages", String(size)],
        { encoding: "utf8", maxBuffer: 1 << 26 },
      );
      if (run.status !== 0) throw new Error(run.stderr);
      const parsed = JSON.parse(run.stdout.trim().split("\n").pop()!);
      seconds.push(parsed.seconds);
      last = parsed;
    }
    rows.push({ ...last, pages: size, seconds });
  }
  const perPage = (row: (typeof rows)[number]) => (Math.min(...row.seconds) / row.pages) * 1e6;
  const base = perPage(rows[0]!);
  console.log("pages     best s   µs/page  ratio  clones found  rss MB");
  for (const row of rows) {
    const line = [
      row.pages.toString().padEnd(9),
      Math.min(...row.seconds)
        .toFixed(2)
        .padStart(6),
      perPage(row).toFixed(1).padStart(9),
      (perPage(row) / base).toFixed(2).padStart(6),
      `${row.found}/${row.clones}`.padStart(13),
      String(row.heapMB).padStart(7),
    ];
    console.log(line.join(" "));
  }
}

if (values.pages) runOne(Number(values.pages));
else runAll();
