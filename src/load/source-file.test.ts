import { describe, expect, it } from "vitest";
import { setFrontMatterFields } from "../authoring/front-matter-edit.ts";
import { parseMarkdown } from "./source-file.ts";

const file = "locations/a.md";

describe("reading a data file's front matter", () => {
  it("points at the file's own line for a YAML error, after a BOM and with Windows line endings", () => {
    const { problems } = parseMarkdown(file, "\uFEFF---\r\nname: A\r\ngeo: [1, 2\r\n---\r\nCopy.\r\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, line: 3 });
  });

  it("keeps the line of every field and the Markdown under the closing line", () => {
    const { file: parsed } = parseMarkdown(file, "---\nname: A\nregion: FL\n---\n\nLocal copy.\n");
    expect(parsed!.data).toEqual({ name: "A", region: "FL" });
    expect(parsed!.lineOf(["region"])).toBe(3);
    expect(parsed!.body).toBe("Local copy.\n");
  });

  it("names a front matter that is never closed, instead of reading the copy as YAML", () => {
    const { problems } = parseMarkdown(file, "---\nname: A\n\nLocal copy.\n");
    expect(problems).toEqual([
      expect.objectContaining({ file, line: 1, message: "the front matter has no closing '---' line" }),
    ]);
  });

  it("ends the front matter where the import's editor does: at a line that is only '---'", () => {
    const text = "---\nname: A\nnote: |\n  ---x and ----\n---  \nCopy with\n---\na rule.\n";
    const { file: parsed } = parseMarkdown(file, text);
    expect(parsed!.data).toEqual({ name: "A", note: "---x and ----\n" });
    expect(parsed!.body).toBe("Copy with\n---\na rule.\n");
    const edited = setFrontMatterFields(text, [{ path: ["name"], value: "B" }])!;
    expect(edited).toBe(text.replace("name: A", "name: B"));
    expect(parseMarkdown(file, edited).file!.body).toBe(parsed!.body);
  });
});
