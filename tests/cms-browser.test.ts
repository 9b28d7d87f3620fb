/**
 * The editor at /admin/ in Debian's Chromium, in Sveltia's local-folder mode: it loads the
 * generated config, lists the locations, and a city created in the form is a file the build
 * accepts. The folder picker cannot be driven headless, so the page's own private file system
 * (OPFS) stands in for the project folder, filled with a copy of the project's files.
 *
 * CLINIC_PAGES_SCREENSHOTS=1 runs it on the sample site and writes the README's screenshots to docs/.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import puppeteer, { type Browser, type ElementHandle, type Page } from "puppeteer-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../src/build/build.ts";
import { packageRoot } from "../src/rules/package-paths.ts";
import { serveSite, type RunningServer } from "../src/serve/server.ts";
import { chromiumFlags as flags, chromiumPath as chromium } from "./browser.ts";
import { copyFixture, modelOf } from "./helpers.ts";

const screenshots = process.env.CLINIC_PAGES_SCREENSHOTS === "1";

/** Whether a request stays on this machine (the test server, or data/blob URLs the page makes). */
function local(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:")) return true;
  const host = new URL(url).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}

let temp: string;
let root: string;
let server: RunningServer;
let chrome: chromeLauncher.LaunchedChrome;
let browser: Browser;
let page: Page;
const refused: string[] = [];

/** The project's data files, as [path, base64] pairs to copy into the browser. */
function projectFiles(dir: string): Array<[string, string]> {
  const files: Array<[string, string]> = [
    ["site.yaml", readFileSync(join(dir, "site.yaml")).toString("base64")],
  ];
  const walk = (folder: string) => {
    if (!existsSync(join(dir, folder))) return;
    for (const entry of readdirSync(join(dir, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files.push([path, readFileSync(join(dir, path)).toString("base64")]);
    }
  };
  for (const folder of ["locations", "conditions", "images"]) walk(folder);
  return files;
}

async function shoot(name: string): Promise<void> {
  if (!screenshots) return;
  const png = await page.screenshot();
  await sharp(png)
    .resize({ width: 960 })
    .png({ palette: true, quality: 80, compressionLevel: 9 })
    .toFile(join(packageRoot, "docs", name));
}

/** The field labelled `label`, scrolled into view (Sveltia renders fields as they scroll in). */
async function field(label: string) {
  for (let tries = 0; tries < 40; tries++) {
    const handle = await page.evaluateHandle((label) => {
      const found = [...document.querySelectorAll("[id$='-label']")].find(
        (l) => l.textContent?.trim().replace(/\s*\*$/, "") === label,
      );
      const target = found ? document.querySelector(`[aria-labelledby~='${found.id}']`) : null;
      target?.scrollIntoView({ block: "center" });
      return target;
    }, label);
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (element) return element;
    await page.mouse.move(300, 500);
    await page.mouse.wheel({ deltaY: 400 });
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no field labelled "${label}" in the editor`);
}

/** Clicks the field labelled `label`, finding it again when the form re-rendered under the pointer. */
async function clickField(label: string): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      return await (await field(label)).click();
    } catch (error) {
      if (tries === 3) throw error;
      await settle(200);
    }
  }
}

async function type(label: string, text: string): Promise<void> {
  await clickField(label);
  // A sentence goes into a plain text field as one input event, as pasted text arrives: typing it
  // key by key re-renders the form once per character. Short values (the date field reads
  // keystrokes) and the rich-text body, which saves its text only after typing stops, are typed.
  const plain = await page.evaluate(() => document.activeElement instanceof HTMLTextAreaElement);
  if (text.length <= 20 || !plain) return page.keyboard.type(text);
  await page.keyboard.sendCharacter(text);
  await page.waitForFunction(
    (text: string) => (document.activeElement as HTMLTextAreaElement).value.includes(text),
    { timeout: 5_000 },
    text,
  );
}

async function clickButton(text: string): Promise<void> {
  const clicked = await page.evaluate((text) => {
    // A button's text may start with its icon's name (the icon font draws it as a symbol).
    const words = (b: Element) => ((b as HTMLElement).innerText ?? "").trim().split(/\s+/);
    const button = [...document.querySelectorAll("button, [role=button]")].find(
      (b) => words(b).slice(-text.split(" ").length).join(" ") === text,
    );
    (button as HTMLElement | undefined)?.click();
    return button !== undefined;
  }, text);
  expect(clicked, `a button "${text}"`).toBe(true);
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bodyText = () => page.evaluate(() => document.body.innerText);

/** Waits (up to 20 s) until the page shows every one of `texts`, instead of sleeping a fixed time. */
async function waitForText(...texts: string[]): Promise<void> {
  await page
    .waitForFunction(
      (texts: string[]) => texts.every((t) => document.body.innerText.includes(t)),
      { timeout: 20_000 },
      texts,
    )
    .catch(() => undefined);
}

beforeAll(async () => {
  expect(existsSync(chromium), `Chromium is needed at ${chromium}`).toBe(true);
  temp = mkdtempSync(join(tmpdir(), "clinic-cms-"));
  root = screenshots ? join(temp, "project") : copyFixture();
  if (screenshots)
    for (const part of ["site.yaml", "locations", "conditions", "images"])
      cpSync(join(packageRoot, part), join(root, part), { recursive: true });
  const out = join(temp, "output");
  await build({ root, outDir: out, staging: true, today: "2026-11-25" });
  server = await serveSite(out, { port: 0 });
  chrome = await chromeLauncher.launch({
    chromePath: chromium,
    chromeFlags: flags,
    userDataDir: mkdtempSync(join(temp, "chrome-")),
  });
  browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (local(url)) return void request.continue();
    // Anything else would be the editor reaching a CDN or another host: refused and reported below.
    refused.push(url);
    return void request.abort();
  });
  // The folder picker returns the copy of the project in the page's private file system.
  await page.evaluateOnNewDocument(() => {
    (
      window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }
    ).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle("project");
  });
}, 180_000);

afterAll(async () => {
  await browser?.disconnect();
  await chrome?.kill();
  await server?.close();
  for (const dir of [temp, root]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the editor at /admin/ in Chromium", () => {
  it("loads the generated config and offers local editing", async () => {
    await page.goto(`${server.url}admin/`, { waitUntil: "networkidle0" });
    await waitForText("Work with Local Repository");
    const text = await bodyText();
    expect(text).toContain("Work with Local Repository");
    expect(text).not.toMatch(/configuration (file )?(error|is invalid)/i);
    await shoot("cms-sign-in.png");
  }, 60_000);

  it("lists the project's locations in local-folder mode", async () => {
    await page.evaluate(async (files: Array<[string, string]>) => {
      const project = await (
        await navigator.storage.getDirectory()
      ).getDirectoryHandle("project", { create: true });
      // Sveltia refuses a folder without .git as "not a repository root".
      await project.getDirectoryHandle(".git", { create: true });
      for (const [path, base64] of files) {
        const parts = path.split("/");
        let dir = project;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
        await writable.close();
      }
    }, projectFiles(root));
    await clickButton("Work with Local Repository");
    const names = modelOf(root).locations.map((location) => `${location.name}, ${location.region}`);
    await waitForText(...names);
    const text = await bodyText();
    for (const location of modelOf(root).locations)
      expect(text).toContain(`${location.name}, ${location.region}`);
    await shoot("cms-locations.png");
  }, 60_000);

  it("creates a city from the form as a file the build accepts", async () => {
    const model = modelOf(root);
    const clinic = model.site.clinics.find((c) => c.id === "port-st-lucie") ?? model.site.clinics[0]!;
    await clickButton("New");
    await field("Name");
    await type("Name", "Palm City");
    await type("Region", "FL");
    await type("Latitude", "27.16783");
    await type("Longitude", "-80.26616");
    await clickField(clinic.name);
    await type(
      "Directions",
      "From Palm City, cross the Palm City Bridge and take Kanner Highway north to US-1; the clinic is about twenty minutes away.",
    );
    await type("Updated", "11252026");
    await type(
      "Local copy",
      "Palm City sits just across the St. Lucie River from Stuart, and many patients here are retirees.",
    );
    await settle(500);
    await shoot("cms-new-location.png");
    await clickButton("Save");
    // The editor writes the file into the page's private file system: wait until it is there.
    const saved = await page
      .waitForFunction(
        async () => {
          try {
            const project = await (await navigator.storage.getDirectory()).getDirectoryHandle("project");
            const file = await (
              await project.getDirectoryHandle("locations")
            ).getFileHandle("palm-city-fl.md");
            return await (await file.getFile()).text();
          } catch {
            return false;
          }
        },
        { timeout: 20_000, polling: 100 },
      )
      .catch(async (error: Error) => {
        // Say why, for a run that fails on a busy machine: the editor's own messages about the form.
        const said = (await bodyText())
          .split("\n")
          .filter((line) => /required|invalid|error|must|fail/i.test(line));
        throw new Error(
          `${error.message}: the editor did not save palm-city-fl.md; it says: ${said.join(" | ")}`,
        );
      });
    const written = (await saved.jsonValue()) as string;
    expect(written).toContain("name: Palm City");
    expect(written).toContain(`clinic: ${clinic.id}`);
    expect(written).toContain("lat: 27.16783");
    expect(written).toContain("cross the Palm City Bridge");
    writeFileSync(join(root, "locations/palm-city-fl.md"), written);
    const palmCity = modelOf(root).locations.find((l) => l.id === "palm-city-fl");
    expect(palmCity).toMatchObject({
      name: "Palm City",
      region: "FL",
      clinic: clinic.id,
      updated: "2026-11-25",
      geo: { lat: 27.16783, lng: -80.26616 },
    });
    expect(palmCity!.body).toContain("St. Lucie River");
  }, 60_000);

  it("opens site.yaml as the site settings form, with its clinics and practitioners", async () => {
    await page.goto(`${server.url}admin/#/collections/settings/entries/site`, { waitUntil: "networkidle0" });
    // The form renders its later fields (copy, quality) as they scroll into view; the config test covers them.
    const labels = ["Site address (base URL)", "Organization", "Practitioners", "Clinics"];
    await waitForText(...labels);
    let text = await bodyText();
    // A hash-only change on the busy machine is sometimes missed by the editor's router: ask again.
    if (!labels.every((label) => text.includes(label))) {
      await page.evaluate(() => (location.hash = "#/collections/settings/entries/site"));
      await waitForText(...labels);
      text = await bodyText();
    }
    for (const label of labels) expect(text).toContain(label);
    const organization = modelOf(root).site.organization.name;
    await page
      .waitForFunction(
        (name: string) => [...document.querySelectorAll("input")].some((i) => i.value === name),
        { timeout: 20_000 },
        organization,
      )
      .catch(() => undefined);
    const values = await page.evaluate(() => [...document.querySelectorAll("input")].map((i) => i.value));
    expect(values).toContain(organization);
  }, 60_000);

  it("loaded its fonts from the site and asked no other host for anything", async () => {
    const fonts = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/"/g, "")),
    );
    for (const family of ["Source Sans 3", "Material Symbols Outlined"]) expect(fonts).toContain(family);
    expect(refused, refused.join("\n")).toEqual([]);
  });
});
