import { createHash } from "node:crypto";

/** The hex sha256 of a file's content: the manifest's hashes and the image cache's side files. */
export function sha256(content: Buffer | string): string {
  return createHash("sha256").update(content).digest("hex");
}
