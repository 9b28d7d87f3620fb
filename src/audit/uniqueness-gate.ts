/**
 * The uniqueness gate: decides, from compact per-page summaries, which pages are too close to a
 * sibling or say nothing specific about their place. Generic over page kinds:
 *
 * - Siblings are pages of the same kind. Two siblings built from the same data file (two
 *   sciatica pages share conditions/sciatica.md) are compared after removing that file's
 *   "core": the text on every page built from it (its copy, and the template around it), found
 *   as the intersection of those pages' sets. What is left is what the other files (the
 *   places) contribute. Pages that share no file with two or more others are compared whole.
 * - Similarity is Jaccard similarity of two sets, the largest of three measures: 5-word
 *   shingles (the wording); pairs of folded content words (stemmed, synonyms folded, stop words
 *   dropped), which swaps within the synonym table do not break; and the specific facts named
 *   (places, roads, numbers), which a spinner keeps whatever thesaurus it uses.
 * - MinHash signatures and LSH bands find candidates, so the work grows near-linearly with pages.
 * - Facts: a location contributes the specific facts (uniqueness-text.ts) that appear on its
 *   pages and on no other location's; generic praise has none, however long.
 *
 * Adding original text to a page only adds elements to its set, so its similarity can only
 * fall; text added to a location file is on all of its pages, so it joins that file's core.
 */
import type { Finding } from "./types.ts";
import {
  agreement,
  bandCount,
  bandKey,
  hashWord,
  headingMasks,
  intersect,
  jaccard,
  eachNearest,
  shinglesOf,
  signature,
  subtract,
} from "./uniqueness.ts";
import type { GenericBlock } from "./uniqueness-text.ts";

/** What the gate needs of a page: no text beyond a few paragraph excerpts. */
export interface GatePage {
  url: string;
  kind: string;
  /** The data files the page is built from (from the plan). */
  sources: string[];
  h1Text: string;
  words: Uint32Array;
  folded: Uint32Array;
  facts: Uint32Array;
  generic: GenericBlock[];
}

export interface GateSettings {
  fail: number;
  warn: number;
  minLocalFacts: number;
  onThin: "fail" | "noindex";
}

/** One page's uniqueness, as the report shows it. */
export interface PageUniqueness {
  /** Jaccard similarity to the most similar sibling; null when it has no sibling to compare with. */
  similarity: number | null;
  similarTo?: string;
  /** What matched: the wording, the words once synonyms and word forms are folded, or the facts named. */
  signal?: Signal;
  /** Share of the page's 5-word shingles found on no other page of its kind. */
  unique: number;
  /** Specific facts only its location's pages carry (pages built from a location file). */
  localFacts?: number;
  /** refused: fails the build or gets noindex; warn: close to a sibling; ok. */
  status: "ok" | "warn" | "refused";
}

export interface GateResult {
  pages: Map<string, PageUniqueness>;
  findings: Finding[];
  noindexed: string[];
}

/** Folded content words are compared in pairs: order still matters, single swaps break little. */
export const foldedShingleSize = 2;
/** A file's core needs three pages: with two, their shared text could as well be copied text. */
const minGroup = 3;
const maxCandidates = 32;
const maxExact = 4;
/** Data files in this folder describe places; their facts are counted. */
const locationFolder = "locations/";
const locationFile = /^locations\/[^/]+\.md$/;
const examplesShown = 3;

/** The three measures of similarity; a page's similarity is the highest. */
export type Signal = "wording" | "synonyms" | "facts";

/** Fact sets smaller than this are too small to compare: two towns may share a highway or two. */
export const minFactsCompared = 6;
/** A fact named by more places than this is common ground, not a sign of copying. */
const maxOwners = 3;

interface Match {
  similarity: number;
  other: number;
  signal: Signal;
  sharedFile?: string;
}

interface Context {
  file?: string;
  pages: number[];
}

/** How the gate may treat its input. */
export interface GateOptions {
  /**
   * Release each page's words and folded words once they are turned into shingles, so a large
   * site never holds both at once (the pages' arrays are emptied: pass pages used for nothing else).
   */
  consume?: boolean;
}

/** Runs the gate over every indexable page. */
export function judgeUniqueness(
  pages: GatePage[],
  settings: GateSettings,
  options: GateOptions = {},
): GateResult {
  const byKind = new Map<string, number[]>();
  pages.forEach((p, i) => pushTo(byKind, p.kind, i));
  const matches: Array<Match | undefined> = new Array(pages.length);
  const unique = new Float64Array(pages.length);
  const kindWide = new Map<string, Set<string>>();
  const rare = rareFacts(pages);
  for (const [kind, members] of byKind) {
    const measured = measureKind(
      members.map((i) => pages[i]!),
      rare,
      options,
    );
    members.forEach((i, k) => {
      const match = measured.matches[k];
      matches[i] = match && { ...match, other: members[match.other]! };
      unique[i] = measured.unique[k]!;
    });
    kindWide.set(kind, measured.kindWide);
  }
  const facts = localFacts(pages);
  markShort(pages, facts, settings.minLocalFacts);
  const status = pages.map((_, i) => statusOf(matches[i], facts.short.has(i), settings));
  const similar = similarityFindings(pages, matches, kindWide, settings);
  // A copied location also shares its facts with its source: one finding (the copy) says it all.
  const copied = new Set(
    similar.filter((f) => f.check === "uniqueness.duplicate").flatMap((f) => f.files ?? []),
  );
  const findings = [
    ...similar,
    ...factFindings(pages, facts, settings).filter((f) => !copied.has(f.files![0]!)),
  ];
  const result = new Map<string, PageUniqueness>();
  pages.forEach((p, i) => {
    const match = matches[i];
    const location = locationOf(p);
    result.set(p.url, {
      similarity: match ? round(match.similarity) : null,
      ...(match ? { similarTo: pages[match.other]!.url, signal: match.signal } : {}),
      unique: round(unique[i]!),
      ...(location ? { localFacts: facts.counts.get(location) ?? 0 } : {}),
      status: status[i]!,
    });
  });
  const noindexed =
    settings.onThin === "noindex" ? pages.filter((_, i) => status[i] === "refused").map((p) => p.url) : [];
  return { pages: result, findings, noindexed };
}

function statusOf(
  match: Match | undefined,
  tooFewFacts: boolean,
  settings: GateSettings,
): PageUniqueness["status"] {
  if (tooFewFacts || (match && match.similarity >= settings.fail)) return "refused";
  return match && match.similarity >= settings.warn ? "warn" : "ok";
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const released = new Uint32Array();

/** Similarity of each page of one kind to its closest sibling, and its share of unique shingles. */
export function measureKind(
  members: GatePage[],
  rare: (facts: Uint32Array) => Uint32Array = (f) => f,
  options: GateOptions = {},
): { matches: Array<Match | undefined>; unique: Float64Array; kindWide: Set<string> } {
  const masks = headingMasks(members.map((p) => p.h1Text)).map((mask) => new Set([...mask].map(hashWord)));
  const wording = members.map((p, k) => {
    const set = shinglesOf(p.words, masks[k]);
    if (options.consume) p.words = released;
    return set;
  });
  const folded = members.map((p) => {
    const set = shinglesOf(p.folded, undefined, foldedShingleSize);
    if (options.consume) p.folded = released;
    return set;
  });
  // Facts tell places apart; pages about no place are compared by their words only.
  const facts = members.map((p) => (locationOf(p) ? rare(p.facts) : new Uint32Array()));
  const { contexts, kindWide } = contextsOf(members);
  const matches: Array<Match | undefined> = new Array(members.length);
  for (const context of contexts) {
    for (const [k, match] of compareWithin(context, { wording, synonyms: folded, facts })) {
      if (!matches[k] || match.similarity > matches[k]!.similarity) matches[k] = match;
    }
  }
  return { matches, unique: uniqueShares(wording), kindWide };
}

/**
 * Groups of pages compared with each other: the pages built from each shared file (files on
 * every page of the kind, such as site.yaml, do not count), and the pages in no such group.
 */
function contextsOf(members: GatePage[]): { contexts: Context[]; kindWide: Set<string> } {
  const groups = new Map<string, number[]>();
  members.forEach((p, k) => p.sources.forEach((file) => pushTo(groups, file, k)));
  const kindWide = new Set(
    [...groups]
      .filter(([, pages]) => pages.length === members.length && members.length > 1)
      .map(([file]) => file),
  );
  const contexts: Context[] = [];
  const grouped = new Uint8Array(members.length);
  for (const file of [...groups.keys()].sort()) {
    const pages = groups.get(file)!;
    if (pages.length < minGroup || kindWide.has(file)) continue;
    contexts.push({ file, pages });
    for (const k of pages) grouped[k] = 1;
  }
  const rest = members.map((_, k) => k).filter((k) => !grouped[k]);
  if (rest.length >= 2) contexts.push({ pages: rest });
  return { contexts, kindWide };
}

function intersectAll(sets: Uint32Array[]): Uint32Array {
  return sets.reduce((core, set) => intersect(core, set));
}

type Sets = Record<Signal, Uint32Array>;
const signals: Signal[] = ["wording", "synonyms", "facts"];
const bandSalt: Record<Signal, number> = { wording: 0, synonyms: 0x5bd1e995, facts: 0x27d4eb2f };

/** Jaccard similarity under one signal; facts only count when both pages name enough of them. */
function similarityBy(signal: Signal, a: Uint32Array, b: Uint32Array): number {
  if (signal === "facts" && (a.length < minFactsCompared || b.length < minFactsCompared)) return 0;
  return jaccard(a, b);
}

/** Each page's closest sibling within one context, after removing the context file's core. */
function compareWithin(context: Context, sets: Record<Signal, Uint32Array[]>): Map<number, Match> {
  const views: Sets[] = context.pages.map(() => ({}) as Sets);
  const sigs: Sets[] = context.pages.map(() => ({}) as Sets);
  for (const signal of signals) {
    const core = context.file ? intersectAll(context.pages.map((k) => sets[signal][k]!)) : new Uint32Array();
    context.pages.forEach((k, pos) => {
      views[pos]![signal] = subtract(sets[signal][k]!, core);
      sigs[pos]![signal] = signature(views[pos]![signal]);
    });
  }
  // Sets too small to compare stay out of the buckets: empty signatures would all collide.
  const comparable = (pos: number, signal: Signal) =>
    views[pos]![signal].length >= (signal === "facts" ? minFactsCompared : 1);
  // Each page's comparable signals and band keys, computed once (they are read for every band twice).
  const active = context.pages.map((_, pos) => signals.filter((signal) => comparable(pos, signal)));
  const bandKeys = context.pages.map((_, pos) => {
    const list = new Uint32Array(bandCount * signals.length);
    for (let band = 0; band < bandCount; band++)
      active[pos]!.forEach((signal, j) => {
        list[band * signals.length + j] = (bandKey(sigs[pos]![signal], band) ^ bandSalt[signal]) >>> 0;
      });
    return list;
  });
  // A page's keys in one band, without a view object per call (called twice per band and page).
  const eachKey = (pos: number, band: number, visit: (key: number) => void) => {
    const keys = bandKeys[pos]!;
    const from = band * signals.length;
    for (let j = 0; j < active[pos]!.length; j++) visit(keys[from + j]!);
  };
  const agree = (pos: number, other: number) => {
    let best = 0;
    for (const signal of active[pos]!) {
      if (comparable(other, signal))
        best = Math.max(best, agreement(sigs[pos]![signal], sigs[other]![signal]));
    }
    return best;
  };
  const buckets = new Map<number, number[]>();
  sigs.forEach((_, pos) => {
    for (let band = 0; band < bandCount; band++) {
      eachKey(pos, band, (key) => {
        const bucket = buckets.get(key);
        if (!bucket) buckets.set(key, [pos]);
        else if (bucket[bucket.length - 1] !== pos) bucket.push(pos);
      });
    }
  });
  const out = new Map<number, Match>();
  sigs.forEach((_, pos) => {
    const candidates = new Set<number>();
    const add = (other: number) => void candidates.add(other);
    // The neighbours in page order always count, so every page gets a measured closest sibling.
    if (pos > 0) add(pos - 1);
    if (pos + 1 < sigs.length) add(pos + 1);
    for (let band = 0; band < bandCount && candidates.size < maxCandidates; band++) {
      eachKey(pos, band, (key) => eachNearest(buckets.get(key) ?? [], pos, maxCandidates, add));
    }
    // Small groups are compared exhaustively, so their scores are exact (and never rise when copy is added).
    const exhaustive = sigs.length <= maxCandidates;
    if (exhaustive) for (let other = 0; other < sigs.length; other++) candidates.add(other);
    candidates.delete(pos);
    const ranked = [...candidates]
      .map((other) => ({ other, agree: agree(pos, other) }))
      .sort((a, b) => b.agree - a.agree || a.other - b.other)
      .slice(0, exhaustive ? undefined : maxExact);
    let best: Match | undefined;
    for (const { other } of ranked) {
      for (const signal of signals) {
        const similarity = similarityBy(signal, views[pos]![signal], views[other]![signal]);
        if (!best || similarity > best.similarity) {
          best = {
            similarity,
            other: context.pages[other]!,
            signal,
            ...(context.file ? { sharedFile: context.file } : {}),
          };
        }
      }
    }
    if (best) out.set(context.pages[pos]!, best);
  });
  return out;
}

/**
 * Share of each page's shingles found on no other page, counted in two bitsets (seen once,
 * seen again): fixed memory, and a rare hash collision only understates uniqueness.
 */
function uniqueShares(sets: Uint32Array[]): Float64Array {
  const total = sets.reduce((n, s) => n + s.length, 0);
  const bits = Math.min(1 << 27, Math.max(1 << 10, 2 ** Math.ceil(Math.log2(total * 16 + 1))));
  const once = new Uint32Array(bits / 32);
  const again = new Uint32Array(bits / 32);
  const slot = (h: number) => (Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0) & (bits - 1);
  for (const set of sets) {
    for (const h of set) {
      const s = slot(h);
      const word = s >>> 5;
      const bit = 1 << (s & 31);
      if (once[word]! & bit) again[word]! |= bit;
      else once[word]! |= bit;
    }
  }
  return Float64Array.from(sets, (set) => {
    if (set.length === 0) return 0;
    let alone = 0;
    for (const h of set) {
      const s = slot(h);
      if (!(again[s >>> 5]! & (1 << (s & 31)))) alone++;
    }
    return alone / set.length;
  });
}

/**
 * Keeps the facts named on the pages of at most `maxOwners` places (pages built from no location
 * file count as one more owner). A highway every town mentions or a clinic's address says
 * nothing about copying; a landmark that shows up on exactly two places' pages does.
 */
function rareFacts(pages: GatePage[]): (facts: Uint32Array) => Uint32Array {
  const owners = new Map<number, string[]>();
  for (const page of pages) {
    const owner = locationOf(page) ?? "";
    for (const fact of page.facts) {
      const list = owners.get(fact);
      if (!list) owners.set(fact, [owner]);
      else if (list.length <= maxOwners && !list.includes(owner)) list.push(owner);
    }
  }
  return (facts) => facts.filter((f) => owners.get(f)!.length <= maxOwners);
}

function locationOf(page: GatePage): string | undefined {
  return page.sources.find((f) => locationFile.test(f));
}

interface LocalFacts {
  /** Location file → facts its pages carry and no other location's pages do. */
  counts: Map<string, number>;
  /** Location file → its paragraphs without a fact that appear on no other location's pages. */
  generic: Map<string, GenericBlock[]>;
  /** Indexes of pages whose location has too few facts (filled by markShort). */
  short: Set<number>;
}

/** Facts and generic paragraphs owned by one location: on its pages and on no other page. */
function localFacts(pages: GatePage[]): LocalFacts {
  const factOwner = new Map<number, string | null>();
  const blockOwner = new Map<number, string | null>();
  const own = <K>(owners: Map<K, string | null>, key: K, location: string | undefined) => {
    const owner = owners.get(key);
    if (owner === undefined) owners.set(key, location ?? null);
    else if (owner !== location) owners.set(key, null);
  };
  for (const page of pages) {
    const location = locationOf(page);
    for (const fact of page.facts) own(factOwner, fact, location);
    for (const block of page.generic) own(blockOwner, block.hash, location);
  }
  const counts = new Map<string, number>();
  for (const page of pages) {
    const location = locationOf(page);
    if (location && !counts.has(location)) counts.set(location, 0);
  }
  for (const owner of factOwner.values()) if (owner) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  const generic = new Map<string, GenericBlock[]>();
  const seen = new Set<number>();
  for (const page of pages) {
    for (const block of page.generic) {
      const owner = blockOwner.get(block.hash);
      if (!owner || seen.has(block.hash)) continue;
      seen.add(block.hash);
      pushTo(generic, owner, block);
    }
  }
  return { counts, generic, short: new Set() };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const percent = (x: number) => `${Math.round(x * 100)}%`;

function refusal(settings: GateSettings): { severity: Finding["severity"]; outcome: string } {
  return settings.onThin === "noindex"
    ? { severity: "warning", outcome: "published with noindex and left out of the sitemap" }
    : { severity: "error", outcome: "refused" };
}

/** The hint for a file, by what kind of file it is. */
function rewriteHint(file: string): string {
  if (file.startsWith(locationFolder)) {
    return "rewrite this place's copy with facts only it has (its body, conditionNotes, directions, neighborhoods, landmarks and local questions) instead of another place's text, reworded or not";
  }
  if (file.startsWith("conditions/"))
    return "this condition's copy repeats another condition's; rewrite it for this condition";
  return "rewrite the text this file puts on these pages so it differs from the pages named";
}

/** One finding per file that can fix it (and per severity), listing its pages. */
function similarityFindings(
  pages: GatePage[],
  matches: Array<Match | undefined>,
  kindWide: Map<string, Set<string>>,
  settings: GateSettings,
): Finding[] {
  const byFile = new Map<string, { level: "refused" | "warn"; pages: number[] }>();
  pages.forEach((page, i) => {
    const match = matches[i];
    if (!match || match.similarity < settings.warn) return;
    const level = match.similarity >= settings.fail ? "refused" : "warn";
    const wide = kindWide.get(page.kind) ?? new Set();
    const fixers = page.sources.filter((f) => f !== match.sharedFile && !wide.has(f));
    for (const file of fixers.length > 0 ? fixers : page.sources) {
      const key = `${level}\u0000${file}`;
      const entry = byFile.get(key) ?? { level, pages: [] };
      entry.pages.push(i);
      byFile.set(key, entry);
    }
  });
  const { severity, outcome } = refusal(settings);
  return [...byFile]
    .map(([key, { level, pages: members }]): Finding => {
      const file = key.slice(key.indexOf("\u0000") + 1);
      members.sort((a, b) => (pages[a]!.url < pages[b]!.url ? -1 : 1));
      const examples = members.slice(0, examplesShown).map((i) => {
        const m = matches[i]!;
        const how = {
          wording: "",
          synonyms: " once synonyms and word endings are folded",
          facts: " in the places, roads and numbers it names",
        }[m.signal];
        return `${pages[i]!.url} is ${percent(m.similarity)} the same as ${pages[m.other]!.url}${how}`;
      });
      const more = members.length > examplesShown ? ` and ${members.length - examplesShown} more` : "";
      const count = plural(members.length, "page");
      const base = { page: pages[members[0]!]!.url, files: [file], hint: rewriteHint(file) };
      if (level === "refused") {
        return {
          ...base,
          check: "uniqueness.duplicate",
          severity,
          message: `${count} built from it are near-duplicates of sibling pages (similarity ${percent(settings.fail)} or more), so they are ${outcome}: ${examples.join("; ")}${more}`,
        };
      }
      return {
        ...base,
        check: "uniqueness.similar",
        severity: "warning" as const,
        message: `${count} built from it are close to sibling pages (similarity ${percent(settings.warn)} or more): ${examples.join("; ")}${more}`,
      };
    })
    .sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
}

/** One finding per location whose pages carry too few facts of their own; marks its pages short. */
function factFindings(pages: GatePage[], facts: LocalFacts, settings: GateSettings): Finding[] {
  if (settings.minLocalFacts === 0) return [];
  const { severity, outcome } = refusal(settings);
  const findings: Finding[] = [];
  // Pages by location, gathered once: a scan of every page per thin location grows with their product.
  const byLocation = new Map<string, Array<{ p: GatePage; i: number }>>();
  pages.forEach((p, i) => {
    const location = locationOf(p);
    if (location) pushTo(byLocation, location, { p, i });
  });
  for (const [location, count] of [...facts.counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (count >= settings.minLocalFacts) continue;
    const members = byLocation.get(location) ?? [];
    // The page built from the location file alone (its hub) stands for the location.
    members.sort((a, b) => a.p.sources.length - b.p.sources.length || (a.p.url < b.p.url ? -1 : 1));
    const generic = (facts.generic.get(location) ?? [])
      .sort((a, b) => b.words - a.words)
      .slice(0, examplesShown);
    const quoted = generic.length
      ? `; paragraphs that would be true of any city: ${generic.map((g) => `"${g.excerpt}"`).join(", ")}`
      : "";
    findings.push({
      check: "uniqueness.generic",
      severity,
      page: members[0]!.p.url,
      files: [location],
      message: `its pages name ${plural(count, "specific fact")} that no other place's pages name (at least ${settings.minLocalFacts} needed), so its ${plural(members.length, "page")} are ${outcome}: text equally true of any city earns nothing, however long${quoted}`,
      hint: "write what only this place has: named neighborhoods and landmarks, the roads and exits to the clinic, drive times and distances, local employers, schools, hospitals and events",
    });
  }
  return findings;
}

/** Marks the pages of locations with too few facts. */
function markShort(pages: GatePage[], facts: LocalFacts, minimum: number): void {
  if (minimum === 0) return;
  pages.forEach((p, i) => {
    const location = locationOf(p);
    if (location && (facts.counts.get(location) ?? 0) < minimum) facts.short.add(i);
  });
}
