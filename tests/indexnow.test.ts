import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../src/build/build.ts";
import { copyFixture, edit, runCommand, type CommandResult } from "./helpers.ts";
import { main as indexnowCommand } from "../src/cli/indexnow.ts";

const key = "7c1e9b42-d0a3-4f58-8e26-b5f1c3a9d704";

/** Runs `npm run indexnow` in-process as a pipeline would (the test's own server answers it). */
function indexnow(args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  return runCommand(indexnowCommand, ["--root", root, ...args], { CLINIC_PAGES_ENV: "", ...env });
}

let root: string;
let dir: string;
let endpoint: string;
let close: () => Promise<void>;
let attempts = 0;
const received: Array<{ host: string; key: string; keyLocation: string; urlList: string[] }> = [];

beforeAll(async () => {
  root = copyFixture();
  dir = mkdtempSync(join(tmpdir(), "clinic-indexnow-"));
  edit(root, "site.yaml", (t) => `${t}\nindexNow:\n  key: ${key}\n`);
  const options = { root, outDir: join(root, "output"), today: "2026-11-25" };
  await build(options);
  // The live site's manifest, kept by the pipeline; then a marketer edits one city and the site is rebuilt.
  const previous = join(dir, "previous-manifest.json");
  copyFileSync(join(root, "report/manifest.json"), previous);
  edit(root, "locations/red-bank-nj.md", (t) =>
    t.replace(
      "Red Bank patients come from the West Side",
      "Red Bank patients come from the West Side of town",
    ),
  );
  await build({ ...options, since: previous });
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      // The first request is turned away (rate limit), the retry accepted.
      const status = ++attempts === 1 ? 429 : 200;
      if (status === 200) received.push(JSON.parse(text));
      res.writeHead(status, status === 429 ? { "retry-after": "0" } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/indexnow`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  await close();
  for (const folder of [root, dir]) rmSync(folder, { recursive: true, force: true });
});

describe("npm run indexnow", () => {
  it("the build writes the key file at the site root", () => {
    expect(readFileSync(join(root, "output", `${key}.txt`), "utf8")).toBe(key);
  });

  it("--dry-run prints the request with the changed pages and sends nothing", async () => {
    const result = await indexnow([
      "--since",
      join(dir, "previous-manifest.json"),
      "--endpoint",
      endpoint,
      "--dry-run",
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`POST ${endpoint}`);
    expect(result.stdout).toContain('"host": "clinic.test"');
    expect(result.stdout).toContain(`"keyLocation": "https://clinic.test/${key}.txt"`);
    expect(result.stdout).toContain("https://clinic.test/locations/red-bank-nj/");
    expect(result.stdout).not.toContain("pompano-beach-fl");
    expect(result.stdout).toMatch(/Dry run: \d+ URLs in 1 request; nothing was sent\./);
    expect(received).toEqual([]);
  });

  it("submits the added and changed pages, retrying after a 429", async () => {
    const result = await indexnow(["--since", join(dir, "previous-manifest.json"), "--endpoint", endpoint]);
    expect(result.stderr).toContain("HTTP 429; retrying");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Submitted \d+ URLs to .* in 1 request \(HTTP 200\)\./);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      host: "clinic.test",
      key,
      keyLocation: `https://clinic.test/${key}.txt`,
    });
    expect(received[0]!.urlList).toContain("https://clinic.test/locations/red-bank-nj/");
    expect(received[0]!.urlList.every((u) => !u.includes("/admin/") && !u.endsWith("404.html"))).toBe(true);
  });

  it("never submits a staging build, which gets no key file", async () => {
    const out = join(dir, "staging", "output");
    await build({ root, outDir: out, staging: true, today: "2026-11-25" });
    expect(existsSync(join(out, `${key}.txt`))).toBe(false);
    const result = await indexnow([
      "--since",
      join(dir, "previous-manifest.json"),
      "--out",
      out,
      "--endpoint",
      endpoint,
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("This is a staging build: nothing is sent to IndexNow.");
    expect(received).toHaveLength(1);
  });

  it("a bad key in the environment is one clear error, not a stack trace", async () => {
    const result = await indexnow(["--since", join(dir, "previous-manifest.json"), "--endpoint", endpoint], {
      CLINIC_PAGES_INDEXNOW_KEY: "not a key",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "CLINIC_PAGES_INDEXNOW_KEY indexNow.key: expected 8 to 128 letters, digits or dashes",
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toContain("Nothing was sent to IndexNow.");
  });
});
