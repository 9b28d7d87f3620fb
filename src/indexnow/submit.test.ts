import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Site } from "../validate/index.ts";
import { indexNowKey } from "./key.ts";
import { indexNowRequests, submitAll, urlsPerRequest } from "./submit.ts";

interface Received {
  method: string;
  type: string;
  body: { host: string; key: string; keyLocation: string; urlList: string[] };
}

let close = async () => {};
afterEach(() => close());

/** An IndexNow endpoint on 127.0.0.1 (random port) that answers with the given statuses in turn. */
async function endpoint(answers: Array<number | [number, Record<string, string>]>) {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      received.push({ method: req.method!, type: req.headers["content-type"] ?? "", body: JSON.parse(text) });
      const answer = answers[Math.min(received.length - 1, answers.length - 1)]!;
      const [status, headers] = typeof answer === "number" ? [answer, {}] : answer;
      res.writeHead(status, headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/indexnow`, received };
}

const key = "3f9c2a7e-5b1d-4e8a-9c0f-6d2b7a4e1c35";
const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://clinic.test/page-${i}/`);

describe("IndexNow requests", () => {
  it("split 25,000 URLs into batches of at most 10,000, each with host, key and key location", () => {
    const requests = indexNowRequests(urls(25_000), "https://clinic.test", key);
    expect(requests.map((r) => r.body.urlList.length)).toEqual([10_000, 10_000, 5_000]);
    expect(urlsPerRequest).toBe(10_000);
    expect(requests[2]!.body).toMatchObject({
      host: "clinic.test",
      key,
      keyLocation: `https://clinic.test/${key}.txt`,
    });
    expect(requests.flatMap((r) => r.body.urlList)).toEqual(urls(25_000));
  });

  it("POST each batch as JSON to the endpoint", async () => {
    const server = await endpoint([200, 202]);
    const result = await submitAll(indexNowRequests(urls(10_001), "https://clinic.test", key, server.url));
    expect(result).toEqual({ urls: 10_001, requests: 2, statuses: [200, 202] });
    expect(server.received.map((r) => [r.method, r.type, r.body.urlList.length])).toEqual([
      ["POST", "application/json; charset=utf-8", 10_000],
      ["POST", "application/json; charset=utf-8", 1],
    ]);
  });

  it("retry after 429 and 5xx with doubling waits, or the server's Retry-After", async () => {
    const server = await endpoint([429, 503, [429, { "retry-after": "7" }], 200]);
    const waits: number[] = [];
    const result = await submitAll(indexNowRequests(urls(3), "https://clinic.test", key, server.url), {
      backoffMs: 100,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(result.statuses).toEqual([200]);
    expect(waits).toEqual([100, 200, 7000]);
    expect(server.received).toHaveLength(4);
  });

  it("give up after the last retry, saying how many attempts were made", async () => {
    const server = await endpoint([500]);
    const request = indexNowRequests(urls(1), "https://clinic.test", key, server.url);
    await expect(submitAll(request, { retries: 2, sleep: async () => {} })).rejects.toThrow(
      /HTTP 500 \(after 3 attempts\)/,
    );
  });

  it("do not retry a refused key (403), and say what it means", async () => {
    const server = await endpoint([403, 200]);
    await expect(
      submitAll(indexNowRequests(urls(1), "https://clinic.test", key, server.url), { sleep: async () => {} }),
    ).rejects.toThrow(/HTTP 403: the key was not valid/);
    expect(server.received).toHaveLength(1);
  });
});

describe("IndexNow key", () => {
  const site = { indexNow: { key } } as Site;

  it("comes from site.yaml, or from CLINIC_PAGES_INDEXNOW_KEY, which wins", () => {
    expect(indexNowKey(site, {})).toBe(key);
    expect(indexNowKey(site, { CLINIC_PAGES_INDEXNOW_KEY: "abcdef0123" })).toBe("abcdef0123");
    expect(indexNowKey({} as Site, {})).toBeUndefined();
  });

  it("from the environment is checked: 8–128 letters, digits and dashes", () => {
    expect(() => indexNowKey(site, { CLINIC_PAGES_INDEXNOW_KEY: "short" })).toThrow(
      /CLINIC_PAGES_INDEXNOW_KEY indexNow.key: expected 8 to 128 letters/,
    );
    expect(() => indexNowKey(site, { CLINIC_PAGES_INDEXNOW_KEY: "has spaces in it" })).toThrow(
      /including others/,
    );
    expect(() => indexNowKey(site, { CLINIC_PAGES_INDEXNOW_KEY: "a".repeat(129) })).toThrow(/129 characters/);
  });
});
