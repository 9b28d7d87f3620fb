import { renameSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, edit, modelOf } from "../../tests/helpers.ts";
import { DataError, type Problem } from "../problems.ts";
import type { Location } from "../validate/index.ts";
import { buildPlan } from "./index.ts";
import { defaultPatterns } from "./patterns.ts";
import { fill, placeholdersByKind, type PatternKind } from "../rules/placeholders.ts";

function planOf(root = copyFixture()) {
  return buildPlan(modelOf(root));
}

describe("plan", () => {
  it("#11 a condition whose id is also a word the plan uses internally keeps its own URLs and place names", () => {
    const root = copyFixture();
    renameSync(join(root, "conditions/sciatica.md"), join(root, "conditions/place.md"));
    for (const file of [
      "conditions/neck-pain.md",
      "conditions/chronic-low-back-pain.md",
      "conditions/place.md",
    ])
      edit(root, file, (text) => text.replaceAll("sciatica", "place"));
    for (const file of ["locations/red-bank-nj.md", "locations/long-branch-nj.md"])
      edit(root, file, (text) => text.replaceAll("sciatica", "place"));
    const { plan } = planOf(root);
    const page = plan.byKind.conditionLocation.find(
      (p) => p.url === "/acupuncture-for-place/long-branch-nj/",
    )!;
    expect(page.place).toBe("Long Branch, NJ");
    const hub = plan.byKind.location.find((p) => p.location === "long-branch-nj")!;
    expect([hub.url, hub.place, hub.h1]).toEqual([
      "/locations/long-branch-nj/",
      "Long Branch, NJ",
      "Acupuncture in Long Branch, NJ",
    ]);
  });

  it("builds a condition × location page only where a clinic in town, a local note or a local question warrants it", () => {
    const { plan } = planOf();
    const urls = plan.byKind.conditionLocation.map((p) => p.url).sort();
    expect(urls).toEqual([
      "/acupuncture-for-chronic-low-back-pain/red-bank-nj/", // the north clinic is in Red Bank
      "/acupuncture-for-neck-pain/asbury-park-nj/", // a note on neck pain
      "/acupuncture-for-neck-pain/long-branch-nj/", // a note on neck pain
      "/acupuncture-for-neck-pain/pompano-beach-fl/", // a local question about neck pain
      "/acupuncture-for-neck-pain/red-bank-nj/",
      "/acupuncture-for-sciatica/long-branch-nj/", // a local question about sciatica
      "/acupuncture-for-sciatica/red-bank-nj/",
    ]);
    const byUrl = new Map(plan.byKind.conditionLocation.map((p) => [p.url, p]));
    expect(byUrl.get("/acupuncture-for-sciatica/red-bank-nj/")!.warrant).toEqual(["clinic", "note"]);
    expect(byUrl.get("/acupuncture-for-sciatica/long-branch-nj/")!.warrant).toEqual(["questions"]);
  });

  it("lists every offered combination it did not build, with the data that would warrant it", () => {
    const { plan } = planOf();
    expect(plan.notBuilt.map((n) => n.url).sort()).toEqual([
      "/acupuncture-for-chronic-low-back-pain/long-branch-nj/",
      "/acupuncture-for-chronic-low-back-pain/pompano-beach-fl/",
      "/acupuncture-for-sciatica/pompano-beach-fl/",
    ]);
    const pompano = plan.notBuilt.find((n) => n.url === "/acupuncture-for-sciatica/pompano-beach-fl/")!;
    expect(pompano.file).toBe("locations/pompano-beach-fl.md");
    expect(pompano.hint).toContain("conditionNotes");
    expect(pompano.hint).toContain("condition: sciatica");
  });

  it("links the location page to the condition's hub when no local page was built", () => {
    const { plan } = planOf();
    const pompano = plan.byKind.location.find((p) => p.location === "pompano-beach-fl")!;
    expect(pompano.conditions).toEqual([
      {
        id: "chronic-low-back-pain",
        name: "Chronic Low Back Pain",
        url: "/acupuncture-for-chronic-low-back-pain/",
        local: false,
      },
      {
        id: "neck-pain",
        name: "Neck Pain",
        url: "/acupuncture-for-neck-pain/pompano-beach-fl/",
        local: true,
      },
      { id: "sciatica", name: "Sciatica", url: "/acupuncture-for-sciatica/", local: false },
    ]);
  });

  it("with pagePolicy: all, builds every offered combination, honouring allow-lists", () => {
    const root = copyFixture();
    edit(root, "site.yaml", (t) => `${t}pagePolicy: all\n`);
    const { plan } = planOf(root);
    const urls = plan.byKind.conditionLocation.map((p) => p.url);
    // Asbury Park offers only neck pain.
    expect(urls).not.toContain("/acupuncture-for-sciatica/asbury-park-nj/");
    expect(urls).toHaveLength(3 * 4 - 2);
    expect(plan.notBuilt).toEqual([]);
  });

  it("plans hubs, the locations index, the home page and a 404 that stays out of the sitemap", () => {
    const { plan } = planOf();
    expect(plan.byKind.condition.map((p) => p.url)).toEqual([
      "/acupuncture-for-chronic-low-back-pain/",
      "/acupuncture-for-neck-pain/",
      "/acupuncture-for-sciatica/",
    ]);
    expect(plan.byKind.location.map((p) => p.url)).toContain("/locations/pompano-beach-fl/");
    expect(plan.byKind.locations[0]!.url).toBe("/locations/");
    expect(plan.byKind.home[0]!.url).toBe("/");
    expect(plan.byKind.notFound[0]).toMatchObject({ url: "/404.html", indexable: false });
  });

  it("gives absolute canonical URLs on the site's origin", () => {
    const page = planOf().plan.byKind.conditionLocation[0]!;
    expect(page.canonical).toBe(`https://clinic.test${page.url}`);
  });

  it("uses the file name as slug unless the file sets one", () => {
    const root = copyFixture();
    edit(root, "locations/long-branch-nj.md", (t) =>
      t.replace("name: Long Branch", "name: Long Branch\nslug: long-branch"),
    );
    const urls = planOf(root).plan.byKind.location.map((p) => p.url);
    expect(urls).toContain("/locations/long-branch/");
    expect(urls).not.toContain("/locations/long-branch-nj/");
  });

  it("lists nearby pages of the same condition inside the page clinic's service area only, nearest first", () => {
    const { plan } = planOf();
    const page = plan.byKind.conditionLocation.find(
      (p) => p.url === "/acupuncture-for-neck-pain/red-bank-nj/",
    )!;
    // Pompano Beach also has a neck pain page, but it is 900 miles away: outside the north clinic's area.
    expect(page.nearby.map((n) => n.location)).toEqual(["long-branch-nj", "asbury-park-nj"]);
    expect(page.nearby[0]!.distance).toBeGreaterThan(3);
    expect(page.nearby[0]!.distance).toBeLessThan(5);
    const pompano = plan.byKind.conditionLocation.find(
      (p) => p.url === "/acupuncture-for-neck-pain/pompano-beach-fl/",
    )!;
    expect(pompano.nearby).toEqual([]);
    const hub = plan.byKind.location.find((p) => p.location === "pompano-beach-fl")!;
    expect(hub.nearby).toEqual([]);
  });

  it("gives each page one distance to its clinic, the same on the city page and the location page", () => {
    const { plan } = planOf();
    const city = plan.byKind.conditionLocation.find(
      (p) => p.url === "/acupuncture-for-neck-pain/long-branch-nj/",
    )!;
    const hub = plan.byKind.location.find((p) => p.location === "long-branch-nj")!;
    expect(city.clinicDistance).toBeGreaterThan(3);
    expect(city.clinicDistance).toBe(hub.clinicDistance);
    expect(city.clinicInTown).toBe(false);
    const clinicPage = plan.byKind.clinic.find((p) => p.clinic === "north")!;
    expect(clinicPage.served.find((s) => s.location === "long-branch-nj")!.distance).toBe(
      city.clinicDistance,
    );
    expect(
      plan.byKind.conditionLocation.find((p) => p.url === "/acupuncture-for-neck-pain/red-bank-nj/")!
        .clinicInTown,
    ).toBe(true);
  });

  it("links related conditions to the local page when built here, else to the hub", () => {
    const { plan } = planOf();
    const lowBack = plan.byKind.conditionLocation.find(
      (p) => p.url === "/acupuncture-for-chronic-low-back-pain/red-bank-nj/",
    )!;
    expect(lowBack.related).toEqual([
      { name: "Sciatica", url: "/acupuncture-for-sciatica/red-bank-nj/" },
      { name: "Neck Pain", url: "/acupuncture-for-neck-pain/red-bank-nj/" },
    ]);
    const neckAsbury = plan.byKind.conditionLocation.find(
      (p) => p.url === "/acupuncture-for-neck-pain/asbury-park-nj/",
    )!;
    expect(neckAsbury.related).toEqual([{ name: "Sciatica", url: "/acupuncture-for-sciatica/" }]);
  });

  it("gives each page its heading and, on pages about a place, the place, which the h1 joins", () => {
    const { plan } = planOf();
    const page = (url: string) => plan.pages.find((p) => p.url === url)!;
    expect(page("/acupuncture-for-sciatica/red-bank-nj/")).toMatchObject({
      h1: "Acupuncture for Sciatica in Red Bank, NJ",
      heading: "Acupuncture for Sciatica",
      place: "Red Bank, NJ",
    });
    expect(page(plan.byKind.location.find((p) => p.location === "red-bank-nj")!.url)).toMatchObject({
      h1: "Acupuncture in Red Bank, NJ",
      heading: "Acupuncture",
      place: "Red Bank, NJ",
    });
    const hub = page("/acupuncture-for-sciatica/");
    expect(hub).toMatchObject({ h1: "Acupuncture for Sciatica", heading: "Acupuncture for Sciatica" });
    expect(hub.place).toBeUndefined();
  });

  it("plans a page per clinic and per practitioner, with hubs and breadcrumbs", () => {
    const { plan } = planOf();
    expect(plan.byKind.clinics[0]).toMatchObject({ url: "/clinics/", h1: "Our clinics" });
    expect(plan.byKind.team[0]).toMatchObject({ url: "/team/", h1: "Our team" });
    const north = plan.byKind.clinic.find((p) => p.clinic === "north")!;
    expect(north).toMatchObject({ url: "/clinics/north/", h1: "Test Acupuncture North", indexable: true });
    expect(north.breadcrumbs.map((c) => c.url)).toEqual(["/", "/clinics/", "/clinics/north/"]);
    expect(north.served.map((s) => s.location)).toEqual(["red-bank-nj", "long-branch-nj", "asbury-park-nj"]);
    // The clinic in Red Bank links to its own town's pages where they exist.
    expect(north.conditions.map((c) => c.url)).toContain("/acupuncture-for-sciatica/red-bank-nj/");
    expect(north.team).toEqual([{ id: "ann-reviewer", name: "Ann Reviewer", url: "/team/ann-reviewer/" }]);
    const ann = plan.byKind.practitioner[0]!;
    expect(ann).toMatchObject({ url: "/team/ann-reviewer/", h1: "Ann Reviewer, DACM, L.Ac." });
    expect(ann.breadcrumbs.map((c) => c.url)).toEqual(["/", "/team/", "/team/ann-reviewer/"]);
    expect(ann.clinics.map((c) => c.url)).toEqual(["/clinics/north/", "/clinics/south/"]);
    expect(ann.reviewed.map((c) => c.url)).toContain("/acupuncture-for-sciatica/");
    expect(ann.title).toBe("Ann Reviewer, DACM, L.Ac. | Test Acupuncture");
  });

  it("builds breadcrumbs from home to the page", () => {
    const page = planOf().plan.byKind.conditionLocation.find(
      (p) => p.url === "/acupuncture-for-sciatica/red-bank-nj/",
    )!;
    expect(page.breadcrumbs.map((c) => c.url)).toEqual([
      "/",
      "/acupuncture-for-sciatica/",
      "/acupuncture-for-sciatica/red-bank-nj/",
    ]);
  });

  it("takes lastmod from the data's own dates", () => {
    const page = planOf().plan.byKind.conditionLocation.find(
      (p) => p.url === "/acupuncture-for-sciatica/red-bank-nj/",
    )!;
    // red-bank updated 2026-10-02, sciatica reviewed 2026-09-11
    expect(page.lastmod).toBe("2026-10-02");
  });

  it("drops the brand suffix first when a title would pass 60 characters", () => {
    const root = copyFixture();
    edit(root, "locations/long-branch-nj.md", (t) =>
      t.replace("name: Long Branch", "name: Long Branch Township"),
    );
    const { plan, warnings } = planOf(root);
    const page = plan.byKind.conditionLocation.find(
      (p) => p.url === "/acupuncture-for-sciatica/long-branch-nj/",
    )!;
    expect(page.title).toBe("Acupuncture for Sciatica in Long Branch Township, NJ");
    expect(warnings.filter((w) => w.message.startsWith(page.url))).toEqual([]);
  });

  it("warns, naming the file, when no title pattern fits", () => {
    const root = copyFixture();
    edit(root, "locations/long-branch-nj.md", (t) =>
      t.replace("name: Long Branch", "name: Long Branch Township of the Jersey Shore"),
    );
    const { plan, warnings } = planOf(root);
    const page = plan.byKind.conditionLocation.find(
      (p) => p.url === "/acupuncture-for-sciatica/long-branch-nj/",
    )!;
    expect(page.title).toBe("Acupuncture for Sciatica in Long Branch Township of the Jersey Shore");
    expect(
      warnings.some(
        (w) =>
          w.file === "locations/long-branch-nj.md" && w.field === "title" && w.message.includes("characters"),
      ),
    ).toBe(true);
  });

  it("keeps the brand when the title fits", () => {
    const page = planOf().plan.byKind.conditionLocation.find(
      (p) => p.url === "/acupuncture-for-sciatica/red-bank-nj/",
    )!;
    expect(page.title).toBe("Acupuncture for Sciatica in Red Bank, NJ | Test Acupuncture");
  });

  it("refuses a pattern placeholder the page kind cannot fill", () => {
    const root = copyFixture();
    edit(
      root,
      "site.yaml",
      (t) => `${t}patterns:\n  title:\n    condition: ["{therapy} for {condition} in {city}"]\n`,
    );
    expect(() => planOf(root)).toThrowError(DataError);
    try {
      planOf(root);
    } catch (error) {
      expect((error as DataError).problems[0]).toMatchObject({
        file: "site.yaml",
        field: "patterns.title.condition[0]",
      });
      expect((error as DataError).problems[0]!.message).toContain("{city}");
    }
  });

  it("fills every placeholder of the built-in patterns: each uses only what its page kind has", () => {
    for (const field of ["title", "description"] as const)
      for (const [kind, candidates] of Object.entries(defaultPatterns[field]))
        for (const candidate of candidates) {
          const sample = Object.fromEntries(placeholdersByKind[kind as PatternKind].map((n) => [n, "x"]));
          expect(fill(candidate, sample).missing, `${field}.${kind}: ${candidate}`).toEqual([]);
        }
    const { plan } = planOf();
    expect(plan.pages.filter((p) => /[{}]/.test(p.title + p.description)).map((p) => p.url)).toEqual([]);
  });

  it("refuses a copy sentence placeholder its page cannot fill, naming the field and its line", () => {
    const root = copyFixture();
    edit(root, "site.yaml", (t) => `${t}copy:\n  cta: "Call {clinic} about {condition} today."\n`);
    expect(() => planOf(root)).toThrowError(DataError);
    try {
      planOf(root);
    } catch (error) {
      expect((error as DataError).problems[0]).toMatchObject({
        file: "site.yaml",
        field: "copy.cta",
        line: expect.any(Number),
        message: "uses {condition}, which this sentence does not have",
      });
    }
  });

  it("#7: two pages on one URL are refused by the plan, naming both files", () => {
    // Validation refuses duplicate slugs in the data (tests/validation.test.ts); the plan checks
    // the URLs it makes itself, so a model that reaches it with two places on one slug fails.
    const model = modelOf(copyFixture());
    const [first, second] = model.locations as [Location, Location];
    model.locations = [first, { ...second, id: first.id }, ...model.locations.slice(2)];
    let problems: Problem[] = [];
    try {
      buildPlan(model);
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      problems = (error as DataError).problems;
    }
    const hub = `/locations/${first.id}/`;
    expect(problems).toContainEqual({
      file: second.file,
      field: "slug",
      message: `its page ${hub} collides with the page from ${first.file}`,
      hint: "give one of the files a different slug",
    });
  });

  it("#7: a condition slug used twice in the data is refused before planning", () => {
    const root = copyFixture();
    edit(root, "conditions/neck-pain.md", (t) =>
      t.replace("name: Neck Pain", "name: Neck Pain\nslug: sciatica"),
    );
    expect(() => modelOf(root)).toThrowError(/duplicate condition slug "sciatica"/);
  });
});
