import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, routerMode } from "./server";

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
