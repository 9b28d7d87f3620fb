import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { copyFixture, edit } from "../../tests/helpers.ts";
import { previewData } from "./preview.ts";

describe("preview data (npm start)", () => {
  it("has the editor at /admin/, reloads on every rebuild, and on bad data keeps the last good site with the report attached", async () => {
    const root = copyFixture();
    const load = previewData(root);
    expect((await load()).previewError).toBeUndefined();
    expect(JSON.parse(readFileSync(join(root, "output/admin/config.json"), "utf8")).collections).toHaveLength(3);
    edit(root, "locations/red-bank-nj.md", (t) => t.replace("name: Red Bank", "name: Red Bank on the River"));
    expect((await load()).locations["red-bank-nj"]!.name).toBe("Red Bank on the River");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    edit(root, "locations/red-bank-nj.md", (t) => t.replace("clinic: north", "clinic: nort"));
    const data = await load();
    expect(data.locations["red-bank-nj"]!.name).toBe("Red Bank on the River");
    expect(data.previewError).toContain('locations/red-bank-nj.md:5 clinic: unknown clinic "nort"');
    expect(data.previewError).toContain("the preview shows the last good data");
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
