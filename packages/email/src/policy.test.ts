import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseTransport } from "./policy";
import { EmailSendError, resendTransport } from "./resend";
import { composeTransports, type EmailTransport, type OutgoingEmail } from "./transport";

const outgoing: OutgoingEmail = {
  id: "42",
  to: ["admin@martin.example"],
  from: "Accord <no-reply@accord.example>",
  subject: "Sujet",
  html: "<p>Bonjour</p>",
  text: "Bonjour",
  idempotencyKey: "email:42",
};

describe("chooseTransport", () => {
  it("uses the mailbox outside production, even with a Resend key", () => {
    const chosen = chooseTransport({ production: false, mailboxDir: "/tmp/x", resend: { apiKey: "re_test" } });
    expect(chosen.transport.name).toBe("mailbox");
    expect(chosen.warning).toBeNull();
  });
  it("uses Resend in production with a key", () => {
    expect(chooseTransport({ production: true, mailboxDir: "/tmp/x", resend: { apiKey: "re_test" } }).transport.name).toBe(
      "resend",
    );
  });
  it("falls back to the mailbox with a warning in production without a key", () => {
    const chosen = chooseTransport({ production: true, mailboxDir: "/tmp/x" });
    expect(chosen.transport.name).toBe("mailbox");
    expect(chosen.warning).toMatch(/RESEND_API_KEY/);
  });
});

describe("composeTransports", () => {
  function recording(name: string, log: string[], fail = false): EmailTransport {
    return {
      name,
      async send() {
        log.push(name);
        if (fail) throw new Error(`${name} down`);
        return { providerId: name };
      },
    };
  }
  it("sends to the primary then to the copies, and returns the primary's result", async () => {
    const log: string[] = [];
    const result = await composeTransports(recording("p", log), recording("c", log)).send(outgoing, new Date());
    expect(log).toEqual(["p", "c"]);
    expect(result).toEqual({ providerId: "p" });
  });
  it("makes no copy when the primary fails", async () => {
    const log: string[] = [];
    await expect(composeTransports(recording("p", log, true), recording("c", log)).send(outgoing, new Date())).rejects.toThrow(
      "p down",
    );
    expect(log).toEqual(["p"]);
  });
});

describe("resendTransport against a local fake", () => {
  const requests: { headers: IncomingHttpHeaders; body: unknown }[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: JSON.parse(body) });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(
        status === 200
          ? JSON.stringify({ id: "re_msg_1" })
          : JSON.stringify({ name: "validation_error", message: "Invalid `to` field", statusCode: status }),
      );
    });
  });
  let baseUrl: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("posts the e-mail with the idempotency key and returns the provider id", async () => {
    status = 200;
    const result = await resendTransport({ apiKey: "re_test", baseUrl }).send(outgoing, new Date());
    expect(result).toEqual({ providerId: "re_msg_1" });
    const request = requests.at(-1)!;
    expect(request.headers["idempotency-key"]).toBe("email:42");
    expect(request.headers.authorization).toBe("Bearer re_test");
    expect(request.body).toMatchObject({ to: ["admin@martin.example"], subject: "Sujet", html: "<p>Bonjour</p>", text: "Bonjour" });
  });

  it("throws when Resend answers with an error, so the job is retried", async () => {
    status = 422;
    const error = await resendTransport({ apiKey: "re_test", baseUrl })
      .send(outgoing, new Date())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).toMatchObject({ providerCode: "validation_error", statusCode: 422 });
  });
});
