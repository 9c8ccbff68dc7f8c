import { describe, expect, it } from "vitest";
import { routerMode } from "./server";

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
