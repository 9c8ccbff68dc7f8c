/**
 * The load of the intake benchmark: `autocannon` (as a library) with N concurrent connections, one
 * request shape, each request built afresh by `setupRequest` (its own Idempotency-Key, key, body).
 */
import autocannon from "autocannon";

export interface LoadResult {
  /** Requests answered per second (2xx or not), autocannon's mean over the run. */
  throughput: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** Requests answered 2xx, in all. */
  ok: number;
  /** 3xx answers (the portal form's success is a redirect). */
  redirects: number;
  /** Non-2xx answers (3xx included), socket errors and timeouts. */
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The first 4xx/5xx status and body seen (to say why). */
  firstFailure: string | null;
}

export interface LoadRequest {
  method: "POST" | "GET";
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Runs `connections` clients against `url` for `seconds`, each request made by `next()`. */
export async function runLoad(options: { url: string; connections: number; seconds: number; next: () => LoadRequest; timeoutSeconds?: number }): Promise<LoadResult> {
  let firstFailure: string | null = null;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: options.timeoutSeconds ?? 10,
    requests: [
      {
        setupRequest: (request) => {
          const next = options.next();
          return { ...request, method: next.method, path: next.path, headers: { ...request.headers, ...next.headers }, body: next.body };
        },
        onResponse: (status, body) => {
          if ((status < 200 || status > 399) && firstFailure === null) firstFailure = `${status} ${String(body).slice(0, 400)}`;
        },
      },
    ],
  });
  return {
    throughput: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    redirects: result["3xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    firstFailure,
  };
}
