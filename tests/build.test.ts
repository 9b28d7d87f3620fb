import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { readdirSync as listDir, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePage } from "../src/audit/parse.ts";
import { build } from "../src/build/build.ts";
import { copyFixture, edit, fixtureSite, temp } from "./helpers.ts";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function hashTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    walk(dir).map((f) => [relative(dir, f), createHash("sha256").update(readFileSync(f)).digest("hex")]),
  );
}

const read = (out: string, url: string) =>
  readFileSync(join(out, url.endsWith("/") ? `${url}index.html` : url), "utf8");
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

function jsonLd(html: string): Array<Record<string, unknown>> {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]![1]!)["@graph"];
}

describe("end-to-end build of the fixture site", () => {
  const out = fixtureSite();

  it("writes a page per condition × location with the search phrase and place in the h1", () => {
    const html = read(out, "/acupuncture-for-sciatica/red-bank-nj/");
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain("<h1>Acupuncture for Sciatica in Red Bank, NJ</h1>");
    expect(text(html)).toContain(
      "Looking for acupuncture for sciatica in Red Bank? Test Acupuncture North is right here in Red Bank",
    );
    expect(text(html)).not.toMatch(/\bnear me\b/i);
    expect(existsSync(join(out, "acupuncture-for-sciatica/asbury-park-nj/index.html"))).toBe(false);
  });

  it("shows the reviewer byline linking to their page, the evidence headline, disclaimer and a click-to-call CTA", () => {
    const html = read(out, "/acupuncture-for-sciatica/red-bank-nj/");
    expect(text(html)).toContain(
      "Medically reviewed by Ann Reviewer, DACM, L.Ac. (Clinical Director) on September 11, 2026",
    );
    expect(html).toMatch(/Medically reviewed by <a href="\/team\/ann-reviewer\/">/);
    expect(html).toContain('href="https://doi.org/10.1016/j.jpain.2017.11.005"');
    expect(text(html)).toContain("Talk with your doctor.");
    expect(html).toContain('href="tel:+17325550118"');
    expect(html).toContain('href="https://book.clinic.test/north"');
    expect(html).toContain('href="/clinics/north/"');
  });

  it("leads the city page with the local and leaves the shared medical content to the hub", () => {
    const html = text(read(out, "/acupuncture-for-sciatica/red-bank-nj/"));
    expect(html).toContain("Red Bank rowers and commuters bring most of our sciatica cases");
    expect(html).toContain("A fixture summary of Sciatica");
    expect(html).not.toContain("A fixture description of what a visit for sciatica is like");
    expect(read(out, "/acupuncture-for-sciatica/red-bank-nj/")).toContain(
      'href="/acupuncture-for-sciatica/"',
    );
    const hub = text(read(out, "/acupuncture-for-sciatica/"));
    expect(hub).toContain("A fixture description of what a visit for sciatica is like");
  });

  it("shows local questions about a condition on that condition's city page, general ones on the city's page", () => {
    expect(text(read(out, "/acupuncture-for-neck-pain/pompano-beach-fl/"))).toContain(
      "Can charter captains with neck pain book around their trips?",
    );
    expect(text(read(out, "/acupuncture-for-neck-pain/pompano-beach-fl/"))).not.toContain(
      "Where do I park in Pompano Beach?",
    );
    expect(text(read(out, "/locations/pompano-beach-fl/"))).toContain("Where do I park in Pompano Beach?");
    expect(text(read(out, "/acupuncture-for-neck-pain/"))).toContain("Does acupuncture for neck pain hurt?");
  });

  it("marks up each question as FAQPage on exactly one page", () => {
    const pagesByQuestion = new Map<string, string[]>();
    for (const file of walk(out).filter((f) => f.endsWith(".html") && !f.includes("_report"))) {
      const graph = jsonLd(readFileSync(file, "utf8"));
      for (const node of graph.filter((n) => n["@type"] === "FAQPage")) {
        for (const q of node.mainEntity as Array<{ name: string }>)
          pagesByQuestion.set(q.name, [...(pagesByQuestion.get(q.name) ?? []), relative(out, file)]);
      }
    }
    expect(pagesByQuestion.size).toBeGreaterThanOrEqual(6);
    expect([...pagesByQuestion.entries()].filter(([, pages]) => pages.length !== 1)).toEqual([]);
  });

  it("states one distance to the clinic on each page", () => {
    for (const url of [
      "/acupuncture-for-neck-pain/long-branch-nj/",
      "/locations/long-branch-nj/",
      "/acupuncture-for-sciatica/long-branch-nj/",
    ]) {
      const html = read(out, url);
      const main = html
        .slice(html.indexOf("<main"), html.indexOf("</main>"))
        .replace(/<nav[\s\S]*?<\/nav>/g, "");
      const distances = new Set([...text(main).matchAll(/(\d+(?:\.\d+)?) miles/g)].map((m) => m[1]));
      expect([...distances], url).toHaveLength(1);
    }
    // The clinic's page lists the places it serves with the same distance their pages state.
    const stated = text(read(out, "/acupuncture-for-neck-pain/long-branch-nj/")).match(/(\d+\.\d) miles/)![1];
    expect(text(read(out, "/clinics/north/"))).toContain(`Long Branch, NJ ${stated} miles`);
  });

  it("puts the clinic's phone and the condition's ICD-10 code in the JSON-LD", () => {
    const clinic = jsonLd(read(out, "/locations/red-bank-nj/")).find((n) => n["@type"] === "MedicalClinic")!;
    expect(clinic.telephone).toBe("+1-732-555-0118");
    // The hub shows the codes; the city page names the condition and links there.
    const condition = jsonLd(read(out, "/acupuncture-for-sciatica/")).find(
      (n) => n["@type"] === "MedicalCondition",
    )!;
    expect(condition.code).toEqual([
      { "@type": "MedicalCode", codeValue: "M54.30", codingSystem: "ICD-10-CM" },
    ]);
  });

  it("lists nearby locations with distances, never the page itself", () => {
    const html = read(out, "/acupuncture-for-neck-pain/red-bank-nj/");
    const nearby = html.slice(html.indexOf('id="nearby"'));
    expect(nearby).toContain('href="/acupuncture-for-neck-pain/long-branch-nj/"');
    expect(nearby).not.toContain('href="/acupuncture-for-neck-pain/red-bank-nj/"');
    expect(text(nearby)).toMatch(/Long Branch, NJ \d+\.\d miles/);
  });

  it("has a canonical, description, Open Graph tags and lang on every page", () => {
    for (const file of walk(out).filter(
      (f) => f.endsWith(".html") && !f.endsWith("404.html") && !f.includes("_report"),
    )) {
      const html = readFileSync(file, "utf8");
      expect(html, file).toMatch(/<html lang="en-US">/);
      expect(html, file).toMatch(/<link rel="canonical" href="https:\/\/clinic\.test\/[^"]*">/);
      expect(html, file).toMatch(/<meta name="description" content="[^"]{20,}">/);
      expect(html, file).toContain('<meta property="og:title"');
      expect(html.match(/<h1>/g), file).toHaveLength(1);
    }
  });

  it("resolves every internal link and in-page anchor to a built page", () => {
    const broken: string[] = [];
    for (const file of walk(out).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(file, "utf8");
      for (const [, href] of html.matchAll(/href="(\/[^"]*)"/g)) {
        const [path, anchor] = href!.split("#") as [string, string | undefined];
        const target = join(out, path.endsWith("/") ? `${path}index.html` : path.split("?")[0]!);
        if (!existsSync(target)) broken.push(`${relative(out, file)} → ${href}`);
        else if (anchor && !readFileSync(target, "utf8").includes(`id="${anchor}"`))
          broken.push(`${relative(out, file)} → ${href} (anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("lists exactly the indexable pages in the sitemap, with lastmod from the data", () => {
    const sitemap = readFileSync(join(out, "sitemap.xml"), "utf8");
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const pages = walk(out)
      .filter((f) => f.endsWith("index.html") && !f.includes("_report"))
      .map((f) => `https://clinic.test/${relative(out, f).replace(/index\.html$/, "")}`);
    expect([...locs].sort()).toEqual([...pages].sort());
    expect(sitemap).not.toContain("404");
    expect(sitemap).toContain(
      "<loc>https://clinic.test/acupuncture-for-sciatica/red-bank-nj/</loc><lastmod>2026-10-02</lastmod>",
    );
    expect(readFileSync(join(out, "robots.txt"), "utf8")).toContain(
      "Sitemap: https://clinic.test/sitemap.xml",
    );
  });

  it("keeps the 404 page out of search", () => {
    const html = read(out, "/404.html");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('rel="canonical"');
  });

  it("is deterministic: a second build, from another copy in another folder, is byte-identical", async () => {
    const again = join(temp("out"), "output");
    await build({ root: copyFixture(), outDir: again });
    expect(hashTree(again)).toEqual(hashTree(out));
  });

  it("marks what the audit reads with the shared data attributes", () => {
    const facts = parsePage(read(out, "/acupuncture-for-sciatica/red-bank-nj/"));
    expect(facts.kind).toBe("conditionLocation");
    expect(facts.links.filter((l) => l.nearby).map((l) => l.href)).toContain(
      "/acupuncture-for-sciatica/long-branch-nj/",
    );
    expect(facts.reviewed).toMatchObject({ datetime: "2026-09-11" });
    expect(facts.reviewed!.text).toContain("Medically reviewed by Ann Reviewer");
  });
});

describe("hostile and unusual strings in data", () => {
  const hostile = '</script><script>alert(1)</script>"><img src=x onerror=alert(2)>';

  it("render as text in HTML and parse back from JSON-LD", async () => {
    const root = copyFixture();
    edit(root, "locations/red-bank-nj.md", (t) =>
      t
        .replace("name: Red Bank", `name: "Coeur d'Alene ${hostile.replace(/"/g, '\\"')}"`)
        .replace(
          "\nfaq:\n",
          `\nfaq:\n  - q: "Is <!--<script> safe? ${hostile.replace(/"/g, '\\"')}"\n    condition: sciatica\n    a: "São Paulo & O'Fallon </SCRIPT > stay text."\n`,
        ),
    );
    const out = join(temp("out"), "output");
    await build({ root, outDir: out });
    const html = read(out, "/acupuncture-for-sciatica/red-bank-nj/");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;/script&gt;&lt;script&gt;alert(1)");
    expect(html.match(/<script/g)).toHaveLength(1);
    const graph = jsonLd(html);
    const faq = graph.find((n) => n["@type"] === "FAQPage") as {
      mainEntity: Array<{ name: string; acceptedAnswer: { text: string } }>;
    };
    expect(faq.mainEntity.map((q) => q.name)).toContain(`Is <!--<script> safe? ${hostile}`);
    expect(faq.mainEntity.map((q) => q.acceptedAnswer.text)).toContain(
      "São Paulo & O'Fallon </SCRIPT > stay text.",
    );
  });
});

describe("copy for any practice", () => {
  it("a chiropractor's site built from the same templates never says acupuncture or near me", async () => {
    const root = copyFixture();
    // Every data file speaks of chiropractic; whatever still says acupuncture came from a template.
    for (const file of [
      "site.yaml",
      ...["locations", "conditions"].flatMap((dir) => listDir(join(root, dir)).map((f) => `${dir}/${f}`)),
    ]) {
      writeFileSync(
        join(root, file),
        readFileSync(join(root, file), "utf8")
          .replace(/acupuncturists?/gi, "chiropractor")
          .replace(/acupuncture/g, "chiropractic")
          .replace(/Acupuncture/g, "Chiropractic"),
      );
    }
    const out = join(temp(), "output");
    await build({ root, outDir: out, today: "2026-11-25" });
    for (const file of walk(out).filter((f) => f.endsWith(".html") && !f.includes("_report"))) {
      // The evidence scope's comparison labels ("sham acupuncture") belong to issue 16's evidence schema.
      const html = readFileSync(file, "utf8").replace(/<p class="evidence-scope">[\s\S]*?<\/p>/g, "");
      expect(html, file).not.toMatch(/acupunct/i);
      expect(text(html), file).not.toMatch(/\bnear me\b/i);
    }
    expect(text(read(out, "/chiropractic-for-sciatica/red-bank-nj/"))).toContain(
      "Looking for chiropractic for sciatica in Red Bank?",
    );
  });
});
