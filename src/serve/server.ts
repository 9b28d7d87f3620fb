import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, relative, sep } from "node:path";
import { packagePath } from "../rules/package-paths.ts";
import {
  headersFor,
  parseHeaders,
  parseRedirects,
  redirectFor,
  type HeaderRule,
  type Redirect,
} from "./rules.ts";

/** The deploy examples the local server copies its headers and redirects from. */
export const exampleRules = {
  headers: "deploy/cloudflare-pages/_headers",
  redirects: "deploy/cloudflare-pages/_redirects",
};

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  // The editor's image codecs; browsers compile WebAssembly as it streams only with this type.
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
};

/** Files a static host reads as configuration and never serves. */
const hostFiles = new Set(["_headers", "_redirects"]);

/** `_headers` and `_redirects` from the site folder when it has them (as deployed), else the examples. */
function loadRules(dir: string): { headers: HeaderRule[]; redirects: Redirect[] } {
  const read = (name: "headers" | "redirects") => {
    const own = join(dir, `_${name}`);
    return readFileSync(existsSync(own) ? own : packagePath(exampleRules[name]), "utf8");
  };
  return { headers: parseHeaders(read("headers")), redirects: parseRedirects(read("redirects")) };
}

/** The file a URL path names inside `root`, or undefined when there is none (or it would escape root). */
function fileFor(root: string, path: string): string | undefined {
  const candidate = join(root, path.endsWith("/") ? `${path}index.html` : path);
  if (!existsSync(candidate) || statSync(candidate).isDirectory()) return undefined;
  const rel = relative(root, realpathSync(candidate));
  if (rel.split(sep)[0] === ".." || hostFiles.has(rel)) return undefined;
  return candidate;
}

function handle(
  root: string,
  rules: ReturnType<typeof loadRules>,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  if (req.method !== "GET" && req.method !== "HEAD")
    return void res.writeHead(405, { allow: "GET, HEAD" }).end();
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
  } catch {
    return void res.writeHead(400).end();
  }
  const redirect = redirectFor(rules.redirects, path);
  if (redirect) return void res.writeHead(redirect.status, { location: redirect.to }).end();
  // A folder asked for without its trailing slash goes to the canonical URL, as static hosts do.
  if (!path.endsWith("/") && !fileFor(root, path) && fileFor(root, `${path}/`))
    return void res.writeHead(301, { location: `${path}/` }).end();
  const file = fileFor(root, path);
  const [status, served, headerPath] = file
    ? [200, file, path]
    : [404, fileFor(root, "/404.html"), "/404.html"];
  const headers = {
    ...headersFor(rules.headers, headerPath),
    "content-type": served
      ? (types[extname(served)] ?? "application/octet-stream")
      : "text/plain; charset=utf-8",
  };
  res.writeHead(status, headers);
  if (req.method === "HEAD") return void res.end();
  if (!served) return void res.end("Not found\n");
  createReadStream(served).pipe(res);
}

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves a built site folder with the deploy examples' headers and redirects. */
export async function serveSite(
  dir: string,
  options: { port?: number; host?: string } = {},
): Promise<RunningServer> {
  const root = realpathSync(dir);
  const rules = loadRules(root);
  const server: Server = createServer((req, res) => handle(root, rules, req, res));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
