import { afterEach, describe, expect, it, vi } from "vitest";
import { main as importMain } from "./import.ts";
import { main as newLocationMain } from "./new-location.ts";
import { reportError } from "./command.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** What reportError prints for the error a command body throws, and the exit code. */
async function failureOf(run: () => Promise<number>): Promise<{ code: number; printed: string }> {
  const printed: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void printed.push(parts.join(" ")));
  const code = await run().catch((error: unknown) => reportError(error));
  return { code, printed: printed.join("\n") };
}

describe("the one CLI error handler", () => {
  it.each([
    ["import", () => importMain(["--bogus", "cities.csv"]), "Unknown option '--bogus'"],
    [
      "new-location",
      () => newLocationMain(["Pompano Beach, FL", "--pick"]),
      "'--pick <value>' argument missing",
    ],
  ])(
    "%s: a mistyped option is a usage message with exit code 1, not an internal error",
    async (_name, run, says) => {
      const { code, printed } = await failureOf(run);
      expect(code).toBe(1);
      expect(printed).toContain(says);
      expect(printed).toContain("--help");
      expect(printed).not.toContain("internal error");
      expect(printed).not.toMatch(/\n\s+at /);
    },
  );

  it("still prints a stack trace for our own bugs", async () => {
    const { code, printed } = await failureOf(async () => {
      throw new TypeError("a bug");
    });
    expect(code).toBe(1);
    expect(printed).toContain("internal error (a bug");
  });
});
