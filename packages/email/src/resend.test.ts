import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EmailSendError, resendTransport } from "./resend";
import type { OutgoingEmail } from "./transport";

/** A local stand-in for Resend's API: it records each request and answers like Resend. */
let server: Server;
let baseUrl: string;
let requests: { method: string; url: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }[];
let reply: { status: number; body: unknown; headers?: Record<string, string>; delayMs?: number };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> });
      const { status, body, headers = {}, delayMs = 0 } = reply;
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": typeof body === "string" ? "text/html" : "application/json", ...headers });
        res.end(typeof body === "string" ? body : JSON.stringify(body));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests = [];
  reply = { status: 200, body: { id: "re_123" } };
});

// Every byte value, so a lossy encoding (UTF-8, latin1) would not round-trip.
const pdf = Uint8Array.from({ length: 512 }, (_, i) => i % 256);

function email(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    id: "0b6f7a52-1c1e-4c47-9e0a-3f1d2b4c5d6e",
    to: ["achats@martin.example"],
    from: "Accord <no-reply@accord.example>",
    subject: "Accord de règlement",
    html: "<p>Bonjour</p>",
    text: "Bonjour",
    idempotencyKey: "email:0b6f7a52",
    ...overrides,
  };
}

describe("resendTransport", () => {
  it("sends each attachment as { filename, content (base64), content_type }", async () => {
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    const result = await resendTransport({ apiKey: "re_test", baseUrl }).send(
      email({ attachments: [{ name: "Accord signé.pdf", type: "application/pdf", sha256, content: pdf }] }),
      new Date(),
    );

    expect(result).toEqual({ providerId: "re_123" });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({ method: "POST", url: "/emails" });
    expect(request!.headers["idempotency-key"]).toBe("email:0b6f7a52");
    const attachments = request!.body.attachments as { filename: string; content: string; content_type: string }[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ filename: "Accord signé.pdf", content_type: "application/pdf" });
    const decoded = Buffer.from(attachments[0]!.content, "base64");
    expect(new Uint8Array(decoded)).toEqual(pdf);
    expect(createHash("sha256").update(decoded).digest("hex")).toBe(sha256);
  });

  it("sends no attachments key for an e-mail without files", async () => {
    await resendTransport({ apiKey: "re_test", baseUrl }).send(email(), new Date());
    expect(requests[0]!.body).not.toHaveProperty("attachments");
    expect(requests[0]!.body).toMatchObject({ subject: "Accord de règlement", to: ["achats@martin.example"] });
  });

  it("throws a permanent failure when Resend refuses the e-mail (422): it is not retried", async () => {
    reply = { status: 422, body: { name: "validation_error", message: "Attachment too large", statusCode: 422 } };
    const error: unknown = await resendTransport({ apiKey: "re_test", baseUrl }).send(email(), new Date()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).toMatchObject({
      message: "Resend: Attachment too large",
      providerCode: "validation_error",
      statusCode: 422,
      outcome: { kind: "permanent", reason: "422: Attachment too large" },
    });
  });

  it("throws a transient failure on a 429, with its Retry-After, and on a 500", async () => {
    reply = { status: 429, body: { name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 }, headers: { "retry-after": "7" } };
    const limited: unknown = await resendTransport({ apiKey: "re_test", baseUrl }).send(email(), new Date()).catch((e: unknown) => e);
    expect(limited).toMatchObject({ statusCode: 429, outcome: { kind: "transient", retryAfterMs: 7000 } });
    reply = { status: 500, body: "<html>oops</html>" };
    const down: unknown = await resendTransport({ apiKey: "re_test", baseUrl }).send(email(), new Date()).catch((e: unknown) => e);
    expect(down).toMatchObject({ statusCode: 500, outcome: { kind: "transient", retryAfterMs: null } });
    expect(requests.map((r) => r.headers["idempotency-key"])).toEqual(["email:0b6f7a52", "email:0b6f7a52"]);
  });

  it("throws a transient failure when nothing answers (connection refused, timeout)", async () => {
    const refused: unknown = await resendTransport({ apiKey: "re_test", baseUrl: "http://127.0.0.1:9" }).send(email(), new Date()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: null, outcome: { kind: "transient" } });
    reply = { status: 200, body: { id: "late" }, delayMs: 2_000 };
    const slow: unknown = await resendTransport({ apiKey: "re_test", baseUrl, timeoutMs: 200 }).send(email(), new Date()).catch((e: unknown) => e);
    expect(slow).toMatchObject({ statusCode: null, outcome: { kind: "transient" } });
  });
});
