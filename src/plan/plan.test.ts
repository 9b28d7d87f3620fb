import { describe, expect, it } from "vitest";
import { copyFixture, edit, modelOf } from "../../tests/helpers.ts";
import { DataError, type Problem } from "../problems.ts";
import type { Location } from "../validate/index.ts";
import { buildPlan } from "./index.ts";

function planOf(root = copyFixture()) {
  return buildPlan(modelOf(root));
}

describe("plan", () => {
  it("makes one page per allowed condition × location, honouring allow-lists", () => {
    const { plan } = planOf();
    const urls = plan.byKind.conditionLocation.map((p) => p.url);
    expect(urls).toContain("/acupuncture-for-sciatica/red-bank-nj/");
    expect(urls).toContain("/acupuncture-for-neck-pain/asbury-park-nj/");
    // Asbury Park offers only neck pain.
    expect(urls).not.toContain("/acupuncture-for-sciatica/asbury-park-nj/");
    expect(urls).toHaveLength(3 * 4 - 2);
  });

  it("plans hubs, the locations index, the home page and a 404 that stays out of the sitemap", () => {
    const { plan } = planOf();
    expect(plan.byKind.condition.map((p) => p.url)).toEqual(["/acupuncture-for-chronic-low-back-pain/", "/acupuncture-for-neck-pain/", "/acupuncture-for-sciatica/"]);
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
    edit(root, "locations/long-branch-nj.md", (t) => t.replace("name: Long Branch", "name: Long Branch\nslug: long-branch"));
    const urls = planOf(root).plan.byKind.location.map((p) => p.url);
    expect(urls).toContain("/locations/long-branch/");
    expect(urls).not.toContain("/locations/long-branch-nj/");
  });

  it("lists nearby locations offering the same condition, nearest first, never itself", () => {
    const { plan } = planOf();
    const page = plan.byKind.conditionLocation.find((p) => p.url === "/acupuncture-for-sciatica/red-bank-nj/")!;
    expect(page.nearby.map((n) => n.location)).toEqual(["long-branch-nj", "pompano-beach-fl"]);
    expect(page.nearby[0]!.distance).toBeGreaterThan(3);
    expect(page.nearby[0]!.distance).toBeLessThan(5);
    const neck = plan.byKind.conditionLocation.find((p) => p.url === "/acupuncture-for-neck-pain/red-bank-nj/")!;
    expect(neck.nearby.map((n) => n.location)).toEqual(["long-branch-nj", "asbury-park-nj", "pompano-beach-fl"]);
  });

  it("links related conditions to the local page when offered here, else to the hub", () => {
    const { plan } = planOf();
    const lowBack = plan.byKind.conditionLocation.find((p) => p.url === "/acupuncture-for-chronic-low-back-pain/red-bank-nj/")!;
    expect(lowBack.related).toEqual([
      { name: "Sciatica", url: "/acupuncture-for-sciatica/red-bank-nj/" },
      { name: "Neck Pain", url: "/acupuncture-for-neck-pain/red-bank-nj/" },
    ]);
    const neckAsbury = plan.byKind.conditionLocation.find((p) => p.url === "/acupuncture-for-neck-pain/asbury-park-nj/")!;
    expect(neckAsbury.related).toEqual([{ name: "Sciatica", url: "/acupuncture-for-sciatica/" }]);
  });

  it("builds breadcrumbs from home to the page", () => {
    const page = planOf().plan.byKind.conditionLocation.find((p) => p.url === "/acupuncture-for-sciatica/red-bank-nj/")!;
    expect(page.breadcrumbs.map((c) => c.url)).toEqual(["/", "/acupuncture-for-sciatica/", "/acupuncture-for-sciatica/red-bank-nj/"]);
  });

  it("takes lastmod from the data's own dates", () => {
    const page = planOf().plan.byKind.conditionLocation.find((p) => p.url === "/acupuncture-for-sciatica/red-bank-nj/")!;
    // red-bank updated 2026-10-02, sciatica reviewed 2026-09-11
    expect(page.lastmod).toBe("2026-10-02");
  });

  it("drops the brand suffix first when a title would pass 60 characters", () => {
    const root = copyFixture();
    edit(root, "locations/long-branch-nj.md", (t) => t.replace("name: Long Branch", "name: Long Branch Township"));
    const { plan, warnings } = planOf(root);
    const page = plan.byKind.conditionLocation.find((p) => p.url === "/acupuncture-for-sciatica/long-branch-nj/")!;
    expect(page.title).toBe("Acupuncture for Sciatica in Long Branch Township, NJ");
    expect(warnings.filter((w) => w.message.startsWith(page.url))).toEqual([]);
  });

  it("warns, naming the file, when no title pattern fits", () => {
    const root = copyFixture();
    edit(root, "locations/long-branch-nj.md", (t) => t.replace("name: Long Branch", "name: Long Branch Township of the Jersey Shore"));
    const { plan, warnings } = planOf(root);
    const page = plan.byKind.conditionLocation.find((p) => p.url === "/acupuncture-for-sciatica/long-branch-nj/")!;
    expect(page.title).toBe("Acupuncture for Sciatica in Long Branch Township of the Jersey Shore");
    expect(warnings.some((w) => w.file === "locations/long-branch-nj.md" && w.field === "title" && w.message.includes("characters"))).toBe(true);
  });

  it("keeps the brand when the title fits", () => {
    const page = planOf().plan.byKind.conditionLocation.find((p) => p.url === "/acupuncture-for-sciatica/red-bank-nj/")!;
    expect(page.title).toBe("Acupuncture for Sciatica in Red Bank, NJ | Test Acupuncture");
  });

  it("refuses a pattern placeholder the page kind cannot fill", () => {
    const root = copyFixture();
    edit(root, "site.yaml", (t) => `${t}patterns:\n  title:\n    condition: ["{therapy} for {condition} in {city}"]\n`);
    expect(() => planOf(root)).toThrowError(DataError);
    try {
      planOf(root);
    } catch (error) {
      expect((error as DataError).problems[0]).toMatchObject({ file: "site.yaml", field: "patterns.title.condition[0]" });
      expect((error as DataError).problems[0]!.message).toContain("{city}");
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
    expect(problems).toContainEqual({ file: second.file, field: "slug", message: `its page ${hub} collides with the page from ${first.file}`, hint: "give one of the files a different slug" });
  });

  it("#7: a condition slug used twice in the data is refused before planning", () => {
    const root = copyFixture();
    edit(root, "conditions/neck-pain.md", (t) => t.replace("name: Neck Pain", "name: Neck Pain\nslug: sciatica"));
    expect(() => modelOf(root)).toThrowError(/duplicate condition slug "sciatica"/);
  });
});
