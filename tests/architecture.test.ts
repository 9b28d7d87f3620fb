import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { packagePath } from "../src/rules/package-paths.ts";

// The stages of DESIGN.md, in the one direction they depend: a module may import from its own
// folder and from any lower layer, never from a higher layer or from another folder of its own
// layer. The first two layers hold the low-level rules every stage shares.
const layers: Array<{ name: string; folders: string[] }> = [
  { name: "problems", folders: ["problems.ts"] },
  { name: "shared rules", folders: ["rules", "vocabulary"] },
  { name: "load", folders: ["load"] },
  { name: "validate", folders: ["validate"] },
  { name: "plan", folders: ["plan"] },
  // The outputs made from the plan, side by side: none of them reads another.
  { name: "page parts", folders: ["structured-data", "images", "map", "cms"] },
  // Pages are rendered from the plan and the parts above.
  { name: "render", folders: ["render"] },
  { name: "audit", folders: ["audit"] },
  { name: "publish", folders: ["publish", "indexnow"] },
  // Compositions of the stages: the build, the preview, the authoring tools, the local server.
  { name: "composition", folders: ["build", "authoring", "serve"] },
  { name: "cli", folders: ["cli"] },
];

const src = packagePath("src");

/** The folder (or top-level file) of `src/` a path belongs to. */
function unitOf(path: string): string {
  return relative(src, path).split(sep)[0]!;
}

function layerOf(unit: string): number {
  return layers.findIndex((layer) => layer.folders.includes(unit));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Every relative import of a file (static, type-only, re-export and dynamic), with its line. */
function relativeImports(text: string): Array<{ specifier: string; line: number }> {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .filter((file) => file.fileName.startsWith("."))
    .map((file) => ({
      specifier: file.fileName,
      line: text.slice(0, file.pos).split("\n").length,
    }));
}

/** Imports against the layer order, as `file:line imports specifier (layer → layer)`. */
function layerViolations(files: Array<{ path: string; text: string }>): string[] {
  return files.flatMap(({ path, text }) => {
    const from = unitOf(path);
    const fromLayer = layerOf(from);
    return relativeImports(text).flatMap(({ specifier, line }) => {
      const target = resolve(dirname(path), specifier);
      const where = `src/${relative(src, path).split(sep).join("/")}:${line}`;
      if (!target.startsWith(src + sep))
        return [`${where} imports ${specifier} (outside src/: shipped code needs no tests or bench)`];
      const to = unitOf(target);
      const toLayer = layerOf(to);
      if (to === from || toLayer < fromLayer) return [];
      return [
        `${where} imports ${specifier} (${from} → ${to}: ${layerName(toLayer)} is not below ${layerName(fromLayer)})`,
      ];
    });
  });
}

function layerName(index: number): string {
  return layers[index]?.name ?? "no layer";
}

// Tests may compose stages to build their fixtures; the rule is for the code that ships.
const shipped = sourceFiles(src).filter((path) => !path.endsWith(".test.ts"));

describe("stages depend one way (load → validate → plan → parts → render → audit → publish → build → cli)", () => {
  it("every folder of src/ has a place in the layer order", () => {
    const unplaced = [...new Set(shipped.map(unitOf))].filter((unit) => layerOf(unit) < 0);
    expect(unplaced, "add these folders to the layers in tests/architecture.test.ts").toEqual([]);
  });

  it("no module imports from a later stage or a sibling stage", () => {
    const files = shipped.map((path) => ({ path, text: readFileSync(path, "utf8") }));
    expect(layerViolations(files)).toEqual([]);
  });

  it("catches a backward import, a type-only one and a dynamic one", () => {
    const file = (name: string, text: string) => ({ path: join(src, name), text });
    const found = layerViolations([
      file("validate/a.ts", 'import { x } from "../plan/index.ts";'),
      file("plan/b.ts", 'import type { Y } from "../render/render-data.ts";'),
      file("render/c.ts", '\nconst m = await import("../build/prepare.ts");'),
      file("images/d.ts", 'export { z } from "../map/index.ts";'),
      file("audit/e.ts", 'import { ok } from "../plan/index.ts";\nimport { same } from "./f.ts";'),
      file("plan/g.ts", 'import { fixtureRoot } from "../../tests/helpers.ts";'),
    ]);
    expect(found).toEqual([
      "src/validate/a.ts:1 imports ../plan/index.ts (validate → plan: plan is not below validate)",
      "src/plan/b.ts:1 imports ../render/render-data.ts (plan → render: render is not below plan)",
      "src/render/c.ts:2 imports ../build/prepare.ts (render → build: composition is not below render)",
      "src/images/d.ts:1 imports ../map/index.ts (images → map: page parts is not below page parts)",
      "src/plan/g.ts:1 imports ../../tests/helpers.ts (outside src/: shipped code needs no tests or bench)",
    ]);
  });
});
