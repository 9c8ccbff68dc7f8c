import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { serverTiming } from "./server-timing";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A server whose handler runs behind the middleware, with a clock that moves 12.5 ms per read. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  let now = 1_000;
  const middleware = serverTiming("app", () => (now += 12.5));
  const server = createServer((req, res) => middleware(req, res, () => handler(req, res)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe("serverTiming", () => {
  it("times a response whose headers are written implicitly", async () => {
    const url = await serve((_req, res) => res.end("ok"));
    const response = await fetch(url);
    expect(response.headers.get("server-timing")).toBe("app;dur=12.500");
    expect(await response.text()).toBe("ok");
  });

  it("times an explicit writeHead, keeping its status and headers", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("missing");
    });
    const response = await fetch(url);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(response.headers.get("server-timing")).toBe("app;dur=12.500");
  });

  it("adds to a Server-Timing the handler set itself", async () => {
    const url = await serve((_req, res) => {
      res.setHeader("Server-Timing", "db;dur=3");
      res.end();
    });
    expect((await fetch(url)).headers.get("server-timing")).toBe("db;dur=3, app;dur=12.500");
  });
});
