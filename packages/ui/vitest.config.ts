import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", isolate: false, testTimeout: 120_000, include: ["src/**/*.test.{ts,tsx}"], exclude: ["src/**/*.int.test.{ts,tsx}"] } },
      { test: { name: "integration", isolate: false, include: ["src/**/*.int.test.{ts,tsx}"] } },
    ],
  },
});
