import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { AuditResult, Finding } from "../src/audit/index.ts";
import { build } from "../src/build/build.ts";
import { AuditError } from "../src/problems.ts";
import { copyFixture, edit } from "./helpers.ts";

// End-to-end: the mini fixture's four cities have real local copy, so it passes the gate at the
// default settings; each test turns Long Branch into one kind of doorway page.

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const root = copyFixture();
  temps.push(root);
  return root;
}

function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "clinic-gate-"));
  temps.push(dir);
  return join(dir, "output");
}

const longBranch = "locations/long-branch-nj.md";

/** Replaces a location file's directions and Markdown body, keeping the rest of its front matter. */
function rewriteCity(root: string, file: string, directions: string, body: string): void {
  edit(root, file, (text) => {
    const front = text
      .slice(0, text.lastIndexOf("---\n") + 4)
      .replace(/directions: .*\n/, `directions: ${JSON.stringify(directions)}\n`);
    return `${front}${body}\n`;
  });
}

function cityCopy(root: string, file: string): { directions: string; body: string } {
  const text = readFileSync(join(root, file), "utf8");
  return {
    directions: /directions: (.*)\n/.exec(text)![1]!,
    body: text.slice(text.lastIndexOf("---\n") + 4).trim(),
  };
}

/** Long Branch becomes Red Bank's copy with the name swapped: the textbook doorway page. */
function nameSwappedClone(root: string): void {
  const red = cityCopy(root, "locations/red-bank-nj.md");
  const swap = (t: string) => t.replace(/Red Bank/g, "Long Branch");
  rewriteCity(root, longBranch, swap(red.directions), swap(red.body));
}

// A tiny synonym spinner written for this test, the way page generators do it: swap common words
// for synonyms, keep the names. Some swaps are in the gate's synonym table and some are not.
const spins: Record<string, string> = {
  patients: "clients",
  come: "arrive",
  many: "numerous",
  commute: "travel",
  book: "schedule",
  visits: "appointments",
  early: "initial",
  much: "a lot",
  streets: "roads",
  nurses: "caregivers",
  shop: "store",
  owners: "proprietors",
  brings: "delivers",
  injuries: "wounds",
  strains: "sprains",
  rest: "remainder",
  from: "from",
  across: "over",
  before: "prior to",
  their: "their",
  make: "form",
  summer: "summertime",
  winter: "wintertime",
  take: "get",
  follow: "keep to",
  use: "utilize",
  south: "southward",
  east: "eastward",
  allow: "permit",
  around: "surrounding",
};

export function spin(text: string): string {
  return text.replace(/[A-Za-z]+/g, (word) => {
    const swapped = spins[word.toLowerCase()];
    if (!swapped) return word;
    return word[0] === word[0]!.toUpperCase() ? swapped[0]!.toUpperCase() + swapped.slice(1) : swapped;
  });
}

/** Long Branch becomes Red Bank's copy run through the spinner. */
export function spunClone(root: string): void {
  const red = cityCopy(root, "locations/red-bank-nj.md");
  const swap = (t: string) => spin(t.replace(/Red Bank/g, "Long Branch"));
  rewriteCity(root, longBranch, swap(red.directions), swap(red.body));
}

// Generic praise, written for this test: true of any city, only the name changes.
const praise = [
  "Residents of {city} deserve compassionate, expert care from a team that truly listens.",
  "Our caring practitioners treat every {city} patient like family, with patience and respect.",
  "We are proud to serve the wonderful people of {city} and the surrounding communities.",
  "Whether you are young or old, active or recovering, we are here to help you feel your best.",
  "Our welcoming clinic offers a calm, comfortable space where healing can truly begin.",
  "People in {city} choose us because we take the time to understand their unique needs.",
  "From your very first visit, you will notice the difference that genuine attention makes.",
  "We believe everyone in {city} should have access to gentle, effective, natural care.",
];

/** Long Branch gets `paragraphs` paragraphs of praise (each a different mix) and vague directions. */
export function fillerCity(root: string, paragraphs: number): void {
  const body = Array.from({ length: paragraphs }, (_, p) =>
    Array.from({ length: 5 }, (_, s) => praise[(p * 3 + s * 5 + (p >> 3)) % praise.length])
      .join(" ")
      .replace(/\{city\}/g, "Long Branch"),
  ).join("\n\n");
  rewriteCity(
    root,
    longBranch,
    "Our clinic is easy to reach from Long Branch by car, and parking is simple.",
    body,
  );
}

/** About `count` words of original prose about Long Branch (combined from fragment lists, never repeating). */
function originalCopy(count: number): string {
  const who = [
    "retired teachers",
    "night-shift nurses",
    "surf instructors",
    "ferry commuters",
    "school bus drivers",
    "fishing charter crews",
    "line cooks",
    "lifeguards",
    "carpenters",
    "librarians",
    "marathon runners",
    "new parents",
  ];
  const what = [
    "carry stiffness from the boardwalk season",
    "ask about sleeping positions",
    "want short routines for the train ride",
    "bring questions from their physical therapist",
    "notice pain after long drives",
    "mention flare-ups when the weather turns",
    "hope to keep gardening",
    "plan visits around tide tables",
    "track progress in a notebook",
    "arrive after early swims",
  ];
  const where = [
    "near the old pier pilings",
    "by the band shell",
    "along the bluff walk",
    "behind the library annex",
    "past the firehouse",
    "around the rowing dock",
    "beside the farm stand",
    "under the rail trestle",
    "across from the bakery",
    "near the tennis courts",
    "close to the skate park",
  ];
  const sentences: string[] = [];
  let words = 0;
  for (let i = 0; words < count; i++) {
    const s = `Some ${who[i % who.length]} living ${where[(i * 7) % where.length]} ${what[(i * 3 + (i >> 4)) % what.length]}, and this is note ${i + 1} in our Long Branch journal.`;
    sentences.push(s);
    words += s.split(/\s+/).length;
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 6) paragraphs.push(sentences.slice(i, i + 6).join(" "));
  return paragraphs.join("\n\n");
}

function onThinNoindex(root: string): void {
  edit(root, "site.yaml", (t) => `${t.trimEnd()}\nquality:\n  onThin: noindex\n`);
}

async function audit(root: string, out = outDir()): Promise<{ audit: AuditResult; failed: boolean }> {
  try {
    return { audit: (await build({ root, outDir: out, today: "2026-11-25" })).audit, failed: false };
  } catch (error) {
    if (error instanceof AuditError) return { audit: error.audit as AuditResult, failed: true };
    throw error;
  }
}

const gateFindings = (result: AuditResult): Finding[] =>
  result.findings.filter((f) => f.check.startsWith("uniqueness."));

describe("uniqueness gate, end to end", () => {
  it("passes the fixture's four cities with real local copy, without warnings", async () => {
    const { audit: result, failed } = await audit(project());
    expect(failed).toBe(false);
    expect(gateFindings(result)).toEqual([]);
    const page = result.pages.find((p) => p.url === "/locations/long-branch-nj/")!;
    expect(page.uniqueness!.similarity).toBeLessThan(0.55);
    expect(page.uniqueness!.localFacts).toBeGreaterThanOrEqual(5);
  });

  const doorways = [
    {
      name: "a name-swapped clone",
      make: nameSwappedClone,
      check: "uniqueness.duplicate",
      says: /is \d+% the same as \/(locations|acupuncture-for-[a-z-]+)\/red-bank-nj\//,
    },
    // The spinner keeps every name and number, so the facts measure sees through it.
    {
      name: "a spun clone",
      make: spunClone,
      check: "uniqueness.duplicate",
      says: /the same as \/(locations|acupuncture-for-[a-z-]+)\/red-bank-nj\/ in the places, roads and numbers it names/,
    },
    // One fact is left: the distance to the clinic, which the template states for every place.
    {
      name: "a filler city",
      make: (root: string) => fillerCity(root, 6),
      check: "uniqueness.generic",
      says: /name [01] specific facts? .*at least 5 needed.*paragraphs that would be true of any city: "(Residents|Our|We|Whether|People|From)/,
    },
  ];

  for (const doorway of doorways) {
    it(`refuses ${doorway.name} with one finding on the location file that says what to write`, async () => {
      const root = project();
      doorway.make(root);
      const { audit: result, failed } = await audit(root);
      expect(failed).toBe(true);
      const onFile = gateFindings(result).filter((f) => f.files?.includes(longBranch));
      expect(onFile).toHaveLength(1);
      const finding = onFile[0]!;
      expect(finding).toMatchObject({ check: doorway.check, severity: "error", files: [longBranch] });
      expect(finding.message).toMatch(doorway.says);
      expect(finding.hint).toMatch(/neighborhoods/);
      // Hints name only a file that can fix the problem: never a condition file.
      expect(
        gateFindings(result)
          .flatMap((f) => f.files ?? [])
          .every((f) => f.startsWith("locations/")),
      ).toBe(true);
      const lbPages = result.pages.filter((p) => p.url.includes("long-branch-nj"));
      expect(lbPages.length).toBeGreaterThan(1);
      expect(lbPages.every((p) => p.uniqueness?.status === "refused")).toBe(true);
    });

    it(`publishes ${doorway.name} with noindex, out of the sitemap, under onThin: noindex`, async () => {
      const root = project();
      doorway.make(root);
      onThinNoindex(root);
      const out = outDir();
      const { audit: result, failed } = await audit(root, out);
      expect(failed).toBe(false);
      expect(result.noindexed).toContain("/acupuncture-for-sciatica/long-branch-nj/");
      expect(result.noindexed).toContain("/locations/long-branch-nj/");
      const html = readFileSync(join(out, "acupuncture-for-sciatica/long-branch-nj/index.html"), "utf8");
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(readFileSync(join(out, "sitemap.xml"), "utf8")).not.toContain("long-branch-nj");
      const finding = gateFindings(result).find((f) => f.files?.includes(longBranch))!;
      expect(finding).toMatchObject({ check: doorway.check, severity: "warning" });
      expect(finding.message).toContain("published with noindex");
    });
  }

  it("refuses generic praise however long: 60 paragraphs earn nothing", async () => {
    const root = project();
    fillerCity(root, 60);
    const { audit: result } = await audit(root);
    const finding = gateFindings(result).find((f) => f.files?.includes(longBranch))!;
    expect(finding.check).toBe("uniqueness.generic");
    const page = result.pages.find((p) => p.url === "/locations/long-branch-nj/")!;
    // The praise is worded differently from every sibling, so only the facts measure can catch it.
    expect(page.uniqueness!.similarity).toBeLessThan(0.55);
    expect(page.uniqueness!.status).toBe("refused");
  });

  it("passes a city with 4,000 words of its own copy, and more copy never raises its similarity", async () => {
    const base = await audit(project());
    const root = project();
    const { directions, body } = cityCopy(root, longBranch);
    rewriteCity(root, longBranch, directions, `${body}\n\n${originalCopy(4000)}`);
    const { audit: result, failed } = await audit(root);
    expect(failed).toBe(false);
    expect(gateFindings(result)).toEqual([]);
    for (const page of result.pages.filter((p) => p.url.includes("long-branch-nj"))) {
      const before = base.audit.pages.find((p) => p.url === page.url)!.uniqueness!;
      expect(page.uniqueness!.status).toBe("ok");
      // Pages with no sibling of their kind (null) have nothing to compare; the location page always has.
      if (before.similarity !== null)
        expect(page.uniqueness!.similarity!).toBeLessThanOrEqual(before.similarity);
    }
  });

  it('reports "no sibling" for a page with nothing to compare, and report colours match the totals', async () => {
    const root = project();
    nameSwappedClone(root);
    onThinNoindex(root);
    const out = outDir();
    const { audit: result } = await audit(root, out);
    const home = result.pages.find((p) => p.url === "/")!;
    expect(home.uniqueness).toMatchObject({ similarity: null, status: "ok" });
    const report = JSON.parse(readFileSync(join(dirname(out), "report/report.json"), "utf8"));
    const refused = result.pages.filter((p) => p.uniqueness?.status === "refused").length;
    expect(refused).toBeGreaterThan(0);
    expect(report.summary.uniqueness).toMatchObject({ refused, warned: 0 });
    expect(report.summary.noindexed).toBe(refused);
    const html = readFileSync(join(dirname(out), "report/index.html"), "utf8");
    expect(html).toContain("no sibling");
    expect(html).toContain(`${refused} pages refused, 0 warned`);
    const redBars = [...html.matchAll(/class="bar bad"[^>]*title="(\d+) refused"/g)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    expect(redBars).toBe(refused);
    expect(html).not.toContain('class="bar warn"');
  });
});
