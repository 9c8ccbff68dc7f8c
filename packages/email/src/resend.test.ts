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
let reply: { status: number; body: unknown };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> });
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify(reply.body));
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

  it("throws when Resend refuses the e-mail, so the job is retried", async () => {
    reply = { status: 422, body: { name: "validation_error", message: "Attachment too large", statusCode: 422 } };
    const error: unknown = await resendTransport({ apiKey: "re_test", baseUrl }).send(email(), new Date()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).toMatchObject({ message: "Resend: Attachment too large", providerCode: "validation_error", statusCode: 422 });
  });
});
