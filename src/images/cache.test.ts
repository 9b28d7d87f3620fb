import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ImageCache } from "./cache.ts";

const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), "clinic-cache-"));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("the image cache", () => {
  it("serves cached images at once and draws missing ones only after drawAfter settles", async () => {
    const dir = temp();
    const out = temp();
    await new ImageCache(dir).provide("a".repeat(64), "jpg", join(out, "old.jpg"), async () =>
      Buffer.from("old"),
    );
    let release!: () => void;
    const rendering = new Promise<void>((resolve) => (release = resolve));
    const cache = new ImageCache(dir, rendering);
    const drawn: string[] = [];
    const hit = cache.provide("a".repeat(64), "jpg", join(out, "hit.jpg"), async () => Buffer.from("again"));
    const miss = cache.provide("b".repeat(64), "jpg", join(out, "new.jpg"), async () => {
      drawn.push("new");
      return Buffer.from("new");
    });
    await hit;
    expect(readFileSync(join(out, "hit.jpg"), "utf8")).toBe("old");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drawn).toEqual([]);
    release();
    await miss;
    expect(drawn).toEqual(["new"]);
    expect(readFileSync(join(out, "new.jpg"), "utf8")).toBe("new");
  });

  it("draws after a render that failed, too (the build reports the render's error)", async () => {
    const failed = Promise.reject(new Error("render failed"));
    failed.catch(() => {});
    const out = temp();
    await new ImageCache(temp(), failed).provide("c".repeat(64), "png", join(out, "x.png"), async () =>
      Buffer.from("x"),
    );
    expect(readFileSync(join(out, "x.png"), "utf8")).toBe("x");
  });
});
