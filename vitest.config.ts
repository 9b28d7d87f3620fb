import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Files that spend most of their time waiting on Chromium (Lighthouse's fixed waits, the editor)
 * start first, so the CPU-bound files fill the cores around them instead of queueing behind them.
 */
const waitingFiles = ["tests/lighthouse.test.ts", "tests/cms-browser.test.ts", "tests/browser-pages.test.ts"];

class WaitingFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = waitingFiles.findIndex((name) => file.moduleId.endsWith(name));
      return index === -1 ? waitingFiles.length : index;
    };
    return sorted
      .map((file, order) => ({ file, order }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup.ts"],
    // One more worker than cores (at least three): Lighthouse and the editor test mostly wait on
    // Chromium, and the CPU-bound files use the cores meanwhile.
    maxWorkers: Math.max(3, availableParallelism() + 1),
    // Test files share each worker's loaded modules (Eleventy, sharp, zod, the stages) instead of
    // importing them again per file, which took about half the suite's time. Tests restore what
    // they change (environment variables, console spies, the working folder).
    isolate: false,
    sequence: { sequencer: WaitingFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
