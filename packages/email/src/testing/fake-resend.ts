/**
 * A local stand-in for Resend's `POST /emails`, for tests (ADR 0033): a node:http server on a free port
 * whose behaviour is programmed — a scripted series of failures (500s, a 429 with `Retry-After`…)
 * before it recovers, addresses it refuses (422) — and which counts the idempotency keys of the
 * e-mails it accepted. Point `RESEND_BASE_URL` (or `resendTransport({ baseUrl })`) at `url`.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeResendRequest {
  idempotencyKey: string | null;
  to: string[];
  subject: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** What the fake answered. */
  status: number;
}

export interface FakeResend {
  url: string;
  /** Every request, in order. */
  readonly requests: FakeResendRequest[];
  /** Idempotency key → how many times an e-mail with that key was accepted (2xx). */
  readonly accepted: Map<string, number>;
  /** The answers to give, in order, before accepting again (each request takes one). */
  failNext(...answers: FakeAnswer[]): void;
  /** Every e-mail to this address is refused with a 422, as Resend does for an invalid recipient. */
  refuse(address: string, message?: string): void;
  close(): Promise<void>;
}

export async function startFakeResend(): Promise<FakeResend> {
  const requests: FakeResendRequest[] = [];
  const accepted = new Map<string, number>();
  const pending: FakeAnswer[] = [];
  const refused = new Map<string, string>();
  // Resend answers the same id for the same key: replays are visible as such.
  const ids = new Map<string, string>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      } catch {
        // An unreadable body is answered below like Resend would (422).
      }
      const to = Array.isArray(body.to) ? (body.to as string[]) : typeof body.to === "string" ? [body.to] : [];
      const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
      let answer: FakeAnswer;
      const refusedAddress = to.find((address) => refused.has(address.toLowerCase()));
      if (req.method !== "POST" || req.url !== "/emails") {
        answer = { status: 404, body: { statusCode: 404, name: "not_found", message: "Not found" } };
      } else if (refusedAddress !== undefined) {
        answer = { status: 422, body: { statusCode: 422, name: "validation_error", message: refused.get(refusedAddress.toLowerCase()) } };
      } else if (pending.length > 0) {
        answer = pending.shift()!;
      } else if (to.length === 0 || typeof body.subject !== "string") {
        answer = { status: 422, body: { statusCode: 422, name: "validation_error", message: "Missing `to` or `subject` field." } };
      } else {
        const id = (key && ids.get(key)) ?? randomUUID();
        if (key) {
          ids.set(key, id);
          accepted.set(key, (accepted.get(key) ?? 0) + 1);
        }
        answer = { status: 200, body: { id } };
      }
      requests.push({ idempotencyKey: key, to, subject: typeof body.subject === "string" ? body.subject : "", headers: req.headers, body, status: answer.status });
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    accepted,
    failNext: (...answers) => void pending.push(...answers),
    refuse: (address, message = `Invalid \`to\` field: ${address}`) => void refused.set(address.toLowerCase(), message),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A 5xx as Resend sends it. */
export const serverError = (status = 500): FakeAnswer => ({ status, body: { statusCode: status, name: "internal_server_error", message: "Internal server error" } });

/** A 429 with `Retry-After` in seconds. */
export const rateLimited = (retryAfterSeconds: number): FakeAnswer => ({
  status: 429,
  headers: { "retry-after": String(retryAfterSeconds) },
  body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
});
