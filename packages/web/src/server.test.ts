import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { clientIpOf, contentSecurityPolicy, isApiPath, originGuard, routerMode } from "./server";

describe("routerMode", () => {
  it("sends error details to the browser only with --dev (Vite), whatever NODE_ENV says", () => {
    const saved = process.env.NODE_ENV;
    try {
      for (const nodeEnv of ["development", "test", "production"]) {
        process.env.NODE_ENV = nodeEnv;
        expect(routerMode(false)).toBe("production");
      }
      expect(routerMode(true)).toBe("development");
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
});

describe("contentSecurityPolicy", () => {
  it("refuses framing always; runs only this site's scripts and the nonce's, except under Vite", () => {
    const production = contentSecurityPolicy("abc123");
    expect(production).toContain("frame-ancestors 'none'");
    expect(production).toContain("script-src 'self' 'nonce-abc123'");
    expect(production).not.toContain("unsafe-eval");
    expect(production).not.toMatch(/script-src[^;]*unsafe-inline/);
    const vite = contentSecurityPolicy(null);
    expect(vite).toContain("frame-ancestors 'none'");
    expect(vite).not.toContain("script-src");
  });
});

describe("clientIpOf", () => {
  it("is the socket's address, whatever X-Forwarded-For claims (sign-in throttling cannot be dodged with it)", async () => {
    const app = express();
    app.disable("x-powered-by");
    app.get("/", (req, res) => {
      res.send(clientIpOf(req));
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const seen = await (await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": "203.0.113.7", "X-Real-IP": "203.0.113.8" } })).text();
      expect(seen).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("originGuard and /api/v1", () => {
  it("exempts only real /api/v1/ paths, normalised as the router sees them", () => {
    expect(isApiPath("/api/v1/webhooks/resend")).toBe(true);
    expect(isApiPath("/api/v1/webhooks/resend?x=1")).toBe(true);
    for (const url of ["/api/v1", "/api/v10/x", "/api/v1/../cases/A", "/api/v1/%2e%2e/cases/A", "/api/v1/..%2fcases", "/apix/v1/", "/cases/api/v1/x", "//api/v1/x"]) {
      const normalised = new URL(url, "http://localhost").pathname;
      expect(isApiPath(url), url).toBe(normalised.startsWith("/api/v1/"));
    }
    expect(isApiPath("/api/v1/../cases/A")).toBe(false);
    expect(isApiPath("/api/v1/%2e%2e/cases/A")).toBe(false);
  });

  it("refuses a cross-site post to a page, lets /api/v1 through without Origin (its routes check a signature)", async () => {
    const app = express();
    app.disable("x-powered-by");
    app.use(originGuard({ publicOrigins: [], fallbackHost: "127.0.0.1" }));
    app.post(/.*/, (_req, res) => {
      res.send("reached");
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const post = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { method: "POST", headers, body: "{}" });
      expect((await post("/cases/A", { Origin: "https://evil.example" })).status).toBe(403);
      expect((await post("/cases/A")).status).toBe(403);
      expect((await post("/cases/A", { Origin: base })).status).toBe(200);
      expect((await post("/api/v1/webhooks/resend")).status).toBe(200);
      expect((await post("/api/v1/webhooks/resend", { Origin: "https://evil.example" })).status).toBe(200);
      expect((await post("/api/v1/%2e%2e/cases/A", { Origin: "https://evil.example" })).status).toBe(403);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
