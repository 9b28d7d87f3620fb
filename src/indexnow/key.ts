import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DataError } from "../problems.ts";
import { indexNowKeyPattern } from "../validate/integrations-schema.ts";
import type { Site } from "../validate/index.ts";

/** The environment variable that sets (or overrides) the IndexNow key. */
export const keyVariable = "CLINIC_PAGES_INDEXNOW_KEY";

/**
 * The IndexNow key: CLINIC_PAGES_INDEXNOW_KEY when set, else site.yaml `indexNow.key`, else none.
 * site.yaml's key is checked by its schema; a bad environment value is reported the same way.
 */
export function indexNowKey(site: Site, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[keyVariable];
  if (value === undefined || value === "") return site.indexNow?.key;
  if (!indexNowKeyPattern.test(value)) {
    throw new DataError([
      {
        file: keyVariable,
        field: "indexNow.key",
        message: `expected 8 to 128 letters, digits or dashes, got ${value.length} characters${/[^a-zA-Z0-9-]/.test(value) ? " including others" : ""}`,
        hint: "use a UUID or another random string of letters, digits and dashes",
      },
    ]);
  }
  return value;
}

/** The key file's name at the site root; IndexNow fetches it to check the key belongs to the host. */
export function keyFileName(key: string): string {
  return `${key}.txt`;
}

/** Writes `/<key>.txt` (containing the key) at the root of a built site. */
export function writeKeyFile(siteDir: string, key: string): void {
  writeFileSync(join(siteDir, keyFileName(key)), key);
}
