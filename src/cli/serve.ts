import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { serveSite } from "../serve/server.ts";
import { reportError } from "./command.ts";

const usage = `Usage: npm run serve -- [--out DIR] [--port N] [--host ADDRESS]

Serves the built site (default: output/) at http://127.0.0.1:8080/ with the same headers and
redirects as the deploy examples (deploy/cloudflare-pages/_headers and _redirects, or the site's
own copies when it has them). Build first with npm run build; stop with Ctrl+C.`;

async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: "string", default: "output" },
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return console.log(usage);
  const dir = resolve(values.out!);
  const port = Number(values.port);
  if (!existsSync(join(dir, "index.html"))) {
    console.error(`${dir} has no built site (no index.html). Run npm run build first, or pass --out DIR.`);
    process.exit(1);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: expected a port number between 0 and 65535, got "${values.port}"`);
    process.exit(1);
  }
  try {
    const server = await serveSite(dir, { port, host: values.host });
    console.log(`Serving ${dir} at ${server.url} (Ctrl+C to stop)`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EADDRINUSE" && code !== "EACCES") throw error;
    console.error(
      `Cannot listen on ${values.host}:${port} (${code === "EADDRINUSE" ? "the port is in use" : "permission denied"}); pass --port N to use another port.`,
    );
    process.exit(1);
  }
}

// Not runCli: the server keeps the process alive after main returns; errors still go through the
// one handler every command uses.
main(process.argv.slice(2)).catch((error: unknown) => process.exit(reportError(error)));
