import { parentPort, Worker } from "node:worker_threads";

/*
 * Worker threads for the build: the main thread starts them (`startWorker`) and hands them
 * tasks through a pool (`WorkerPool`); a worker module answers with `serveTasks`. Messages:
 * `{ setup }` once (what every task shares), then `{ id, task }`, each answered with
 * `{ id, result }` or `{ id, error }`.
 */

/** Tasks a worker holds at once: it starts the next while the main thread reads its last answer. */
const tasksInFlight = 2;

interface Reply<R> {
  id: number;
  result?: R;
  error?: string;
}

/** Heap limits of a worker thread, in MB. */
export interface WorkerLimits {
  /** Old generation; a worker past it stops with ERR_WORKER_OUT_OF_MEMORY. */
  maxOldMb?: number;
}

/**
 * Starts a worker thread running `module`, a TypeScript module: tsx is registered in the
 * thread first. The thread loads its module while the caller goes on.
 */
export function startWorker(module: URL, limits: WorkerLimits = {}): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(module.href)}));`;
  const worker = new Worker(code, {
    eval: true,
    resourceLimits: {
      maxYoungGenerationSizeMb: 32,
      ...(limits.maxOldMb ? { maxOldGenerationSizeMb: limits.maxOldMb } : {}),
    },
  });
  // A worker can fail or stop before it is given work (a pool runs it later): remember why.
  worker.on("error", (error) => ended.set(worker, error));
  worker.on("exit", (code) => ended.has(worker) || ended.set(worker, exitError(code)));
  return worker;
}

/** Why a worker ended, for workers that ended outside a run. */
const ended = new WeakMap<Worker, Error>();

const exitError = (code: number) => new Error(`a worker thread exited with code ${code}`);

/** Worker threads that each take the next task as soon as they have room for one. */
export class WorkerPool<Task, Result> {
  constructor(
    private readonly workers: Worker[],
    /** The error a worker's ERR_WORKER_OUT_OF_MEMORY becomes. */
    private readonly outOfMemory: () => Error,
    private readonly what: string,
  ) {}

  /** Sends every worker what all of its tasks share; messages arrive in order, so before any task. */
  setup(shared: unknown): void {
    for (const worker of this.workers) worker.postMessage({ setup: shared });
  }

  /** Runs every task; `done` receives each result (in any order) with its task's index. */
  run(tasks: Task[], done: (index: number, result: Result) => void): Promise<void> {
    let next = 0;
    let finished = 0;
    const listeners: Array<() => void> = [];
    return new Promise<void>((resolve, reject) => {
      if (tasks.length === 0) return resolve();
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const feed = (worker: Worker) => {
        if (failed || next >= tasks.length) return;
        const id = next++;
        worker.postMessage({ id, task: tasks[id] });
      };
      for (const worker of this.workers) {
        const early = ended.get(worker);
        if (early) return fail(isOutOfMemory(early) ? this.outOfMemory() : early);
        const onMessage = (message: Reply<Result>) => {
          if (message.error !== undefined)
            return fail(new Error(`${this.what} ${message.id + 1} failed:\n${message.error}`));
          try {
            done(message.id, message.result!);
          } catch (error) {
            return fail(error as Error);
          }
          if (++finished === tasks.length) resolve();
          else feed(worker);
        };
        const onError = (error: Error) => fail(isOutOfMemory(error) ? this.outOfMemory() : error);
        const onExit = (code: number) => {
          if (finished < tasks.length) fail(exitError(code));
        };
        worker.on("message", onMessage).on("error", onError).on("exit", onExit);
        listeners.push(() => worker.off("message", onMessage).off("error", onError).off("exit", onExit));
        for (let i = 0; i < tasksInFlight; i++) feed(worker);
      }
    }).finally(() => listeners.forEach((remove) => remove()));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

const isOutOfMemory = (error: Error & { code?: string }) => error.code === "ERR_WORKER_OUT_OF_MEMORY";

/**
 * The worker side: `setup` receives what the main thread shares once, `handle` answers each
 * task; `transfer` names the result's buffers to move instead of copy.
 */
export function serveTasks<Shared, Task, Result>(
  setup: (shared: Shared) => void,
  handle: (task: Task) => Result,
  transfer: (result: Result) => ArrayBuffer[] = () => [],
): void {
  // A setup that throws fails every task with its error, so the main thread reports it.
  let setupError: unknown;
  parentPort!.on("message", (message: { setup: Shared } | { id: number; task: Task }) => {
    if ("setup" in message) {
      try {
        setup(message.setup);
      } catch (error) {
        setupError = error;
      }
      return;
    }
    const { id, task } = message;
    try {
      if (setupError !== undefined) throw setupError;
      const result = handle(task);
      parentPort!.postMessage({ id, result }, transfer(result));
    } catch (error) {
      parentPort!.postMessage({
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  });
}
