import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { startWorker, WorkerPool } from "./workers.ts";

const fixture = (name: string) => new URL(`../../tests/fixtures/workers/${name}.ts`, import.meta.url);
const outOfMemory = () => new Error("out of memory");

async function runAll(module: string, shared: string, tasks: string[], threads = 2): Promise<string[]> {
  const pool = new WorkerPool<string, string>(
    Array.from({ length: threads }, () => startWorker(fixture(module))),
    outOfMemory,
    "task",
  );
  const results: string[] = new Array(tasks.length);
  try {
    pool.setup(shared);
    await pool.run(tasks, (index, result) => (results[index] = result));
  } finally {
    await pool.close();
  }
  return results;
}

describe("the worker pool", () => {
  it("gives every task to a worker after the shared setup and returns each result at its task's index", async () => {
    const tasks = Array.from({ length: 25 }, (_, i) => `page-${i}`);
    expect(await runAll("echo", "done:", tasks)).toEqual(tasks.map((t) => `done:${t}`));
  });

  it("fails with the task's error and its number", async () => {
    await expect(runAll("echo", "", ["a", "throw", "c"])).rejects.toThrow(
      /task 2 failed:[\s\S]*task refused/,
    );
  });

  it("fails every task with the error of a setup that threw", async () => {
    await expect(runAll("echo", "refuse", ["a"])).rejects.toThrow(/setup refused/);
  });

  it("fails, instead of waiting forever, when a worker's module could not load before the run", async () => {
    const worker = startWorker(fixture("broken"));
    await once(worker, "error");
    const pool = new WorkerPool<string, string>([worker], outOfMemory, "task");
    try {
      await expect(pool.run(["a"], () => {})).rejects.toThrow(/cannot load/);
    } finally {
      await pool.close();
    }
  });
});
