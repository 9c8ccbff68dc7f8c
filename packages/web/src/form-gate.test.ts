import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkUrl, formGate, replayBody } from "./form-gate";
import { FORM_LIMITS } from "./form-limits";

const tempDir = mkdtempSync(path.join(tmpdir(), "accord-form-gate-"));
let base = "";
let close: () => Promise<void>;
/** What the next handler (React Router) read from each request that passed the gate. */
const passed: { body: string; contentType: string | undefined }[] = [];

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("latin1");
}

beforeAll(async () => {
  const gate = formGate({ sessionCookieNames: ["__Host-accord_portal_session", "accord_portal_session"], maxFileBytes: 64 * 1024, maxFiles: 2, tempDir });
  const server = createServer((req: IncomingMessage, res) => {
    gate(req, res, (error?: unknown) => {
      if (error) {
        res.statusCode = 500;
        res.end(String(error));
        return;
      }
      void readAll(replayBody(req) ?? req).then((body) => {
        passed.push({ body, contentType: req.headers["content-type"] });
        res.end("passed");
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close?.();
});

const post = (body: BodyInit, headers: Record<string, string> = {}) => fetch(`${base}/login`, { method: "POST", body, headers });

describe("the form gate", () => {
  it("lets a form within bounds through, with its body intact", async () => {
    const response = await post(new URLSearchParams({ email: "a@b.example", "lines[3].x": "é" }));
    expect(await response.text()).toBe("passed");
    expect(passed.at(-1)?.body).toBe(new URLSearchParams({ email: "a@b.example", "lines[3].x": "é" }).toString());
  });

  it("gives a post without a body to the next handler as an empty form", async () => {
    const response = await fetch(`${base}/login`, { method: "POST" });
    expect(await response.text()).toBe("passed");
    expect(passed.at(-1)).toEqual({ body: "", contentType: "application/x-www-form-urlencoded" });
    await new Request("http://x/", { method: "POST", body: passed.at(-1)!.body, headers: { "content-type": passed.at(-1)!.contentType! } }).formData();
  });

  it("refuses a JSON body with a 400 and a clear message", async () => {
    const response = await post(JSON.stringify({ email: "x" }), { "content-type": "application/json" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("type de contenu");
  });

  it("refuses a NUL byte (%00) with a 400 naming the field", async () => {
    const response = await post("email=a%00b&password=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("« email »");
  });

  it("refuses a huge index at once, without echoing the submission", async () => {
    const response = await post(`lines[100000000].contestedQuantity=1&title=${"y".repeat(1000)}`, { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain("lines[100000000].contestedQuantity");
    expect(text).not.toContain("yyyy");
  });

  it("refuses a form body larger than the bound with a 413", async () => {
    const response = await post(`a=${"x".repeat(FORM_LIMITS.maxBytes + 10)}`, { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(413);
  });

  it("lets a complete multipart body through with its file (signed in), and removes its copy", async () => {
    const form = new FormData();
    form.append("intent", "reply");
    form.append("files", new Blob(["%PDF-1.4 tiny"]), "a.pdf");
    const response = await post(form, { cookie: "accord_portal_session=abc" });
    expect(await response.text()).toBe("passed");
    expect(passed.at(-1)?.body).toContain("%PDF-1.4 tiny");
    expect(passed.at(-1)?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    await expect.poll(() => readdir(tempDir)).toEqual([]);
  });

  it("refuses a cut-off multipart body with a 400, and a NUL byte or a huge index in a multipart field", async () => {
    const boundary = "----accordtest";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\n`;
    const type = { "content-type": `multipart/form-data; boundary=${boundary}` };
    const cut = await post(`${head}a@b.example\r\n--${boundary}\r\nContent-Disposition: form-data; name="pass`, type);
    expect(cut.status).toBe(400);
    expect(await cut.text()).toContain("incomplet");
    const nul = await post(`${head}a\0b\r\n--${boundary}--\r\n`, type);
    expect(nul.status).toBe(400);
    expect(await nul.text()).toContain("« email »");
    const huge = await post(`--${boundary}\r\nContent-Disposition: form-data; name="kbArticleIds[50000000]"\r\n\r\nx\r\n--${boundary}--\r\n`, type);
    expect(huge.status).toBe(400);
    const noBoundary = await post("x", { "content-type": "multipart/form-data" });
    expect(noBoundary.status).toBe(400);
    await expect.poll(() => readdir(tempDir)).toEqual([]);
  });
});

describe("checkUrl", () => {
  it("refuses a NUL byte in a query parameter or the path, naming it, and lets the rest through", async () => {
    expect(checkUrl("/cases?q=%00")).toEqual({ code: "nul_byte", field: "q" });
    expect(checkUrl("/cases/%00")).toEqual({ code: "nul_byte", field: "URL" });
    expect(checkUrl("/cases?q=LIT-2026&status=open&x=%25")).toBeNull();
    expect(checkUrl("/%E0%A4%A")).toBeNull();
    const response = await fetch(`${base}/cases?q=%00`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("« q »");
  });
});
