import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { clientIpOf, contentSecurityPolicy, routerMode } from "./server";

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
