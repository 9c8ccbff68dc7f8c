import { defineConfig } from "vitest/config";

// Not the app's vite.config.ts: the React Router plugin is not needed to test modules.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", isolate: false, testTimeout: 120_000, include: ["app/**/*.test.{ts,tsx}"], exclude: ["app/**/*.int.test.{ts,tsx}"] } },
      { test: { name: "integration", isolate: false, include: ["app/**/*.int.test.{ts,tsx}"] } },
    ],
  },
});
