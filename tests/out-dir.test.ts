import { spawn } from "node:child_process";
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { main as buildCommand } from "../src/cli/build.ts";
import { packageRoot } from "../src/rules/package-paths.ts";
import { checkOutDir, outMarker } from "../src/publish/out-dir.ts";
import { removeInPlaceLimit, stagingDir } from "../src/publish/swap.ts";
import { nodeArgs, project, runCommand, type CommandResult } from "./helpers.ts";

/** `npm run build -- --root ROOT [args]`, in-process, run from inside the project as a marketer would. */
function runBuild(root: string, args: string[] = []): Promise<CommandResult> {
  return runCommand(buildCommand, ["--root", root, ...args], {}, root);
}

/** Every file of the project, so a refusal can be shown to have deleted nothing. */
function listing(root: string): string[] {
  return readdirSync(root, { recursive: true }).map(String).sort();
}

function expectRefused(result: CommandResult, why: string) {
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("(--out)");
  expect(result.stderr).toContain(why);
  expect(result.stderr).toContain("choose a new folder name");
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe("#12.1 --out never deletes a marketer's work", () => {
  it("#12.1 --out . is refused", async () => {
    const root = project();
    const before = listing(root);
    expectRefused(await runBuild(root, ["--out", "."]), "is the project folder itself");
    expect(listing(root)).toEqual(before);
  });

  it("#12.1 --out with the project's parent folder is refused", async () => {
    const root = project();
    const before = listing(root);
    expectRefused(await runBuild(root, ["--out", ".."]), "contains the project folder");
    expect(listing(root)).toEqual(before);
  });

  it("#12.1 --out locations is refused and the location files stay", async () => {
    const root = project();
    const before = listing(root);
    expectRefused(await runBuild(root, ["--out", "locations"]), "is the locations/ folder of");
    expect(listing(root)).toEqual(before);
    expect(existsSync(join(root, "locations/red-bank-nj.md"))).toBe(true);
  });

  it("#12.1 --out inside conditions/ or src/ is refused", async () => {
    const root = project();
    mkdirSync(join(root, "src"));
    writeFileSync(join(root, "src/own.ts"), "export {};\n");
    const before = listing(root);
    expectRefused(await runBuild(root, ["--out", "conditions/site"]), "is inside the conditions/ folder");
    expectRefused(await runBuild(root, ["--out", "src"]), "is the src/ folder");
    expect(listing(root)).toEqual(before);
  });

  it("#12.1 --out somefile is refused and the file is kept", async () => {
    const root = project();
    writeFileSync(join(root, "notes.txt"), "my notes");
    expectRefused(await runBuild(root, ["--out", "notes.txt"]), "is a file, not a folder");
    expect(readFileSync(join(root, "notes.txt"), "utf8")).toBe("my notes");
  });

  it("#12.1 a non-empty folder clinic-pages did not create is refused", async () => {
    const root = project();
    mkdirSync(join(root, "mine"));
    writeFileSync(join(root, "mine/plan.docx"), "plan");
    expectRefused(await runBuild(root, ["--out", "mine"]), "is a folder clinic-pages did not create");
    expect(readFileSync(join(root, "mine/plan.docx"), "utf8")).toBe("plan");
  });

  it("#12.1 a symbolic link to the project folder is refused", async () => {
    const root = project();
    symlinkSync(root, join(root, "loop"));
    const before = listing(root);
    expectRefused(await runBuild(root, ["--out", "loop"]), "is the project folder itself");
    expect(listing(root)).toEqual(before);
  });

  it("#12.1 a folder it built is marked and replaced by the next build", async () => {
    const root = project();
    expect((await runBuild(root, ["--out", "site"])).status).toBe(0);
    expect(existsSync(join(root, "site", outMarker))).toBe(true);
    writeFileSync(join(root, "site/stale.html"), "old");
    const again = await runBuild(root, ["--out", "site"]);
    expect(again.status).toBe(0);
    expect(existsSync(join(root, "site/stale.html"))).toBe(false);
    expect(existsSync(join(root, "site/index.html"))).toBe(true);
  });

  it("#12.1 an output/ from before the marker is still replaced when it holds only build files", async () => {
    const root = project();
    expect((await runBuild(root)).status).toBe(0);
    rmSync(join(root, "output", outMarker));
    expect((await runBuild(root)).status).toBe(0);
    expect(existsSync(join(root, "output", outMarker))).toBe(true);
    // The same folder with a file of the marketer's in it is not a build's any more.
    rmSync(join(root, "output", outMarker));
    writeFileSync(join(root, "output/keep-me.txt"), "mine");
    expectRefused(await runBuild(root), "is a folder clinic-pages did not create");
    expect(readFileSync(join(root, "output/keep-me.txt"), "utf8")).toBe("mine");
  });
});

describe("#12.11 the swap", () => {
  it("#12.11 a symlinked output/ keeps its link; the site lands behind it", async () => {
    const root = project();
    mkdirSync(join(root, "www"));
    symlinkSync(join(root, "www"), join(root, "output"));
    const result = await runBuild(root);
    expect(result.status).toBe(0);
    expect(lstatSync(join(root, "output")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, "output"))).toBe(join(root, "www"));
    expect(existsSync(join(root, "www/index.html"))).toBe(true);
  });

  it("#12.11 a kill between the two renames is recovered before a failing build reports", async () => {
    const root = project();
    expect((await runBuild(root)).status).toBe(0);
    const before = readFileSync(join(root, "output/index.html"), "utf8");
    // The state a kill between `output → output.previous` and `building → output` leaves.
    renameSync(join(root, "output"), join(root, "output.previous"));
    writeFileSync(join(root, "locations/red-bank-nj.md"), "");
    const result = await runBuild(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("output/ is unchanged");
    expect(readFileSync(join(root, "output/index.html"), "utf8")).toBe(before);
    expect(existsSync(join(root, "output.previous"))).toBe(false);
  });
});

describe("#11 the old site is removed after the swap without the build waiting for it", () => {
  const leftovers = (root: string) => readdirSync(root).filter((name) => name.startsWith("output.removing-"));

  it("#11 a rebuild deletes a small old site before it returns", async () => {
    const root = project();
    expect((await runBuild(root)).status).toBe(0);
    expect((await runBuild(root)).status).toBe(0);
    expect(readFileSync(join(root, "output/index.html"), "utf8")).toContain("<h1");
    expect(leftovers(root)).toEqual([]);
    expect(existsSync(join(root, "output.previous"))).toBe(false);
  });

  it("#11 a rebuild returns with the new site in place and a large old one goes away in the background", async () => {
    const root = project();
    expect((await runBuild(root)).status).toBe(0);
    // More files than are deleted in place: the old site is handed to a detached process.
    const bulk = join(root, "output", "bulk");
    mkdirSync(bulk);
    writeFileSync(join(bulk, "0.html"), "");
    for (let i = 1; i <= removeInPlaceLimit; i++) linkSync(join(bulk, "0.html"), join(bulk, `${i}.html`));
    expect((await runBuild(root)).status).toBe(0);
    expect(existsSync(join(root, "output/bulk"))).toBe(false);
    expect(readFileSync(join(root, "output/index.html"), "utf8")).toContain("<h1");
    const started = Date.now();
    while (leftovers(root).length > 0 && Date.now() - started < 20_000)
      await new Promise((done) => setTimeout(done, 100));
    expect(leftovers(root)).toEqual([]);
    expect(existsSync(join(root, "output.previous"))).toBe(false);
  });

  it("#11 an old site whose removal was cut short is removed by the next build", async () => {
    const root = project();
    // The build that left it (a process id no system hands out) is gone.
    const stale = join(root, "output.removing-999999999-1");
    mkdirSync(join(stale, "a-page"), { recursive: true });
    writeFileSync(join(stale, "a-page", "index.html"), "<p>old</p>");
    expect((await runBuild(root)).status).toBe(0);
    expect(existsSync(stale)).toBe(false);
  });
});

describe("#12.6 two builds into one output", () => {
  it("#12.6 the second build refuses while the first is writing, naming it", async () => {
    const root = project();
    // A live process other than the build (this build runs in the test's own process) holding
    // the lock with its build folder present.
    const holder = spawn("sleep", ["60"], { stdio: "ignore" });
    onTestFinished(() => void holder.kill());
    const pid = holder.pid!;
    writeFileSync(join(root, "output.lock"), `${pid}\n`);
    mkdirSync(join(root, `output.building-${pid}`));
    const result = await runBuild(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`another build (process ${pid}) is writing this folder right now`);
    expect(existsSync(join(root, `output.building-${pid}`))).toBe(true);
    expect(existsSync(join(root, "output"))).toBe(false);
  });

  it("#12.6 a second build that reaches the swap stage while a real build is writing refuses", async () => {
    const root = project();
    // The first build must be another process: a build never counts its own process's lock.
    const first = spawn(process.execPath, nodeArgs(join(packageRoot, "src/cli/build.ts"), ["--root", root]), {
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((done) => first.once("exit", done));
    const started = Date.now();
    while (!readdirSync(root).some((n) => n.startsWith("output.building-")) && Date.now() - started < 20_000)
      await new Promise((r) => setTimeout(r, 5));
    // This test process is the second build: it asks for its own build folder now.
    expect(() => stagingDir(join(root, "output"))).toThrow(
      /another build \(process \d+\) is writing this folder right now/,
    );
    expect(await exited).toBe(0);
    expect(existsSync(join(root, "output/index.html"))).toBe(true);
    expect(readdirSync(root).filter((n) => n.startsWith("output."))).toEqual([]);
  });

  it("#12.6 a lock left by a build that died does not block", async () => {
    const root = project();
    writeFileSync(join(root, "output.lock"), "999999\n");
    expect((await runBuild(root)).status).toBe(0);
    expect(existsSync(join(root, "output.lock"))).toBe(false);
  });
});

describe("#12.1 projects kept inside a work folder", () => {
  it("a project under the package's .cache/ (like the benchmark's) may build into output/ beside it", async () => {
    mkdirSync(join(packageRoot, ".cache"), { recursive: true });
    const root = mkdtempSync(join(packageRoot, ".cache", "out-dir-test-"));
    try {
      expect(checkOutDir(root, join(root, "output"))).toBe(join(root, "output"));
      expect(checkOutDir(join(root, "site"), join(root, "output"))).toBe(join(root, "output"));
      // A folder there that clinic-pages did not make is still refused.
      mkdirSync(join(root, "notes"));
      writeFileSync(join(root, "notes", "keep.txt"), "mine");
      expect(() => checkOutDir(join(root, "site"), join(root, "notes"))).toThrow(/did not create/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
