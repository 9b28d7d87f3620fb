/**
 * What one page contributes besides its exact wording, computed per page from its main text
 * (so workers and shards can do it) and kept as small hash arrays:
 *
 * - folded words: content words, stemmed and folded through a synonym table, so a copy run
 *   through a synonym spinner still matches its source;
 * - specific facts: named places, roads and exits, quantities with units (drive times,
 *   distances), years; the gate counts those only one location's pages carry;
 * - generic paragraphs: blocks of twelve or more words without one specific fact, kept as a
 *   hash and a short excerpt so the report can point at them.
 */
import { stemmer } from "stemmer";
import { hashWord, words } from "./uniqueness.ts";
import { synonymGroups } from "./uniqueness-synonyms.ts";
import { BoundedCache } from "../rules/bounded-cache.ts";

/** A paragraph without a single specific fact. */
export interface GenericBlock {
  /** Hash of its words (unmasked: the same praise about two cities is two paragraphs). */
  hash: number;
  words: number;
  /** Its first words, for the report. */
  excerpt: string;
}

/** The per-page part of the gate, kept in the page summary. */
export interface PageSignals {
  /** Folded content words in order (stop words dropped, the h1's words as one placeholder). */
  folded: Uint32Array;
  /** Sorted, distinct hashes of the specific facts in the main text. */
  facts: Uint32Array;
  generic: GenericBlock[];
}

/** Fewest words for a paragraph to be reported as generic (short lines are headings, labels). */
export const genericMinWords = 12;
const excerptWords = 12;
/** Bounds the summary: a page lists at most this many generic paragraphs. */
const maxGenericPerPage = 12;

// Function words carry no content; a spinner leaves them or swaps them freely.
const stopWords = new Set(
  (
    "a an the and or but nor so yet of to in on at by for from with without into onto over under about above below " +
    "after before during since until while as than then there here this that these those it its it's is are was were be been " +
    "being am do does did done doing have has had having i me my we us our ours you your yours he him his she her hers they " +
    "them their theirs who whom whose which what when where why how all any both each few more most other some such no not " +
    "only own same very can will just should would could may might must shall also too s t don't can't won't isn't aren't " +
    "if because up down out off again further once every one's"
  ).split(" "),
);

const placeholder = 0x706c6163;

const synonymOf = new Map<string, string>();
for (const group of synonymGroups) {
  const canonical = stemmer(group[0]!);
  for (const word of group) if (!synonymOf.has(stemmer(word))) synonymOf.set(stemmer(word), canonical);
}

/** The token a word folds to: its stem, or its synonym group's stem; undefined for stop words. */
export function foldWord(word: string): string | undefined {
  const lower = word.toLowerCase().replace(/['’]s$/, "");
  if (stopWords.has(lower)) return undefined;
  const stem = stemmer(lower);
  return synonymOf.get(stem) ?? stem;
}

/** Folded content words of a text; words of `names` (lowercase) become one placeholder. */
export function foldedWords(text: string, names: ReadonlySet<string> = new Set()): Uint32Array {
  const out: number[] = [];
  pushFolded(out, words(text), names);
  return Uint32Array.from(out);
}

function pushFolded(out: number[], list: string[], names: ReadonlySet<string>): void {
  for (const word of list) {
    if (names.has(word)) out.push(placeholder);
    else {
      const folded = foldedHash(word);
      if (folded !== noWord) out.push(folded);
    }
  }
}

const noWord = -1;
/** Folded hashes by word: a site repeats a few thousand words, so stemming each once pays. */
const foldedCache = new BoundedCache<string, number>(50_000);

function foldedHash(word: string): number {
  return foldedCache.get(word, () => {
    const folded = foldWord(word);
    return folded === undefined ? noWord : hashWord(folded);
  });
}

const months = "january february march april may june july august september october november december";
const days = "monday tuesday wednesday thursday friday saturday sunday";
// Capitalized words that name nothing in particular.
const notNames = new Set(`${months} ${days} i mr mrs ms dr l.ac`.split(" "));
const connectors = new Set(["of", "de", "la", "del", "the", "on", "upon"]);
const numberWords =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety";
const roadPattern =
  /\b(?:I|US|SR|CR|NJ|FL|Route|Rte|Highway|Hwy|Interstate|Exit|County Road|State Road)[- ]?\d{1,4}[A-Z]?\b/gi;
const quantityPattern = new RegExp(
  `\\b(?:\\d+(?:[.,]\\d+)?|(?:${numberWords})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)[ -]?` +
    "(?:minutes?|mins?|miles?|mi|km|kilomet(?:er|re)s?|blocks?|hours?|stops?|exits?|acres?|feet|ft|percent|%)(?![\\p{L}])",
  "giu",
);
const yearPattern = /\b(?:1[6-9]|20)\d\d\b/g;
const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/**
 * The specific facts of one block of text, as normalized strings: roads and exits, quantities
 * with units, years, and runs of capitalized words (a single capitalized word opening a
 * sentence is skipped, since every sentence starts with one). Words of `names` (the page's
 * h1) are not facts: the place's own name says nothing about it.
 */
export function factsOf(block: string, names: ReadonlySet<string> = new Set()): string[] {
  const facts = plainFacts(block);
  for (const run of nameRuns(block)) if (isName(run, names)) facts.push(run.text);
  return facts;
}

/** Roads and exits, quantities with units, years: facts whatever the page's own name is. */
function plainFacts(block: string): string[] {
  const facts: string[] = [];
  for (const m of block.matchAll(roadPattern)) facts.push(m[0].toLowerCase().replace(/[- ]/, " "));
  for (const m of block.matchAll(quantityPattern)) facts.push(m[0].toLowerCase().replace(/[ -]+/g, " "));
  for (const m of block.matchAll(yearPattern)) facts.push(m[0]);
  return facts;
}

/** A run of capitalized words: its normalized text, and the words that could make it a name. */
interface NameRun {
  text: string;
  /** Words that are not months, days, titles, connectors or common words. */
  naming: string[];
}

/** A run names something when one of its naming words is not a word of the page's own name. */
function isName(run: NameRun, names: ReadonlySet<string>): boolean {
  return run.naming.some((w) => !names.has(w));
}

function nameRuns(block: string): NameRun[] {
  const out: NameRun[] = [];
  let run: string[] = [];
  let runOpensSentence = false;
  const flush = () => {
    if (run.length === 0) return;
    while (run.length > 0 && connectors.has(run[run.length - 1]!.toLowerCase())) run.pop();
    if (runOpensSentence && run.length === 1) run = [];
    if (runOpensSentence && run.length > 0 && isCommonWord(run[0]!)) run.shift();
    while (run.length > 0 && connectors.has(run[0]!.toLowerCase())) run.shift();
    const lower = run.map((w) =>
      w
        .toLowerCase()
        .replace(/['’]s$/, "")
        .replace(/-/g, " "),
    );
    const naming = lower.filter((w) => !notNames.has(w) && !isCommonWord(w) && !connectors.has(w));
    if (naming.length > 0) out.push({ text: lower.join(" "), naming });
    run = [];
  };
  let last = 0;
  let sentenceOpens = true;
  for (const m of block.matchAll(wordPattern)) {
    const between = block.slice(last, m.index);
    last = m.index! + m[0].length;
    const abbreviation = m[0].endsWith(".") && /^(?:St|Mt|Ft|Dr|Ave|Blvd|Rd)\.$/.test(m[0]);
    // Most words are apart by one space, which neither ends a sentence nor breaks a run.
    if (between !== " ") {
      if (/[.!?:;]/.test(between)) sentenceOpens = true;
      if (/[,()"“”/–—]/.test(between)) flush();
    }
    if (sentenceOpens) flush();
    const word = abbreviation || !/[.'’-]$/.test(m[0]) ? m[0] : m[0].replace(/[.'’-]+$/, "");
    if (startsUpper(word) || (run.length > 0 && connectors.has(word.toLowerCase()))) {
      if (run.length === 0) runOpensSentence = sentenceOpens;
      run.push(word);
    } else flush();
    sentenceOpens = !abbreviation && m[0].endsWith(".");
  }
  flush();
  return out;
}

/** True when the word starts with a capital letter (ASCII decided without the Unicode pattern). */
function startsUpper(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 97 && first <= 122) return false;
  if (first >= 65 && first <= 90) return true;
  return /^\p{Lu}/u.test(word);
}

/** A function word or a word of the synonym table: capitalized only because it opens a sentence. */
function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase();
  return stopWords.has(lower) || synonymOf.has(stemmer(lower));
}

/** Folded words, facts and generic paragraphs of a page's main text (blocks separated by newlines). */
export function pageSignals(mainText: string, h1Text: string): PageSignals {
  const names = new Set(words(h1Text).filter((w) => !stopWords.has(w)));
  const facts = new Set<number>();
  const generic: GenericBlock[] = [];
  const folded: number[] = [];
  // Words never span a newline, so the page's folded words are its blocks' folded words in order.
  for (const block of mainText.split("\n")) {
    // Block ends come in runs ("</p></li>"): three of four blocks are empty.
    if (block.length === 0) continue;
    const parts = blockParts(block);
    pushFolded(folded, parts.words, names);
    let named = 0;
    for (const hash of parts.plainFacts) facts.add(hash);
    for (const run of parts.runs) {
      if (!isName(run.name, names)) continue;
      facts.add(run.hash);
      named++;
    }
    if (parts.generic && parts.plainFacts.length + named === 0 && generic.length < maxGenericPerPage)
      generic.push({ ...parts.generic });
  }
  return { folded: Uint32Array.from(folded), facts: Uint32Array.from(facts).sort(), generic };
}

/** What a block contributes whatever page it is on; only which runs are names depends on the page. */
interface BlockParts {
  words: string[];
  plainFacts: number[];
  runs: Array<{ name: NameRun; hash: number }>;
  /** The block as a generic paragraph when it is long enough; a page reports it when it finds no fact in it. */
  generic?: GenericBlock;
}

/**
 * Blocks by text. Most of a page's blocks (its condition's copy, the template's sentences) are
 * on hundreds of other pages; each is read once per worker while it keeps coming back.
 */
const blockCache = new BoundedCache<string, BlockParts>(5_000);

function blockParts(block: string): BlockParts {
  return blockCache.get(block, readBlock);
}

function readBlock(block: string): BlockParts {
  const blockWords = words(block);
  const parts: BlockParts = {
    words: blockWords,
    plainFacts: plainFacts(block).map(hashWord),
    runs: nameRuns(block).map((name) => ({ name, hash: hashWord(name.text) })),
  };
  if (blockWords.length >= genericMinWords) {
    const excerpt = block.trim().split(/\s+/).slice(0, excerptWords).join(" ");
    parts.generic = {
      hash: hashWord(blockWords.join(" ")),
      words: blockWords.length,
      excerpt: blockWords.length > excerptWords ? `${excerpt}…` : excerpt,
    };
  }
  return parts;
}
