import { IndexNowError } from "../problems.ts";

// The error class lives with every other user-facing one; the indexnow command imports it from here.
export { IndexNowError };

/** The shared IndexNow endpoint; it forwards to every participating engine (Bing, Yandex, Naver, Seznam, Yep). */
export const defaultEndpoint = "https://api.indexnow.org/indexnow";

/** The protocol's limit of URLs per request. */
export const urlsPerRequest = 10_000;

/** One POST to an IndexNow endpoint, as the protocol defines its JSON body. */
export interface IndexNowRequest {
  endpoint: string;
  body: { host: string; key: string; keyLocation: string; urlList: string[] };
}

/** Splits the URLs into requests of at most 10,000 URLs for the site at `origin`. */
export function indexNowRequests(
  urls: string[],
  origin: string,
  key: string,
  endpoint = defaultEndpoint,
): IndexNowRequest[] {
  const { host } = new URL(origin);
  const keyLocation = `${origin}/${key}.txt`;
  const requests: IndexNowRequest[] = [];
  for (let i = 0; i < urls.length; i += urlsPerRequest) {
    requests.push({ endpoint, body: { host, key, keyLocation, urlList: urls.slice(i, i + urlsPerRequest) } });
  }
  return requests;
}

/** What the protocol's status codes mean, for the message when a request is refused. */
const refusals: Record<number, string> = {
  400: "the request was malformed",
  403: "the key was not valid: the key file was not found at keyLocation or does not hold the key (deploy the site first)",
  422: "the URLs do not belong to the host, or the key does not match the protocol",
};

export interface SubmitOptions {
  /** Retries after a 429, a 5xx or a network error (default 5). */
  retries?: number;
  /** First wait before a retry, doubled each time unless the server sends Retry-After (default 2 s). */
  backoffMs?: number;
  /** Longest wait before a retry (default 60 s). */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

export interface SubmitResult {
  urls: number;
  requests: number;
  statuses: number[];
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends every request in order; each is retried with backoff on 429, 5xx and network errors. */
export async function submitAll(
  requests: IndexNowRequest[],
  options: SubmitOptions = {},
): Promise<SubmitResult> {
  const statuses: number[] = [];
  for (const [index, request] of requests.entries()) {
    statuses.push(await submitOne(request, `request ${index + 1} of ${requests.length}`, options));
  }
  return {
    urls: requests.reduce((n, r) => n + r.body.urlList.length, 0),
    requests: requests.length,
    statuses,
  };
}

async function submitOne(request: IndexNowRequest, name: string, options: SubmitOptions): Promise<number> {
  const { retries = 5, backoffMs = 2000, maxWaitMs = 60_000, sleep = wait, log = () => {} } = options;
  for (let attempt = 0; ; attempt++) {
    let status: number | undefined;
    let retryAfter: string | null = null;
    let failure: string;
    try {
      const response = await fetch(request.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(request.body),
      });
      await response.arrayBuffer();
      status = response.status;
      if (status === 200 || status === 202) return status;
      retryAfter = response.headers.get("retry-after");
      failure = `HTTP ${status}${refusals[status] ? `: ${refusals[status]}` : ""}`;
    } catch (error) {
      failure = `no response (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message})`;
    }
    const retryable = status === undefined || status === 429 || status >= 500;
    if (!retryable || attempt >= retries) {
      throw new IndexNowError(
        `IndexNow ${name} to ${request.endpoint} failed: ${failure}${retryable ? ` (after ${attempt + 1} attempts)` : ""}.`,
      );
    }
    const delay = Math.min(maxWaitMs, retryAfterMs(retryAfter) ?? backoffMs * 2 ** attempt);
    log(`IndexNow ${name}: ${failure}; retrying in ${(delay / 1000).toFixed(1)} s.`);
    await sleep(delay);
  }
}

/** Retry-After as seconds (the form IndexNow endpoints send); an HTTP date is also accepted. */
function retryAfterMs(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
